// Parameters of plan review (计划审核). Windows and caps come from the rule pack's rules (the same
// numbers the detection rules use); the history span and the required plan fields from its
// `plan_review` section — or, for a pack that has none (the shipped packs do not carry one yet), from
// the catalogue's defaults below.
import { z } from 'zod'
import { DOMAINS } from '../contract/scalars.ts'
import type { RulePack } from '../rules/pack.ts'

const planFieldSchema = z.enum(['item_ids', 'legal_basis', 'department_id', 'object_scope', 'sampling_ratio', 'method', 'frequency'])
export type PlanField = z.infer<typeof planFieldSchema>

/** The pack's `plan_review` section. */
export const planReviewSectionSchema = z.strictObject({
  history_months: z.number().int().positive(),
  required_fields: z.object({ default: z.array(planFieldSchema) }).catchall(z.array(planFieldSchema))
})

export type PlanReviewSection = z.infer<typeof planReviewSectionSchema>

/**
 * rules-catalogue §8 `history_months` = 6 (D-25); required fields per R-PLAN-03: the general minimum
 * (检查事项、检查主体、检查对象范围, 002:L53) by default, the standard fields where an annex lists them
 * (PSB L337, CULT L893, URB L1338, AGRI L1764, TRAN L1206), ENV's monthly/special list (L1072, L1086).
 * A fresh object on every call: callers may not share (and so mutate) one.
 */
export function defaultPlanReviewSection(): PlanReviewSection {
  const standard: PlanField[] = ['item_ids', 'legal_basis', 'department_id', 'object_scope', 'sampling_ratio', 'method', 'frequency']
  return {
    history_months: 6,
    required_fields: {
      default: ['item_ids', 'department_id', 'object_scope'],
      PSB: [...standard], CULT: [...standard], URB: [...standard], AGRI: [...standard], TRAN: [...standard],
      ENV: ['item_ids', 'legal_basis', 'department_id', 'object_scope', 'method']
    }
  }
}

/** The pack's own `plan_review` section when it has one (validated), else the catalogue defaults. */
export function planReviewSection(pack: RulePack): PlanReviewSection {
  if (!('plan_review' in pack) || pack.plan_review === undefined) return defaultPlanReviewSection()
  const parsed = planReviewSectionSchema.safeParse(pack.plan_review)
  if (!parsed.success) {
    throw new Error(`规则包 ${pack.name} 的 plan_review 部分格式错误 / invalid plan_review section in rule pack ${pack.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  return parsed.data
}

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
  /** R-PLAN-03: required fields; `default` applies to domains not listed. */
  required_fields: z.object({ default: z.array(planFieldSchema) }).catchall(z.array(planFieldSchema))
})
export type PlanReviewParams = z.infer<typeof planReviewParamsSchema>

export const PLAN_FIELD_NAMES = {
  item_ids: '检查事项',
  legal_basis: '检查依据',
  department_id: '检查主体',
  object_scope: '检查对象范围',
  sampling_ratio: '检查比例',
  method: '检查方式',
  frequency: '检查频次'
} as const satisfies Record<PlanField, string>

export function planReviewParams(pack: RulePack): PlanReviewParams {
  const r = pack.rules
  const section = planReviewSection(pack)
  return {
    history_months: section.history_months,
    required_fields: section.required_fields,
    min_interval_months: r.REPEAT_WITHIN_MONTH.params.min_interval_months,
    annual_cap_planned_onsite: r.REPEAT_PLANNED_ANNUAL.params.annual_cap_planned_onsite,
    recognition_window_months: r.RESULT_RECOGNITION_IGNORED.params.recognition_window_months,
    recognition_domains: r.RESULT_RECOGNITION_IGNORED.params.domains,
    matchmaking_window_months: r.JOINT_MISSED_NO_REASON.params.matchmaking_window_months
  }
}
