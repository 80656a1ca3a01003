// Reading the analysis input from the workstation database, fast: one prepared statement per table,
// rows as arrays (`.raw()`). The tasks go straight into the engine's columns (taskTable.ts), with SQL
// handing over enumeration codes and the visits scanned from their JSON text;
// the other tables (a few hundred thousand rows at most) become records. Column lists follow
// db/records.ts TABLE_MAPPINGS (the one mapping between records and rows).
import type {
  CalendarDay, Department, Enterprise, Evaluation, Item, ListEntry, Officer, Plan
} from '../contract/records.ts'
import type { Sqlite } from '../../db/client.ts'
import { NEGATIVE_CANDIDATE_VERDICTS, NEGATIVE_EVALUATION_CANDIDATES } from '../../db/negativeEvaluations.ts'
import { partitionSql, type Partition } from './partition.ts'
import type { LoadedInput } from './types.ts'
import { lastById } from './values.ts'
import { createTaskTableBuilder, enumCodeSql, TASK_ENUMS, type TaskTable, type TaskTableBuilder } from './taskTable.ts'

type Cell = string | number | null

function rows(sqlite: Sqlite, sql: string, ...params: Record<string, string | number>[]): Cell[][] {
  return sqlite.prepare(sql).raw(true).all(...params) as Cell[][]
}

/**
 * Restricts loading to some enterprises (all their tasks, list entries and evaluations) and plans (these
 * plus every plan their tasks name by id or code); departments, officers, items and the calendar are
 * always loaded whole. Used by incremental analysis (core/analysis/scope.ts).
 */
export type LoadScope = { enterpriseIds: readonly string[]; planIds: readonly string[] }

/**
 * What to read: everything (undefined), a scope of enterprises and plans, or one share of a parallel
 * full analysis (partition.ts): that share's enterprises with all their tasks, and every plan.
 */
export type LoadSelection = LoadScope | { partition: Partition }

/** `tasks` filters one query; `taskSlice` (with the slicing) filters a full read in rowid slices. */
type ScopeSql = { enterprises: string; listEntries: string; tasks: string; taskSlice: string; params: Record<string, string | number>[] }

const IN_ENTERPRISES = 'IN (SELECT value FROM json_each(@enterprises))'

function scopeSql(selection: LoadSelection | undefined): ScopeSql {
  if (!selection) return { enterprises: '', listEntries: '', tasks: '', taskSlice: '', params: [] }
  if ('partition' in selection) {
    // The rows of one share: their enterprise id hashes to it (partition.ts).
    const { partition } = selection
    return {
      enterprises: ` WHERE ${partitionSql('id', partition)}`,
      listEntries: ` WHERE ${partitionSql('enterprise_id', partition)}`,
      tasks: '',
      taskSlice: ` AND ${partitionSql('enterprise_id', partition)}`,
      params: []
    }
  }
  return {
    enterprises: ` WHERE id ${IN_ENTERPRISES}`,
    listEntries: ` WHERE enterprise_id ${IN_ENTERPRISES}`,
    // The scope's rows fetched in rowid order (the subquery's rowids come sorted): a scope's tasks lie
    // scattered through the table, and visiting their pages in file order costs less than in index order.
    tasks: ` WHERE t.rowid IN (SELECT rowid FROM tasks WHERE enterprise_id ${IN_ENTERPRISES})`,
    taskSlice: '',
    params: [{ enterprises: JSON.stringify(selection.enterpriseIds) }]
  }
}

/**
 * With a scope, the plans and evaluations to read follow from the tasks already read: the scope's plans
 * plus every plan the tasks name by id or code, and the tasks' evaluations. Looked up by these keys
 * (index searches), rather than by re-reading the scope's tasks inside SQL for each table.
 */
type Followers = { plans: string; evaluations: string; params: Record<string, string>[] }

function followersSql(selection: LoadSelection | undefined, tasks: TaskTable): Followers {
  // A share reads every plan (plan-level flags come from one share) and every negative evaluation.
  if (!selection || 'partition' in selection) return { plans: '', evaluations: '', params: [] }
  const scope: LoadScope = selection
  const planIds = new Set(scope.planIds)
  const planCodes = new Set<string>()
  for (let i = 0; i < tasks.count; i++) {
    const planId = tasks.planIds[i]!
    const planCode = tasks.planCodes[i]!
    if (planId !== null) planIds.add(planId)
    if (planCode !== null) planCodes.add(planCode)
  }
  return {
    // Two index lookups joined by UNION: an OR of IN-subqueries would scan every plan.
    plans: ` WHERE rowid IN (
        SELECT rowid FROM plans WHERE id IN (SELECT value FROM json_each(@planIds))
        UNION SELECT rowid FROM plans WHERE plan_code IN (SELECT value FROM json_each(@planCodes)))`,
    evaluations: ' WHERE task_id IN (SELECT value FROM json_each(@taskIds))',
    params: [{ planIds: JSON.stringify([...planIds]), planCodes: JSON.stringify([...planCodes]), taskIds: JSON.stringify(tasks.ids) }]
  }
}

