// The tasks as columns (列式): one array per field, the values the rules read already decoded — ids of
// departments, enterprises, sites and officers interned to small integers, enumerations as codes,
// timestamps as day numbers, visits flattened into their own columns. Independent of as_of (the model,
// context.ts, derives what depends on it).
//
// Why columns: a million task records, each with its visits array and a wrapper of derived facts, are
// several million objects that the collector copies and traces again and again, scattered so that
// every rule's visit of a task misses the cache. Arrays of small integers are a handful of objects,
// read in order. Filled either from interchange records (tableFromRecords) or straight from database
// rows (load.ts), through the one builder below.
import type { Department, Enterprise, ListEntry, Task, Visit } from '../contract/records.ts'
import { TASK_KINDS, TASK_MODES, TASK_SPECIALS, TASK_STATUSES, VISIT_OUTCOMES } from '../contract/records.ts'
import type { Domain } from '../contract/scalars.ts'
import { dayFromIso, isoFromDay, type DayNumber } from '../calendar/days.ts'
import { present, timestampDay } from './values.ts'
import { scanVisits, type VisitSink } from './visitsScan.ts'

/** A day column's value for "no such date" (absent or blank). Below every real day number. */
export const NO_DAY = -0x40000000

export type ListEntryFact = { entry: ListEntry; domain: Domain | null; from: DayNumber; to: DayNumber | null }

/** An enterprise as the tasks see it (known or only referenced): its interned index, site keys and list entries. */
export type EnterpriseFact = {
  id: string
  index: number
  record: Enterprise | undefined
  /** The first site key handed out for it, held here as well: the common case needs no array. */
  firstSiteId: string | null
  firstSiteKey: number
  siteIds: string[]
  siteKeys: number[]
  /** Replaces the two arrays' linear search for an enterprise with many distinct sites. */
  siteMap: Map<string, number> | null
  /** WUGAN / NO_JOINT / WHITELIST entries of this enterprise, by id. */
  lists: Record<ListEntry['list'], ListEntryFact[]>
}

/** Ids interned to small integers: their position in `ids`, in order of first sight. */
export type IdIndex = { ids: string[]; indexOf(id: string): number }

/** Departments by interned index: tasks' and plans' departments, known or only referenced. */
export type DepartmentIndex = IdIndex & { domains: (Domain | null)[] }

/** Enterprises and their sites by interned index and site key. */
export type EnterpriseIndex = {
  list: EnterpriseFact[]
  factOf(id: string): EnterpriseFact
  siteKeyOf(e: EnterpriseFact, siteId: string): number
  /** The site id of each site key. */
  siteIds: string[]
}


export type TaskTable = {
  count: number
  ids: string[]
  /** The code, or null when absent or blank. */
  codes: (string | null)[]
  /** Index into deptLists: department_ids without repeats, in their order ([0] is the lead, 牵头). */
  deptList: Int32Array
  deptLists: string[][]
  /** The lead department's interned index (departments.ids). */
  lead: Int32Array
  kind: Uint8Array
  special: Uint8Array
  mode: Uint8Array
  status: Uint8Array
  /** As given (the rules decide what blank means for each). */
  planIds: (string | null)[]
  planCodes: (string | null)[]
  triggerSources: (string | null)[]
  triggerRefs: (string | null)[]
  recheckOfs: (string | null)[]
  /** joint_declined_reason is given and not blank. */
  jointDeclined: Uint8Array
  enterprise: Int32Array
  siteKey: Int32Array
  /** No site_id given: the site is the enterprise's first listed site. */
  siteDefaulted: Uint8Array
  /** Index into itemLists: item_ids as given. */
  itemList: Int32Array
  itemLists: string[][]
  /** The day of code_applied_at (Asia/Shanghai), NO_DAY when absent or blank. */
  codeApplied: Int32Array
  /** Visits of task i: positions visitStart[i] … visitStart[i + 1] - 1 of the visit columns, in record order. */
  visitStart: Int32Array
  visits: VisitColumns
  departments: DepartmentIndex
  enterprises: EnterpriseIndex
  /** Officers by interned index (visits name them). */
  officers: IdIndex
}

export type VisitColumns = {
  date: Int32Array
  /** The day results were entered, NO_DAY when absent or blank. */
  entered: Int32Array
  /** Index into VISIT_OUTCOMES, -1 when absent. */
  outcome: Int8Array
  /** Officers of visit v: officers[officerStart[v]] … officers[officerStart[v + 1] - 1], interned, as listed. */
  officerStart: Int32Array
  officers: Int32Array
}

/**
 * SQL giving a column's code: its position in the contract's list of values (NULL for any other value).
 * The database loader reads codes rather than strings: a million fewer strings per column.
 */
