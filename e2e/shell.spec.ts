// The app shell in web mode: the token handshake, the header, the navigation, the empty states.
import { rulesByOpenFlags } from '../renderer/src/features/dashboard/openFlagRules.ts'
import { AppPage } from './models/AppPage.ts'
import { callApi } from './fixtures/api.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { expect, test } from './fixtures/webApp.ts'

test('opens with the token from the URL, removes it from the address bar, and shows the home figures', async ({ page, webApp, request }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  await expect(page).toHaveURL(/#\/home$/)
  expect(page.url()).not.toContain('token')
  const user = await callApi(request, webApp, 'session.current', {})
  await expect(page.locator('.header-user-name')).toHaveText(user.name)
  await expect(page.getByTestId('data-freshness')).toContainText(/数据更新于|尚无中心数据/)
  const summary = await callApi(request, webApp, 'dashboard.summary', {})
  await expect(page.getByTestId('stat-plans').locator('.stat-card-value')).toHaveText(summary.plans.total.toLocaleString('zh-CN'))
  await expect(page.getByTestId('stat-waiting').locator('.stat-card-value')).toHaveText(summary.plans.waitingReview.toLocaleString('zh-CN'))
  // The demo holds submitted plans already decided here: the card says how many, so it agrees with the status chart.
  const decidedHere = (summary.plans.byStatus['SUBMITTED'] ?? 0) - summary.plans.waitingReview
  expect(decidedHere).toBeGreaterThan(0)
  await expect(page.getByTestId('stat-waiting')).toContainText(`其中 ${decidedHere} 项已审核、待同步`)
  await expect(page.getByTestId('stat-tasks').locator('.stat-card-value')).toHaveText(summary.tasks.total.toLocaleString('zh-CN'))
  await expect(page.getByTestId('stat-flags').locator('.stat-card-value')).toHaveText(summary.flags.undecided.toLocaleString('zh-CN'))
  await expect(page.getByTestId('data-enterprises')).toHaveText(`${summary.enterprises.toLocaleString('zh-CN')} 家`)
  await expect(page.getByTestId('open-flags-card').locator('.open-flag-rule').first()).toBeVisible()
  await screenshot(page, 'home')
})

test('the home screen leads to the open flags: of one rule from its line, of every rule from the card', async ({ page, webApp, request }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  const groups = await callApi(request, webApp, 'flags.groups', {})
  const most = rulesByOpenFlags(groups.byRule)[0]
  if (!most || most.open === 0) throw new Error('the demo database needs open flags')
  const first = page.getByTestId('open-flags-card').locator('.open-flag-rule').first()
  await expect(first).toHaveAttribute('data-rule', most.key)
  await expect(first.locator('.open-flag-count')).toHaveText(most.open.toLocaleString('zh-CN'))
  await first.click()
  await expect(page).toHaveURL(new RegExp(`#/flags\\?.*rule=${most.key}`))
  await expect(page).toHaveURL(/status=OPEN/)
  await expect(page.getByTestId('flag-total').locator('b')).toHaveText(most.open.toLocaleString('zh-CN'))
  await app.goTo('工作台')
  await page.getByTestId('stat-flags').click()
  await expect(page).toHaveURL(/#\/flags\?status=OPEN$/)
  const undecided = (await callApi(request, webApp, 'dashboard.summary', {})).flags.undecided
  await expect(page.getByTestId('flag-total').locator('b')).toHaveText(undecided.toLocaleString('zh-CN'))
})

test('the home screen links to the plans waiting for review', async ({ page, webApp }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  await page.getByTestId('stat-waiting').click()
  await expect(page).toHaveURL(/#\/plans\?status=SUBMITTED/)
  await expect(page.locator('.plan-status-tabs .ant-segmented-item-selected')).toContainText('已提交')
})

test('every navigation entry opens its screen; screens not built yet say what they will hold', async ({ page, webApp }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  // Built screens: each opens under its own title (their specs test them in depth).
  for (const [label, testId] of [['备案审核', 'reviews-screen'], ['问题线索', 'flags-screen']] as const) {
    await app.goTo(label)
    await expect(page.locator('.screen-title')).toHaveText(label)
    await expect(page.getByTestId(testId)).toBeVisible()
  }
  for (const label of ['企业', '监督文书', '统计分析', '数据同步', '设置']) {
    await app.goTo(label)
    const pending = page.getByTestId('pending-screen')
    await expect(page.locator('.screen-title')).toHaveText(label)
    await expect(pending).toBeVisible()
    await expect(pending.locator('.pending-list li').first()).toBeVisible()
    await expect(pending).not.toContainText(/TODO|待办|占位/i)
  }
  await screenshot(page, 'pending-settings')
  await app.goTo('企业')
  await screenshot(page, 'pending-enterprises')
  await app.goTo('工作台')
  await expect(page.getByTestId('dashboard')).toBeVisible()
})

test('a reload keeps the session; an unknown route goes home', async ({ page, webApp }) => {
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  await page.reload()
  await expect(app.planRows.first()).toBeVisible()
  await page.goto(`${webApp.origin}/#/no-such-screen`)
  await expect(page).toHaveURL(/#\/home$/)
})

test('a screen that fails to render says so in its place; the header and the navigation keep working', async ({ page, webApp }) => {
  // An answer the home screen cannot draw (as from a host of another version).
  await page.route('**/api/dashboard.summary', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: {} }) }))
  const app = new AppPage(page)
  await app.open(webApp)
  const failure = page.getByTestId('screen-error')
  await expect(failure).toContainText('「工作台」无法显示')
  await expect(failure).toContainText('数据未受影响')
  await expect(page.locator('.header-user-name')).toBeVisible()
  await app.goTo('检查规则')
  await expect(page.getByTestId('rules-screen')).toBeVisible()
  await expect(failure).toHaveCount(0)
})