const s = (v: Cell | undefined): string => (typeof v === 'string' ? v : String(v ?? ''))
const sn = (v: Cell | undefined): string | null => (typeof v === 'string' ? v : null)
const bn = (v: Cell | undefined): boolean | null => (v === null || v === undefined ? null : v === 1)
const jn = <T>(v: Cell | undefined): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : null)
const j = <T>(v: Cell | undefined): T => JSON.parse(s(v)) as T

/**
 * A JSON array of ids as db/records.ts writes it (JSON.stringify: no spaces). Without a backslash no
 * id contains a quote, so splitting on '","' is exact — and several times faster than JSON.parse,
 * which matters for two such columns on a million tasks. Anything else goes through JSON.parse.
 */
export function parseIdArray(v: Cell | undefined): string[] {
  const text = s(v)
  if (text === '[]') return []
  const n = text.length
  if (n >= 4 && text.charCodeAt(0) === 91 && text.charCodeAt(1) === 34 && text.charCodeAt(n - 2) === 34 && text.charCodeAt(n - 1) === 93 && text.indexOf('\\') < 0) {
    const inner = text.slice(2, n - 2)
    if (inner.indexOf('"') < 0) return [inner]
    const parts = inner.split('","')
    if (parts.every((p) => p.indexOf('"') < 0)) return parts
  }
  return JSON.parse(text) as string[]
}

/**
 * Evaluations to read: only those with one of these verdicts, or carrying one of these tags (a superset
 * of what the rules read, see negativeEvaluationFilter); all when absent.
 */
export type EvaluationFilter = { verdicts: readonly string[]; tags: readonly string[] }

function evaluationSql(where: Followers, filter: EvaluationFilter | undefined): { sql: string; params: Record<string, string>[] } {
  const base = 'SELECT id, task_id, department_id, submitted_at, verdict, tags, comment FROM evaluations'
  if (!filter) return { sql: base + where.evaluations, params: where.evaluations === '' ? [] : where.params }
  const exact = `(verdict IN (SELECT value FROM json_each(@verdicts))
    OR (tags IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(tags) t WHERE t.value IN (SELECT value FROM json_each(@tags)))))`
  // When the filter asks for no verdict beyond the candidates', the candidates' condition, stated as
  // is, lets SQLite read the partial index of them (a few percent of the rows) instead of the table.
  const indexed = filter.verdicts.every((v) => NEGATIVE_CANDIDATE_VERDICTS.includes(v))
  const matches = indexed ? `(${NEGATIVE_EVALUATION_CANDIDATES}) AND ${exact}` : exact
  const sql = where.evaluations === '' ? `${base} WHERE ${matches}` : `${base}${where.evaluations} AND ${matches}`
  const params = { ...where.params[0], verdicts: JSON.stringify(filter.verdicts), tags: JSON.stringify(filter.tags) }
  return { sql, params: [params] }
}

/**
 * The columns of a task read, enumerations as codes. The enterprise comes as its id, looked up in a
 * map in JavaScript: joining the enterprises table for its row number costs SQLite a B-tree search per
 * task (~0.8 µs, half a second per share at city scale), several times the map's lookup.
 */
const TASK_TABLE_COLUMNS = `t.id, t.code, t.department_ids, ${enumCodeSql('t.kind', TASK_ENUMS.kind)}, ${enumCodeSql('t.special', TASK_ENUMS.special)},
  t.plan_id, t.plan_code, t.trigger_source, t.trigger_ref, t.recheck_of, t.enterprise_id,
  t.site_id, t.item_ids, ${enumCodeSql('t.mode', TASK_ENUMS.mode)}, t.code_applied_at, t.joint_declined_reason, t.visits,
  ${enumCodeSql('t.status', TASK_ENUMS.status)}, t.rowid`
const TASK_TABLE_FROM = 'tasks t'
const ROWID_CELL = 18

