// Plan review (备案审核) against the real web host and a fresh demo database: the queue oldest first, one
// plan's review (checks, the targets' history across departments, joint proposals), a return that needs
// a reason, a filing, and both plans leaving the queue for the outbox.
import Database from 'better-sqlite3'
import { callApi } from './fixtures/api.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { expect, test, type WebApp } from './fixtures/webApp.ts'
import { ReviewsPage } from './models/ReviewsPage.ts'
import type { APIRequestContext } from '@playwright/test'

test.describe.configure({ mode: 'serial' })

/** The first queued plan whose review has checks, history and proposals to show (else the richest one). */
async function richestPlan(request: APIRequestContext, app: WebApp, ids: string[]): Promise<string> {
  let best: { id: string; score: number } | null = null
  for (const id of ids) {
    const r = await callApi(request, app, 'reviews.get', { planId: id })
    const entries = r.history.reduce((n, h) => n + h.entries.length, 0)
    const score = (r.checks.length > 0 ? 4 : 0) + (r.proposals.length > 0 ? 4 : 0) + (entries > 0 ? 2 : 0) + (r.history.some((h) => h.entries.some((e) => e.highlights.length > 0)) ? 1 : 0)
    if (score === 11) return id
    if (!best || score > best.score) best = { id, score }
  }
  if (!best) throw new Error('empty review queue')
  return best.id
}

test('lists the submitted plans oldest first and shows a plan’s checks, history and joint proposals', async ({ page, webApp, request }) => {
  const queue = await callApi(request, webApp, 'reviews.queue', { limit: 100 })
  expect(queue.total).toBeGreaterThan(2)
  const reviews = new ReviewsPage(page)
  await reviews.app.open(webApp)
  await reviews.open()
  expect(await reviews.shownTotal()).toBe(queue.total)
  const shownIds = await reviews.items.evaluateAll((els) => els.map((e) => e.getAttribute('data-plan-id')))
  expect(shownIds).toEqual(queue.rows.map((r) => r.id))
  const submitted = queue.rows.map((r) => r.submittedAt ?? '')
  expect([...submitted].sort()).toEqual(submitted)
  // The longest-waiting plan opens first.
  const oldest = queue.rows[0]
  if (!oldest) throw new Error('no queued plan')
  await expect(reviews.panel(oldest.id)).toBeVisible()
  await expect(reviews.item(oldest.id)).toHaveAttribute('aria-current', 'true')

  const planId = await richestPlan(request, webApp, queue.rows.map((r) => r.id))
  const review = await callApi(request, webApp, 'reviews.get', { planId })
  const panel = await reviews.openPlan(planId)
  await expect(page).toHaveURL(new RegExp(`plan=${planId}`))
  await expect(panel.locator('.review-title')).toHaveText(String(review.plan['title']))
  for (const label of ['报送部门', '计划类型', '实施期间', '检查事项', '检查对象', '检查方式', '检查依据']) await expect(panel.locator('.review-fields')).toContainText(label)

  const checks = panel.getByTestId('review-checks')
  await expect(checks.locator('.detail-section-count')).toHaveText(String(review.checks.length))
  const check = review.checks[0]
  if (check) {
    const row = checks.locator('.review-check').filter({ hasText: check.message }).first()
    await expect(row).toBeVisible()
    await row.getByRole('button', { name: /依据/ }).click()
    await expect(row.getByTestId('review-check-basis')).toContainText(check.basis)
  }

  const history = panel.getByTestId('review-history')
  await expect(history).toContainText(`自 ${review.historyFrom} 起`)
  // Where the history comes from: the pack's reference practice, on hovering the span.
  await history.getByTestId('review-history-scope').hover()
  await expect(page.getByRole('tooltip')).toContainText(`做法参考：${review.historyBasis}`)
  await expect(history.getByTestId('target-history')).toHaveCount(review.history.length)
  if (review.history.length > 0) await expect(history.getByTestId('history-legend')).toContainText('间隔不足最短期限')
  const withEntries = review.history.find((h) => h.entries.length > 0)
  if (withEntries) {
    const card = history.locator(`[data-enterprise-id="${withEntries.enterpriseId}"]`).first()
    await expect(card).toContainText(withEntries.enterpriseName ?? withEntries.enterpriseId)
    const entry = withEntries.entries[0]
    if (entry?.code) await expect(card).toContainText(entry.code)
    for (const name of entry?.departmentNames ?? []) await expect(card).toContainText(name)
  }
  const highlighted = review.history.flatMap((h) => h.entries).filter((e) => e.highlights.length > 0).length
  await expect(history.locator('tr.history-row[class*="highlight-"]')).toHaveCount(highlighted)

  const proposals = panel.getByTestId('review-proposals')
  await expect(proposals.locator('.detail-section-count')).toHaveText(String(review.proposals.length))
  await expect(proposals.getByTestId('review-proposal')).toHaveCount(review.proposals.length)
  const proposal = review.proposals[0]
  if (proposal) {
    const card = proposals.locator(`[data-plan-id="${proposal.planId}"]`)
    await expect(card).toContainText(proposal.title)
    await expect(card).toContainText(proposal.departmentName ?? proposal.departmentId)
    await expect(card).toContainText('建议牵头')
  }
  await screenshot(page, 'reviews-plan')
  await history.scrollIntoViewIfNeeded()
  await screenshot(page, 'reviews-history')
  await proposals.scrollIntoViewIfNeeded()
  await screenshot(page, 'reviews-proposals')
})

