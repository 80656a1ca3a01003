// The record types of the interchange format v1 (../shared/contract/interchange-v1.md §Record types).
// The one schema used by the importer, the export, the central-system client and simulator, and the demo
// generator. Field names stay snake_case as in the contract, so a record reads the same everywhere.
// Optional fields (`?` in the contract) accept absent or null and come out as null.
import { z } from 'zod'
import { dateSchema, domainSchema, idSchema, timestampSchema, usccSchema } from './scalars.ts'

// `.nullable().default(null)` rather than `.nullish().transform(…)`: same input and output, but about
// twice as fast to parse (zod runs no pipe), which the importer's throughput target needs.
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null)
}

/** An empty or blank string counts as absent (rules-core-v1 §Definitions "Empty values"). */
function blankAsNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value
}

/**
 * An optional field of a type other than free text (id, date, timestamp, enum, number, list …): a blank
 * string there means "not filled in" and is read as absent, rather than rejecting the whole line. Free
 * text fields (`optional`) keep their blank strings; the rules treat those as absent too.
 */
function optionalValue<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankAsNull, schema.nullable()).default(null)
}

export const DEPARTMENT_LEVELS = ['CITY', 'DISTRICT', 'TOWN'] as const
export const OFFICER_ROLES = ['OFFICER', 'AUXILIARY', 'THIRD_PARTY'] as const
export const GRADES = ['A', 'B', 'C', 'D'] as const
export const ITEM_LISTS = ['KEY', 'RANDOM', 'WUSHI'] as const
export const NAME_LISTS = ['WUGAN', 'NO_JOINT', 'WHITELIST'] as const
export const PLAN_TYPES = ['ANNUAL', 'MONTHLY', 'SPECIAL'] as const
export const PLAN_ORIGINS = ['SELF', 'SUPERIOR', 'JOINT'] as const
export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'FILED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN'] as const
export const TASK_KINDS = ['PLANNED', 'TRIGGERED'] as const
export const TASK_SPECIALS = ['NONE', 'SURVEY', 'EMERGENCY', 'RECHECK', 'COMMITMENT_VERIFY'] as const
export const TRIGGER_SOURCES = [
  'COMPLAINT', 'REPORT', 'REFERRAL', 'TRANSFER', 'MEDIA', 'MONITORING', 'SAMPLING_FAILED', 'ACCIDENT', 'OTHER'
] as const
export const TASK_MODES = ['ON_SITE', 'NON_SITE'] as const
export const TASK_STATUSES = ['PENDING', 'DONE', 'CANCELLED'] as const
export const VISIT_OUTCOMES = ['NO_ISSUE', 'ISSUE_FOUND', 'CASE_OPENED'] as const
export const VERDICTS = ['APPROVE', 'DISAPPROVE'] as const
export const EVALUATION_TAGS = ['REPEAT', 'INACTION', 'ABUSE', 'NO_CODE_SHOWN', 'DISTURBANCE'] as const
export const CALENDAR_KINDS = ['HOLIDAY', 'WORKDAY'] as const

/** 执法主体 */
export const departmentSchema = z.object({
  type: z.literal('department'),
  id: idSchema,
  name: z.string().min(1),
  domain: domainSchema,
  level: z.enum(DEPARTMENT_LEVELS),
  district_code: z.string().min(1)
})

/** 执法人员 */
export const officerSchema = z.object({
  type: z.literal('officer'),
  id: idSchema,
  name: z.string().min(1),
  department_id: idSchema,
  role: z.enum(OFFICER_ROLES),
  cert_no: optional(z.string()),
  cert_valid_until: optionalValue(dateSchema)
})

export const siteSchema = z.object({ id: idSchema, address: z.string() })

/** 检查对象 */
export const enterpriseSchema = z.object({
  type: z.literal('enterprise'),
  id: usccSchema,
  name: z.string().min(1),
  district_code: z.string().min(1),
  industry: optional(z.string()),
  sites: z.array(siteSchema).min(1, { message: '至少一个经营场所 / at least one site' }),
  grades: optionalValue(z.partialRecord(domainSchema, z.enum(GRADES))),
  fire_key_unit: optionalValue(z.boolean()),
  crowded_place: optionalValue(z.boolean()),
  in_library_since: optionalValue(dateSchema)
})

/** 检查事项 */
export const itemSchema = z.object({
  type: z.literal('item'),
  id: idSchema,
  name: z.string().min(1),
  domain: domainSchema,
  list: z.enum(ITEM_LISTS),
  legal_basis: optional(z.string()),
  fire_matter: optionalValue(z.boolean())
})

/** 名单: 无感监管对象 / 不鼓励联合检查对象 / 白名单 */
export const listEntrySchema = z.object({
  type: z.literal('list_entry'),
  id: idSchema,
  list: z.enum(NAME_LISTS),
  domain: optionalValue(domainSchema),
  enterprise_id: usccSchema,
  from: dateSchema,
  to: optionalValue(dateSchema)
})