test('without the token the app asks for the link and the API refuses', async ({ browser, webApp, request }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${webApp.origin}/`)
  await expect(page.getByText('会话无效或已过期')).toBeVisible()
  await screenshot(page, 'no-token')
  await context.close()
  const refused = await request.post(`${webApp.origin}/api/session.current`, { headers: { 'Content-Type': 'application/json' }, data: {} })
  expect(refused.status()).toBe(401)
})

test('on a 1280 px window the navigation starts folded, the flags list fits its card, and the fold the officer chooses is kept', async ({ page, webApp }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const app = new AppPage(page)
  await app.open(webApp)
  const sider = page.getByTestId('app-sider')
  await expect(sider).toHaveClass(/ant-layout-sider-collapsed/)
  // Folded, a screen is still one click away: the icon of 问题线索 opens it.
  await page.locator('.app-menu .ant-menu-item').filter({ hasText: '问题线索' }).click()
  await expect(page).toHaveURL(/#\/flags/)
  const scroll = page.getByTestId('flag-scroll')
  await expect(page.locator('.flag-data-row').first()).toBeVisible()
  // No sideways scrolling: every column, the status last, is inside the card.
  expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
  const status = page.locator('.flag-data-row').first().locator('.flag-status-tag')
  const [statusBox, scrollBox] = [await status.boundingBox(), await scroll.boundingBox()]
  expect(statusBox!.x + statusBox!.width).toBeLessThanOrEqual(scrollBox!.x + scrollBox!.width)
  await screenshot(page, 'flags-1280')
  // Unfolded by the officer, it stays unfolded after a reload, however narrow the window.
  await page.getByLabel('展开导航').click()
  await expect(sider).not.toHaveClass(/ant-layout-sider-collapsed/)
  await page.reload()
  await expect(app.nav('问题线索')).toBeVisible()
  await expect(sider).not.toHaveClass(/ant-layout-sider-collapsed/)
  await page.getByLabel('收起导航').click()
  await expect(sider).toHaveClass(/ant-layout-sider-collapsed/)
})