test('an HRSS special plan the bureau drew up itself, naming enterprises without earlier cases, is stopped at review (R-PLAN-12)', async ({ page, webApp, request }) => {
  const queue = await callApi(request, webApp, 'reviews.queue', { limit: 100 })
  let found: { id: string; checks: { code: string; message: string; basis: string }[] } | null = null
  for (const row of queue.rows) {
    const r = await callApi(request, webApp, 'reviews.get', { planId: row.id })
    if (r.checks.some((c) => c.code === 'SPECIAL_NOT_DEPLOYED')) found = { id: row.id, checks: r.checks }
  }
  if (!found) throw new Error('the demo queues an HRSS special plan that was not deployed from above')
  const special = found.checks.filter((c) => c.code.startsWith('SPECIAL_'))
  expect(special.filter((c) => c.code === 'SPECIAL_NO_PRIOR_CASE').length).toBeGreaterThan(0)
  const reviews = new ReviewsPage(page)
  await reviews.app.open(webApp)
  await reviews.open()
  const panel = await reviews.openPlan(found.id)
  const checks = panel.getByTestId('review-checks')
  for (const c of special) await expect(checks.locator('.review-check').filter({ hasText: c.message }).first()).toBeVisible()
  const notDeployed = checks.locator('.review-check[data-code="SPECIAL_NOT_DEPLOYED"]')
  await expect(notDeployed).toContainText('本部门制定')
  await notDeployed.getByRole('button', { name: /依据/ }).click()
  await expect(notDeployed.getByTestId('review-check-basis')).toContainText('附件10《人社领域…实施方案》三、（二）1.')
  await screenshot(page, 'review-special-scope')
})

