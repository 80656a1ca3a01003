// A flag's `evidence` object (whatever the rule put in it: dates, codes, plan codes, list entries,
// parameters) turned into something an officer reads: Chinese field names where we know the key (raw
// keys otherwise), codes as their Chinese names, department/enterprise/item ids as names when the flag's
// evidence records name them. Nested objects become nested field lists, arrays of objects small tables.
// Pure data, so the rules for reading evidence are tested without a browser.
import {
  DEPARTMENT_LEVEL_LABELS, DOMAIN_NAMES, EVALUATION_TAG_LABELS, ITEM_LIST_LABELS, NAME_LIST_LABELS, OFFICER_ROLE_LABELS,
  PLAN_FIELD_LABELS, PLAN_ORIGIN_LABELS, PLAN_STATUS_LABELS, PLAN_TYPE_LABELS, TASK_KIND_LABELS, TASK_MODE_LABELS, TASK_SPECIAL_LABELS, TASK_STATUS_LABELS,
  TRIGGER_SOURCE_LABELS, VERDICT_LABELS, VISIT_OUTCOME_LABELS
} from '../../lib/labels.ts'
import type { FlagDetail } from '../../../../core/api/channels.ts'

export type EvidenceNode =
  | { kind: 'text'; text: string; mono?: boolean; muted?: boolean }
  | { kind: 'list'; items: EvidenceNode[] }
  | { kind: 'fields'; fields: EvidenceField[] }
  | { kind: 'table'; columns: { key: string; label: string }[]; rows: EvidenceNode[][] }

export type EvidenceField = { key: string; label: string; value: EvidenceNode }

/** Names the flag's own records give to ids found in its evidence. */
export type EvidenceNames = {
  departments: ReadonlyMap<string, string>
  enterprises: ReadonlyMap<string, string>
  items: ReadonlyMap<string, string>
  officers: ReadonlyMap<string, string>
}

export const EMPTY_NAMES: EvidenceNames = { departments: new Map(), enterprises: new Map(), items: new Map(), officers: new Map() }

/** Chinese names of the evidence keys the core rules write (rules-core-v1.md, core/rules/checks). */
export const EVIDENCE_KEY_LABELS: Record<string, string> = {
  advance_days: '报备至少提前（天）',
  annual_cap_planned_onsite: '年度有计划现场检查上限（次）',
  annual_filing_deadline: '年度计划备案期限（月-日）',
  backfill_deadline_wd: '补码时限（工作日）',
  bounding_inspections: '前后的消防检查',
  cap_per_window: '期间上限（次）',
  cap_per_year: '每年上限（次）',
  code: '检查码',
  code_applied_date: '申领检查码日期',
  comment: '评价内容',
  counts: '计入的检查',
  cover_ends_before: '覆盖期截止（不含当日）',
  covers: '计划覆盖该检查',
  crowded_place: '人员密集场所',
  current: '本次检查',
  date: '日期',
  days_between: '报备至检查间隔（天）',
  deadline: '期限',
  deadline_day_of_previous_month: '上月备案截止日（日）',
  department_id: '部门',
  department_ids: '检查部门',
  domain: '执法领域',
  earlier: '在先检查',
  earlier_cases: '专项检查启动前的本领域案件线索',
  earliest_allowed_date: '最早可检查日期',
  enterprise_id: '企业',
  evaluations: '扫码评价',
  filed_date: '备案日期',
  fire_grade: '消防安全评价等级',
  fire_inspections: '消防检查',
  fire_item_ids: '消防检查事项',
  fire_key_unit: '消防安全重点单位',
  from: '起始日期',
  id: '编号',
  in_library_since: '入库日期',
  incomplete_visits: '结果不完整的检查',
  inspection_date: '检查日期',
  item_ids: '检查事项',
  joint_declined_reason: '未联合检查理由',
  kind: '检查类别',
  label: '期间',
  last_visit_date: '最后检查日期',
  late_visits: '超期录入的检查',
  later: '在后检查',
  lead_department_id: '牵头部门',
  legal_basis: '出处',
  level: '层级',
  list: '名单',
  list_entries: '名单记录',
  matchmaking_window_months: '联合检查匹配期（月）',
  min_interval_months: '最短间隔（月）',
  min_officers: '最少持证执法人员（名）',
  min_per_period: '每期至少检查（次）',
  missed_periods: '未检查的期间',
  missing_fields: '缺少的要素',
  mode: '检查方式',
  month_mode: '月份计算方式',
  not_counted: '不计入的人员',
  officer_ids: '执法人员',
  officer_roles: '计入的人员类别',
  origin: '计划来源',
  other_covering_triggered: '另有亦已涵盖的触发式检查（次）',
  other_department_ids: '另一层级部门',
  other_level: '另一层级',
  participant_department_ids: '参与部门',
  period: '检查周期',
  plan: '计划',
  plan_code: '计划编码',
  plan_id: '计划',
  plan_month: '计划月份',
  plan_publication_deadline: '公示期限（月-日）',
  plan_type: '计划类型',
  planned: '有计划检查',
  previous: '前次检查',
  published_date: '公示日期',
  qualified_officer_ids: '持有效执法证人员',
  reason: '理由',
  reasons: '原因',
  recheck_of: '复查的原任务',
  recognition_ends_before: '互认期截止（不含当日）',
  recognition_window_months: '结果互认期（月）',
  require_trigger_ref: '须有线索编号',
  required_fields: '本领域必备要素',
  resolved_plan: '对应计划',
  result_entered_date: '结果录入日期',
  result_entry_wd: '结果录入时限（工作日）',
  rules_from: '规则起算日',
  shared_item_ids: '相同检查事项',
  site: '检查场所',
  site_id: '场所编号',
  site_id_defaulted: '未填场所（按首个经营场所）',
  special: '特殊类型',
  state: '情形',
  status: '状态',
  submitted_at: '提交时间',
  submitted_date: '提交日期',
  tags: '评价标签',
  target_enterprise_ids: '列明的检查对象',
  task_plan_code: '任务引用的计划编码',
  task_plan_id: '任务引用的计划',
  tasks: '检查任务',
  title: '名称',
  to: '截止日期',
  trigger_ref: '线索编号',
  trigger_source: '触发来源',
  triggered: '触发式检查',
  triggered_cover_window_months: '触发式检查覆盖期（月）',
  verdict: '评价结论',
  verdicts: '计入的评价结论',
  visit_dates: '检查日期',
  visits: '检查记录',
  wd_count_from: '工作日起算',
  window: '统计年度（起止）',
  window_ends_before: '匹配期截止（不含当日）',
  window_from: '实施期间起',
  window_to: '实施期间止',
  window_years: '统计期（年）',
  wushi_item_ids: '无事不扰事项',
  year: '年度'
}

