// SQL of the plans screen (检查计划): a filtered, windowed list, its filter options, and one plan's
// detail. The list never materialises more than one page: the page's ids come from an index-ordered
// query, then only those rows get their joins and per-row counts (a correlated count over all
// matching rows would cost a full pass whenever SQLite has to sort).
import type { Sqlite } from '../client.ts'
import { MATCH_KEYS_MAX, queryKey, remembered, rememberedCount, rememberedKeys } from './remembered.ts'
import { containsPattern, statement } from './statements.ts'

export type PlanListFilter = {
  departmentId?: string | undefined
  domain?: string | undefined
  planType?: string | undefined
  status?: string | undefined
  year?: number | undefined
  text?: string | undefined
}

export type PlanListRow = {
  id: string
  planCode: string | null
  title: string
  departmentId: string
  departmentName: string | null
  domain: string | null
  planType: string
  origin: string
  year: number
  windowFrom: string
  windowTo: string
  status: string
  submittedAt: string | null
  targetCount: number
  taskCount: number
}

type Params = Record<string, string | number>

/** Newest year first, then the latest inspection window; the id breaks ties so paging is stable. */
const PLAN_ORDER = 'p.year DESC, p.window_from DESC, p.id DESC'
// A text search reads every plan anyway: one scan of plans_search_idx (and a sort of the matches) is
// faster than walking an index and fetching each row from it, so the unary `+` keeps the other indexes out.
const PLAN_ORDER_SCANNING = '+p.year DESC, p.window_from DESC, p.id DESC'

function whereClause(filter: PlanListFilter, options: { withStatus: boolean }): { sql: string; params: Params; scans: boolean } {
  const clauses: string[] = []
  const params: Params = {}
  const text = filter.text?.trim()
  // With a text search the other filters are checked during the scan of plans_search_idx, which holds
  // their columns: left indexable, they led SQLite to search a filter index and fetch every row it named
  // (at a million plans, text + status 1.0 s and text + year 2.1 s, against ~0.15 s for the scan).
  const c = (column: string) => (text ? `+${column}` : column)
  if (filter.departmentId) {
    clauses.push(`${c('p.department_id')} = @departmentId`)
    params['departmentId'] = filter.departmentId
  }
  if (filter.domain) {
    // A plan's domain is its lead department's (执法领域).
    clauses.push(`${c('p.department_id')} IN (SELECT id FROM departments WHERE domain = @domain)`)
    params['domain'] = filter.domain
  }
  if (filter.planType) {
    clauses.push(`${c('p.plan_type')} = @planType`)
    params['planType'] = filter.planType
  }
  if (options.withStatus && filter.status) {
    clauses.push(`${c('p.status')} = @status`)
    params['status'] = filter.status
  }
  if (filter.year !== undefined) {
    clauses.push(`${c('p.year')} = @year`)
    params['year'] = filter.year
  }
  if (text) {
    clauses.push(
      "(p.title LIKE @text ESCAPE '\\' OR p.plan_code LIKE @text ESCAPE '\\' " +
        "OR p.department_id IN (SELECT id FROM departments WHERE name LIKE @text ESCAPE '\\'))"
    )
    params['text'] = containsPattern(text)
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, scans: Boolean(text) }
}

/** Remembered until the database changes (remembered.ts): the list asks on every visit of its screen. */
export function countPlans(sqlite: Sqlite, filter: PlanListFilter): number {
  const where = whereClause(filter, { withStatus: true })
  return rememberedCount(sqlite, `SELECT count(*) FROM plans p ${where.sql}`, where.params)
}

/**
 * The count per status of the plans matching every filter except the status one. Without a text filter
 * it reads one of the plans' filter indexes alone (each holds status, department, year and plan type).
 */
export function statusCountsQuery(filter: PlanListFilter): { sql: string; params: Params } {
  const where = whereClause(filter, { withStatus: false })
  return { sql: `SELECT p.status AS status, count(*) AS n FROM plans p ${where.sql} GROUP BY ${where.scans ? '+p.status' : 'p.status'}`, params: where.params }
}

/**
 * Plans matching every filter except the status one, counted per status (one pass for the tabs and the
 * total). Remembered until the database changes (remembered.ts): the list asks on every visit.
 */
