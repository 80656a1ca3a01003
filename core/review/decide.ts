// Recording a plan review decision: 备案 (FILE) or 退回 (RETURN, reason required). The decision, a
// snapshot of the plan as the officer saw it, the audit entry and the outbox item for
// `POST /api/v1/plan-reviews` (central-api-v1) are written in one transaction.
import { randomUUID } from 'node:crypto'
import type { Sqlite } from '../../db/client.ts'
import { rememberedCount } from '../../db/queries/remembered.ts'
import { decidedOnCurrentSubmission } from '../../db/queries/reviewDecisions.ts'
import { containsPattern } from '../../db/queries/statements.ts'
import { appendAudit } from '../audit.ts'
import { ApiFailure } from '../api/context.ts'
import { loadPlan } from './planReview.ts'

export type PlanDecisionInput = { planId: string; decision: 'FILE' | 'RETURN'; reason: string | null; userId: string; at: string }

export function decidePlan(sqlite: Sqlite, input: PlanDecisionInput): { reviewId: string; outboxId: string } {
  const reason = input.reason?.trim() || null
  if (input.decision === 'RETURN' && reason === null) throw new ApiFailure('BAD_INPUT', '退回计划必须说明理由 / a reason is required to return a plan')
  return sqlite.transaction(() => {
    const plan = loadPlan(sqlite, input.planId)
    if (!plan) throw new ApiFailure('NOT_FOUND', `计划 ${input.planId} 不存在 / no such plan`)
    if (plan.status !== 'SUBMITTED') throw new ApiFailure('CONFLICT', `计划当前状态为 ${plan.status}，只有已提交的计划可以审核 / only SUBMITTED plans can be reviewed`)
    const pending = sqlite.prepare("SELECT id FROM plan_reviews WHERE plan_id = ? AND sync_status = 'PENDING'").pluck().get(plan.id)
    if (pending) throw new ApiFailure('CONFLICT', '该计划已有待同步的审核决定 / this plan already has a decision waiting to sync')
    const reviewId = randomUUID()
    const outboxId = randomUUID()
    sqlite
      .prepare('INSERT INTO plan_reviews (id, plan_id, decision, reason, reviewer_id, decided_at, plan_snapshot, sync_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(reviewId, plan.id, input.decision, reason, input.userId, input.at, JSON.stringify(plan), 'PENDING')
    const payload = { plan_id: plan.id, decision: input.decision, reason: reason ?? undefined, reviewer_id: input.userId, decided_at: input.at }
    sqlite
      .prepare("INSERT INTO outbox (id, kind, entity_id, payload, created_at, status) VALUES (?, 'plan-review', ?, ?, ?, 'PENDING')")
      .run(outboxId, plan.id, JSON.stringify(payload), input.at)
    appendAudit(sqlite, { userId: input.userId, action: 'plan.review', entity: 'plan', entityId: plan.id, detail: { decision: input.decision, reason }, at: input.at })
    return { reviewId, outboxId }
  })()
}

export type ReviewQueueRow = {
  id: string; planCode: string | null; title: string; departmentId: string; departmentName: string | null; domain: string | null
  planType: string; origin: string; windowFrom: string; windowTo: string; submittedAt: string | null; targetCount: number
  localDecision: string | null; localDecidedAt: string | null
  /** This workstation decided on an earlier submission of the plan. */
  resubmitted: boolean
}

/**
 * Submitted plans waiting for review, oldest submission first, with any local decision on their current
 * submission (not yet synced). A decision on an earlier submission does not count: the plan came back.
 */
export function reviewQueue(sqlite: Sqlite, filter: { departmentId?: string | undefined; text?: string | undefined; includeDecided: boolean }, offset: number, limit: number): { total: number; rows: ReviewQueueRow[] } {
  const where: string[] = ["p.status = 'SUBMITTED'"]
  const params: (string | number)[] = []
  if (filter.departmentId) { where.push('p.department_id = ?'); params.push(filter.departmentId) }
  if (filter.text) { where.push("(p.title LIKE ? ESCAPE '\\' OR d.name LIKE ? ESCAPE '\\')"); const like = containsPattern(filter.text); params.push(like, like) }
  if (!filter.includeDecided) where.push('r.id IS NULL')
  const from = `FROM plans p LEFT JOIN departments d ON d.id = p.department_id
    LEFT JOIN plan_reviews r ON r.id = (
      SELECT r0.id FROM plan_reviews r0 WHERE r0.plan_id = p.id AND ${decidedOnCurrentSubmission('p', 'r0')} ORDER BY julianday(r0.decided_at) DESC LIMIT 1)
    WHERE ${where.join(' AND ')}`
  // Remembered until the database changes (a decision is a change): the queue is counted on every visit.
  const total = rememberedCount(sqlite, `SELECT count(*) ${from}`, params)
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.plan_code AS planCode, p.title, p.department_id AS departmentId, d.name AS departmentName, d.domain, p.plan_type AS planType,
        p.origin, p.window_from AS windowFrom, p.window_to AS windowTo, p.submitted_at AS submittedAt,
        coalesce(json_array_length(p.targets), 0) AS targetCount, r.decision AS localDecision, r.decided_at AS localDecidedAt,
        EXISTS (SELECT 1 FROM plan_reviews e WHERE e.plan_id = p.id AND NOT ${decidedOnCurrentSubmission('p', 'e')}) AS resubmitted
       ${from} ORDER BY p.submitted_at, p.id LIMIT ? OFFSET ?`
    )
    .all(...params, limit, offset) as (Omit<ReviewQueueRow, 'resubmitted'> & { resubmitted: 0 | 1 })[]
  return { total, rows: rows.map((r) => ({ ...r, resubmitted: r.resubmitted === 1 })) }
}
