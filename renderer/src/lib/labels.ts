// Chinese names of the contract's codes, as officers read them (interchange-v1.md §Record types). Those the
// exported files use too live in core/contract (flagLabels.ts, planLabels.ts) and are re-exported here.
import { PLAN_FIELD_LABELS, PLAN_ORIGIN_LABELS, PLAN_STATUS_LABELS, PLAN_TYPE_LABELS } from '../../../core/contract/planLabels.ts'
import type { ITEM_LISTS, PLAN_STATUSES, PLAN_TYPES, TASK_KINDS, TASK_MODES, TASK_STATUSES } from '../../../core/contract/records.ts'
import { DOMAIN_NAMES } from '../../../core/contract/scalars.ts'
import { FLAG_STATUS_LABELS, FLAG_STATUS_ORDER, SEVERITY_LABELS, SEVERITY_ORDER, type FlagStatusCode, type Severity } from '../../../core/contract/flagLabels.ts'

export { PLAN_FIELD_LABELS, PLAN_ORIGIN_LABELS, PLAN_STATUS_LABELS, PLAN_TYPE_LABELS }

/** antd Tag colours: waiting is blue, done is green, sent back is orange, inactive is grey. */
export const PLAN_STATUS_COLORS = {
  DRAFT: 'default', SUBMITTED: 'processing', FILED: 'success', RETURNED: 'warning', PUBLISHED: 'cyan', WITHDRAWN: 'magenta'
} as const satisfies Record<(typeof PLAN_STATUSES)[number], string>

export const PLAN_STATUS_ORDER = ['DRAFT', 'SUBMITTED', 'FILED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN'] as const satisfies readonly (typeof PLAN_STATUSES)[number][]

export const PLAN_TYPE_SHORT = { ANNUAL: '年度', MONTHLY: '月度', SPECIAL: '专项' } as const satisfies Record<(typeof PLAN_TYPES)[number], string>
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

// ── Flags (问题线索) and plan review (备案审核) ─────────────────────────────────────────────────────
// Severity and status words are the contract's (core/contract/flagLabels.ts): the exported workbook uses them too.
export { FLAG_STATUS_LABELS, FLAG_STATUS_ORDER, SEVERITY_LABELS, SEVERITY_ORDER, type FlagStatusCode, type Severity }
/** antd Tag colours; the hex is the same colour for bars and dots outside a Tag. */
export const SEVERITY_COLORS = { MUST: 'red', SHOULD: 'orange', INFO: 'blue' } as const satisfies Record<Severity, string>
export const SEVERITY_HEX = { MUST: '#cf1322', SHOULD: '#d46b08', INFO: '#1f5fa6' } as const satisfies Record<Severity, string>

export const FLAG_STATUS_COLORS = { OPEN: 'processing', CONFIRMED: 'error', DISMISSED: 'default' } as const satisfies Record<FlagStatusCode, string>
/** The verb on the button that leads to each decision. */
export const FLAG_DECISION_VERBS = { CONFIRMED: '确认', DISMISSED: '排除' } as const

export const REVIEW_DECISION_LABELS = { FILE: '备案', RETURN: '退回' } as const
export const REVIEW_DECISION_COLORS = { FILE: 'success', RETURN: 'warning' } as const
export const SYNC_STATUS_LABELS = { PENDING: '待同步', SENT: '已同步', REJECTED: '同步被拒' } as const
export const SYNC_STATUS_COLORS = { PENDING: 'gold', SENT: 'success', REJECTED: 'error' } as const

/** The highlights of a target's inspection history in plan review (D-25), with their legend colours. */
export const HISTORY_HIGHLIGHT_ORDER = ['WITHIN_MIN_INTERVAL', 'SAME_DEPARTMENT_THIS_YEAR', 'RECOGNISABLE_RESULT', 'PENDING'] as const
export type HistoryHighlightCode = (typeof HISTORY_HIGHLIGHT_ORDER)[number]
export const HISTORY_HIGHLIGHT_LABELS = {
  WITHIN_MIN_INTERVAL: '间隔不足最短期限',
  SAME_DEPARTMENT_THIS_YEAR: '本部门本年度已检查',
  RECOGNISABLE_RESULT: '另一层级结果可互认',
  PENDING: '待实施，可合并'
} as const satisfies Record<HistoryHighlightCode, string>
export const HISTORY_HIGHLIGHT_HINTS = {
  WITHIN_MIN_INTERVAL: '本部门在该场所的上次现场检查距计划实施期间开始不足规定的最短间隔',
  SAME_DEPARTMENT_THIS_YEAR: '本部门在计划年度内已在该场所开展有计划现场检查，可能超过年度频次上限',
  RECOGNISABLE_RESULT: '同领域另一层级部门近期检查过相同事项，结果应当互认',
  PENDING: '尚未实施的检查任务，宜与本计划合并实施'
} as const satisfies Record<HistoryHighlightCode, string>
export const HISTORY_HIGHLIGHT_COLORS = { WITHIN_MIN_INTERVAL: 'red', SAME_DEPARTMENT_THIS_YEAR: 'orange', RECOGNISABLE_RESULT: 'purple', PENDING: 'blue' } as const satisfies Record<HistoryHighlightCode, string>

export const NAME_LIST_LABELS = { WUGAN: '无感监管', NO_JOINT: '不鼓励联合检查', WHITELIST: '白名单' } as const
export const NAME_LIST_COLORS = { WUGAN: 'green', NO_JOINT: 'magenta', WHITELIST: 'cyan' } as const
export const DEPARTMENT_LEVEL_LABELS = { CITY: '市级', DISTRICT: '区级', TOWN: '街镇' } as const
export const TASK_SPECIAL_LABELS = { NONE: '一般检查', SURVEY: '摸底调查', EMERGENCY: '紧急检查（事后补码）', RECHECK: '整改复查', COMMITMENT_VERIFY: '承诺核查' } as const
export const TRIGGER_SOURCE_LABELS = {
  COMPLAINT: '投诉', REPORT: '举报', REFERRAL: '转交办', TRANSFER: '移送', MEDIA: '媒体曝光', MONITORING: '智慧监管',
  SAMPLING_FAILED: '抽检不合格', ACCIDENT: '事故', OTHER: '其他'
} as const
export const VISIT_OUTCOME_LABELS = { NO_ISSUE: '未发现问题', ISSUE_FOUND: '发现问题', CASE_OPENED: '已立案' } as const
export const VERDICT_LABELS = { APPROVE: '认可', DISAPPROVE: '不认可' } as const
export const EVALUATION_TAG_LABELS = { REPEAT: '重复检查', INACTION: '不作为', ABUSE: '滥检查', NO_CODE_SHOWN: '未亮码', DISTURBANCE: '干扰经营' } as const
export const OFFICER_ROLE_LABELS = { OFFICER: '执法人员', AUXILIARY: '辅助人员', THIRD_PARTY: '第三方人员' } as const