/** Why a planned inspection is not covered (D-01), a code should have been reused (D-15), a special inspection is out of scope (D-29). */
const REASON_LABELS: Record<string, string> = {
  PLAN_STATUS: '计划状态不是已备案或已公示',
  PLAN_NOT_FILED: '计划没有备案时间',
  FILED_AFTER_INSPECTION: '计划在检查之后才备案',
  OUTSIDE_WINDOW: '检查日期不在计划实施期间内',
  LEAD_NOT_IN_PLAN: '牵头部门不是计划的制定或参与部门',
  ENTERPRISE_NOT_TARGETED: '企业不在计划列明的检查对象中',
  PLAN_NOT_FOUND: '引用的计划不存在',
  NO_PLAN_CITED: '未关联任何检查计划',
  RECHECK: '整改复查另行申领了检查码',
  SAME_TRIGGER_REF: '同一线索重复申领检查码',
  NOT_DEPLOYED_FROM_ABOVE: '不是按上级部署开展的专项检查',
  NO_PRIOR_CASE_OR_CLUE: '专项检查启动前该企业无本领域案件线索'
}
const STATE_LABELS: Record<string, string> = { MISSING: '逾期未完成', LATE: '逾期完成' }
const PERIOD_LABELS: Record<string, string> = { year: '每年', half_year: '每半年' }
/** The FIRE under-inspection rules' `counts` (core/rules/pack.ts FIRE_COUNTED_INSPECTIONS). */
const FIRE_COUNTED_LABELS: Record<string, string> = { planned_on_site: '有计划现场检查', on_site: '现场检查', any_inspection: '现场或非现场检查' }
const MONTH_MODE_LABELS: Record<string, string> = { calendar: '按自然月（同日对应）', days30: '按 30 天' }
const WD_FROM_LABELS: Record<string, string> = { next_day: '次日起算', same_day: '当日起算' }
const LIST_LABELS: Record<string, string> = { ...ITEM_LIST_LABELS, ...NAME_LIST_LABELS }

/** Value dictionaries per key: a value found in one is shown by its Chinese name. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: TASK_KIND_LABELS, special: TASK_SPECIAL_LABELS, mode: TASK_MODE_LABELS, plan_type: PLAN_TYPE_LABELS, origin: PLAN_ORIGIN_LABELS,
  list: LIST_LABELS, verdict: VERDICT_LABELS, verdicts: VERDICT_LABELS, tags: EVALUATION_TAG_LABELS, reasons: REASON_LABELS,
  level: DEPARTMENT_LEVEL_LABELS, other_level: DEPARTMENT_LEVEL_LABELS, domain: DOMAIN_NAMES, period: PERIOD_LABELS, counts: FIRE_COUNTED_LABELS,
  month_mode: MONTH_MODE_LABELS, wd_count_from: WD_FROM_LABELS, state: STATE_LABELS, trigger_source: TRIGGER_SOURCE_LABELS,
  officer_roles: OFFICER_ROLE_LABELS, outcome: VISIT_OUTCOME_LABELS, missing_fields: PLAN_FIELD_LABELS, required_fields: PLAN_FIELD_LABELS
}
// `status` is a plan's status inside a plan, a task's inside a task: both dictionaries are tried.
const STATUS_LABELS: Record<string, string> = { ...TASK_STATUS_LABELS, ...PLAN_STATUS_LABELS }

const DEPARTMENT_KEYS = new Set(['department_id', 'department_ids', 'lead_department_id', 'other_department_ids', 'participant_department_ids'])
const ENTERPRISE_KEYS = new Set(['enterprise_id', 'target_enterprise_ids'])
const ITEM_KEYS = new Set(['shared_item_ids', 'wushi_item_ids', 'item_ids', 'fire_item_ids'])
const OFFICER_KEYS = new Set(['officer_ids', 'qualified_officer_ids', 'not_counted'])
/** Identifiers and codes: shown in a fixed-width face so digits line up and can be copied exactly. */
const MONO_KEYS = new Set(['id', 'code', 'plan_code', 'task_plan_code', 'task_plan_id', 'plan_id', 'recheck_of', 'trigger_ref', 'site_id'])

