// A rule's parameters as an officer reads them: a Chinese name with its unit, and values with the
// contract's codes (domains, task kinds, plan statuses …) in words. A parameter this version has no
// name for shows its key, so a newer pack still reads.
import {
  DEPARTMENT_LEVEL_LABELS, DOMAIN_NAMES, EVALUATION_TAG_LABELS, OFFICER_ROLE_LABELS, PLAN_FIELD_LABELS, PLAN_ORIGIN_LABELS, PLAN_STATUS_LABELS, PLAN_TYPE_LABELS,
  TASK_SPECIAL_LABELS, VERDICT_LABELS
} from '../../lib/labels.ts'

type ParamName = { label: string; unit?: string }

const PARAM_NAMES: Readonly<Record<string, ParamName>> = {
  exempt_specials: { label: '不适用的特殊检查' },
  backfill_deadline_wd: { label: '事后补码期限', unit: '个工作日' },
  backfill_deadline_wd_by_domain: { label: '分领域补码期限', unit: '个工作日' },
  min_interval_months: { label: '同一部门两次检查最短间隔', unit: '个月' },
  annual_cap_planned_onsite: { label: '每年计划内现场检查上限', unit: '次' },
  recognition_window_months: { label: '结果互认期', unit: '个月' },
  domains: { label: '适用领域' },
  levels: { label: '适用层级' },
  matchmaking_window_months: { label: '联合检查匹配期', unit: '个月' },
  result_entry_wd: { label: '结果录入期限', unit: '个工作日' },
  result_entry_wd_by_domain: { label: '分领域结果录入期限', unit: '个工作日' },
  plan_publication_deadline: { label: '计划公示截止日（月-日）' },
  plan_types: { label: '适用计划类型' },
  exempt_statuses: { label: '不适用的计划状态' },
  require_trigger_ref: { label: '须有触发依据编号' },
  min_officers: { label: '最少执法人员', unit: '名' },
  min_officers_by_domain: { label: '分领域最少执法人员', unit: '名' },
  officer_roles: { label: '计入人数的人员类别' },
  verdicts: { label: '评价结论' },
  tags: { label: '评价标签' },
  grade: { label: '消防分级' },
  cap_per_year: { label: '每年检查上限', unit: '次' },
  cap_per_window: { label: '期内检查上限', unit: '次' },
  window_years: { label: '期长', unit: '年' },
  period: { label: '考核周期' },
  min_per_period: { label: '每周期至少检查', unit: '次' },
  crowded_places_only: { label: '仅限人员密集场所' },
  counts: { label: '计入的检查' },
  rules_from: { label: '起算日期' },
  triggered_cover_window_months: { label: '触发式检查覆盖期', unit: '个月' },
  annual_filing_deadline_by_domain: { label: '分领域年度计划备案截止日（月-日）' },
  deadline_day_of_previous_month_by_domain: { label: '分领域月度计划报送日（上月几日前）' },
  advance_days: { label: '提前备案天数', unit: '天' },
  required_fields: { label: '必备要素' },
  deployed_origins: { label: '视为上级部署的计划来源' },
  deploying_levels: { label: '视为上级部署的制定层级' }
}

const PERIOD_LABELS = { year: '每年', half_year: '每半年' } as const
/** FIRE under-inspection rules' `counts` (core/rules/pack.ts FIRE_COUNTED_INSPECTIONS). */
const FIRE_COUNTED_LABELS = { planned_on_site: '有计划现场检查', on_site: '现场检查', any_inspection: '现场或非现场检查' } as const
/** A per-domain map's fallback entry (required_fields.default). */
const MAP_DEFAULT_LABELS = { default: '其他领域' } as const

/** Every code a parameter value can hold, in words. The code sets do not overlap. */
const CODE_LABELS: Readonly<Record<string, string>> = {
  ...DOMAIN_NAMES, ...TASK_SPECIAL_LABELS, ...PLAN_STATUS_LABELS, ...PLAN_TYPE_LABELS, ...VERDICT_LABELS, ...EVALUATION_TAG_LABELS,
  ...OFFICER_ROLE_LABELS, ...DEPARTMENT_LEVEL_LABELS, ...PERIOD_LABELS, ...FIRE_COUNTED_LABELS, ...PLAN_FIELD_LABELS, ...PLAN_ORIGIN_LABELS, ...MAP_DEFAULT_LABELS
}

export type ParamLine = { key: string; label: string; value: string }

function codeText(v: string): string {
  if (Object.hasOwn(CODE_LABELS, v)) return CODE_LABELS[v] as string
  // A composite key (required_fields' `ENV:MONTHLY`): 生态环境月度计划.
  const parts = v.split(':')
  return parts.length > 1 && parts.every((p) => Object.hasOwn(CODE_LABELS, p)) ? parts.map(codeText).join('') : v
}

function valueText(v: unknown, unit: string): string {
  if (typeof v === 'number') return `${v}${unit ? ` ${unit}` : ''}`
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string') return codeText(v)
  if (Array.isArray(v)) return v.length === 0 ? '无' : v.map((x) => valueText(x, '')).join('、')
  if (typeof v === 'object' && v !== null) {
    const parts = Object.entries(v).map(([k, x]) => `${codeText(k)} ${valueText(x, unit)}`)
    return parts.length === 0 ? '无（各领域同一般规定）' : parts.join('；')
  }
  return String(v)
}

/** The parameters in the pack's order, each as one readable line. */
export function paramLines(params: object): ParamLine[] {
  return Object.entries(params).map(([key, v]) => {
    const name = PARAM_NAMES[key]
    return { key, label: name?.label ?? key, value: valueText(v, name?.unit ?? '') }
  })
}
