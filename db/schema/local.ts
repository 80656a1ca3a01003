// Local work of this workstation: the officer's decisions, documents, the audit log and sync state.
// Kept apart from the central mirror so a full resync can never touch it.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Users of this workstation. role: OFFICER 监督员 | STAFF 文书/印制 | AUDITOR 审计（只读）. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  departmentName: text('department_name'),
  createdAt: text('created_at').notNull()
})

/** 计划审核: approve (备案 FILE) or return (退回 RETURN) a submitted plan. */
export const planReviews = sqliteTable('plan_reviews', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull(),
  decision: text('decision').notNull(),
  reason: text('reason'),
  reviewerId: text('reviewer_id').notNull(),
  decidedAt: text('decided_at').notNull(),
  /** The plan as the officer saw it (JSON), to show both versions if the central plan changed. */
  planSnapshot: text('plan_snapshot').notNull(),
  syncStatus: text('sync_status').notNull().default('PENDING')
}, (t) => [index('plan_reviews_plan_idx').on(t.planId)])

/** Cached output of the last analysis; a flag's identity (flag_key) is its rule, task ids and plan ids. */
export const flags = sqliteTable('flags', {
  flagKey: text('flag_key').primaryKey(),
  rule: text('rule').notNull(),
  severity: text('severity').notNull(),
  taskIds: text('task_ids').notNull(),
  planIds: text('plan_ids').notNull(),
  enterpriseId: text('enterprise_id'),
  departmentId: text('department_id'),
  /** The date the flag is about (inspection date of its last task, or the plan deadline). */
  eventDate: text('event_date'),
  evidence: text('evidence').notNull(),
  message: text('message').notNull(),
  runId: integer('run_id').notNull()
}, (t) => [
  // The inbox lists flags most serious first, then latest first (core/flags/queries.ts FLAG_ORDER, whose
  // severity rank must stay the same expression as here for SQLite to use these indexes). One ordered
  // index for the whole list and one per filter the inbox groups by, so a page of 100 never sorts 100,000.
  index('flags_order_idx').on(sql`(CASE ${t.severity} WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END)`, sql`${t.eventDate} DESC`, t.flagKey),
  index('flags_rule_order_idx').on(t.rule, sql`(CASE ${t.severity} WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END)`, sql`${t.eventDate} DESC`, t.flagKey),
  index('flags_department_order_idx').on(t.departmentId, sql`(CASE ${t.severity} WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END)`, sql`${t.eventDate} DESC`, t.flagKey),
  index('flags_enterprise_idx').on(t.enterpriseId),
  index('flags_event_date_idx').on(t.eventDate)
])

/** 问题线索处理: the officer's decision on a flag; survives re-analysis because it keys on flag_key. */
export const flagDecisions = sqliteTable('flag_decisions', {
  flagKey: text('flag_key').primaryKey(),
  decision: text('decision').notNull(),
  reason: text('reason'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: text('decided_at').notNull()
})

export const analysisRuns = sqliteTable('analysis_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  asOf: text('as_of').notNull(),
  rulePack: text('rule_pack').notNull(),
  /** The pack's pack_version: a run of another version of the same pack cannot be continued incrementally. */
  rulePackVersion: text('rule_pack_version'),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  /** The highest central `seq` the run saw, so the next run knows what changed. */
  inputSeq: integer('input_seq').notNull().default(0),
  flagCount: integer('flag_count').notNull().default(0),
  warnings: text('warnings')
})

/**
 * The plan codes a plan gave up (its plan_code changed): tasks citing the old code by code resolved to
 * that plan before and may not now, so incremental analysis must revisit them (core/analysis/scope.ts).
 * Filled by a trigger on plans (migration 0006), stamped with the batch seq of the change.
 */
export const planCodeChanges = sqliteTable('plan_code_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planCode: text('plan_code').notNull(),
  seq: integer('seq').notNull()
}, (t) => [index('plan_code_changes_seq_idx').on(t.seq)])

/**
 * Enterprises a record left: a task or list entry whose enterprise_id changed, or an evaluation moved to
 * another task, leaves flags on the old enterprise that incremental analysis must recompute (the changed
 * row itself names only the new one; core/analysis/scope.ts). Filled by triggers (migration 0009),
 * stamped with the batch seq of the change.
 */
export const enterpriseLeaves = sqliteTable('enterprise_leaves', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  enterpriseId: text('enterprise_id').notNull(),
  seq: integer('seq').notNull()
}, (t) => [index('enterprise_leaves_seq_idx').on(t.seq)])

/** 监督文书: 行政执法监督建议书 / 决定书 / 通知. status: DRAFT → PENDING_APPROVAL → APPROVED → ISSUED → CLOSED. */
export const documents = sqliteTable('documents', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  docNo: text('doc_no'),
  status: text('status').notNull(),
  departmentId: text('department_id').notNull(),
  title: text('title').notNull(),
  bodyText: text('body_text').notNull(),
  flagRefs: text('flag_refs').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  approvedBy: text('approved_by'),
  approvedAt: text('approved_at'),
  issuedBy: text('issued_by'),
  issuedAt: text('issued_at'),
  replyDueDate: text('reply_due_date'),
  repliedAt: text('replied_at'),
  pdfSha256: text('pdf_sha256'),
  verifyUrl: text('verify_url'),
  centralId: text('central_id')
}, (t) => [index('documents_status_idx').on(t.status), index('documents_department_idx').on(t.departmentId)])

/** Document numbering: 金司监建〔2025〕3号 — one counter per prefix and year, never reused. */
export const docNumberSequences = sqliteTable('doc_number_sequences', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  lastNo: integer('last_no').notNull()
}, (t) => [primaryKey({ columns: [t.prefix, t.year] })])

/** Append-only, hash-chained: hash = sha256(prev_hash + canonical row), so any edit breaks the chain. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  userId: text('user_id').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: text('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull()
})

/** Pull cursors of the central change feed, one per collection. */
export const syncCursors = sqliteTable('sync_cursors', {
  collection: text('collection').primaryKey(),
  cursor: text('cursor'),
  lastSuccessAt: text('last_success_at')
})

/** Officer decisions waiting to be pushed; the id is the Idempotency-Key. status: PENDING | SENT | REJECTED. */
export const outbox = sqliteTable('outbox', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  entityId: text('entity_id').notNull(),
  payload: text('payload').notNull(),
  createdAt: text('created_at').notNull(),
  status: text('status').notNull().default('PENDING'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: text('next_attempt_at'),
  lastError: text('last_error')
}, (t) => [index('outbox_status_idx').on(t.status, t.createdAt)])

/** One row per file import or sync batch; `seq` numbers the batch for the central tables' `seq`. */
export const importBatches = sqliteTable('import_batches', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  source: text('source').notNull(),
  userId: text('user_id').notNull(),
  report: text('report').notNull()
})

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})