export function countPlansByStatus(sqlite: Sqlite, filter: PlanListFilter): Readonly<Record<string, number>> {
  const query = statusCountsQuery(filter)
  return remembered(sqlite, queryKey('plan-status-counts', query.sql, query.params), () => {
    const rows = statement(sqlite, query.sql).all(query.params) as { status: string; n: number }[]
    return Object.fromEntries(rows.map((r) => [r.status, r.n]))
  })
}

type RawPlanRow = {
  id: string; plan_code: string | null; title: string; department_id: string; department_name: string | null; domain: string | null
  plan_type: string; origin: string; year: number; window_from: string; window_to: string; status: string; submitted_at: string | null
  target_count: number; task_count: number
}

/**
 * The ids of a page, in list order. A text search scans every plan for each page it is asked: the ids of
 * all its matches are read once and remembered until the database changes (rememberedKeys), so that
 * scrolling on through them costs nothing, unless there are too many to keep.
 */
function pageIds(sqlite: Sqlite, filter: PlanListFilter, offset: number, limit: number): string[] {
  const where = whereClause(filter, { withStatus: true })
  if (where.scans && countPlans(sqlite, filter) <= MATCH_KEYS_MAX) {
    return rememberedKeys(sqlite, `SELECT p.id FROM plans p ${where.sql} ORDER BY ${PLAN_ORDER_SCANNING}`, where.params).slice(offset, offset + limit)
  }
  return statement(sqlite, `SELECT p.id FROM plans p ${where.sql} ORDER BY ${where.scans ? PLAN_ORDER_SCANNING : PLAN_ORDER} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...where.params, limit, offset }) as string[]
}

export function listPlanPage(sqlite: Sqlite, filter: PlanListFilter, offset: number, limit: number): PlanListRow[] {
  const ids = pageIds(sqlite, filter, offset, limit)
  if (ids.length === 0) return []
  const rows = statement(
    sqlite,
    `SELECT p.id, p.plan_code, p.title, p.department_id, d.name AS department_name, d.domain, p.plan_type, p.origin, p.year,
            p.window_from, p.window_to, p.status, p.submitted_at,
            coalesce(json_array_length(p.targets), 0) AS target_count,
            (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id OR (p.plan_code IS NOT NULL AND t.plan_code = p.plan_code)) AS task_count
       FROM plans p LEFT JOIN departments d ON d.id = p.department_id
      WHERE p.id IN (SELECT value FROM json_each(@ids))`
  ).all({ ids: JSON.stringify(ids) }) as RawPlanRow[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    return r
      ? [{
          id: r.id, planCode: r.plan_code, title: r.title, departmentId: r.department_id, departmentName: r.department_name,
          domain: r.domain, planType: r.plan_type, origin: r.origin, year: r.year, windowFrom: r.window_from, windowTo: r.window_to,
          status: r.status, submittedAt: r.submitted_at, targetCount: r.target_count, taskCount: r.task_count
        }]
      : []
  })
}

export type PlanFacetRows = {
  departments: { id: string; name: string; domain: string; planCount: number }[]
  years: number[]
}

/** The plans' filter options; remembered until the database changes (two scans of a million plans). */
export function planFacets(sqlite: Sqlite): Readonly<PlanFacetRows> {
  return remembered(sqlite, 'plan-facets', () => readPlanFacets(sqlite))
}

function readPlanFacets(sqlite: Sqlite): PlanFacetRows {
  // Departments that lead at least one plan; a plan naming an unknown department still gets an option (its id).
  const departments = statement(
    sqlite,
    `SELECT c.department_id AS id, coalesce(d.name, c.department_id) AS name, coalesce(d.domain, '') AS domain, c.n AS planCount
       FROM (SELECT department_id, count(*) AS n FROM plans GROUP BY department_id) c
       LEFT JOIN departments d ON d.id = c.department_id
      ORDER BY domain, name`
  ).all() as PlanFacetRows['departments']
  const years = statement(sqlite, 'SELECT DISTINCT year FROM plans ORDER BY year DESC').pluck().all() as number[]
  return { departments, years }
}

// ---- one plan ---------------------------------------------------------------------------------------

export type PlanRecordRow = {
  id: string; plan_code: string | null; department_id: string; participant_department_ids: string | null; title: string
  plan_type: string; origin: string; year: number; window_from: string; window_to: string; item_ids: string; targets: string | null
  scope: string | null; sampling_ratio: number | null; method: string | null; frequency: string | null; legal_basis: string | null
  status: string; submitted_at: string | null; filed_at: string | null; published_at: string | null
}

export function findPlan(sqlite: Sqlite, id: string): PlanRecordRow | null {
  return (statement(sqlite, 'SELECT * FROM plans WHERE id = ?').get(id) as PlanRecordRow | undefined) ?? null
}

export function departmentsByIds(sqlite: Sqlite, ids: readonly string[]): Map<string, { name: string; domain: string }> {
  const rows = statement(sqlite, 'SELECT id, name, domain FROM departments WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids)
  ) as { id: string; name: string; domain: string }[]
  return new Map(rows.map((r) => [r.id, { name: r.name, domain: r.domain }]))
}

export type ItemRow = { id: string; name: string; domain: string; list: string; legal_basis: string | null }

export function itemsByIds(sqlite: Sqlite, ids: readonly string[]): Map<string, ItemRow> {
  const rows = statement(sqlite, 'SELECT id, name, domain, list, legal_basis FROM items WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids)
  ) as ItemRow[]
  return new Map(rows.map((r) => [r.id, r]))
}

export type EnterpriseRow = { id: string; name: string; sites: string }

export function enterprisesByIds(sqlite: Sqlite, ids: readonly string[]): Map<string, EnterpriseRow> {
  const rows = statement(sqlite, 'SELECT id, name, sites FROM enterprises WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids)
  ) as EnterpriseRow[]
  return new Map(rows.map((r) => [r.id, r]))
}

export type PlanReviewRow = { decision: string; reason: string | null; decided_at: string; reviewer_name: string | null; reviewer_id: string; sync_status: string }

export function planReviews(sqlite: Sqlite, planId: string): PlanReviewRow[] {
  return statement(
    sqlite,
    `SELECT r.decision, r.reason, r.decided_at, u.name AS reviewer_name, r.reviewer_id, r.sync_status
       FROM plan_reviews r LEFT JOIN users u ON u.id = r.reviewer_id
      WHERE r.plan_id = ? ORDER BY r.decided_at, r.id`
  ).all(planId) as PlanReviewRow[]
}

export type PlanTaskRowRaw = {
  id: string; code: string | null; enterprise_id: string; enterprise_name: string | null; first_visit_date: string | null
  mode: string; kind: string; status: string; plan_id: string | null
}

// Two variants so each stays a plain indexed lookup (an OR with a bound-null test defeats the index).
const TASKS_OF_PLAN_BY_ID = 't.plan_id = @planId'
const TASKS_OF_PLAN_BY_ID_OR_CODE = '(t.plan_id = @planId OR t.plan_code = @planCode)'

/** Tasks carried out under a plan: naming it by id, or citing its plan code (newest inspection first). */
export function tasksOfPlan(sqlite: Sqlite, planId: string, planCode: string | null, limit: number): { total: number; rows: PlanTaskRowRaw[] } {
  const where = planCode ? TASKS_OF_PLAN_BY_ID_OR_CODE : TASKS_OF_PLAN_BY_ID
  const params: Params = planCode ? { planId, planCode } : { planId }
  const total = statement(sqlite, `SELECT count(*) FROM tasks t WHERE ${where}`).pluck().get(params) as number
  const rows = statement(
    sqlite,
    `SELECT t.id, t.code, t.enterprise_id, e.name AS enterprise_name, t.first_visit_date, t.mode, t.kind, t.status, t.plan_id
       FROM tasks t LEFT JOIN enterprises e ON e.id = t.enterprise_id
      WHERE ${where}
      ORDER BY t.first_visit_date IS NULL, t.first_visit_date DESC, t.id
      LIMIT @limit`
  ).all({ ...params, limit }) as PlanTaskRowRaw[]
  return { total, rows }
}
