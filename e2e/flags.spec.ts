// The flags inbox (问题线索) against the real web host and a fresh demo database: run the analysis from
// the UI, read the groups and the list, open a flag's evidence in two clicks, dismiss it with a reason
// (and see the decision survive a new run), confirm two in bulk, and check an auditor cannot decide.
import { callApi } from './fixtures/api.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { exportWorkbook } from './fixtures/workbook.ts'
import { expect, test, type WebApp } from './fixtures/webApp.ts'
import { FlagsPage } from './models/FlagsPage.ts'

// The specs share one database and build on each other's decisions.
test.describe.configure({ mode: 'serial' })

const lastRunId = (request: Parameters<typeof callApi>[0], app: WebApp) => async () => (await callApi(request, app, 'analysis.status', {})).lastRun?.id ?? null

test('runs the analysis from the screen and lists the flags with their counts', async ({ page, webApp, request }) => {
  const flags = new FlagsPage(page)
  await flags.app.open(webApp)
  await flags.open()
  const before = await callApi(request, webApp, 'analysis.status', {})
  if (before.lastRun === null) {
    // A database never analysed: the screen explains the analysis and offers to run it.
    await expect(page.getByTestId('flags-never-analysed')).toContainText('尚未进行规则分析')
    await screenshot(page, 'flags-never-analysed')
  }
  await flags.runAnalysis(lastRunId(request, webApp))

  const status = await callApi(request, webApp, 'analysis.status', {})
  const last = status.lastRun
  if (!last) throw new Error('no analysis run after running it')
  expect(last.flagCount).toBeGreaterThan(0)
  await expect(page.getByTestId('analysis-flag-count').locator('.analysis-fact-value')).toHaveText(`${last.flagCount.toLocaleString('zh-CN')} 条`)
  await expect(flags.lastRun).toContainText(last.asOf)
  await expect(flags.lastRun).toContainText(last.rulePack)
  const list = await callApi(request, webApp, 'flags.list', { limit: 1 })
  expect(list.total).toBe(last.flagCount)
  await expect.poll(() => flags.shownTotal()).toBe(list.total)
  await expect(page.getByTestId('flag-footer')).toContainText(`共 ${list.total.toLocaleString('zh-CN')} 条`)
  const first = list.rows[0]
  if (!first) throw new Error('no flags')
  await expect(flags.rows.first()).toHaveAttribute('data-flag-key', first.flagKey)
  await expect(flags.rows.first()).toContainText(first.ruleName)

  // The group column counts the same flags the list holds.
  const groups = await callApi(request, webApp, 'flags.groups', {})
  for (const g of groups.byRule.slice(0, 5)) {
    await expect(flags.ruleGroup(g.key)).toContainText(g.name ?? g.key)
    await expect(flags.ruleGroup(g.key).locator('.flag-group-count')).toHaveText(g.total.toLocaleString('zh-CN'))
  }
  const open = groups.byStatus.find((s) => s.key === 'OPEN')?.total ?? 0
  await expect(flags.statusGroup('OPEN').locator('.flag-group-count')).toHaveText(open.toLocaleString('zh-CN'))
  await expect(page.getByTestId('analysis-stale')).toHaveCount(0)
  await screenshot(page, 'flags-list')
})

