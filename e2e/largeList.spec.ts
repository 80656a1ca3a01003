// The plans list at a million plans: the DOM holds only the visible rows, the last plan is one scroll
// away although a million 44 px rows are taller than a browser lets an element be (the list scrolls
// scaled, renderer/src/lib/scaledScroll.ts), and a filter answers at once. (Timing is the benchmark's
// job; this checks the behaviour.)
import type { Locator, Page } from '@playwright/test'
import { AppPage } from './models/AppPage.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { expect, test } from './fixtures/webApp.ts'

const PLANS = 1_000_000
const ROW_HEIGHT = 44

test.use({ dataset: { kind: 'seed', plans: PLANS, tasks: 20_000, enterprises: 2_000 } })
// Seeding a million plans takes about a minute before the first test.
test.setTimeout(120_000)

/** The data rows on screen, top to bottom: their list position (aria-rowindex) and where they are drawn. */
async function rowsInView(page: Page, scroller: Locator): Promise<{ index: number; top: number; bottom: number }[]> {
  const box = await scroller.boundingBox()
  if (!box) throw new Error('the plan list is not on screen')
  const rows = await page.locator('.plan-data-row').evaluateAll((els) =>
    els.map((el) => ({ index: Number(el.getAttribute('aria-rowindex')), top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom })))
  return rows.filter((r) => r.bottom > box.y + 40 && r.top < box.y + box.height).sort((a, b) => a.top - b.top)
}

/** The rows in view once the list has drawn them (after a scroll, React draws on its next frame). */
async function settledRowsInView(page: Page, scroller: Locator): Promise<{ index: number; top: number; bottom: number }[]> {
  await expect.poll(async () => (await rowsInView(page, scroller)).length).toBeGreaterThan(5)
  await expect(page.locator('.plan-row-loading')).toHaveCount(0)
  return rowsInView(page, scroller)
}

/** Consecutive rows, one row height apart, with no gap or overlap. */
function expectTiled(rows: { index: number; top: number }[]): void {
  expect(rows.length).toBeGreaterThan(5)
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i]!.index).toBe(rows[i - 1]!.index + 1)
    expect(Math.abs(rows[i]!.top - rows[i - 1]!.top - ROW_HEIGHT)).toBeLessThan(1.5)
  }
}

test('scrolls 1,000,000 plans, to the last one, with only the visible rows in the page', async ({ page, webApp }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  const started = Date.now()
  await app.openPlans()
  test.info().annotations.push({ type: 'first rows visible after (ms, informational)', description: String(Date.now() - started) })
  expect(await app.shownTotal()).toBe(PLANS)
  expect(await page.locator('.plan-body > .plan-row').count()).toBeLessThan(80)

  const scroller = page.getByTestId('plan-scroll')
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const lastRow = page.locator(`.plan-data-row[aria-rowindex="${PLANS + 1}"]`)
  await expect(lastRow).toBeVisible()
  // The last row ends where the list does: at the bottom of the scrolled area, not cut off above it.
  const listBox = await scroller.boundingBox()
  const lastBox = await lastRow.boundingBox()
  expect(Math.abs(lastBox!.y + lastBox!.height - (listBox!.y + listBox!.height))).toBeLessThan(20)
  await expect(page.getByTestId('plan-footer')).toContainText(`${PLANS.toLocaleString('zh-CN')} 项，当前显示第`)
  await expect(page.getByTestId('plan-footer')).toContainText(`–${PLANS.toLocaleString('zh-CN')} 项`)
  expect(await page.locator('.plan-body > .plan-row').count()).toBeLessThan(80)
  expectTiled(await settledRowsInView(page, scroller))
  await screenshot(page, 'plans-1m-bottom')

  // Jump to the middle: the rows there load by themselves, the middle of the list.
  await scroller.evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) / 2))
  await expect.poll(async () => Math.abs(((await rowsInView(page, scroller))[0]?.index ?? 0) - PLANS / 2)).toBeLessThan(100)
  const middle = await settledRowsInView(page, scroller)
  expectTiled(middle)

  // A turn of the wheel moves the list on by a few rows, which stay tiled (scaled: more than one list pixel
  // per scrolled pixel), and back again.
  await scroller.hover()
  await page.mouse.wheel(0, 100)
  await expect.poll(async () => (await rowsInView(page, scroller))[0]!.index).toBeGreaterThan(middle[0]!.index + 2)
  expectTiled(await settledRowsInView(page, scroller))
  await page.mouse.wheel(0, -100)
  await expect.poll(async () => (await rowsInView(page, scroller))[0]!.index).toBe(middle[0]!.index)

  // The keys page a view at a time (scaled, the browser alone would move the list three views) and reach the end.
  const before = (await rowsInView(page, scroller))[0]!.index
  await page.locator(`.plan-data-row[aria-rowindex="${before + 2}"]`).focus()
  await page.keyboard.press('PageDown')
  await expect.poll(async () => (await rowsInView(page, scroller))[0]!.index - before).toBeGreaterThan(8)
  expect((await rowsInView(page, scroller))[0]!.index - before).toBeLessThan(20)
  await page.locator(`.plan-data-row[aria-rowindex="${(await settledRowsInView(page, scroller))[1]!.index}"]`).focus()
  await page.keyboard.press('End')
  await expect(lastRow).toBeVisible()

  await app.filterByStatus('SUBMITTED')
  await expect.poll(() => app.shownTotal()).toBeLessThan(PLANS)
  await expect(page.locator('.plan-data-row[aria-rowindex="2"]')).toBeVisible()
  await screenshot(page, 'plans-1m-filtered')
})
