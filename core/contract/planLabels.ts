// The words officers read for a plan's status, type and origin: shared by the screens
// (renderer/src/lib/labels.ts re-exports them) and the files the workstation writes (plans workbook).
import type { PLAN_ORIGINS, PLAN_STATUSES, PLAN_TYPES } from './records.ts'

export const PLAN_STATUS_LABELS = {
  DRAFT: '草稿', SUBMITTED: '已提交', FILED: '已备案', RETURNED: '已退回', PUBLISHED: '已公示', WITHDRAWN: '已撤回'
} as const satisfies Record<(typeof PLAN_STATUSES)[number], string>
export const PLAN_TYPE_LABELS = { ANNUAL: '年度计划', MONTHLY: '月度计划', SPECIAL: '专项计划' } as const satisfies Record<(typeof PLAN_TYPES)[number], string>
export const PLAN_ORIGIN_LABELS = { SELF: '本部门制定', SUPERIOR: '上级部署', JOINT: '联合发起' } as const satisfies Record<(typeof PLAN_ORIGINS)[number], string>
