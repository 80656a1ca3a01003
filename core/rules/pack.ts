// Rule packs (规则包): every window, cap, deadline, severity and legal basis of the rule engine, as
// versioned data in resources/rule-packs/*.json, validated here with zod on load. Code holds no rule
// numbers: it reads them from the resolved pack. A pack may `extends` another and override parts of it
// (objects merge key by key, arrays and scalars replace), so a comparative pack states only its changes.
import { z } from 'zod'
import { dateSchema, DOMAINS, domainSchema, type Domain } from '../contract/scalars.ts'
import { DEPARTMENT_LEVELS, PLAN_ORIGINS, PLAN_STATUSES, PLAN_TYPES, TASK_SPECIALS, OFFICER_ROLES, VERDICTS, EVALUATION_TAGS, GRADES } from '../contract/records.ts'
import { SEVERITIES } from './types.ts'

const severitySchema = z.enum(SEVERITIES)
/**
 * Plan fields a pack can require (planFields.ts): object_scope = named targets or a scope text, targets =
 * named targets (具体检查对象) only.
 */
export const PLAN_FIELDS = ['item_ids', 'legal_basis', 'department_id', 'object_scope', 'targets', 'sampling_ratio', 'method', 'frequency'] as const
const planFieldSchema = z.enum(PLAN_FIELDS)

/** A key of required_fields: `default`, a domain (MKT), or a domain and a plan type (ENV:ANNUAL), the most specific applying. */
const REQUIRED_FIELDS_KEY = new RegExp(`^(?:default|(?:${DOMAINS.join('|')})(?::(?:${PLAN_TYPES.join('|')}))?)$`)

/** R-PLAN-03's required plan fields: `default` for plans no other key names. */
export const requiredFieldsSchema = z
  .object({ default: z.array(planFieldSchema) })
  .catchall(z.array(planFieldSchema))
  .superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (!REQUIRED_FIELDS_KEY.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `必备要素的键须为 default、领域代码或“领域:计划类型”（如 ENV:ANNUAL）/ keys are default, a domain, or domain:plan type (e.g. ENV:ANNUAL): ${key}` })
      }
    }
  })
const monthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '须为 MM-DD / must be MM-DD' })
const months = z.number().int().min(1).max(120)
const workingDays = z.number().int().min(1).max(31)
const domainMap = <T extends z.ZodType>(value: T) => z.partialRecord(domainSchema, value)
const domains = z.array(domainSchema)

/**
 * One legal basis: a source key of `sources`, the place an officer cites (`附件1《市场监管领域…实施方案》四、（一）1.`,
 * `正文 二、6.`, or a document number), a paraphrase of what it requires, and optionally `ref`, the line reference in
 * our transcript of the source (`002:L202`) for developers. `ref` is never shown to officers: show `cite`.
 */
export const basisSchema = z.strictObject({
  source: z.string().min(1), cite: z.string().min(1), note: z.string().min(1), ref: z.string().optional(),
  /**
   * The annex of one domain (附件1《市场监管领域…》): cited for that domain's flags only, and for others only
   * when nothing else applies to them (emit.ts basesFor).
   */
  domain: domainSchema.optional()
})
export type Basis = z.output<typeof basisSchema>

function ruleSchema<P extends z.ZodType>(params: P) {
  return z.strictObject({
    enabled: z.boolean(),
    /** Severity when no per-domain severity applies (the lead department's domain decides). */
    severity: severitySchema,
    severity_by_domain: domainMap(severitySchema).optional(),
    title: z.string().min(1),
    /** Where it sits in rules-catalogue.md (D-xx detection rule and R-xxx rules). */
    catalogue: z.string().min(1),
    basis: z.array(basisSchema).min(1),
    /** Extra, domain-specific bases (the annex of the lead department's domain), cited before `basis`. */
    basis_by_domain: domainMap(z.array(basisSchema)).optional(),
    /** Interpretation decisions where the sources are loose, in words. */
    decisions: z.array(z.string()).optional(),
    params
  })
}