/** An enumeration's code from the database; NULL means a value the contract does not know (a damaged row). */
function code(v: Cell | undefined, column: keyof typeof TASK_ENUMS, r: Cell[]): number {
  if (typeof v === 'number') return v
  throw new RangeError(`任务 ${s(r[0])} 的 ${column} 取值无效 / task ${s(r[0])}: invalid ${column}`)
}

/** One row of TASK_TABLE_COLUMNS into the task table: no record in between. */
function addTaskRow(builder: TaskTableBuilder, r: Cell[]): void {
  builder.add({
    id: s(r[0]), code: sn(r[1]), departmentIdsJson: s(r[2]), kind: code(r[3], 'kind', r), special: code(r[4], 'special', r), planId: sn(r[5]),
    planCode: sn(r[6]), triggerSource: sn(r[7]), triggerRef: sn(r[8]), recheckOf: sn(r[9]), enterprise: builder.enterprises.factOf(s(r[10])),
    siteId: sn(r[11]), itemIdsJson: s(r[12]), mode: code(r[13], 'mode', r), codeAppliedAt: sn(r[14]), jointDeclinedReason: sn(r[15]),
    visits: s(r[16]), status: code(r[17], 'status', r)
  })
}

/**
 * Rows per slice when reading every task. Read in one go, a million row arrays and JSON texts would
 * outlive several young-generation collections, be copied into the old generation and then die there
 * (the costliest garbage there is, and a gigabyte of peak memory); read in slices, they die young.
 */
export const TASK_SLICE = 8192

/** How far a full read of the tasks has got, 0 … 1 (by rowid: the tasks table is read in rowid order). */
export type ReadProgress = (fraction: number) => void

/**
 * The least and greatest rowid of the tasks: one index step each. (Asked in one SELECT, min and max
 * together make SQLite scan the table; as two subqueries each is a single step.)
 */
function rowidBounds(sqlite: Sqlite): [number, number] {
  return sqlite.prepare('SELECT coalesce((SELECT min(rowid) FROM tasks), 0), coalesce((SELECT max(rowid) FROM tasks), 0)').raw(true).get() as [number, number]
}

/** The tasks, straight into columns: a scope's by one query, everything (or a share) in slices by rowid. */
function loadTaskTable(sqlite: Sqlite, where: ScopeSql, builder: TaskTableBuilder, onRead: ReadProgress | undefined): TaskTable {
  // A scope names few tasks: one query, through the enterprise index.
  if (where.tasks !== '') {
    for (const r of rows(sqlite, `SELECT ${TASK_TABLE_COLUMNS} FROM ${TASK_TABLE_FROM}${where.tasks}`, ...where.params)) addTaskRow(builder, r)
    return builder.finish()
  }
  // Slices by rowid, in rowid order: the order a plain full scan returns them in.
  const slice = sqlite.prepare(`SELECT ${TASK_TABLE_COLUMNS} FROM ${TASK_TABLE_FROM} WHERE t.rowid > @after${where.taskSlice} ORDER BY t.rowid LIMIT ${TASK_SLICE}`).raw(true)
  const [first, last] = rowidBounds(sqlite)
  let after = Number.MIN_SAFE_INTEGER
  for (;;) {
    const part = slice.all({ ...where.params[0], after }) as Cell[][]
    for (const r of part) addTaskRow(builder, r)
    if (part.length < TASK_SLICE) return builder.finish()
    after = Number(part[part.length - 1]![ROWID_CELL])
    onRead?.(last > first ? (after - first) / (last - first) : 1)
  }
}

