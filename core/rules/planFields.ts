// The mandatory fields of an inspection plan (计划必备要素, R-PLAN-03): which of them a plan leaves
// out. One reading for the detection rule PLAN_INCOMPLETE (a filed plan missing them, checks/plans.ts)
// and for plan review (a submitted plan missing them, core/review/planReview.ts).
import { PLAN_FIELD_LABELS } from '../contract/planLabels.ts'
import type { Plan } from '../contract/records.ts'
import type { PLAN_FIELDS } from './pack.ts'

export type PlanField = (typeof PLAN_FIELDS)[number]

/**
 * Required fields by the domain of the plan's department, or by domain and plan type (`ENV:ANNUAL`, the
 * more specific applying); `default` for a plan no other key names.
 */
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
    // Concrete objects (具体检查对象, e.g. TRAN monthly plans): a scope text does not name them.
    case 'targets': return (plan.targets?.length ?? 0) === 0
    // A plan naming its objects needs no sampling ratio (G-21).
    case 'sampling_ratio': return (plan.targets?.length ?? 0) === 0 && plan.sampling_ratio === null
    case 'method': return blank(plan.method)
    case 'frequency': return blank(plan.frequency)
  }
}

/**
 * The fields required of a plan of this type whose department is of `domain`, and the domain whose own
 * basis a finding cites: the domain when its own list applied, else none (the general minimum, cited from
 * the main text; e.g. an ENV annual plan, filed as text).
 */
export function requiredPlanFields<D extends string>(
  required: RequiredPlanFields, domain: D | null, planType: Plan['plan_type']
): { fields: readonly PlanField[]; citedDomain: D | null } {
  for (const key of domain !== null ? [`${domain}:${planType}`, domain] : []) {
    const fields = required[key]
    if (fields) return { fields, citedDomain: domain }
  }
  return { fields: required.default, citedDomain: null }
}

/** The required fields the plan leaves out, in the pack's order. */
export function missingPlanFields(plan: Plan, fields: readonly PlanField[]): PlanField[] {
  return fields.filter((f) => planFieldMissing(plan, f))
}