export function enumCodeSql(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`
}

export const TASK_ENUMS = { kind: TASK_KINDS, special: TASK_SPECIALS, mode: TASK_MODES, status: TASK_STATUSES } as const

/** Position of a value in an enumeration (the records are validated: it is always there). */
function codeOf(values: readonly string[], value: string): number {
  const i = values.indexOf(value)
  if (i < 0) throw new RangeError(`未知取值 / unknown value: ${value}`)
  return i
}

export const kindName = (code: number): Task['kind'] => TASK_KINDS[code]!
export const specialName = (code: number): Task['special'] => TASK_SPECIALS[code]!
export const modeName = (code: number): Task['mode'] => TASK_MODES[code]!

export const KIND = { PLANNED: codeOf(TASK_KINDS, 'PLANNED'), TRIGGERED: codeOf(TASK_KINDS, 'TRIGGERED') } as const
export const SPECIAL = {
  SURVEY: codeOf(TASK_SPECIALS, 'SURVEY'), EMERGENCY: codeOf(TASK_SPECIALS, 'EMERGENCY'), RECHECK: codeOf(TASK_SPECIALS, 'RECHECK')
} as const
export const MODE_ON_SITE = codeOf(TASK_MODES, 'ON_SITE')
export const STATUS_CANCELLED = codeOf(TASK_STATUSES, 'CANCELLED')

/** A new IdIndex; `onNew` hears of each id as it is first seen. */
function idIndex(onNew: (id: string) => void = () => undefined): IdIndex {
  const byId = new Map<string, number>()
  const ids: string[] = []
  return {
    ids,
    indexOf(id) {
      let i = byId.get(id)
      if (i === undefined) {
        byId.set(id, (i = ids.length))
        ids.push(id)
        onNew(id)
      }
      return i
    }
  }
}

function departmentIndex(departments: ReadonlyMap<string, Department>): DepartmentIndex {
  const domains: (Domain | null)[] = []
  return { ...idIndex((id) => domains.push(departments.get(id)?.domain ?? null)), domains }
}

function enterpriseIndex(enterprises: ReadonlyMap<string, Enterprise>): EnterpriseIndex {
  const byId = new Map<string, EnterpriseFact>()
  const list: EnterpriseFact[] = []
  const siteIds: string[] = []
  return {
    list, siteIds,
    factOf(id) {
      let e = byId.get(id)
      if (!e) {
        e = {
          id, index: list.length, record: enterprises.get(id), firstSiteId: null, firstSiteKey: -1, siteIds: [], siteKeys: [], siteMap: null,
          lists: { WUGAN: [], NO_JOINT: [], WHITELIST: [] }
        }
        byId.set(id, e)
        list.push(e)
      }
      return e
    },
    siteKeyOf(e, siteId) {
      // Most tasks of an enterprise are at its first site seen: one comparison, no array to fetch.
      if (e.firstSiteId === siteId) return e.firstSiteKey
      if (e.siteMap) {
        let key = e.siteMap.get(siteId)
        if (key === undefined) {
          e.siteMap.set(siteId, (key = siteIds.length))
          siteIds.push(siteId)
        }
        return key
      }
      const i = e.siteIds.indexOf(siteId)
      if (i >= 0) return e.siteKeys[i]!
      const key = siteIds.length
      siteIds.push(siteId)
      if (e.firstSiteId === null) {
        e.firstSiteId = siteId
        e.firstSiteKey = key
      }
      e.siteIds.push(siteId)
      e.siteKeys.push(key)
      if (e.siteIds.length > 16) e.siteMap = new Map(e.siteIds.map((id, j) => [id, e.siteKeys[j]!]))
      return key
    }
  }
}

/**
 * One task's fields as the builder takes them: id lists as their JSON text (the database's form),
 * enumerations as their codes (positions in the contract's lists, see enumCodeSql), the enterprise already
 * looked up (EnterpriseIndex.factOf, or by the database's row number).
 */
export type TaskFields = {
  id: string
  code: string | null
  departmentIdsJson: string
  kind: number
  special: number
  planId: string | null
  planCode: string | null
  triggerSource: string | null
  triggerRef: string | null
  recheckOf: string | null
  enterprise: EnterpriseFact
  siteId: string | null
  itemIdsJson: string
  mode: number
  codeAppliedAt: string | null
  jointDeclinedReason: string | null
  /** The records, or their JSON text as the database holds it. */
  visits: readonly Visit[] | string
  status: number
}

export type TaskTableBuilder = {
  add(fields: TaskFields): void
  /** The enterprises and their sites seen so far (for the caller's look-ups while adding). */
  readonly enterprises: EnterpriseIndex
  /** The table of the tasks added; the builder is not to be used afterwards. */
  finish(): TaskTable
}

type TypedArray = Int32Array | Uint8Array | Int8Array

/**
 * A column being filled: a typed array grown by doubling. Writing into a typed array is a store;
 * pushing onto a JavaScript array of a million numbers cost ten times as much here.
 */
class Column<A extends TypedArray> {
  data: A
  length = 0
  private readonly make: (capacity: number) => A
  constructor(make: (capacity: number) => A, capacity: number) {
    this.make = make
    this.data = make(Math.max(16, capacity))
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }
  done(): A {
    return this.data.subarray(0, this.length) as A
  }
}

/** A column of strings (or null), filled by index into a preallocated array. */
class StringColumn {
  data: (string | null)[]
  length = 0
  constructor(capacity: number) {
    this.data = new Array<string | null>(Math.max(16, capacity))
  }
  push(value: string | null): void {
    if (this.length === this.data.length) this.data.length *= 2
    this.data[this.length++] = value
  }
  done(): (string | null)[] {
    this.data.length = this.length
    return this.data
  }
}

const ints = (n: number) => new Int32Array(n)
const bytes = (n: number) => new Uint8Array(n)
const signedBytes = (n: number) => new Int8Array(n)

/**
 * The builder. Departments and enterprises are the input's records by id: a task's lead domain and
 * default site are read from them as it is added. `expectedTasks` sizes the columns (they grow past it).
 */
export function createTaskTableBuilder(
  departments: ReadonlyMap<string, Department>, enterprises: ReadonlyMap<string, Enterprise>, parseIds: (json: string) => string[], expectedTasks = 1024
): TaskTableBuilder {
  const deptListByJson = new Map<string, number>()
  const itemListByJson = new Map<string, number>()
  const deptLists: string[][] = []
  const itemLists: string[][] = []
  const departmentsIndex = departmentIndex(departments)
  const enterprisesIndex = enterpriseIndex(enterprises)
  const officers = idIndex()
  const n = expectedTasks
  const col = {
    ids: new StringColumn(n), codes: new StringColumn(n), deptList: new Column(ints, n), lead: new Column(ints, n),
    kind: new Column(bytes, n), special: new Column(bytes, n), mode: new Column(bytes, n), status: new Column(bytes, n),
    planIds: new StringColumn(n), planCodes: new StringColumn(n), triggerSources: new StringColumn(n), triggerRefs: new StringColumn(n),
    recheckOfs: new StringColumn(n), jointDeclined: new Column(bytes, n), enterprise: new Column(ints, n), siteKey: new Column(ints, n),
    siteDefaulted: new Column(bytes, n), itemList: new Column(ints, n), codeApplied: new Column(ints, n), visitStart: new Column(ints, n + 1)
  }
  const visitCol = {
    date: new Column(ints, n * 2), entered: new Column(ints, n * 2), outcome: new Column(signedBytes, n * 2),
    officerStart: new Column(ints, n * 2 + 1), officers: new Column(ints, n * 5)
  }
  col.visitStart.push(0)
  visitCol.officerStart.push(0)
  const deptListOf = (json: string): number => {
    let i = deptListByJson.get(json)
    if (i === undefined) {
      const ids = parseIds(json)
      // Without repeats, in their order: the common one- and two-department lists need no Set.
      const unique = ids.length === 1 || (ids.length === 2 && ids[0] !== ids[1]) ? ids : [...new Set(ids)]
      deptListByJson.set(json, (i = deptLists.length))
      deptLists.push(unique)
    }
    return i
  }
  /** The lead's interned index per department list. */
  const leadOfList: number[] = []
  const leadOf = (list: number): number => (leadOfList[list] ??= departmentsIndex.indexOf(deptLists[list]![0] ?? ''))
  const itemListOf = (json: string): number => {
    let i = itemListByJson.get(json)
    if (i === undefined) {
      itemListByJson.set(json, (i = itemLists.length))
      itemLists.push(parseIds(json))
    }
    return i
  }
  const dayOrNone = (ts: string | null): number => (present(ts) === null ? NO_DAY : timestampDay(ts!))
  const addVisits = (visits: readonly Visit[]): void => {
    for (const v of visits) {
      for (const o of v.officer_ids) visitCol.officers.push(officers.indexOf(o))
      visitSink.visit(dayFromIso(v.date), present(v.result_entered_at) === null ? null : timestampDay(v.result_entered_at!), v.outcome === null ? -1 : codeOf(VISIT_OUTCOMES, v.outcome))
    }
  }
  const visitSink: VisitSink = {
    mark: () => ({ visits: visitCol.date.length, officers: visitCol.officers.length }),
    undo(to) {
      for (const c of [visitCol.date, visitCol.entered, visitCol.outcome]) c.length = to.visits
      visitCol.officerStart.length = to.visits + 1
      visitCol.officers.length = to.officers
    },
    officer: (id) => visitCol.officers.push(officers.indexOf(id)),
    visit(date, entered, outcome) {
      visitCol.date.push(date)
      visitCol.entered.push(entered ?? NO_DAY)
      visitCol.outcome.push(outcome)
      visitCol.officerStart.push(visitCol.officers.length)
    }
  }
  let count = 0
  return {
    enterprises: enterprisesIndex,
    add(t) {
      const deptList = deptListOf(t.departmentIdsJson)
      const ent = t.enterprise
      const givenSite = present(t.siteId)
      const siteId = givenSite ?? ent.record?.sites[0]?.id ?? ''
      col.ids.push(t.id)
      col.codes.push(present(t.code))
      col.deptList.push(deptList)
      col.lead.push(leadOf(deptList))
      col.kind.push(t.kind)
      col.special.push(t.special)
      col.mode.push(t.mode)
      col.status.push(t.status)
      col.planIds.push(t.planId)
      col.planCodes.push(t.planCode)
      col.triggerSources.push(t.triggerSource)
      col.triggerRefs.push(t.triggerRef)
      col.recheckOfs.push(t.recheckOf)
      col.jointDeclined.push(present(t.jointDeclinedReason) !== null ? 1 : 0)
      col.enterprise.push(ent.index)
      col.siteKey.push(enterprisesIndex.siteKeyOf(ent, siteId))
      col.siteDefaulted.push(givenSite === null ? 1 : 0)
      col.itemList.push(itemListOf(t.itemIdsJson))
      col.codeApplied.push(dayOrNone(t.codeAppliedAt))
      if (typeof t.visits !== 'string') addVisits(t.visits)
      else if (!scanVisits(t.visits, visitSink)) addVisits(JSON.parse(t.visits) as Visit[])
      col.visitStart.push(visitCol.date.length)
      count++
    },
    finish() {
      return {
        count, ids: col.ids.done() as string[], codes: col.codes.done(), deptList: col.deptList.done(), deptLists, lead: col.lead.done(),
        kind: col.kind.done(), special: col.special.done(), mode: col.mode.done(), status: col.status.done(),
        planIds: col.planIds.done(), planCodes: col.planCodes.done(), triggerSources: col.triggerSources.done(), triggerRefs: col.triggerRefs.done(),
        recheckOfs: col.recheckOfs.done(), jointDeclined: col.jointDeclined.done(), enterprise: col.enterprise.done(), siteKey: col.siteKey.done(),
        siteDefaulted: col.siteDefaulted.done(), itemList: col.itemList.done(), itemLists, codeApplied: col.codeApplied.done(),
        visitStart: col.visitStart.done(),
        visits: {
          date: visitCol.date.done(), entered: visitCol.entered.done(), outcome: visitCol.outcome.done(),
          officerStart: visitCol.officerStart.done(), officers: visitCol.officers.done()
        },
        departments: departmentsIndex, enterprises: enterprisesIndex, officers
      }
    }
  }
}

/** The table of interchange task records (already de-duplicated by the caller). */
export function tableFromRecords(
  tasks: readonly Task[], departments: ReadonlyMap<string, Department>, enterprises: ReadonlyMap<string, Enterprise>
): TaskTable {
  const builder = createTaskTableBuilder(departments, enterprises, (json) => JSON.parse(json) as string[], tasks.length)
  for (const t of tasks) {
    builder.add({
      id: t.id, code: t.code, departmentIdsJson: JSON.stringify(t.department_ids), kind: codeOf(TASK_KINDS, t.kind), special: codeOf(TASK_SPECIALS, t.special),
      planId: t.plan_id, planCode: t.plan_code, triggerSource: t.trigger_source, triggerRef: t.trigger_ref, recheckOf: t.recheck_of,
      enterprise: builder.enterprises.factOf(t.enterprise_id), siteId: t.site_id, itemIdsJson: JSON.stringify(t.item_ids),
      mode: codeOf(TASK_MODES, t.mode), codeAppliedAt: t.code_applied_at, jointDeclinedReason: t.joint_declined_reason, visits: t.visits,
      status: codeOf(TASK_STATUSES, t.status)
    })
  }
  return builder.finish()
}

/**
 * The date of each wanted task's earliest visit, as the tasks table's first_visit_date holds it (every
 * visit, whatever as_of; null without visits), for the wanted tasks this table has: one pass over its ids.
 */
export function firstVisitDates(table: Pick<TaskTable, 'count' | 'ids' | 'visitStart' | 'visits'>, wanted: ReadonlySet<string>): Map<string, string | null> {
  const dates = new Map<string, string | null>()
  if (wanted.size === 0) return dates
  for (let i = 0; i < table.count; i++) {
    const id = table.ids[i]!
    if (!wanted.has(id)) continue
    let first = Infinity
    for (let v = table.visitStart[i]!, to = table.visitStart[i + 1]!; v < to; v++) first = Math.min(first, table.visits.date[v]!)
    dates.set(id, first === Infinity ? null : isoFromDay(first))
  }
  return dates
}
