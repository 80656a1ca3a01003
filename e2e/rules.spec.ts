// The rule settings (检查规则) against the real web host and a fresh demo database: every rule with its
// basis and parameters; an officer switches a rule off with a reason, the inbox says its flags are
// another setting's, and the next analysis finds none of that rule; the pack is changed and changed
// back; an auditor reads but cannot change; every rule back to the pack's defaults and re-analysed
// brings the rule's flags back.
import { callApi } from './fixtures/api.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { expect, test, type WebApp } from './fixtures/webApp.ts'
import { FlagsPage } from './models/FlagsPage.ts'
import { RulesPage } from './models/RulesPage.ts'

// The specs build on each other's changes (and the database is shared with the other spec files:
// the last one puts every rule back and re-analyses).
test.describe.configure({ mode: 'serial' })

const RULE = 'REPEAT_WITHIN_MONTH'
const lastRunId = (request: Parameters<typeof callApi>[0], app: WebApp) => async () => (await callApi(request, app, 'analysis.status', {})).lastRun?.id ?? null
const ruleFlagCount = async (request: Parameters<typeof callApi>[0], app: WebApp) => (await callApi(request, app, 'flags.list', { rule: RULE, limit: 1 })).total

let flagsBefore = 0

test('shows the pack and every rule with its legal basis and parameters', async ({ page, webApp, request }) => {
  const settings = await callApi(request, webApp, 'rules.get', {})
  flagsBefore = await ruleFlagCount(request, webApp)
  expect(flagsBefore).toBeGreaterThan(0)
  const rules = new RulesPage(page)
  await rules.app.open(webApp)
  await rules.open()
  await expect(page.getByTestId('rule-pack-title')).toHaveText(settings.pack.title)
  await expect(page.getByTestId('rule-pack-version')).toContainText(settings.pack.effectiveVersion)
  await expect(page.getByTestId('rule-count')).toHaveText(`${settings.rules.length} 条`)
  await expect(page.locator('[data-testid="rule-table"] tr[data-row-key]')).toHaveCount(settings.rules.length)

  // The working-day calendar: the bundled years, and a warning exactly when a year's schedule is wanted.
  const calendar = page.getByTestId('rule-calendar')
  await expect(calendar.getByTestId('rule-calendar-facts')).toContainText(`${Math.min(...settings.calendar.bundledYears)}–${Math.max(...settings.calendar.bundledYears)} 年`)
  const missing = settings.calendar.missingSoon
  if (missing.length > 0) await expect(calendar.getByTestId('rule-calendar-warning')).toContainText(`尚无 ${missing.map((y) => `${y} 年`).join('、')}的节假日安排`)
  else await expect(calendar.getByTestId('rule-calendar-warning')).toHaveCount(0)

  // A click on the row opens its basis, parameters and interpretation decisions.
  const rule = settings.rules.find((r) => r.code === RULE)
  if (!rule) throw new Error(`${RULE} is not in the pack`)
  await rules.row(RULE).getByText(rule.title).click()
  const detail = rules.detail(RULE)
  await expect(detail).toBeVisible()
  for (const line of rule.basis) await expect(detail).toContainText(line)
  await expect(detail).toContainText('同一部门两次检查最短间隔')
  await expect(detail).toContainText(`${String(rule.params['min_interval_months'])} 个月`)
  for (const d of rule.decisions) await expect(detail).toContainText(d)

  // The search narrows the list to matching names, codes and catalogue references.
  await page.getByRole('textbox', { name: '搜索规则' }).fill('检查码')
  const matching = settings.rules.filter((r) => [r.title, r.code, r.catalogue].some((s) => s.toLowerCase().includes('检查码')))
  await expect(page.getByTestId('rule-count')).toHaveText(`${matching.length} 条`)
  await screenshot(page, 'rules-search')
  await page.getByRole('textbox', { name: '搜索规则' }).fill('')
  await rules.detail(RULE).scrollIntoViewIfNeeded()
  await screenshot(page, 'rules-detail')
})

test('a flag’s legal basis links to its rule, opened and in view', async ({ page, webApp }) => {
  const flags = new FlagsPage(page)
  await flags.app.open(webApp)
  await flags.open()
  const row = flags.rows.first()
  const rule = await row.getAttribute('data-rule')
  if (!rule) throw new Error('flag row without a rule')
  await row.click()
  await expect(flags.detail).toBeVisible()
  await flags.detail.getByTestId('flag-rule-link').click()
  await expect(page.getByTestId('rules-screen')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`#/rules\\?rule=${rule}`))
  const rules = new RulesPage(page)
  await expect(rules.detail(rule)).toBeInViewport()
  await expect(rules.row(rule)).toHaveClass(/rule-row-focused/)
  await screenshot(page, 'rules-from-flag')
})

