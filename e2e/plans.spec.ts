// The plans screen against the real database: the windowed list, filters, and one plan's detail.
import { DOMAIN_NAMES, type Domain } from '../core/contract/scalars.ts'
import { AppPage } from './models/AppPage.ts'
import { callApi } from './fixtures/api.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { exportWorkbook } from './fixtures/workbook.ts'
import { expect, test } from './fixtures/webApp.ts'

const STATUS_LABELS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '已提交', FILED: '已备案', RETURNED: '已退回', PUBLISHED: '已公示', WITHDRAWN: '已撤回' }

test('lists the plans with their total and Chinese column headers', async ({ page, webApp, request }) => {
  const expected = await callApi(request, webApp, 'plans.list', { offset: 0, limit: 5 })
  expect(expected.total).toBeGreaterThan(0)
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  expect(await app.shownTotal()).toBe(expected.total)
  expect(await app.planRows.count()).toBeGreaterThan(0)
  for (const header of ['计划编码', '计划名称', '牵头部门', '执法领域', '实施期间', '状态', '检查任务']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible()
  }
  const firstRow = expected.rows[0]
  if (!firstRow) throw new Error('no plans')
  await expect(app.planRows.first()).toContainText(firstRow.title)
  await expect(app.planRows.first().locator('.plan-status-tag')).toHaveText(STATUS_LABELS[firstRow.status] ?? firstRow.status)
  await expect(page.getByTestId('plan-footer')).toContainText(`共 ${expected.total.toLocaleString('zh-CN')} 项`)
  await screenshot(page, 'plans-list')
})

test('filters by status: the tab counts, the total and every row agree', async ({ page, webApp, request }) => {
  const all = await callApi(request, webApp, 'plans.list', { offset: 0, limit: 1 })
  const counts = all.statusCounts ?? {}
  const status = (counts['SUBMITTED'] ?? 0) > 0 ? 'SUBMITTED' : Object.keys(counts).find((s) => (counts[s] ?? 0) > 0)
  if (!status) throw new Error('no plan statuses')
  const label = STATUS_LABELS[status] ?? status
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  await expect(page.locator(`.status-option[data-status="${status}"] b`)).toHaveText((counts[status] ?? 0).toLocaleString('zh-CN'))
  await app.filterByStatus(status)
  await expect(page).toHaveURL(new RegExp(`status=${status}`))
  await expect.poll(() => app.shownTotal()).toBe(counts[status])
  const tags = app.planRows.locator('.plan-status-tag')
  await expect(tags.first()).toHaveText(label)
  for (const text of await tags.allTextContents()) expect(text).toBe(label)
  await screenshot(page, 'plans-filter-status')
})

test('filters by text: a plan code finds its plan, nonsense finds nothing, clearing restores all', async ({ page, webApp, request }) => {
  const sample = await callApi(request, webApp, 'plans.list', { offset: 0, limit: 50 })
  const withCode = sample.rows.find((r) => r.planCode)
  // A plan code names exactly one plan: the strongest check that the text filter reaches the server.
  const query = withCode?.planCode ?? sample.rows[0]?.title ?? ''
  const expected = await callApi(request, webApp, 'plans.list', { text: query, offset: 0, limit: 100 })
  expect(expected.total).toBeGreaterThan(0)
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  const before = await app.shownTotal()
  await app.search(query)
  await expect.poll(() => app.shownTotal()).toBe(expected.total)
  await expect(page).toHaveURL(/text=/)
  await expect(app.planRows).toHaveCount(Math.min(expected.total, await app.planRows.count()))
  for (const text of await app.planRows.allTextContents()) expect(text.toLowerCase()).toContain(query.toLowerCase().slice(0, 4))
  await screenshot(page, 'plans-filter-text')

  // A word that matches nothing shows the empty state, and clearing brings every plan back.
  await app.search('不存在的计划名称ZZZ')
  await expect(page.getByText('没有符合筛选条件的计划')).toBeVisible()
  await app.search('')
  await expect.poll(() => app.shownTotal()).toBe(before)
})

