// The words officers read for a plan's status, type, origin and fields: shared by the screens
// (renderer/src/lib/labels.ts re-exports them) and the files the workstation writes (plans workbook).
import type { PLAN_ORIGINS, PLAN_STATUSES, PLAN_TYPES } from './records.ts'

export const PLAN_STATUS_LABELS = {
  DRAFT: '草稿', SUBMITTED: '已提交', FILED: '已备案', RETURNED: '已退回', PUBLISHED: '已公示', WITHDRAWN: '已撤回'
} as const satisfies Record<(typeof PLAN_STATUSES)[number], string>
export const PLAN_TYPE_LABELS = { ANNUAL: '年度计划', MONTHLY: '月度计划', SPECIAL: '专项计划' } as const satisfies Record<(typeof PLAN_TYPES)[number], string>
export const PLAN_ORIGIN_LABELS = { SELF: '本部门制定', SUPERIOR: '上级部署', JOINT: '联合发起' } as const satisfies Record<(typeof PLAN_ORIGINS)[number], string>
/** The plan fields a rule pack can require (core/rules/planFields.ts), as the plan form names them. */
export const PLAN_FIELD_LABELS = {
  item_ids: '检查事项',
  legal_basis: '检查依据',
  department_id: '检查主体',
  object_scope: '检查对象范围',
  targets: '具体检查对象',
  sampling_ratio: '检查比例',
  method: '检查方式',
  frequency: '检查频次'
} as const
