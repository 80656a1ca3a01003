// The flags inbox store (问题线索): the last analysis's flags, keyed by their identity (rule + task ids
// + plan ids), and the officer's decisions, which live in their own table so they survive re-analysis.
import type { Sqlite } from '../../db/client.ts'
import { flagKey, type FlagRecord } from '../contract/flags.ts'

/** Which flags a run replaces: all of them, or only those about some enterprises and plans (incremental). */
export type FlagScope = { kind: 'all' } | { kind: 'subset'; enterpriseIds: readonly string[]; planIds: readonly string[] }

/** The dates flags are sorted by: a task's first_visit_date and a plan's window_from, as the tables hold them. */
type KnownDates = { tasks: ReadonlyMap<string, string | null>; plans: ReadonlyMap<string, string> }

/**
 * Task dates the caller already holds (an incremental run has its tasks loaded): first_visit_date by
 * task id, for those of `wanted` it knows. Ids it leaves out are read from the tasks table.
 */
export type TaskDateSource = (wanted: ReadonlySet<string>) => ReadonlyMap<string, string | null>

/**
 * The dates of the tasks and plans these flags name, read in two statements: one lookup per id costs
 * ten times as much (each statement call has its own overhead), and a full run names ~200,000 tasks.
 */
function readDates(sqlite: Sqlite, flags: readonly FlagRecord[], known: TaskDateSource | undefined): KnownDates {
  const taskIds = new Set<string>()
  const planIds = new Set<string>()
  for (const f of flags) {
    for (const id of f.task_ids) taskIds.add(id)
    if (f.task_ids.length === 0 && f.plan_ids[0] !== undefined) planIds.add(f.plan_ids[0])
  }
  const tasks = new Map(known?.(taskIds))
  for (const id of tasks.keys()) taskIds.delete(id)
  const pairs = (sql: string, ids: Set<string>) =>
    ids.size === 0 ? [] : (sqlite.prepare(sql).raw(true).all(JSON.stringify([...ids])) as [string, string | null][])
  for (const [id, date] of pairs('SELECT t.id, t.first_visit_date FROM json_each(?) j JOIN tasks t ON t.id = j.value', taskIds)) tasks.set(id, date)
  return {
    tasks,
    plans: new Map(pairs('SELECT p.id, p.window_from FROM json_each(?) j JOIN plans p ON p.id = j.value', planIds).flatMap(([id, from]) => (from === null ? [] : [[id, from] as const])))
  }
}

/** The date a flag is about: the latest inspection date of its tasks, else its plan's window start. */
function eventDateResolver(known: KnownDates): (flag: FlagRecord) => string | null {
  return (flag) => {
    let latest: string | null = null
    for (const id of flag.task_ids) {
      const d = known.tasks.get(id)
      if (d && (latest === null || d > latest)) latest = d
    }
    if (latest !== null) return latest
    const first = flag.plan_ids[0]
    return first ? (known.plans.get(first) ?? null) : null
  }
}

type FlagRow = [flagKey: string, rule: string, severity: string, taskIds: string, planIds: string, enterpriseId: string | null,
  departmentId: string | null, eventDate: string | null, evidence: string, message: string]

/** The columns a flag is stored as (without its run), in the order of FlagRow. */
function flagRow(flag: FlagRecord, eventDate: (flag: FlagRecord) => string | null): FlagRow {
  return [
    flagKey(flag), flag.rule, flag.severity, JSON.stringify(flag.task_ids), JSON.stringify(flag.plan_ids), flag.enterprise_id,
    flag.department_id, eventDate(flag), JSON.stringify(flag.evidence), flag.message
  ]
}

const FLAG_COLUMNS = 'flag_key, rule, severity, task_ids, plan_ids, enterprise_id, department_id, event_date, evidence, message'