test('filters by a rule, opens a flag’s evidence in two clicks, dismisses it with a reason that survives a new analysis', async ({ page, webApp, request }) => {
  const groups = await callApi(request, webApp, 'flags.groups', {})
  // A rule about a pair of tasks shows the evidence side by side.
  const rule = groups.byRule.find((g) => g.key === 'REPEAT_WITHIN_MONTH') ?? groups.byRule[0]
  if (!rule) throw new Error('no rule groups')
  const flags = new FlagsPage(page)
  await flags.app.open(webApp)
  await flags.open()

  // Click 1: the rule's group.
  await flags.ruleGroup(rule.key).click()
  await expect(page).toHaveURL(new RegExp(`rule=${rule.key}`))
  await expect.poll(() => flags.shownTotal()).toBe(rule.total)
  await expect(flags.ruleGroup(rule.key)).toHaveAttribute('aria-pressed', 'true')
  for (const r of await flags.rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))) expect(r).toBe(rule.key)
  await screenshot(page, 'flags-filter-rule')

  // Click 2: a flag — its evidence.
  const target = (await callApi(request, webApp, 'flags.list', { rule: rule.key, status: 'OPEN', limit: 1 })).rows[0]
  if (!target) throw new Error(`no open ${rule.key} flag`)
  const detail = await callApi(request, webApp, 'flags.get', { flagKey: target.flagKey })
  await flags.row(target.flagKey).click()
  await expect(flags.detail).toBeVisible()
  await expect(flags.drawer.locator('.drawer-title')).toHaveText(detail.ruleName)
  await expect(flags.detail.getByTestId('flag-message')).toContainText(detail.message)
  const basisLine = detail.basis.split('\n')[0] ?? ''
  expect(basisLine.length).toBeGreaterThan(0)
  const basisNote = basisLine.slice(basisLine.indexOf('：') + 1)
  await expect(flags.detail.getByTestId('flag-basis')).toContainText(basisNote)
  const taskCards = flags.detail.getByTestId('flag-evidence-task')
  await expect(taskCards).toHaveCount(detail.tasks.length)
  for (const t of detail.tasks) {
    const card = flags.detail.locator(`[data-task-id="${t.id}"]`)
    await expect(card).toContainText(t.code ?? '无检查码')
    for (const d of t.departments) await expect(card).toContainText(d.name ?? d.id)
    for (const v of t.visits) await expect(card).toContainText(v.date)
  }
  await expect(flags.detail.getByTestId('flag-evidence-facts')).toBeVisible()
  if (detail.tasks.length === 2) {
    // Side by side: the two cards share a row.
    const [a, b] = [await taskCards.nth(0).boundingBox(), await taskCards.nth(1).boundingBox()]
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x).toBe(true)
  }
  await screenshot(page, 'flags-detail')
  await flags.scrollDrawerTo('flag-tasks')
  await screenshot(page, 'flags-evidence-tasks')

  // Dismissing needs a reason.
  const footer = flags.decision
  await footer.getByRole('button', { name: /排\s*除/ }).click()
  await expect(footer).toContainText('排除问题线索须说明理由')
  expect((await callApi(request, webApp, 'flags.get', { flagKey: target.flagKey })).status).toBe('OPEN')
  const reason = '经核实，前次为投诉处置的触发式检查，本次为年度计划内检查，已另行说明。'
  await footer.getByRole('textbox', { name: '处理理由' }).fill(reason)
  await footer.getByRole('button', { name: /排\s*除/ }).click()
  await expect(flags.drawer.locator('.ant-drawer-extra .flag-status-tag')).toHaveText('已排除')
  const me = await callApi(request, webApp, 'session.current', {})
  await expect(footer.getByTestId('flag-decision-status')).toContainText(me.name)
  await expect(footer.getByTestId('flag-decision-status')).toContainText(reason)
  await expect(flags.row(target.flagKey).locator('.flag-status-tag')).toHaveText('已排除')
  const decided = await callApi(request, webApp, 'flags.get', { flagKey: target.flagKey })
  expect(decided).toMatchObject({ status: 'DISMISSED', decisionReason: reason, decidedBy: me.id })
  await screenshot(page, 'flags-dismissed')
  await page.keyboard.press('Escape')
  await expect(flags.detail).toBeHidden()

  // A new analysis recomputes the flags; the officer's decision stays with the flag.
  await flags.runAnalysis(lastRunId(request, webApp))
  expect((await callApi(request, webApp, 'flags.get', { flagKey: target.flagKey })).status).toBe('DISMISSED')
  await flags.statusGroup('DISMISSED').click()
  await expect(page).toHaveURL(/status=DISMISSED/)
  await expect(flags.row(target.flagKey).locator('.flag-status-tag')).toHaveText('已排除')
  await flags.row(target.flagKey).click()
  await expect(flags.decision.getByTestId('flag-decision-status')).toContainText(reason)
})