const none = z.strictObject({})
/**
 * Which FIRE inspections meet a key unit's minimum (checks/fire.ts): planned on-site ones, any on-site
 * ones, or any inspection on site or not; on site, the kinds definitions.counted_onsite_excluded_specials
 * names (re-checks, surveys, commitment checks) never count (R-FREQ).
 */
export const FIRE_COUNTED_INSPECTIONS = ['planned_on_site', 'on_site', 'any_inspection'] as const
const fireUnder = z.strictObject({
  grade: z.enum(GRADES),
  /** Only units that are also crowded places (人员密集场所). */
  crowded_places_only: z.boolean(),
  counts: z.enum(FIRE_COUNTED_INSPECTIONS),
  period: z.enum(['year', 'half_year']),
  min_per_period: z.number().int().min(1),
  rules_from: dateSchema
})

/** Every rule the engine knows, with its parameters. */
export const RULE_PARAM_SCHEMAS = {
  UNFILED_PLANNED_INSPECTION: none,
  NO_CODE_INSPECTION: z.strictObject({ exempt_specials: z.array(z.enum(TASK_SPECIALS)) }),
  SURVEY_EXEMPTION_MISUSED: none,
  LATE_BACKFILL: z.strictObject({ backfill_deadline_wd: workingDays, backfill_deadline_wd_by_domain: domainMap(workingDays) }),
  REPEAT_WITHIN_MONTH: z.strictObject({ min_interval_months: months }),
  REPEAT_PLANNED_ANNUAL: z.strictObject({ annual_cap_planned_onsite: domainMap(z.number().int().min(1)) }),
  RESULT_RECOGNITION_IGNORED: z.strictObject({
    recognition_window_months: months,
    domains,
    levels: z.array(z.enum(DEPARTMENT_LEVELS)).length(2)
  }),
  WUGAN_OBJECT_INSPECTED: none,
  WUSHI_ITEM_INSPECTED: none,
  JOINT_MISSED_NO_REASON: z.strictObject({ matchmaking_window_months: months }),
  CODE_NOT_REUSED: none,
  RESULT_LATE: z.strictObject({ result_entry_wd: workingDays, result_entry_wd_by_domain: domainMap(workingDays) }),
  PLAN_PUBLICATION_LATE: z.strictObject({
    plan_publication_deadline: monthDaySchema,
    plan_types: z.array(z.enum(PLAN_TYPES)),
    exempt_statuses: z.array(z.enum(PLAN_STATUSES))
  }),
  TRIGGER_UNSUPPORTED: z.strictObject({ require_trigger_ref: z.boolean() }),
  CONDUCT_VIOLATION: z.strictObject({
    min_officers: z.number().int().min(1),
    min_officers_by_domain: domainMap(z.number().int().min(1)),
    officer_roles: z.array(z.enum(OFFICER_ROLES)).min(1)
  }),
  NEGATIVE_EVALUATION: z.strictObject({ verdicts: z.array(z.enum(VERDICTS)), tags: z.array(z.enum(EVALUATION_TAGS)) }),
  FIRE_B_OVER: z.strictObject({ grade: z.enum(GRADES), cap_per_year: z.number().int().min(1) }),
  FIRE_A_OVER: z.strictObject({ grade: z.enum(GRADES), cap_per_window: z.number().int().min(1), window_years: z.number().int().min(1).max(10) }),
  FIRE_B_UNDER: fireUnder,
  FIRE_D_UNDER: fireUnder,
  FIRE_A_NONSITE_MISSING: fireUnder,
  FIRE_ITEMS_DUPLICATED: none,
  PLANNED_ALREADY_COVERED: z.strictObject({ triggered_cover_window_months: months, domains }),
  TASKS_NOT_MERGED: z.strictObject({ domains }),
  JOINT_ON_DISCOURAGED_OBJECT: none,
  RESULT_INCOMPLETE: z.strictObject({ domains }),
  PLAN_FILING_LATE: z.strictObject({
    annual_filing_deadline_by_domain: domainMap(monthDaySchema),
    exempt_statuses: z.array(z.enum(PLAN_STATUSES))
  }),
  MONTHLY_PLAN_LATE: z.strictObject({
    deadline_day_of_previous_month_by_domain: domainMap(z.number().int().min(1).max(31)),
    exempt_statuses: z.array(z.enum(PLAN_STATUSES))
  }),
  ITEM_NOT_FILED: none,
  NO_LEGAL_BASIS: none,
  /** R-PLAN-03: the fields a filed plan must state, per domain of its department (and plan type); `default` for the others. */
  PLAN_INCOMPLETE: z.strictObject({ required_fields: requiredFieldsSchema }),
  /** R-PLAN-12: special inspections of these domains follow a deployment from above (a plan origin, or a plan of a deploying level) and reach enterprises with an earlier case or clue. */
  HRSS_SPECIAL_SCOPE: z.strictObject({
    domains,
    plan_types: z.array(z.enum(PLAN_TYPES)).min(1),
    deployed_origins: z.array(z.enum(PLAN_ORIGINS)),
    deploying_levels: z.array(z.enum(DEPARTMENT_LEVELS))
  }),
  ADVANCE_FILING_SHORT: z.strictObject({ advance_days: z.number().int().min(1).max(365), exempt_specials: z.array(z.enum(TASK_SPECIALS)) }),
  WHITELIST_NO_APPROVAL: none
} as const