test('opens a plan: every field, its items, targets, status history and the tasks under it', async ({ page, webApp, request }) => {
  const candidates = await callApi(request, webApp, 'plans.list', { offset: 0, limit: 500 })
  const withTasks = candidates.rows.find((r) => r.taskCount > 0 && r.planCode) ?? candidates.rows.find((r) => r.taskCount > 0)
  if (!withTasks) throw new Error('no plan with tasks in the test data')
  const detail = await callApi(request, webApp, 'plans.get', { id: withTasks.id })
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  const query = withTasks.planCode ?? withTasks.title
  await app.search(query)
  const narrowed = await callApi(request, webApp, 'plans.list', { text: query, limit: 1 })
  await expect.poll(() => app.shownTotal()).toBe(narrowed.total)
  const row = page.locator(`.plan-data-row[data-plan-id="${withTasks.id}"]`)
  await row.click()
  await expect(page).toHaveURL(new RegExp(`plan=${encodeURIComponent(withTasks.id)}`))
  const panel = app.detail
  await expect(panel).toBeVisible()
  await expect(page.locator('.plan-drawer .drawer-title')).toHaveText(detail.plan.title)
  for (const label of ['计划编码', '牵头部门', '参与部门', '计划类型', '计划来源', '实施期间', '检查对象范围', '检查比例', '检查方式', '检查频次', '检查依据']) {
    await expect(panel.locator('.plan-fields')).toContainText(label)
  }
  if (detail.plan.planCode) await expect(panel.locator('.plan-fields')).toContainText(detail.plan.planCode)
  const items = panel.getByTestId('plan-items')
  await expect(items.locator('.detail-section-count')).toHaveText(String(detail.items.length))
  const firstItem = detail.items[0]
  if (firstItem?.name) await expect(items).toContainText(firstItem.name)
  await expect(panel.getByTestId('plan-history')).toContainText('当前状态')
  if (detail.plan.submittedAt) await expect(panel.getByTestId('plan-history')).toContainText('部门提交备案')
  const tasks = panel.getByTestId('plan-tasks')
  await expect(tasks.locator('.detail-section-count')).toHaveText(detail.tasks.total.toLocaleString('zh-CN'))
  const firstTask = detail.tasks.rows[0]
  if (!firstTask) throw new Error('detail without task rows')
  await expect(tasks).toContainText(firstTask.code ?? '无检查码')
  if (firstTask.enterpriseName) await expect(tasks).toContainText(firstTask.enterpriseName)
  await screenshot(page, 'plan-detail')
  await page.locator('.plan-drawer .ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await screenshot(page, 'plan-detail-tasks')
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(page).not.toHaveURL(/plan=/)
})

test('filters by domain, lead department, year and plan type; reset brings every plan back', async ({ page, webApp, request }) => {
  const facets = await callApi(request, webApp, 'plans.facets', {})
  const domain = [...facets.domains].sort((a, b) => b.planCount - a.planCount)[0]
  if (!domain) throw new Error('no domains')
  const department = facets.departments.filter((d) => d.domain === domain.domain).sort((a, b) => b.planCount - a.planCount)[0]
  const year = facets.years[0]
  if (!department || year === undefined) throw new Error('no department or year')
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  const pick = async (selectClass: string, optionText: string) => {
    await page.locator(selectClass).click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click()
  }
  const expectTotal = async (input: Parameters<typeof callApi<'plans.list'>>[3]) => {
    const expected = await callApi(request, webApp, 'plans.list', { ...input, limit: 1 })
    if (expected.total > 0) await expect.poll(() => app.shownTotal()).toBe(expected.total)
    else await expect(page.getByText('没有符合筛选条件的计划')).toBeVisible()
  }

  await pick('.plan-filter-domain', DOMAIN_NAMES[domain.domain as Domain])
  await expect.poll(() => app.shownTotal()).toBe(domain.planCount)
  await pick('.plan-filter-department', department.name)
  await expect.poll(() => app.shownTotal()).toBe(department.planCount)
  for (const text of await app.planRows.locator('.plan-cell-department').allTextContents()) expect(text).toBe(department.name)
  await pick('.plan-filter-year', `${year} 年`)
  await expectTotal({ domain: domain.domain as Domain, departmentId: department.id, year })
  await pick('.plan-filter-type', '年度计划')
  await expectTotal({ domain: domain.domain as Domain, departmentId: department.id, year, planType: 'ANNUAL' })
  await expect(page).toHaveURL(/domain=/)
  await expect(page).toHaveURL(/departmentId=/)
  await expect(page).toHaveURL(/year=/)
  await expect(page).toHaveURL(/planType=ANNUAL/)
  await screenshot(page, 'plans-filter-selects')

  await page.getByRole('button', { name: /重置/ }).click()
  await expect.poll(() => app.shownTotal()).toBe(facets.total)
})

test('exports the plans of a status to an Excel workbook, in the list order', async ({ page, webApp, request }) => {
  const published = await callApi(request, webApp, 'plans.list', { status: 'PUBLISHED', offset: 0, limit: 3 })
  expect(published.total).toBeGreaterThan(2)
  const app = new AppPage(page)
  await app.open(webApp)
  await app.openPlans()
  await app.filterByStatus('PUBLISHED')
  await expect.poll(() => app.shownTotal()).toBe(published.total)
  const book = await exportWorkbook(page, 'plans-export', '检查计划')
  expect(book.fileName).toMatch(/^检查计划_\d{8}-\d{4}\.xlsx$/)
  await expect(page.getByText(`已导出 ${published.total.toLocaleString('zh-CN')} 项检查计划`)).toBeVisible()
  expect(book.rowCount).toBe(published.total + 1)
  expect(book.column('计划编号').slice(0, 3)).toEqual(published.rows.map((r) => r.id))
  expect(new Set(book.column('状态'))).toEqual(new Set(['已公示']))
  expect(book.note('筛选条件')).toBe('状态：已公示')
})