test('returns one plan (a reason is required) and files another; both leave the queue to wait for sync', async ({ page, webApp, request }) => {
  const queue = await callApi(request, webApp, 'reviews.queue', { limit: 100 })
  const [toReturn, toFile] = queue.rows.slice(-2).map((r) => r.id)
  if (!toReturn || !toFile) throw new Error('need two queued plans')
  const reviews = new ReviewsPage(page)
  await reviews.app.open(webApp)
  await reviews.open()

  // 退回: the dialog refuses an empty reason and nothing is recorded.
  let panel = await reviews.openPlan(toReturn)
  await panel.getByTestId('review-return').click()
  const dialog = page.locator('.return-modal')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: /退\s*回/ }).click()
  await expect(dialog).toContainText('退回计划须说明理由')
  await screenshot(page, 'reviews-return-reason-required')
  expect((await callApi(request, webApp, 'reviews.get', { planId: toReturn })).decisions).toHaveLength(0)
  const reason = '检查对象范围与抽查比例不一致，请补充抽取方法后重新报送。'
  await dialog.getByRole('textbox', { name: '退回理由' }).fill(reason)
  await screenshot(page, 'reviews-return-dialog')
  await dialog.getByRole('button', { name: /退\s*回/ }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/已退回.*待同步/)).toBeVisible()
  await expect(reviews.item(toReturn)).toHaveCount(0)
  await expect.poll(() => reviews.shownTotal()).toBe(queue.total - 1)
  const returned = await callApi(request, webApp, 'reviews.get', { planId: toReturn })
  expect(returned.decisions[0]).toMatchObject({ decision: 'RETURN', reason, syncStatus: 'PENDING' })

  // 备案: a confirmation, then the plan leaves the queue too.
  panel = await reviews.openPlan(toFile)
  await panel.getByTestId('review-file').click()
  const confirm = page.locator('.ant-modal-confirm')
  await expect(confirm).toContainText('同意备案')
  await screenshot(page, 'reviews-file-confirm')
  await confirm.getByRole('button', { name: /同意备案/ }).click()
  await expect(page.getByText(/已同意备案.*待同步/)).toBeVisible()
  await expect(reviews.item(toFile)).toHaveCount(0)
  await expect.poll(() => reviews.shownTotal()).toBe(queue.total - 2)
  expect((await callApi(request, webApp, 'reviews.get', { planId: toFile })).decisions[0]).toMatchObject({ decision: 'FILE', syncStatus: 'PENDING' })
  await expect(page).not.toHaveURL(new RegExp(`plan=${toFile}`))
  await screenshot(page, 'reviews-after-decisions')

  // Decided plans wait for sync: the toggle brings them back, marked, and they cannot be decided twice.
  await page.getByRole('switch', { name: '显示已审核待同步的计划' }).click()
  await expect(page).toHaveURL(/decided=1/)
  const withDecided = await callApi(request, webApp, 'reviews.queue', { includeDecided: true, limit: 1 })
  expect(withDecided.total).toBeGreaterThanOrEqual(queue.total)
  await expect.poll(() => reviews.shownTotal()).toBe(withDecided.total)
  for (const id of [toReturn, toFile]) await expect(reviews.item(id).getByTestId('queue-pending-sync')).toHaveText('待同步')
  panel = await reviews.openPlan(toReturn)
  await expect(panel.getByTestId('review-file')).toBeDisabled()
  await expect(panel.getByTestId('review-return')).toBeDisabled()
  await expect(panel.getByTestId('review-decisions')).toContainText(reason)
  await expect(panel.getByTestId('review-decisions')).toContainText('待同步')
  await screenshot(page, 'reviews-pending-sync')
})

test('a returned plan that comes back submitted again is in the queue once more, marked 再次提交, its return in the record', async ({ page, webApp, request }) => {
  const queue = await callApi(request, webApp, 'reviews.queue', { limit: 100 })
  const planId = queue.rows.at(-1)?.id
  if (!planId) throw new Error('no queued plan')
  const reason = '检查事项与执法领域不符，请调整后重新报送。'
  await callApi(request, webApp, 'reviews.decide', { planId, decision: 'RETURN', reason })
  expect((await callApi(request, webApp, 'reviews.queue', { limit: 100 })).rows.map((r) => r.id)).not.toContain(planId)

  // What a sync brings back, written through another connection as the sync job's would be: the return
  // reported, and the department's corrected plan submitted again after it.
  const db = new Database(webApp.dbPath)
  try {
    db.prepare("UPDATE plan_reviews SET sync_status = 'SYNCED' WHERE plan_id = ?").run(planId)
    db.prepare('UPDATE plans SET submitted_at = ? WHERE id = ?').run(new Date(Date.now() + 60_000).toISOString(), planId)
  } finally {
    db.close()
  }

  const again = await callApi(request, webApp, 'reviews.queue', { limit: 100 })
  expect(again.total).toBe(queue.total)
  expect(again.rows.find((r) => r.id === planId)).toMatchObject({ localDecision: null, resubmitted: true })
  const reviews = new ReviewsPage(page)
  await reviews.app.open(webApp)
  await reviews.open()
  expect(await reviews.shownTotal()).toBe(queue.total)
  await expect(reviews.item(planId).getByTestId('queue-resubmitted')).toHaveText('再次提交')
  const panel = await reviews.openPlan(planId)
  await expect(panel.getByTestId('review-decisions')).toContainText(reason)
  await expect(panel.getByTestId('review-return')).toBeEnabled()
  await expect(panel.getByTestId('review-file')).toBeEnabled()
  await screenshot(page, 'reviews-resubmitted')
})
