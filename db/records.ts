// The mapping between interchange records (core/contract/records.ts) and rows of the central tables,
// with fast prepared-statement upserts and loaders. The importer, the export, the demo generator,
// the sync client and the rule engine's loader all go through here, so a record round-trips exactly.
import type {
  CalendarDay, Department, Enterprise, Evaluation, InterchangeRecord, Item, ListEntry, Officer, Plan, RecordType, Task
} from '../core/contract/records.ts'
import type { Sqlite } from './client.ts'

export type Scalar = string | number | null
type RecordOf<T extends RecordType> = Extract<InterchangeRecord, { type: T }>

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v))
const bool = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0)

type TableMapping<T extends RecordType> = {
  table: string
  key: string
  columns: readonly string[]
  toRow: (r: RecordOf<T>) => Scalar[]
}

function earliestVisitDate(task: Task): string | null {
  let min: string | null = null
  for (const v of task.visits) if (min === null || v.date < min) min = v.date
  return min
}

export const TABLE_MAPPINGS: { [T in RecordType]: TableMapping<T> } = {
  department: {
    table: 'departments', key: 'id', columns: ['id', 'name', 'domain', 'level', 'district_code'],
    toRow: (r: Department) => [r.id, r.name, r.domain, r.level, r.district_code]
  },
  officer: {
    table: 'officers', key: 'id', columns: ['id', 'name', 'department_id', 'role', 'cert_no', 'cert_valid_until'],
    toRow: (r: Officer) => [r.id, r.name, r.department_id, r.role, r.cert_no, r.cert_valid_until]
  },
  enterprise: {
    table: 'enterprises', key: 'id',
    columns: ['id', 'name', 'district_code', 'industry', 'sites', 'grades', 'fire_key_unit', 'crowded_place', 'in_library_since'],
    toRow: (r: Enterprise) => [
      r.id, r.name, r.district_code, r.industry, JSON.stringify(r.sites), json(r.grades), bool(r.fire_key_unit),
      bool(r.crowded_place), r.in_library_since
    ]
  },
  item: {
    table: 'items', key: 'id', columns: ['id', 'name', 'domain', 'list', 'legal_basis', 'fire_matter'],
    toRow: (r: Item) => [r.id, r.name, r.domain, r.list, r.legal_basis, bool(r.fire_matter)]
  },
  list_entry: {
    table: 'list_entries', key: 'id', columns: ['id', 'list', 'domain', 'enterprise_id', 'from_date', 'to_date'],
    toRow: (r: ListEntry) => [r.id, r.list, r.domain, r.enterprise_id, r.from, r.to]
  },
  plan: {
    table: 'plans', key: 'id',
    columns: [
      'id', 'plan_code', 'department_id', 'participant_department_ids', 'title', 'plan_type', 'origin', 'year',
      'window_from', 'window_to', 'item_ids', 'targets', 'scope', 'sampling_ratio', 'method', 'frequency',
      'legal_basis', 'status', 'submitted_at', 'filed_at', 'published_at'
    ],
    toRow: (r: Plan) => [
      r.id, r.plan_code, r.department_id, json(r.participant_department_ids), r.title, r.plan_type, r.origin, r.year,
      r.window_from, r.window_to, JSON.stringify(r.item_ids), json(r.targets), r.scope, r.sampling_ratio, r.method,
      r.frequency, r.legal_basis, r.status, r.submitted_at, r.filed_at, r.published_at
    ]
  },
  task: {
    table: 'tasks', key: 'id',
    columns: [
      'id', 'code', 'department_ids', 'lead_department_id', 'kind', 'special', 'plan_id', 'plan_code', 'trigger_source',
      'trigger_ref', 'recheck_of', 'enterprise_id', 'site_id', 'item_ids', 'mode', 'code_applied_at',
      'joint_declined_reason', 'visits', 'status', 'first_visit_date'
    ],
    toRow: (r: Task) => [
      r.id, r.code, JSON.stringify(r.department_ids), r.department_ids[0] ?? '', r.kind, r.special, r.plan_id, r.plan_code,
      r.trigger_source, r.trigger_ref, r.recheck_of, r.enterprise_id, r.site_id, JSON.stringify(r.item_ids), r.mode,
      r.code_applied_at, r.joint_declined_reason, JSON.stringify(r.visits), r.status, earliestVisitDate(r)
    ]
  },
  evaluation: {
    table: 'evaluations', key: 'id',
    columns: ['id', 'task_id', 'department_id', 'submitted_at', 'verdict', 'tags', 'comment'],
    toRow: (r: Evaluation) => [r.id, r.task_id, r.department_id, r.submitted_at, r.verdict, json(r.tags), r.comment]
  },
  calendar_day: {
    table: 'calendar_days', key: 'date', columns: ['date', 'kind'],
    toRow: (r: CalendarDay) => [r.date, r.kind]
  }
}