/** The stored flags a subset run is responsible for: those of its enterprises, and plan-level flags of its plans. */
function storedSubset(sqlite: Sqlite, scope: Extract<FlagScope, { kind: 'subset' }>): Map<string, FlagRow> {
  const byEnterprise = sqlite.prepare(`SELECT ${FLAG_COLUMNS} FROM flags WHERE enterprise_id IN (SELECT value FROM json_each(?))`).raw(true)
  // Plan-level flags carry no enterprise: the enterprise index narrows the scan to them.
  const byPlan = sqlite
    .prepare(`SELECT ${FLAG_COLUMNS} FROM flags WHERE enterprise_id IS NULL AND task_ids = '[]'
      AND EXISTS (SELECT 1 FROM json_each(flags.plan_ids) p WHERE p.value IN (SELECT value FROM json_each(?)))`)
    .raw(true)
  const stored = new Map<string, FlagRow>()
  if (scope.enterpriseIds.length > 0) for (const r of byEnterprise.all(JSON.stringify(scope.enterpriseIds)) as FlagRow[]) stored.set(r[0], r)
  if (scope.planIds.length > 0) for (const r of byPlan.all(JSON.stringify(scope.planIds)) as FlagRow[]) stored.set(r[0], r)
  return stored
}

/**
 * Runs a bulk insert into `table` with its secondary indexes dropped, then builds them again from their
 * own definitions (sqlite_master): one sort per index instead of an index update per row, which for a
 * full run's ~100,000 flags and five indexes is the larger part of storing them. Call inside a
 * transaction: a failure rolls the indexes back with the rows.
 */
function withoutSecondaryIndexes(sqlite: Sqlite, table: string, insert: () => void): void {
  const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").raw(true).all(table) as [string, string][]
  for (const [name] of indexes) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`)
  insert()
  for (const [, sql] of indexes) sqlite.exec(sql)
}

const sameRow = (a: FlagRow, b: FlagRow): boolean => a.every((v, i) => v === b[i])

/** Every stored flag: what a full run is responsible for. */
function storedAll(sqlite: Sqlite): Map<string, FlagRow> {
  const stored = new Map<string, FlagRow>()
  for (const r of sqlite.prepare(`SELECT ${FLAG_COLUMNS} FROM flags`).raw(true).all() as FlagRow[]) stored.set(r[0], r)
  return stored
}

/**
 * Stores a run's flags in one transaction; returns how many flags the run wrote (new or changed).
 * The run's flags are compared with the stored ones it is responsible for (all of them for a full run;
 * those of its enterprises and plans for a subset run, i.e. incremental analysis), and only the
 * difference is written: from one day to the next, or after a small sync, almost all flags are
 * unchanged, and every row written costs a change to the table and each of its five indexes. When most
 * of a full run's flags are new (a first run, another rule pack), the table is refilled in bulk instead.
 * A flag's run_id is the run that last wrote it.
 */
export function replaceFlags(sqlite: Sqlite, flags: readonly FlagRecord[], runId: number, scope: FlagScope, taskDates?: TaskDateSource): number {
  const upsert = sqlite.prepare(
    `INSERT INTO flags (${FLAG_COLUMNS}, run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(flag_key) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, task_ids = excluded.task_ids,
       plan_ids = excluded.plan_ids, enterprise_id = excluded.enterprise_id, department_id = excluded.department_id,
       event_date = excluded.event_date, evidence = excluded.evidence, message = excluded.message, run_id = excluded.run_id`
  )
  const eventDate = eventDateResolver(readDates(sqlite, flags, taskDates))
  return sqlite.transaction(() => {
    const stored = scope.kind === 'all' ? storedAll(sqlite) : storedSubset(sqlite, scope)
    const rows = flags.map((f) => flagRow(f, eventDate))
    const changed: FlagRow[] = []
    for (const row of rows) {
      const before = stored.get(row[0])
      stored.delete(row[0])
      if (!(before && sameRow(before, row))) changed.push(row)
    }
    if (scope.kind === 'all' && changed.length > rows.length / 2) {
      sqlite.prepare('DELETE FROM flags').run()
      withoutSecondaryIndexes(sqlite, 'flags', () => {
        // Unchanged rows are written again too: the table was emptied.
        for (const row of rows) upsert.run(...row, runId)
      })
      return rows.length
    }
    const remove = sqlite.prepare('DELETE FROM flags WHERE flag_key = ?')
    for (const row of changed) upsert.run(...row, runId)
    // What is left of the stored flags was not found again: gone.
    for (const key of stored.keys()) remove.run(key)
    return changed.length
  })()
}