export type RuleCode = keyof typeof RULE_PARAM_SCHEMAS
export const RULE_CODES = Object.keys(RULE_PARAM_SCHEMAS) as RuleCode[]

export function isRuleCode(s: string): s is RuleCode {
  return Object.hasOwn(RULE_PARAM_SCHEMAS, s)
}

type RuleCommon = z.output<ReturnType<typeof ruleSchema<z.ZodUnknown>>>
export type RuleParams<K extends RuleCode> = z.output<(typeof RULE_PARAM_SCHEMAS)[K]>
export type RuleConfig<K extends RuleCode> = Omit<RuleCommon, 'params'> & { params: RuleParams<K> }

const rulesSchema = z.strictObject(Object.fromEntries(RULE_CODES.map((code) => [code, ruleSchema(RULE_PARAM_SCHEMAS[code])])))

export const sourceSchema = z.strictObject({ title: z.string().min(1), doc_no: z.string().nullable(), authority: z.string().min(1) })

const rulePackShape = z.strictObject({
  format: z.literal('jiandu-rule-pack'),
  version: z.literal(1),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: '规则包名称只能含小写字母、数字和连字符 / name: lowercase letters, digits, hyphens' }),
  pack_version: z.string().min(1),
  title: z.string().min(1),
  jurisdiction: z.string().min(1),
  description: z.string(),
  /** Set when resolved from a pack that extends another: the base pack's name. */
  extends: z.string().optional(),
  sources: z.record(z.string(), sourceSchema),
  conventions: z.strictObject({
    month_mode: z.enum(['calendar', 'days30']),
    wd_count_from: z.enum(['next_day', 'same_day']),
    year_mode: z.literal('calendar'),
    timezone: z.literal('Asia/Shanghai')
  }),
  definitions: z.strictObject({
    /** A task with one of these `special`s is an on-site inspection but not a *counted* one. */
    counted_onsite_excluded_specials: z.array(z.enum(TASK_SPECIALS)),
    /** Plan statuses under which a plan can cover a task. */
    covering_plan_statuses: z.array(z.enum(PLAN_STATUSES)),
    /** Plan origins that make a covered task exempt from the list rules (上级部署). */
    exempt_plan_origins: z.array(z.enum(PLAN_ORIGINS)),
    /** rules-core-v1 "Empty values": blank strings count as absent. Fixed; stated so the pack is complete. */
    blank_strings_are_absent: z.literal(true)
  }),
  /**
   * Plan review (计划审核): the history span of D-25 and where the practice comes from. Its checks take
   * their numbers (and their basis) from the detection rules they forewarn of: the required fields from
   * PLAN_INCOMPLETE, the windows and caps from the frequency rules (core/review/params.ts).
   */
  plan_review: z.strictObject({
    history_months: months,
    history_basis: z.array(basisSchema).min(1)
  }),
  rules: rulesSchema
})