/**
 * Upsert statement: inserts, or updates only when some column differs, so re-importing the same
 * records changes nothing (not even `seq`, which drives incremental analysis). Returns changes = 0
 * for an unchanged record.
 */
function upsertSql(m: TableMapping<RecordType>): string {
  const cols = [...m.columns, 'seq']
  const placeholders = cols.map(() => '?').join(', ')
  const data = m.columns.filter((c) => c !== m.key)
  const set = [...data, 'seq'].map((c) => `${c} = excluded.${c}`).join(', ')
  const differs = data.length === 0 ? '0' : `(${data.map((c) => `${m.table}.${c}`).join(', ')}) IS NOT (${data.map((c) => `excluded.${c}`).join(', ')})`
  return `INSERT INTO ${m.table} (${cols.join(', ')}) VALUES (${placeholders}) ON CONFLICT(${m.key}) DO UPDATE SET ${set} WHERE ${differs}`
}

/** The row of a record's table (columns in `TABLE_MAPPINGS[type].columns` order, without `seq`). */
export function recordToRow(record: InterchangeRecord): Scalar[] {
  const m = TABLE_MAPPINGS[record.type] as TableMapping<RecordType>
  return m.toRow(record as RecordOf<RecordType>)
}

export type RecordWriter = {
  /** Upserts one record; true when the row was inserted or changed. */
  write(record: InterchangeRecord): boolean
  /**
   * Upserts a row already built by `TABLE_MAPPINGS[type].toRow` (the importer builds rows in a worker
   * thread and only writes them here); `row` gets the batch seq appended. True when inserted or changed.
   */
  writeRow(type: RecordType, row: Scalar[]): boolean
  /** Removes a central record (sync `deleted`); true when a row was removed. */
  remove(type: RecordType, id: string): boolean
}

/** Prepared upserts for every record type, stamping changed rows with batch `seq`. Call inside a transaction. */
export function createRecordWriter(sqlite: Sqlite, seq: number): RecordWriter {
  const statements = new Map<RecordType, { upsert: ReturnType<Sqlite['prepare']>; remove: ReturnType<Sqlite['prepare']> }>()
  const get = (type: RecordType) => {
    let s = statements.get(type)
    if (!s) {
      const m = TABLE_MAPPINGS[type] as TableMapping<RecordType>
      s = { upsert: sqlite.prepare(upsertSql(m)), remove: sqlite.prepare(`DELETE FROM ${m.table} WHERE ${m.key} = ?`) }
      statements.set(type, s)
    }
    return s
  }
  return {
    write(record) {
      const row = recordToRow(record)
      row.push(seq)
      return get(record.type).upsert.run(row).changes > 0
    },
    writeRow(type, row) {
      row.push(seq)
      return get(type).upsert.run(row).changes > 0
    },
    remove(type, id) {
      return get(type).remove.run(id).changes > 0
    }
  }
}

// ---- rows back to records -------------------------------------------------------------------------

type Row = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''))
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null)
const boolOrNull = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === 1 || v === true)
const parsed = <T>(v: unknown): T => JSON.parse(str(v)) as T
const parsedOrNull = <T>(v: unknown): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : null)