test('confirms two flags at once from the list', async ({ page, webApp, request }) => {
  const flags = new FlagsPage(page)
  await flags.openOnStatus(webApp, 'OPEN')
  const open = await callApi(request, webApp, 'flags.list', { status: 'OPEN', limit: 2 })
  await expect.poll(() => flags.shownTotal()).toBe(open.total)
  const keys = open.rows.map((r) => r.flagKey)
  expect(keys).toHaveLength(2)
  for (const key of keys) await flags.row(key).locator('.flag-cell-check input[type="checkbox"]').check()
  await expect(page.getByTestId('flag-selected-count')).toHaveText('2')
  // Ticking a row does not open it.
  await expect(flags.detail).toHaveCount(0)
  await page.getByTestId('bulk-confirm').click()
  const modal = page.locator('.decision-modal')
  await expect(modal).toContainText('确认问题线索（2 条）')
  await modal.getByRole('textbox', { name: '决定理由' }).fill('经核实，两项检查均未按规定办理。')
  await screenshot(page, 'flags-bulk-confirm')
  await modal.getByRole('button', { name: /确认 2 条/ }).click()
  await expect(modal).toBeHidden()
  await expect(page.getByText('已确认 2 条问题线索')).toBeVisible()
  for (const key of keys) {
    await expect(flags.row(key).locator('.flag-status-tag')).toHaveText('已确认')
    expect((await callApi(request, webApp, 'flags.get', { flagKey: key })).status).toBe('CONFIRMED')
  }
  await expect(page.getByTestId('flag-selected-count')).toHaveCount(0)
  const groups = await callApi(request, webApp, 'flags.groups', {})
  const confirmed = groups.byStatus.find((s) => s.key === 'CONFIRMED')?.total ?? 0
  expect(confirmed).toBeGreaterThanOrEqual(2)
  await expect(flags.statusGroup('CONFIRMED').locator('.flag-group-count')).toHaveText(confirmed.toLocaleString('zh-CN'))
  await screenshot(page, 'flags-bulk-done')
})

test('steps through the flags from the evidence drawer with the buttons and J/K, the list following', async ({ page, webApp, request }) => {
  const flags = new FlagsPage(page)
  await flags.app.open(webApp)
  await flags.open()
  const list = await callApi(request, webApp, 'flags.list', { limit: 30 })
  const keys = list.rows.map((r) => r.flagKey)
  expect(keys.length).toBe(30)
  const place = page.getByTestId('flag-stepper-place')
  const isOpen = async (i: number) => {
    await expect(page).toHaveURL(new RegExp(`flag=${encodeURIComponent(keys[i]!)}`))
    await expect(flags.row(keys[i]!)).toHaveClass(/is-open/)
    await expect(place).toHaveText(`第 ${i + 1} / ${list.total.toLocaleString('zh-CN')} 条`)
  }
  await flags.row(keys[0]!).click()
  await flags.drawerSettled()
  await isOpen(0)
  await expect(flags.drawer.getByRole('button', { name: '上一条' })).toBeDisabled()
  await flags.drawer.getByRole('button', { name: '下一条' }).click()
  await isOpen(1)
  await page.keyboard.press('j')
  await isOpen(2)
  await page.keyboard.press('k')
  await isOpen(1)
  // Typing a reason is not stepping.
  const reason = flags.decision.getByRole('textbox', { name: '处理理由' })
  await reason.fill('jk')
  await reason.press('j')
  await expect(reason).toHaveValue('jkj')
  await isOpen(1)
  await reason.fill('')
  // Far down the list the open row is scrolled into view, below the sticky header.
  await flags.drawer.getByRole('button', { name: '下一条' }).focus()
  for (let i = 2; i <= 25; i++) await page.keyboard.press('j')
  await isOpen(25)
  const [rowBox, scrollBox] = [await flags.row(keys[25]!).boundingBox(), await page.getByTestId('flag-scroll').boundingBox()]
  expect(rowBox!.y).toBeGreaterThanOrEqual(scrollBox!.y)
  expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(scrollBox!.y + scrollBox!.height + 1)
  await screenshot(page, 'flags-stepping')
})

