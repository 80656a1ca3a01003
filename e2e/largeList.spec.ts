// The plans list at 100,000 plans: the DOM holds only the visible rows, the last plan is one scroll
// away, and a filter answers at once. (Timing is the benchmark's job; this checks the behaviour.)
import { AppPage } from './models/AppPage.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { expect, test } from './fixtures/webApp.ts'

const PLANS = 100_000

test.use({ dataset: { kind: 'seed', plans: PLANS, tasks: 20_000, enterprises: 2_000 } })

test('scrolls 100,000 plans with only the visible rows in the page', async ({ page, webApp }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  const started = Date.now()
  await app.openPlans()
  test.info().annotations.push({ type: 'first rows visible after (ms, informational)', description: String(Date.now() - started) })
  expect(await app.shownTotal()).toBe(PLANS)
  const rendered = await page.locator('.plan-body > .plan-row').count()
  expect(rendered).toBeLessThan(80)

  const scroller = page.getByTestId('plan-scroll')
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const lastRow = page.locator(`.plan-data-row[aria-rowindex="${PLANS + 1}"]`)
  await expect(lastRow).toBeVisible()
  await expect(page.getByTestId('plan-footer')).toContainText(`${PLANS.toLocaleString('zh-CN')} 项，当前显示第`)
  await expect(page.getByTestId('plan-footer')).toContainText(`–${PLANS.toLocaleString('zh-CN')} 项`)
  expect(await page.locator('.plan-body > .plan-row').count()).toBeLessThan(80)
  await screenshot(page, 'plans-100k-bottom')

  // Jump to the middle: the rows there load by themselves.
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2))
  await expect(page.locator('.plan-row-loading')).toHaveCount(0)
  await expect(page.locator('.plan-data-row').first()).toBeVisible()

  await app.filterByStatus('SUBMITTED')
  await expect.poll(() => app.shownTotal()).toBeLessThan(PLANS)
  await expect(page.locator('.plan-data-row[aria-rowindex="2"]')).toBeVisible()
  await screenshot(page, 'plans-100k-filtered')
})