/** Rebuilds the interchange record from a row of its table (`SELECT *`). */
export const ROW_TO_RECORD: { [T in RecordType]: (row: Row) => RecordOf<T> } = {
  department: (r) => ({ type: 'department', id: str(r.id), name: str(r.name), domain: str(r.domain) as Department['domain'], level: str(r.level) as Department['level'], district_code: str(r.district_code) }),
  officer: (r) => ({ type: 'officer', id: str(r.id), name: str(r.name), department_id: str(r.department_id), role: str(r.role) as Officer['role'], cert_no: strOrNull(r.cert_no), cert_valid_until: strOrNull(r.cert_valid_until) }),
  enterprise: (r) => ({
    type: 'enterprise', id: str(r.id), name: str(r.name), district_code: str(r.district_code), industry: strOrNull(r.industry),
    sites: parsed<Enterprise['sites']>(r.sites), grades: parsedOrNull<NonNullable<Enterprise['grades']>>(r.grades),
    fire_key_unit: boolOrNull(r.fire_key_unit), crowded_place: boolOrNull(r.crowded_place), in_library_since: strOrNull(r.in_library_since)
  }),
  item: (r) => ({ type: 'item', id: str(r.id), name: str(r.name), domain: str(r.domain) as Item['domain'], list: str(r.list) as Item['list'], legal_basis: strOrNull(r.legal_basis), fire_matter: boolOrNull(r.fire_matter) }),
  list_entry: (r) => ({ type: 'list_entry', id: str(r.id), list: str(r.list) as ListEntry['list'], domain: strOrNull(r.domain) as ListEntry['domain'], enterprise_id: str(r.enterprise_id), from: str(r.from_date), to: strOrNull(r.to_date) }),
  plan: (r) => ({
    type: 'plan', id: str(r.id), plan_code: strOrNull(r.plan_code), department_id: str(r.department_id),
    participant_department_ids: parsedOrNull<string[]>(r.participant_department_ids), title: str(r.title),
    plan_type: str(r.plan_type) as Plan['plan_type'], origin: str(r.origin) as Plan['origin'], year: Number(r.year),
    window_from: str(r.window_from), window_to: str(r.window_to), item_ids: parsed<string[]>(r.item_ids),
    targets: parsedOrNull<NonNullable<Plan['targets']>>(r.targets), scope: strOrNull(r.scope), sampling_ratio: numOrNull(r.sampling_ratio),
    method: strOrNull(r.method), frequency: strOrNull(r.frequency), legal_basis: strOrNull(r.legal_basis),
    status: str(r.status) as Plan['status'], submitted_at: strOrNull(r.submitted_at), filed_at: strOrNull(r.filed_at), published_at: strOrNull(r.published_at)
  }),
  task: (r) => ({
    type: 'task', id: str(r.id), code: strOrNull(r.code), department_ids: parsed<string[]>(r.department_ids),
    kind: str(r.kind) as Task['kind'], special: str(r.special) as Task['special'], plan_id: strOrNull(r.plan_id), plan_code: strOrNull(r.plan_code),
    trigger_source: strOrNull(r.trigger_source) as Task['trigger_source'], trigger_ref: strOrNull(r.trigger_ref), recheck_of: strOrNull(r.recheck_of),
    enterprise_id: str(r.enterprise_id), site_id: strOrNull(r.site_id), item_ids: parsed<string[]>(r.item_ids), mode: str(r.mode) as Task['mode'],
    code_applied_at: strOrNull(r.code_applied_at), joint_declined_reason: strOrNull(r.joint_declined_reason),
    visits: parsed<Task['visits']>(r.visits), status: str(r.status) as Task['status']
  }),
  evaluation: (r) => ({ type: 'evaluation', id: str(r.id), task_id: str(r.task_id), department_id: strOrNull(r.department_id), submitted_at: str(r.submitted_at), verdict: str(r.verdict) as Evaluation['verdict'], tags: parsedOrNull<NonNullable<Evaluation['tags']>>(r.tags), comment: strOrNull(r.comment) }),
  calendar_day: (r) => ({ type: 'calendar_day', date: str(r.date), kind: str(r.kind) as CalendarDay['kind'] })
}

/** Every record of one type, in key order, streamed (no full materialisation). */
export function* iterateRecords<T extends RecordType>(sqlite: Sqlite, type: T): Generator<RecordOf<T>> {
  const m = TABLE_MAPPINGS[type]
  const toRecord = ROW_TO_RECORD[type]
  const stmt = sqlite.prepare(`SELECT ${m.columns.join(', ')} FROM ${m.table} ORDER BY ${m.key}`)
  for (const row of stmt.iterate()) yield toRecord(row as Row)
}

/** The highest batch seq present in the central tables (0 for an empty database). */
export function centralSeq(sqlite: Sqlite): number {
  const parts = Object.values(TABLE_MAPPINGS).map((m) => `SELECT max(seq) AS s FROM ${m.table}`)
  const v = sqlite.prepare(`SELECT max(s) FROM (${parts.join(' UNION ALL ')})`).pluck().get()
  return typeof v === 'number' ? v : 0
}