test('with 处理后转到下一条 ticked, deciding a flag opens the next one; the choice is kept', async ({ page, webApp, request }) => {
  const flags = new FlagsPage(page)
  await flags.openOnStatus(webApp, 'OPEN')
  const open = await callApi(request, webApp, 'flags.list', { status: 'OPEN', limit: 2 })
  const [first, second] = open.rows.map((r) => r.flagKey)
  await flags.row(first!).click()
  await flags.drawerSettled()
  const advance = flags.decision.getByRole('checkbox', { name: '处理后转到下一条' })
  await advance.check()
  await flags.decision.getByRole('textbox', { name: '处理理由' }).fill('经核实属实')
  await flags.decision.getByRole('button', { name: /确认问题/ }).click()
  await expect(page).toHaveURL(new RegExp(`flag=${encodeURIComponent(second!)}`))
  await expect(flags.row(first!).locator('.flag-status-tag')).toHaveText('已确认')
  expect((await callApi(request, webApp, 'flags.get', { flagKey: first! })).status).toBe('CONFIRMED')
  // The reason box starts empty for the next flag, and the tick stays after a reload.
  await expect(flags.decision.getByRole('textbox', { name: '处理理由' })).toHaveValue('')
  await page.reload()
  await expect(advance).toBeChecked()
  await advance.uncheck()
})

test('moves between rows with the arrow keys and opens the focused one with Enter', async ({ page, webApp, request }) => {
  const flags = new FlagsPage(page)
  await flags.app.open(webApp)
  await flags.open()
  const keys = (await callApi(request, webApp, 'flags.list', { limit: 20 })).rows.map((r) => r.flagKey)
  await flags.row(keys[0]!).focus()
  for (let i = 1; i <= 12; i++) {
    await page.keyboard.press('ArrowDown')
    await expect(flags.row(keys[i]!)).toBeFocused()
  }
  await page.keyboard.press('ArrowUp')
  await expect(flags.row(keys[11]!)).toBeFocused()
  // The focused row is in view, below the sticky header.
  const [rowBox, headBox] = [await flags.row(keys[11]!).boundingBox(), await page.locator('.flag-head').boundingBox()]
  expect(rowBox!.y).toBeGreaterThanOrEqual(headBox!.y + headBox!.height - 1)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`flag=${encodeURIComponent(keys[11]!)}`))
  await expect(page.getByTestId('flag-stepper-place')).toHaveText(/^第 12 \//)
})

test('exports the filtered flags to an Excel workbook, in the list order', async ({ page, webApp, request }) => {
  const groups = await callApi(request, webApp, 'flags.groups', {})
  const rule = groups.byRule.find((g) => g.total >= 3)
  if (!rule) throw new Error('no rule with three flags')
  const flags = new FlagsPage(page)
  await flags.app.open(webApp)
  await flags.open()
  await flags.ruleGroup(rule.key).click()
  await expect.poll(() => flags.shownTotal()).toBe(rule.total)
  const book = await exportWorkbook(page, 'flags-export', '问题线索')
  expect(book.fileName).toMatch(/^问题线索_\d{8}-\d{4}\.xlsx$/)
  await expect(page.getByText(`已导出 ${rule.total.toLocaleString('zh-CN')} 条问题线索`)).toBeVisible()
  expect(book.rowCount).toBe(rule.total + 1)
  const listed = await callApi(request, webApp, 'flags.list', { rule: rule.key, limit: 3 })
  expect(book.column('线索编号').slice(0, 3)).toEqual(listed.rows.map((r) => r.flagKey))
  expect(book.note('筛选条件')).toBe(`问题类型：${rule.name}`)
})

test('an auditor reads the evidence but cannot confirm or dismiss', async ({ page, webApp, request }) => {
  const flags = new FlagsPage(page)
  await flags.app.asAuditor(request, webApp, async () => {
    await flags.open()
    await expect(flags.rows.first()).toBeVisible()
    await expect(page.getByTestId('bulk-confirm')).toBeDisabled()
    await expect(page.getByTestId('bulk-dismiss')).toBeDisabled()
    const key = await flags.rows.first().getAttribute('data-flag-key')
    if (!key) throw new Error('row without a flag key')
    await flags.rows.first().click()
    await expect(flags.detail).toBeVisible()
    const footer = flags.decision
    await expect(footer.getByRole('button', { name: /确认问题/ })).toBeDisabled()
    await expect(footer.getByRole('button', { name: /排\s*除/ })).toBeDisabled()
    await expect(footer.getByRole('textbox', { name: '处理理由' })).toBeDisabled()
    await flags.drawerSettled()
    await footer.getByRole('button', { name: /确认问题/ }).hover({ force: true })
    await expect(page.getByRole('tooltip')).toContainText('仅监督员可以确认或排除问题线索')
    await screenshot(page, 'flags-auditor')
    // The host refuses too, whatever the screen shows.
    await expect(callApi(request, webApp, 'flags.decide', { flagKeys: [key], decision: 'CONFIRMED' })).rejects.toThrow(/FORBIDDEN/)
  })
})

