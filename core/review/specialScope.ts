// Plan-time checks of a special inspection plan against the scope rule of its domain (R-PLAN-12, the
// detection rule HRSS_SPECIAL_SCOPE): an HRSS special plan follows an upper level's deployment, and its
// named objects are enterprises with a case or clue of that domain before the plan starts. Caught at
// review, the plan is returned before any inspection; caught after, each inspection is a flag.
import type { Sqlite } from '../../db/client.ts'
import { PLAN_ORIGIN_LABELS } from '../contract/planLabels.ts'
import type { Enterprise, Plan } from '../contract/records.ts'
import { deployedFromAbove } from '../rules/checks/special.ts'
import type { PlanReviewParams } from './params.ts'
import type { ReviewCheck } from './planReview.ts'

type Lead = { domain: string; level: string } | undefined

/** Membership in a list of codes, for a value read from the database as a plain string. */
const listed = (codes: readonly string[], value: string): boolean => codes.includes(value)

export function specialScopeChecks(
  sqlite: Sqlite, plan: Plan, lead: Lead, enterprises: ReadonlyMap<string, Enterprise>, params: PlanReviewParams
): ReviewCheck[] {
  const scope = params.special_scope
  if (!lead || !listed(scope.domains, lead.domain) || !listed(scope.plan_types, plan.plan_type)) return []
  const basis = params.basis('special', lead.domain)
  const checks: ReviewCheck[] = []
  if (!deployedFromAbove(scope, plan.origin, lead.level)) {
    checks.push({
      code: 'SPECIAL_NOT_DEPLOYED', severity: 'MUST', basis,
      message: `本专项计划为“${PLAN_ORIGIN_LABELS[plan.origin]}”：本领域专项检查应严格按上级部门部署开展`
    })
  }
  const targets = [...new Set((plan.targets ?? []).map((t) => t.enterprise_id))]
  if (targets.length === 0) return checks
  // The enterprises with a triggered inspection led by a department of the domain before the plan starts.
  const withCase = new Set(
    sqlite.prepare(
      `SELECT DISTINCT t.enterprise_id FROM tasks t JOIN departments d ON d.id = t.department_ids ->> '$[0]'
       WHERE t.enterprise_id IN (SELECT value FROM json_each(?)) AND t.kind = 'TRIGGERED' AND t.status <> 'CANCELLED'
         AND d.domain = ? AND t.first_visit_date < ?`
    ).pluck().all(JSON.stringify(targets), lead.domain, plan.window_from) as string[]
  )
  for (const id of targets) {
    if (withCase.has(id)) continue
    checks.push({
      code: 'SPECIAL_NO_PRIOR_CASE', severity: 'MUST', basis, enterpriseId: id,
      message: `${enterprises.get(id)?.name ?? id}：专项检查启动（${plan.window_from}）前没有本领域的案件或线索，不在专项检查的对象范围内`
    })
  }
  return checks
}