test('an officer switches a rule off with a reason; the next analysis finds none of it', async ({ page, webApp, request }) => {
  const rules = new RulesPage(page)
  await rules.app.open(webApp)
  await rules.open()
  await expect(rules.switchOf(RULE)).toBeChecked()
  await rules.switchOf(RULE).click()
  await expect(rules.modal).toContainText('停用后，下次分析不再按此规则查找问题线索')
  // No reason, no change.
  await rules.modal.getByRole('button', { name: /停\s*用/ }).click()
  await expect(rules.modal).toContainText('请说明理由')
  await screenshot(page, 'rules-disable-modal')
  await rules.confirmChange(/停\s*用/, '本区尚未施行，经科室会议决定暂不核查')
  await expect(page.getByText(/已停用规则「.+」，重新分析后生效/)).toBeVisible()
  await expect(rules.switchOf(RULE)).not.toBeChecked()
  await expect(rules.row(RULE)).toContainText('本地停用')
  await expect(page.getByTestId('rule-switched-count')).toHaveText('1')
  await expect(page.getByTestId('analysis-rules-changed')).toContainText('规则设置已更改')
  const settings = await callApi(request, webApp, 'rules.get', {})
  expect(settings.flagsStale).toBe(true)
  expect(settings.pack.effectiveVersion).not.toBe(settings.pack.packVersion)
  await expect(page.getByTestId('rule-pack-version')).toContainText(settings.pack.effectiveVersion)
  await screenshot(page, 'rules-switched-off')

  // The inbox says so too, and its next run finds none of the rule's flags.
  const flags = new FlagsPage(page)
  await flags.open()
  await expect(page.getByTestId('analysis-rules-changed')).toBeVisible()
  await flags.runAnalysis(lastRunId(request, webApp))
  await expect(page.getByTestId('analysis-rules-changed')).toHaveCount(0)
  expect(await ruleFlagCount(request, webApp)).toBe(0)
  await expect(flags.ruleGroup(RULE)).toHaveCount(0)
})

test('an auditor reads the rules but cannot change them', async ({ page, webApp, request }) => {
  const rules = new RulesPage(page)
  await rules.app.asAuditor(request, webApp, async () => {
    await rules.open()
    await expect(rules.switchOf(RULE)).toBeDisabled()
    await expect(page.getByTestId('rule-reset')).toBeDisabled()
    await expect(page.getByTestId('rule-pack-select')).toHaveClass(/ant-select-disabled/)
    await rules.switchOf(RULE).hover({ force: true })
    await expect(page.getByRole('tooltip')).toContainText('仅监督员可以调整规则设置')
    await screenshot(page, 'rules-auditor')
    await expect(callApi(request, webApp, 'rules.setEnabled', { rule: RULE, enabled: true, reason: '审计人员试图启用' })).rejects.toThrow(/FORBIDDEN/)
  })
})

test('another pack is chosen and the default one again; every rule back to its default brings the flags back', async ({ page, webApp, request }) => {
  const settings = await callApi(request, webApp, 'rules.get', {})
  const other = settings.packs.find((p) => !p.active)
  const own = settings.packs.find((p) => p.active)
  if (!other || !own) throw new Error('two shipped packs expected')
  const rules = new RulesPage(page)
  await rules.app.open(webApp)
  await rules.open()

  const choose = async (title: string) => {
    await page.getByTestId('rule-pack-select').click()
    await page.locator('.ant-select-item-option').filter({ hasText: title }).click()
    await page.getByRole('button', { name: '改用此规则包' }).click()
    await rules.confirmChange(/改\s*用/, '对照外地做法，试用后恢复')
    await expect(page.getByTestId('rule-pack-title')).toHaveText(title)
  }
  await choose(other.title)
  await expect(rules.row('ADVANCE_FILING_SHORT')).toBeVisible()
  await expect(rules.switchOf('ADVANCE_FILING_SHORT')).toBeChecked()
  await screenshot(page, 'rules-other-pack')
  await choose(own.title)
  // Each pack keeps its own switches: the default pack still has the rule off.
  await expect(rules.switchOf(RULE)).not.toBeChecked()

  await page.getByTestId('rule-reset').click()
  await rules.confirmChange(/恢复默认/, '专项工作结束，恢复常规核查')
  await expect(rules.switchOf(RULE)).toBeChecked()
  await expect(page.getByTestId('rule-switched-count')).toHaveCount(0)
  const before = await lastRunId(request, webApp)()
  await page.getByTestId('run-analysis').click()
  await expect.poll(lastRunId(request, webApp), { timeout: 120_000 }).not.toBe(before)
  await expect(page.getByText('分析完成，问题线索已按当前规则更新')).toBeVisible()
  await expect(page.getByTestId('analysis-rules-changed')).toHaveCount(0)
  expect(await ruleFlagCount(request, webApp)).toBe(flagsBefore)
  expect((await callApi(request, webApp, 'rules.get', {})).flagsStale).toBe(false)
})
