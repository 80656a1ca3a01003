// The mandatory fields of an inspection plan (计划必备要素, R-PLAN-03): which of them a plan leaves
// out. One reading for the detection rule PLAN_INCOMPLETE (a filed plan missing them, checks/plans.ts)
// and for plan review (a submitted plan missing them, core/review/planReview.ts).
import { PLAN_FIELD_LABELS } from '../contract/planLabels.ts'
import type { Plan } from '../contract/records.ts'
import type { PLAN_FIELDS } from './pack.ts'

export type PlanField = (typeof PLAN_FIELDS)[number]

/** Required fields per domain of the plan's department; `default` for a domain not listed. */
export type RequiredPlanFields = { default: readonly PlanField[] } & Partial<Record<string, readonly PlanField[]>>

const PLAN_FIELD_NAMES: Readonly<Record<PlanField, string>> = PLAN_FIELD_LABELS

/** The fields as a message names them: 检查事项、检查对象范围. */
export function planFieldNames(fields: readonly PlanField[]): string {
  return fields.map((f) => PLAN_FIELD_NAMES[f]).join('、')
}

const blank = (v: string | null) => v === null || v.trim() === ''

export function planFieldMissing(plan: Plan, field: PlanField): boolean {
  switch (field) {
    case 'item_ids': return plan.item_ids.length === 0
    case 'legal_basis': return blank(plan.legal_basis)
    case 'department_id': return blank(plan.department_id)
    // Named objects or a described scope: either states the range.
    case 'object_scope': return (plan.targets?.length ?? 0) === 0 && blank(plan.scope)
    // A plan naming its objects needs no sampling ratio (G-21).
    case 'sampling_ratio': return (plan.targets?.length ?? 0) === 0 && plan.sampling_ratio === null
    case 'method': return blank(plan.method)
    case 'frequency': return blank(plan.frequency)
  }
}

/** The fields required of a plan whose department is of `domain`. */
export function requiredPlanFields(required: RequiredPlanFields, domain: string | null): readonly PlanField[] {
  return (domain !== null ? required[domain] : undefined) ?? required.default
}

/** The required fields the plan leaves out, in the pack's order. */
export function missingPlanFields(plan: Plan, required: RequiredPlanFields, domain: string | null): PlanField[] {
  return requiredPlanFields(required, domain).filter((f) => planFieldMissing(plan, f))
}