/** The analysis input from the database, the tasks as columns (`taskTable`; `tasks` is empty). */
export function loadAnalysisInput(
  sqlite: Sqlite, selection?: LoadSelection, evaluationFilter?: EvaluationFilter, onRead?: ReadProgress
): LoadedInput & { taskTable: TaskTable } {
  const where = scopeSql(selection)
  // Named parameters (@enterprises …): one binding serves every occurrence; only scoped queries get them.
  const p = (clause: string) => (clause === '' ? [] : where.params)
  const departments = rows(sqlite, 'SELECT id, name, domain, level, district_code FROM departments').map(
    (r): Department => ({ type: 'department', id: s(r[0]), name: s(r[1]), domain: s(r[2]) as Department['domain'], level: s(r[3]) as Department['level'], district_code: s(r[4]) })
  )
  const officers = rows(sqlite, 'SELECT id, name, department_id, role, cert_no, cert_valid_until FROM officers').map(
    (r): Officer => ({ type: 'officer', id: s(r[0]), name: s(r[1]), department_id: s(r[2]), role: s(r[3]) as Officer['role'], cert_no: sn(r[4]), cert_valid_until: sn(r[5]) })
  )
  const enterprises = rows(sqlite, 'SELECT id, name, district_code, industry, sites, grades, fire_key_unit, crowded_place, in_library_since FROM enterprises' + where.enterprises, ...p(where.enterprises)).map(
    (r): Enterprise => ({
      type: 'enterprise', id: s(r[0]), name: s(r[1]), district_code: s(r[2]), industry: sn(r[3]), sites: j<Enterprise['sites']>(r[4]),
      grades: jn<NonNullable<Enterprise['grades']>>(r[5]), fire_key_unit: bn(r[6]), crowded_place: bn(r[7]), in_library_since: sn(r[8])
    })
  )
  const items = rows(sqlite, 'SELECT id, name, domain, list, legal_basis, fire_matter FROM items').map(
    (r): Item => ({ type: 'item', id: s(r[0]), name: s(r[1]), domain: s(r[2]) as Item['domain'], list: s(r[3]) as Item['list'], legal_basis: sn(r[4]), fire_matter: bn(r[5]) })
  )
  const list_entries = rows(sqlite, 'SELECT id, list, domain, enterprise_id, from_date, to_date FROM list_entries' + where.listEntries, ...p(where.listEntries)).map(
    (r): ListEntry => ({ type: 'list_entry', id: s(r[0]), list: s(r[1]) as ListEntry['list'], domain: sn(r[2]) as ListEntry['domain'], enterprise_id: s(r[3]), from: s(r[4]), to: sn(r[5]) })
  )
  const taskTable = loadTaskTable(sqlite, where, tableBuilder(sqlite, selection, departments, enterprises), onRead)
  const follow = followersSql(selection, taskTable)
  const plans = rows(
    sqlite,
    `SELECT id, plan_code, department_id, participant_department_ids, title, plan_type, origin, year, window_from, window_to,
            item_ids, targets, scope, sampling_ratio, method, frequency, legal_basis, status, submitted_at, filed_at, published_at FROM plans` + follow.plans,
    ...follow.params
  ).map(
    (r): Plan => ({
      type: 'plan', id: s(r[0]), plan_code: sn(r[1]), department_id: s(r[2]), participant_department_ids: jn<string[]>(r[3]), title: s(r[4]),
      plan_type: s(r[5]) as Plan['plan_type'], origin: s(r[6]) as Plan['origin'], year: Number(r[7]), window_from: s(r[8]), window_to: s(r[9]),
      item_ids: j<string[]>(r[10]), targets: jn<NonNullable<Plan['targets']>>(r[11]), scope: sn(r[12]),
      sampling_ratio: typeof r[13] === 'number' ? r[13] : null, method: sn(r[14]), frequency: sn(r[15]), legal_basis: sn(r[16]),
      status: s(r[17]) as Plan['status'], submitted_at: sn(r[18]), filed_at: sn(r[19]), published_at: sn(r[20])
    })
  )
  const evaluationQuery = evaluationSql(follow, evaluationFilter)
  const evaluations = rows(sqlite, evaluationQuery.sql, ...evaluationQuery.params).map(
    (r): Evaluation => ({
      type: 'evaluation', id: s(r[0]), task_id: s(r[1]), department_id: sn(r[2]), submitted_at: s(r[3]),
      verdict: s(r[4]) as Evaluation['verdict'], tags: jn<NonNullable<Evaluation['tags']>>(r[5]), comment: sn(r[6])
    })
  )
  const calendar_days = rows(sqlite, 'SELECT date, kind FROM calendar_days').map(
    (r): CalendarDay => ({ type: 'calendar_day', date: s(r[0]), kind: s(r[1]) as CalendarDay['kind'] })
  )
  return { departments, officers, enterprises, items, list_entries, plans, tasks: [], evaluations, calendar_days, taskTable }
}

/** A builder with columns sized for the tasks to come: all of them, or about one share's. */
function tableBuilder(sqlite: Sqlite, selection: LoadSelection | undefined, departments: readonly Department[], enterprises: readonly Enterprise[]): TaskTableBuilder {
  return createTaskTableBuilder(lastById(departments), lastById(enterprises), parseIdArray, expectedTasks(sqlite, selection))
}

function expectedTasks(sqlite: Sqlite, selection: LoadSelection | undefined): number {
  if (selection && !('partition' in selection)) return selection.enterpriseIds.length * 16
  const [first, last] = rowidBounds(sqlite)
  const all = last - first + 1
  return selection ? Math.ceil((all / selection.partition.count) * 1.1) : all
}
