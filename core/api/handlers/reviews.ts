import { shanghaiToday } from '../../contract/scalars.ts'
import { findUser } from '../../users.ts'
import { decidePlan, reviewQueue } from '../../review/decide.ts'
import { planReviewParams } from '../../review/params.ts'
import { reviewPlan } from '../../review/planReview.ts'
import { activeRulePack } from '../../rules/ruleSettings.ts'
import { ApiFailure } from '../context.ts'
import type { HandlerMap } from '../handler.ts'


export const reviewHandlers: HandlerMap<'reviews.queue' | 'reviews.get' | 'reviews.decide'> = {
  'reviews.queue': (ctx, input) => reviewQueue(ctx.db.sqlite, { departmentId: input.departmentId, text: input.text, includeDecided: input.includeDecided }, input.offset, input.limit),
  'reviews.get': (ctx, input) => {
    const sqlite = ctx.db.sqlite
    const review = reviewPlan(sqlite, input.planId, planReviewParams(activeRulePack(sqlite)), shanghaiToday(ctx.now()))
    if (!review) throw new ApiFailure('NOT_FOUND', `计划 ${input.planId} 不存在 / no such plan`)
    const itemNames = Object.fromEntries(
      (sqlite.prepare('SELECT id, name FROM items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(review.plan.item_ids)) as { id: string; name: string }[]).map((i) => [i.id, i.name])
    )
    const decisions = (sqlite.prepare('SELECT decision, reason, reviewer_id, decided_at, sync_status FROM plan_reviews WHERE plan_id = ? ORDER BY decided_at DESC').all(review.plan.id) as { decision: string; reason: string | null; reviewer_id: string; decided_at: string; sync_status: string }[])
      .map((d) => ({ decision: d.decision, reason: d.reason, reviewerName: findUser(sqlite, d.reviewer_id)?.name ?? d.reviewer_id, decidedAt: d.decided_at, syncStatus: d.sync_status }))
    return { ...review, plan: { ...review.plan }, itemNames, decisions }
  },
  'reviews.decide': (ctx, input) => {
    const { reviewId } = decidePlan(ctx.db.sqlite, { planId: input.planId, decision: input.decision, reason: input.reason ?? null, userId: ctx.user.id, at: ctx.now().toISOString() })
    return { reviewId }
  }
}
