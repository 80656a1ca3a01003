// Central records mirrored from the city's unified enforcement system (统一综合执法系统) or imported
// from exported files. Read-only to the officer. One table per interchange record type; arrays and
// objects are kept as JSON text so a record round-trips exactly, with a few derived columns for
// indexing. No foreign keys here on purpose: interchange-v1 imports dangling references and reports them.
// `seq` is the change counter of the import or sync batch that last wrote the row (incremental analysis).
import { sql } from 'drizzle-orm'
import { NEGATIVE_EVALUATION_CANDIDATES } from '../negativeEvaluations.ts'
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const departments = sqliteTable('departments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  domain: text('domain').notNull(),
  level: text('level').notNull(),
  districtCode: text('district_code').notNull(),
  seq: integer('seq').notNull().default(0)
}, (t) => [index('departments_domain_idx').on(t.domain)])

export const officers = sqliteTable('officers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  departmentId: text('department_id').notNull(),
  role: text('role').notNull(),
  certNo: text('cert_no'),
  certValidUntil: text('cert_valid_until'),
  seq: integer('seq').notNull().default(0)
}, (t) => [index('officers_department_idx').on(t.departmentId)])

export const enterprises = sqliteTable('enterprises', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  districtCode: text('district_code').notNull(),
  industry: text('industry'),
  sites: text('sites').notNull(),
  grades: text('grades'),
  fireKeyUnit: integer('fire_key_unit', { mode: 'boolean' }),
  crowdedPlace: integer('crowded_place', { mode: 'boolean' }),
  inLibrarySince: text('in_library_since'),
  seq: integer('seq').notNull().default(0)
}, (t) => [index('enterprises_name_idx').on(t.name), index('enterprises_seq_idx').on(t.seq)])

export const items = sqliteTable('items', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  domain: text('domain').notNull(),
  list: text('list').notNull(),
  legalBasis: text('legal_basis'),
  fireMatter: integer('fire_matter', { mode: 'boolean' }),
  seq: integer('seq').notNull().default(0)
})

export const listEntries = sqliteTable('list_entries', {
  id: text('id').primaryKey(),
  list: text('list').notNull(),
  domain: text('domain'),
  enterpriseId: text('enterprise_id').notNull(),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date'),
  seq: integer('seq').notNull().default(0)
}, (t) => [index('list_entries_enterprise_idx').on(t.enterpriseId), index('list_entries_seq_idx').on(t.seq)])

export const plans = sqliteTable('plans', {
  id: text('id').primaryKey(),
  planCode: text('plan_code'),
  departmentId: text('department_id').notNull(),
  participantDepartmentIds: text('participant_department_ids'),
  title: text('title').notNull(),
  planType: text('plan_type').notNull(),
  origin: text('origin').notNull(),
  year: integer('year').notNull(),
  windowFrom: text('window_from').notNull(),
  windowTo: text('window_to').notNull(),
  itemIds: text('item_ids').notNull(),
  targets: text('targets'),
  scope: text('scope'),
  samplingRatio: real('sampling_ratio'),
  method: text('method'),
  frequency: text('frequency'),
  legalBasis: text('legal_basis'),
  status: text('status').notNull(),
  submittedAt: text('submitted_at'),
  filedAt: text('filed_at'),
  publishedAt: text('published_at'),
  seq: integer('seq').notNull().default(0)
}, (t) => [
  // The filters of the plans list, each followed by the other filter columns: the status tabs' counts
  // (GROUP BY status under any filter but the text) read an index alone, never the rows (at a million
  // plans, counting one department's by status went from 250 ms to 12 ms, one plan type's from 1.9 s to 0.1 s).
  index('plans_department_idx').on(t.departmentId, t.status, t.year, t.planType),
  index('plans_status_idx').on(t.status, t.departmentId, t.year, t.planType),
  index('plans_year_idx').on(t.year, t.status, t.departmentId, t.planType),
  index('plans_code_idx').on(t.planCode),
  // What changed since the last analysis (incremental analysis reads rows with seq > the last run's).
  index('plans_seq_idx').on(t.seq),
  // The plans list's order (year, window, id — read backwards for newest first), alone and after the
  // filters that narrow most, so a page at any offset is an index walk, never a sort of every plan.
  index('plans_order_idx').on(t.year, t.windowFrom, t.id),
  index('plans_status_order_idx').on(t.status, t.year, t.windowFrom, t.id),
  index('plans_department_order_idx').on(t.departmentId, t.year, t.windowFrom, t.id),
  // A text search reads every plan: through this index, which holds every column the search, the other
  // filters, the status counts and the page's order need, it reads a quarter of the bytes the rows take
  // (at a million plans: counts ~450 → ~200 ms, a page ~470 → ~200 ms).
  index('plans_search_idx').on(t.title, t.planCode, t.departmentId, t.status, t.planType, t.year, t.windowFrom, t.id)
])

export const tasks = sqliteTable('tasks', {
  id: text('id').primaryKey(),
  code: text('code'),
  departmentIds: text('department_ids').notNull(),
  /** Derived: department_ids[0], the lead department (牵头). */
  leadDepartmentId: text('lead_department_id').notNull(),
  kind: text('kind').notNull(),
  special: text('special').notNull(),
  planId: text('plan_id'),
  planCode: text('plan_code'),
  triggerSource: text('trigger_source'),
  triggerRef: text('trigger_ref'),
  recheckOf: text('recheck_of'),
  enterpriseId: text('enterprise_id').notNull(),
  siteId: text('site_id'),
  itemIds: text('item_ids').notNull(),
  mode: text('mode').notNull(),
  codeAppliedAt: text('code_applied_at'),
  jointDeclinedReason: text('joint_declined_reason'),
  visits: text('visits').notNull(),
  status: text('status').notNull(),
  /** Derived: the earliest visit date (inspection date), null without visits. */
  firstVisitDate: text('first_visit_date'),
  seq: integer('seq').notNull().default(0)
}, (t) => [
  index('tasks_plan_idx').on(t.planId),
  index('tasks_plan_code_idx').on(t.planCode),
  index('tasks_enterprise_idx').on(t.enterpriseId, t.firstVisitDate),
  index('tasks_lead_department_idx').on(t.leadDepartmentId, t.firstVisitDate),
  index('tasks_seq_idx').on(t.seq),
  // Incremental analysis follows re-checks across enterprises (core/analysis/scope.ts).
  index('tasks_recheck_of_idx').on(t.recheckOf)
])

export const evaluations = sqliteTable('evaluations', {
  id: text('id').primaryKey(),
  taskId: text('task_id').notNull(),
  departmentId: text('department_id'),
  submittedAt: text('submitted_at').notNull(),
  verdict: text('verdict').notNull(),
  tags: text('tags'),
  comment: text('comment'),
  seq: integer('seq').notNull().default(0)
}, (t) => [
  index('evaluations_task_idx').on(t.taskId),
  index('evaluations_seq_idx').on(t.seq),
  // The few evaluations that can be negative (a few percent): what the analysis reads (core/rules/load.ts).
  index('evaluations_negative_idx').on(t.taskId).where(sql.raw(NEGATIVE_EVALUATION_CANDIDATES))
])

export const calendarDays = sqliteTable('calendar_days', {
  date: text('date').primaryKey(),
  kind: text('kind').notNull(),
  seq: integer('seq').notNull().default(0)
})
