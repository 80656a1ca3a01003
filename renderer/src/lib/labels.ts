// Chinese names of the contract's codes, as officers read them (interchange-v1.md §Record types).
import type { ITEM_LISTS, PLAN_ORIGINS, PLAN_STATUSES, PLAN_TYPES, TASK_KINDS, TASK_MODES, TASK_STATUSES } from '../../../core/contract/records.ts'
import { DOMAIN_NAMES } from '../../../core/contract/scalars.ts'

export const PLAN_STATUS_LABELS = {
  DRAFT: '草稿', SUBMITTED: '已提交', FILED: '已备案', RETURNED: '已退回', PUBLISHED: '已公示', WITHDRAWN: '已撤回'
} as const satisfies Record<(typeof PLAN_STATUSES)[number], string>

/** antd Tag colours: waiting is blue, done is green, sent back is orange, inactive is grey. */
export const PLAN_STATUS_COLORS = {
  DRAFT: 'default', SUBMITTED: 'processing', FILED: 'success', RETURNED: 'warning', PUBLISHED: 'cyan', WITHDRAWN: 'magenta'
} as const satisfies Record<(typeof PLAN_STATUSES)[number], string>

export const PLAN_STATUS_ORDER = ['DRAFT', 'SUBMITTED', 'FILED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN'] as const satisfies readonly (typeof PLAN_STATUSES)[number][]

export const PLAN_TYPE_LABELS = { ANNUAL: '年度计划', MONTHLY: '月度计划', SPECIAL: '专项计划' } as const satisfies Record<(typeof PLAN_TYPES)[number], string>
export const PLAN_TYPE_SHORT = { ANNUAL: '年度', MONTHLY: '月度', SPECIAL: '专项' } as const satisfies Record<(typeof PLAN_TYPES)[number], string>
export const PLAN_ORIGIN_LABELS = { SELF: '本部门制定', SUPERIOR: '上级部署', JOINT: '联合发起' } as const satisfies Record<(typeof PLAN_ORIGINS)[number], string>
export const ITEM_LIST_LABELS = { KEY: '重点监管', RANDOM: '随机抽查', WUSHI: '无事不扰' } as const satisfies Record<(typeof ITEM_LISTS)[number], string>
export const ITEM_LIST_COLORS = { KEY: 'volcano', RANDOM: 'blue', WUSHI: 'green' } as const satisfies Record<(typeof ITEM_LISTS)[number], string>
export const TASK_MODE_LABELS = { ON_SITE: '现场检查', NON_SITE: '非现场检查' } as const satisfies Record<(typeof TASK_MODES)[number], string>
export const TASK_KIND_LABELS = { PLANNED: '有计划', TRIGGERED: '触发式' } as const satisfies Record<(typeof TASK_KINDS)[number], string>
export const TASK_STATUS_LABELS = { PENDING: '待检查', DONE: '已完成', CANCELLED: '已取消' } as const satisfies Record<(typeof TASK_STATUSES)[number], string>
export const TASK_STATUS_COLORS = { PENDING: 'processing', DONE: 'success', CANCELLED: 'default' } as const satisfies Record<(typeof TASK_STATUSES)[number], string>

export { DOMAIN_NAMES }

/** The label of a code, or the code itself when the data holds one this version does not know. */
export function labelOf<M extends Record<string, string>>(labels: M, code: string | null | undefined, fallback = '—'): string {
  if (code === null || code === undefined || code === '') return fallback
  return Object.hasOwn(labels, code) ? (labels[code] as string) : code
}
