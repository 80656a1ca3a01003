// Parameters of plan review (计划审核), all from the rule pack: the required fields, windows and caps
// from its detection rules (the same numbers they detect with, and their basis), the history span
// from its `plan_review` section.
import { z } from 'zod'
import { DEPARTMENT_LEVELS, PLAN_ORIGINS, PLAN_TYPES } from '../contract/records.ts'
import { DOMAINS, isDomain } from '../contract/scalars.ts'
import { ruleBasis } from '../rules/active.ts'
import { basisCitation } from '../rules/emit.ts'
import { requiredFieldsSchema, type RuleCode, type RulePack } from '../rules/pack.ts'

export const planReviewParamsSchema = z.object({
  /** D-25: how far back the inspection history of each target reaches. */
  history_months: z.number().int().positive(),
  /** R-FREQ-02: planned on-site inspections at least this many months apart. */
  min_interval_months: z.number().int().positive(),
  /** R-FREQ-01: domains capped at this many planned on-site inspections per site and year. */
  annual_cap_planned_onsite: z.partialRecord(z.enum(DOMAINS), z.number().int().positive()),
  /** R-RECOG-01: the other level's same-item results are recognised within this window. */
  recognition_window_months: z.number().int().positive(),
  recognition_domains: z.array(z.enum(DOMAINS)),
  /** R-JOINT-02 / D-26: other departments' plans on the same objects within this window are proposed for joint inspection. */
  matchmaking_window_months: z.number().int().positive(),
  /** R-PLAN-03 (PLAN_INCOMPLETE): required fields; `default` applies to domains not listed. */
  required_fields: requiredFieldsSchema,
  /** R-PLAN-12 (HRSS_SPECIAL_SCOPE): special plans of these domains follow a deployment and name enterprises with earlier cases. */
  special_scope: z.object({
    domains: z.array(z.enum(DOMAINS)),
    plan_types: z.array(z.enum(PLAN_TYPES)),
    deployed_origins: z.array(z.enum(PLAN_ORIGINS)),
    deploying_levels: z.array(z.enum(DEPARTMENT_LEVELS))
  })
})

/** The detection rule whose legal basis each plan-time check shows ('history': the pack's plan_review history_basis). */
export const REVIEW_BASIS_RULES = {
  fields: 'PLAN_INCOMPLETE',
  interval: 'REPEAT_WITHIN_MONTH',
  annual: 'REPEAT_PLANNED_ANNUAL',
  wugan: 'WUGAN_OBJECT_INSPECTED',
  wushi: 'WUSHI_ITEM_INSPECTED',
  library: 'ITEM_NOT_FILED',
  recognition: 'RESULT_RECOGNITION_IGNORED',
  special: 'HRSS_SPECIAL_SCOPE'
} as const satisfies Record<string, RuleCode>
export type ReviewBasisKey = keyof typeof REVIEW_BASIS_RULES | 'history'

export type PlanReviewParams = z.infer<typeof planReviewParamsSchema> & {
  /** The legal basis a check shows, for a plan led by a department of `domain` (its annex first), as officers cite it. */
  basis: (check: ReviewBasisKey, domain: string | null) => string
}

export function planReviewParams(pack: RulePack): PlanReviewParams {
  const r = pack.rules
  return {
    history_months: pack.plan_review.history_months,
    required_fields: r.PLAN_INCOMPLETE.params.required_fields,
    special_scope: r.HRSS_SPECIAL_SCOPE.params,
    min_interval_months: r.REPEAT_WITHIN_MONTH.params.min_interval_months,
    annual_cap_planned_onsite: r.REPEAT_PLANNED_ANNUAL.params.annual_cap_planned_onsite,
    recognition_window_months: r.RESULT_RECOGNITION_IGNORED.params.recognition_window_months,
    recognition_domains: r.RESULT_RECOGNITION_IGNORED.params.domains,
    matchmaking_window_months: r.JOINT_MISSED_NO_REASON.params.matchmaking_window_months,
    basis: (check, domain) => basisCitation(pack,
      check === 'history' ? pack.plan_review.history_basis : ruleBasis(pack, REVIEW_BASIS_RULES[check], domain !== null && isDomain(domain) ? domain : null))
  }
}