export const planTargetSchema = z.object({ enterprise_id: usccSchema, site_id: optionalValue(idSchema) })

/** 检查计划 */
export const planSchema = z.object({
  type: z.literal('plan'),
  id: idSchema,
  plan_code: optional(z.string()),
  department_id: idSchema,
  participant_department_ids: optionalValue(z.array(idSchema)),
  title: z.string().min(1),
  plan_type: z.enum(PLAN_TYPES),
  origin: z.enum(PLAN_ORIGINS),
  year: z.number().int().min(1900).max(2999),
  window_from: dateSchema,
  window_to: dateSchema,
  item_ids: z.array(idSchema),
  targets: optionalValue(z.array(planTargetSchema)),
  scope: optional(z.string()),
  sampling_ratio: optionalValue(z.number().min(0).max(1)),
  method: optional(z.string()),
  frequency: optional(z.string()),
  legal_basis: optional(z.string()),
  status: z.enum(PLAN_STATUSES),
  submitted_at: optionalValue(timestampSchema),
  filed_at: optionalValue(timestampSchema),
  published_at: optionalValue(timestampSchema)
})

export const visitSchema = z.object({
  date: dateSchema,
  officer_ids: z.array(idSchema),
  outcome: optionalValue(z.enum(VISIT_OUTCOMES)),
  result_entered_at: optionalValue(timestampSchema)
})

/** 检查任务 (one 检查码) */
export const taskSchema = z.object({
  type: z.literal('task'),
  id: idSchema,
  code: optional(z.string()),
  department_ids: z.array(idSchema).min(1, { message: '至少一个执法主体 / at least one department' }),
  kind: z.enum(TASK_KINDS),
  special: z.enum(TASK_SPECIALS),
  plan_id: optionalValue(idSchema),
  plan_code: optional(z.string()),
  // A blank source is kept as given (export gives back what was imported); the rules read it as absent.
  trigger_source: optional(z.union([z.enum(TRIGGER_SOURCES), z.string().regex(/^\s*$/)])),
  trigger_ref: optional(z.string()),
  recheck_of: optionalValue(idSchema),
  enterprise_id: usccSchema,
  site_id: optionalValue(idSchema),
  item_ids: z.array(idSchema),
  mode: z.enum(TASK_MODES),
  code_applied_at: optionalValue(timestampSchema),
  joint_declined_reason: optional(z.string()),
  visits: z.array(visitSchema),
  status: z.enum(TASK_STATUSES)
})

/** 扫码评价 */
export const evaluationSchema = z.object({
  type: z.literal('evaluation'),
  id: idSchema,
  task_id: idSchema,
  department_id: optionalValue(idSchema),
  submitted_at: timestampSchema,
  verdict: z.enum(VERDICTS),
  tags: optionalValue(z.array(z.enum(EVALUATION_TAGS))),
  comment: optional(z.string())
})

/** 节假日与调休 */
export const calendarDaySchema = z.object({
  type: z.literal('calendar_day'),
  date: dateSchema,
  kind: z.enum(CALENDAR_KINDS)
})

export const headerSchema = z.object({
  type: z.literal('header'),
  format: z.literal('jiandu-interchange'),
  version: z.number(),
  exported_at: optional(z.string()),
  source: optional(z.string())
})

export const RECORD_SCHEMAS = {
  department: departmentSchema,
  officer: officerSchema,
  enterprise: enterpriseSchema,
  item: itemSchema,
  list_entry: listEntrySchema,
  plan: planSchema,
  task: taskSchema,
  evaluation: evaluationSchema,
  calendar_day: calendarDaySchema
} as const

export type RecordType = keyof typeof RECORD_SCHEMAS
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[]

export type Department = z.output<typeof departmentSchema>
export type Officer = z.output<typeof officerSchema>
export type Enterprise = z.output<typeof enterpriseSchema>
export type Site = z.output<typeof siteSchema>
export type Item = z.output<typeof itemSchema>
export type ListEntry = z.output<typeof listEntrySchema>
export type Plan = z.output<typeof planSchema>
export type PlanTarget = z.output<typeof planTargetSchema>
export type Task = z.output<typeof taskSchema>
export type Visit = z.output<typeof visitSchema>
export type Evaluation = z.output<typeof evaluationSchema>
export type CalendarDay = z.output<typeof calendarDaySchema>
export type InterchangeRecord = Department | Officer | Enterprise | Item | ListEntry | Plan | Task | Evaluation | CalendarDay

/** A record as written to a file: optional fields may be omitted. */
export type RecordInput<T extends RecordType> = z.input<(typeof RECORD_SCHEMAS)[T]>