export function labelForKey(key: string): string {
  return EVIDENCE_KEY_LABELS[key] ?? key
}

function nameFor(key: string, id: string, names: EvidenceNames): string | null {
  if (DEPARTMENT_KEYS.has(key)) return names.departments.get(id) ?? null
  if (ENTERPRISE_KEYS.has(key)) return names.enterprises.get(id) ?? null
  if (ITEM_KEYS.has(key)) return names.items.get(id) ?? null
  if (OFFICER_KEYS.has(key)) return names.officers.get(id) ?? null
  return null
}

function scalarText(key: string, value: string | number | boolean | null, names: EvidenceNames): EvidenceNode {
  if (value === null) return { kind: 'text', text: '无', muted: true }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '是' : '否' }
  if (typeof value === 'number') return { kind: 'text', text: String(value) }
  if (value.trim() === '') return { kind: 'text', text: '（空）', muted: true }
  const named = nameFor(key, value, names)
  if (named) return { kind: 'text', text: `${named}（${value}）` }
  const dict = key === 'status' ? STATUS_LABELS : VALUE_LABELS[key]
  if (dict && Object.hasOwn(dict, value)) return { kind: 'text', text: dict[value] as string }
  return MONO_KEYS.has(key) ? { kind: 'text', text: value, mono: true } : { kind: 'text', text: value }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}

/** One value of the evidence, read with the key it sits under. */
export function describeValue(key: string, value: unknown, names: EvidenceNames = EMPTY_NAMES): EvidenceNode {
  if (isScalar(value)) return scalarText(key, value, names)
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'text', text: '无', muted: true }
    if (value.every(isRecord)) {
      const keys: string[] = []
      for (const row of value) for (const k of Object.keys(row)) if (!keys.includes(k)) keys.push(k)
      return {
        kind: 'table',
        columns: keys.map((k) => ({ key: k, label: labelForKey(k) })),
        rows: value.map((row) => keys.map((k) => (k in row ? describeValue(k, row[k], names) : { kind: 'text', text: '—', muted: true })))
      }
    }
    return { kind: 'list', items: value.map((v) => describeValue(key, v, names)) }
  }
  if (isRecord(value)) return { kind: 'fields', fields: describeEvidence(value, names) }
  return { kind: 'text', text: String(value) }
}

/**
 * The evidence as labelled fields, in the rule's own order, except that the citations (`legal_basis`)
 * come last: the legal basis is shown in full elsewhere, here they are only the source line numbers.
 */
export function describeEvidence(evidence: Record<string, unknown>, names: EvidenceNames = EMPTY_NAMES): EvidenceField[] {
  const keys = Object.keys(evidence)
  const ordered = [...keys.filter((k) => k !== 'legal_basis'), ...keys.filter((k) => k === 'legal_basis')]
  return ordered.map((key) => ({ key, label: labelForKey(key), value: describeValue(key, evidence[key], names) }))
}

/** Text of a node on one line (for tooltips and copying). */
export function nodeText(node: EvidenceNode): string {
  switch (node.kind) {
    case 'text': return node.text
    case 'list': return node.items.map(nodeText).join('、')
    case 'fields': return node.fields.map((f) => `${f.label}：${nodeText(f.value)}`).join('；')
    case 'table': return node.rows.map((r) => r.map(nodeText).join('，')).join('；')
  }
}

/** The names the flag's evidence records carry, to show next to the ids in its evidence object. */
export function evidenceNames(detail: FlagDetail): EvidenceNames {
  const departments = new Map<string, string>()
  const items = new Map<string, string>()
  const officers = new Map<string, string>()
  const enterprises = new Map<string, string>()
  if (detail.departmentId && detail.departmentName) departments.set(detail.departmentId, detail.departmentName)
  if (detail.enterpriseId && detail.enterpriseName) enterprises.set(detail.enterpriseId, detail.enterpriseName)
  for (const t of detail.tasks) {
    for (const d of t.departments) if (d.name) departments.set(d.id, d.name)
    for (const i of t.items) if (i.name) items.set(i.id, i.name)
    for (const v of t.visits) for (const o of v.officers) if (o.name) officers.set(o.id, o.name)
  }
  return { departments, enterprises, items, officers }
}