/** The resolved pack: every rule present, each with its own parameters. */
export type RulePack = Omit<z.output<typeof rulePackShape>, 'rules'> & { rules: { [K in RuleCode]: RuleConfig<K> } }
export const rulePackSchema: z.ZodType<RulePack, unknown> = rulePackShape as unknown as z.ZodType<RulePack, unknown>

/** A pack as written in a file: anything, until merged with its base and validated. */
const rawPackSchema = z.looseObject({ name: z.string().optional(), extends: z.string().optional() })

export class RulePackError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RulePackError'
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Objects merge key by key; anything else in `override` replaces `base`. */
export function mergePack(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergePack(base[k], v) : v
  return out
}

/** Keys an earlier pack version had, and where their values live now (pack 2025.2: the plan rules' fields). */
const MOVED_KEYS: Readonly<Record<string, string>> = {
  'plan_review.required_fields': 'rules.PLAN_INCOMPLETE.params.required_fields'
}

/** Whether the pack as written (after `extends`) has this rule at all. */
function hasRule(pack: unknown, rule: string): boolean {
  return isPlainObject(pack) && isPlainObject(pack['rules']) && Object.hasOwn(pack['rules'], rule)
}

/** One problem of `pack`, in words: a missing rule and a moved key say what to do about them. */
function describeIssue(issue: z.core.$ZodIssue, pack: unknown): string {
  const at = issue.path.join('.')
  const [top, rule] = issue.path
  if (issue.code === 'invalid_type' && top === 'rules' && issue.path.length === 2 && typeof rule === 'string' && isRuleCode(rule) && !hasRule(pack, rule)) {
    return `缺少规则 ${rule}（不继承内置规则包的规则包须列出每条规则：可从内置规则包复制，或以 extends 继承）` +
      ` / rules.${rule} is missing: a pack that does not extend a built-in pack lists every rule (copy it from a built-in pack, or use extends)`
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = at ? `${at}.${key}` : key
      const moved = MOVED_KEYS[path]
      return moved
        ? `${path} 已移至 ${moved} / ${path} has moved to ${moved}`
        : `${at || '(pack)'}: 未知的键 / unrecognized key "${key}"`
    }).join('; ')
  }
  return `${at || '(pack)'}: ${issue.message}`
}

function describeIssues(error: z.ZodError, pack: unknown): string {
  return error.issues.slice(0, 8).map((issue) => describeIssue(issue, pack)).join('; ')
}

/**
 * Validates a pack (after resolving `extends` through `lookupBase`, which returns the raw JSON of a named
 * pack or undefined). `origin` names the file or built-in pack in error messages.
 */
export function resolveRulePack(raw: unknown, origin: string, lookupBase: (name: string) => unknown, seen: string[] = []): RulePack {
  const head = rawPackSchema.safeParse(raw)
  if (!head.success) throw new RulePackError(`规则包 ${origin} 不是 JSON 对象 / rule pack ${origin} is not a JSON object`)
  let merged: unknown = raw
  const baseName = head.data.extends
  if (baseName !== undefined) {
    if (seen.includes(baseName)) throw new RulePackError(`规则包 ${origin} 循环继承 ${baseName} / rule pack ${origin}: circular extends ${baseName}`)
    const baseRaw = lookupBase(baseName)
    if (baseRaw === undefined) throw new RulePackError(`规则包 ${origin} 继承的规则包 ${baseName} 不存在 / rule pack ${origin} extends unknown pack ${baseName}`)
    const base = resolveRulePack(baseRaw, baseName, lookupBase, [...seen, baseName])
    merged = mergePack(base, raw)
  }
  const parsed = rulePackSchema.safeParse(merged)
  if (!parsed.success) throw new RulePackError(`规则包 ${origin} 格式错误 / invalid rule pack ${origin}: ${describeIssues(parsed.error, merged)}`)
  return parsed.data
}

/** Severity of a rule for a lead department of `domain`. */
export function severityFor<K extends RuleCode>(cfg: RuleConfig<K>, domain: Domain | null): RuleConfig<K>['severity'] {
  return (domain !== null ? cfg.severity_by_domain?.[domain] : undefined) ?? cfg.severity
}