test('scrolls and filters 100,000+ flags with only the visible rows in the page', async ({ page, webApp, request }) => {
  // 100,000 flags written straight into the database, next to the analysis's own; the next analysis run
  // (at the end) replaces them all again, so the database is left as the analysis made it.
  const SYNTHETIC = 100_000
  const { openDatabase } = await import('../db/client.ts')
  const { replaceFlags } = await import('../core/flags/store.ts')
  const db = openDatabase(webApp.dbPath)
  try {
    const tasks = db.sqlite.prepare("SELECT id, enterprise_id AS enterpriseId, json_extract(department_ids, '$[0]') AS departmentId FROM tasks ORDER BY id LIMIT 2000").all() as { id: string; enterpriseId: string; departmentId: string }[]
    const flags = Array.from({ length: SYNTHETIC }, (_, i) => {
      const t = tasks[i % tasks.length]
      if (!t) throw new Error('no tasks')
      return {
        rule: 'SYNTHETIC_LOAD_TEST', severity: 'INFO' as const, task_ids: [t.id], plan_ids: [`P-SYN-${String(i).padStart(6, '0')}`], enterprise_id: t.enterpriseId,
        department_id: t.departmentId, evidence: { n: i }, message: `第 ${i + 1} 条合成线索（任务 ${t.id}）`
      }
    })
    replaceFlags(db.sqlite, flags, 0, { kind: 'subset', enterpriseIds: [], planIds: [] })
  } finally {
    db.sqlite.close()
  }
  const total = (await callApi(request, webApp, 'flags.list', { limit: 1 })).total
  expect(total).toBeGreaterThan(SYNTHETIC)

  const flagsPage = new FlagsPage(page)
  await flagsPage.app.open(webApp)
  const started = Date.now()
  await flagsPage.open()
  await expect(flagsPage.rows.first()).toBeVisible()
  test.info().annotations.push({ type: 'first rows visible after (ms, informational)', description: String(Date.now() - started) })
  expect(await flagsPage.shownTotal()).toBe(total)
  expect(await page.locator('.flag-body > .flag-row').count()).toBeLessThan(60)

  const scroller = page.getByTestId('flag-scroll')
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(page.locator(`.flag-data-row[aria-rowindex="${total + 1}"]`)).toBeVisible()
  await expect(page.getByTestId('flag-footer')).toContainText(`–${total.toLocaleString('zh-CN')} 条`)
  expect(await page.locator('.flag-body > .flag-row').count()).toBeLessThan(60)
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2))
  await expect(page.locator('.flag-row-loading')).toHaveCount(0)
  await expect(page.locator('.flag-data-row').first()).toBeVisible()
  await screenshot(page, 'flags-100k')

  // A group click narrows the list at once; the header checkbox selects at most what one decision takes.
  await flagsPage.ruleGroup('SYNTHETIC_LOAD_TEST').click()
  await expect.poll(() => flagsPage.shownTotal()).toBe(SYNTHETIC)
  await expect(flagsPage.rows.first()).toHaveAttribute('data-rule', 'SYNTHETIC_LOAD_TEST')
  await page.locator('.flag-head input[type="checkbox"]').check()
  const selected = Number((await page.getByTestId('flag-selected-count').textContent())?.replace(/[^\d]/g, ''))
  expect(selected).toBeGreaterThan(0)
  expect(selected).toBeLessThanOrEqual(1000)
  await page.getByRole('button', { name: '清除选择' }).click()

  // A full re-analysis replaces every flag: the synthetic ones are gone. (The screen's button runs an
  // incremental analysis, which only replaces the flags of what changed since the last run.)
  const before = await lastRunId(request, webApp)()
  await callApi(request, webApp, 'analysis.start', { full: true })
  await expect.poll(lastRunId(request, webApp), { timeout: 120_000 }).not.toBe(before)
  expect((await callApi(request, webApp, 'flags.list', { rule: 'SYNTHETIC_LOAD_TEST', limit: 1 })).total).toBe(0)
})
