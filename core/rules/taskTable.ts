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
import { dayFromIso, type DayNumber } from '../calendar/days.ts'
import { present, timestampDay } from './values.ts'

/** A day column's value for "no such date" (absent or blank). Below every real day number. */
export const NO_DAY = -0x40000000

export type ListEntryFact = { entry: ListEntry; domain: Domain | null; from: DayNumber; to: DayNumber | null }

/** An enterprise as the tasks see it (known or only referenced): its interned index, site keys and list entries. */
export type EnterpriseFact = {
  id: string
  index: number
  record: Enterprise | undefined
  siteIds: string[]
  siteKeys: number[]
  /** Replaces the two arrays' linear search for an enterprise with many distinct sites. */
  siteMap: Map<string, number> | null
  /** WUGAN / NO_JOINT / WHITELIST entries of this enterprise, by id. */
  lists: Record<ListEntry['list'], ListEntryFact[]>
}

/** Departments by interned index: tasks' and plans' departments, known or only referenced. */
export type DepartmentIndex = {
  ids: string[]
  domains: (Domain | null)[]
  indexOf(id: string): number
}

/** Enterprises and their sites by interned index and site key. */
export type EnterpriseIndex = {
  list: EnterpriseFact[]
  factOf(id: string): EnterpriseFact
  siteKeyOf(e: EnterpriseFact, siteId: string): number
  /** The site id of each site key. */
  siteIds: string[]
}

/** Officers by interned index (visits name them). */
export type OfficerIndex = { ids: string[]; indexOf(id: string): number }

export type TaskTable = {
  count: number
  ids: string[]
  /** The code, or null when absent or blank. */
  codes: (string | null)[]
  /** Index into deptLists: department_ids without repeats, in their order ([0] is the lead, 牵头). */
  deptList: number[]
  deptLists: string[][]
  /** The lead department's interned index (departments.ids). */
  lead: number[]
  kind: number[]
  special: number[]
  mode: number[]
  status: number[]
  /** As given (the rules decide what blank means for each). */
  planIds: (string | null)[]
  planCodes: (string | null)[]
  triggerSources: (string | null)[]
  triggerRefs: (string | null)[]
  recheckOfs: (string | null)[]
  /** joint_declined_reason is given and not blank. */
  jointDeclined: boolean[]
  enterprise: number[]
  siteKey: number[]
  /** No site_id given: the site is the enterprise's first listed site. */
  siteDefaulted: boolean[]
  /** Index into itemLists: item_ids as given. */
  itemList: number[]
  itemLists: string[][]
  /** The day of code_applied_at (Asia/Shanghai), NO_DAY when absent or blank. */
  codeApplied: number[]
  /** Visits of task i: positions visitStart[i] … visitStart[i + 1] - 1 of the visit columns, in record order. */
  visitStart: number[]
  visits: VisitColumns
  departments: DepartmentIndex
  enterprises: EnterpriseIndex
  officers: OfficerIndex
}

export type VisitColumns = {
  date: number[]
  /** The day results were entered, NO_DAY when absent or blank. */
  entered: number[]
  /** Index into VISIT_OUTCOMES, -1 when absent. */
  outcome: number[]
  /** Officers of visit v: officers[officerStart[v]] … officers[officerStart[v + 1] - 1], interned, as listed. */
  officerStart: number[]
  officers: number[]
}

/** Position of a value in an enumeration (the records are validated: it is always there). */
function codeOf(values: readonly string[], value: string): number {
  const i = values.indexOf(value)
  if (i < 0) throw new RangeError(`未知取值 / unknown value: ${value}`)
  return i
}

export const kindName = (code: number): Task['kind'] => TASK_KINDS[code]!
export const specialName = (code: number): Task['special'] => TASK_SPECIALS[code]!
export const modeName = (code: number): Task['mode'] => TASK_MODES[code]!
export const outcomeName = (code: number): Visit['outcome'] => (code < 0 ? null : VISIT_OUTCOMES[code]!)

export const KIND = { PLANNED: codeOf(TASK_KINDS, 'PLANNED'), TRIGGERED: codeOf(TASK_KINDS, 'TRIGGERED') } as const
export const SPECIAL = {
  SURVEY: codeOf(TASK_SPECIALS, 'SURVEY'), EMERGENCY: codeOf(TASK_SPECIALS, 'EMERGENCY'), RECHECK: codeOf(TASK_SPECIALS, 'RECHECK')
} as const
export const MODE_ON_SITE = codeOf(TASK_MODES, 'ON_SITE')
export const STATUS_CANCELLED = codeOf(TASK_STATUSES, 'CANCELLED')

function departmentIndex(departments: ReadonlyMap<string, Department>): DepartmentIndex {
  const byId = new Map<string, number>()
  const ids: string[] = []
  const domains: (Domain | null)[] = []
  return {
    ids, domains,
    indexOf(id) {
      let i = byId.get(id)
      if (i === undefined) {
        byId.set(id, (i = ids.length))
        ids.push(id)
        domains.push(departments.get(id)?.domain ?? null)
      }
      return i
    }
  }
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
        e = { id, index: list.length, record: enterprises.get(id), siteIds: [], siteKeys: [], siteMap: null, lists: { WUGAN: [], NO_JOINT: [], WHITELIST: [] } }
        byId.set(id, e)
        list.push(e)
      }
      return e
    },
    siteKeyOf(e, siteId) {
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
      e.siteIds.push(siteId)
      e.siteKeys.push(key)
      if (e.siteIds.length > 16) e.siteMap = new Map(e.siteIds.map((id, j) => [id, e.siteKeys[j]!]))
      return key
    }
  }
}

function officerIndex(): OfficerIndex {
  const byId = new Map<string, number>()
  const ids: string[] = []
  return {
    ids,
    indexOf(id) {
      let i = byId.get(id)
      if (i === undefined) {
        byId.set(id, (i = ids.length))
        ids.push(id)
      }
      return i
    }
  }
}

/** One task's fields as the builder takes them: id lists as their JSON text (the database's form). */
export type TaskFields = {
  id: string
  code: string | null
  departmentIdsJson: string
  kind: string
  special: string
  planId: string | null
  planCode: string | null
  triggerSource: string | null
  triggerRef: string | null
  recheckOf: string | null
  enterpriseId: string
  siteId: string | null
  itemIdsJson: string
  mode: string
  codeAppliedAt: string | null
  jointDeclinedReason: string | null
  visits: readonly Visit[]
  status: string
}

export type TaskTableBuilder = {
  add(fields: TaskFields): void
  /** Interns an id list by its JSON text; `parse` runs once per distinct text. */
  readonly table: TaskTable
}

/**
 * The builder. Departments and enterprises are the input's records by id: a task's lead domain and
 * default site are read from them as it is added.
 */
export function createTaskTableBuilder(
  departments: ReadonlyMap<string, Department>, enterprises: ReadonlyMap<string, Enterprise>, parseIds: (json: string) => string[]
): TaskTableBuilder {
  const deptListByJson = new Map<string, number>()
  const itemListByJson = new Map<string, number>()
  const visits: VisitColumns = { date: [], entered: [], outcome: [], officerStart: [0], officers: [] }
  const table: TaskTable = {
    count: 0, ids: [], codes: [], deptList: [], deptLists: [], lead: [], kind: [], special: [], mode: [], status: [],
    planIds: [], planCodes: [], triggerSources: [], triggerRefs: [], recheckOfs: [], jointDeclined: [],
    enterprise: [], siteKey: [], siteDefaulted: [], itemList: [], itemLists: [], codeApplied: [],
    visitStart: [0], visits, departments: departmentIndex(departments), enterprises: enterpriseIndex(enterprises), officers: officerIndex()
  }
  const deptListOf = (json: string): number => {
    let i = deptListByJson.get(json)
    if (i === undefined) {
      const ids = parseIds(json)
      // Without repeats, in their order: the common one- and two-department lists need no Set.
      const unique = ids.length === 1 || (ids.length === 2 && ids[0] !== ids[1]) ? ids : [...new Set(ids)]
      deptListByJson.set(json, (i = table.deptLists.length))
      table.deptLists.push(unique)
    }
    return i
  }
  const itemListOf = (json: string): number => {
    let i = itemListByJson.get(json)
    if (i === undefined) {
      itemListByJson.set(json, (i = table.itemLists.length))
      table.itemLists.push(parseIds(json))
    }
    return i
  }
  const dayOrNone = (ts: string | null): number => (present(ts) === null ? NO_DAY : timestampDay(ts!))
  return {
    table,
    add(t) {
      const deptList = deptListOf(t.departmentIdsJson)
      const ent = table.enterprises.factOf(t.enterpriseId)
      const givenSite = present(t.siteId)
      const siteId = givenSite ?? ent.record?.sites[0]?.id ?? ''
      table.ids.push(t.id)
      table.codes.push(present(t.code))
      table.deptList.push(deptList)
      table.lead.push(table.departments.indexOf(table.deptLists[deptList]![0] ?? ''))
      table.kind.push(codeOf(TASK_KINDS, t.kind))
      table.special.push(codeOf(TASK_SPECIALS, t.special))
      table.mode.push(codeOf(TASK_MODES, t.mode))
      table.status.push(codeOf(TASK_STATUSES, t.status))
      table.planIds.push(t.planId)
      table.planCodes.push(t.planCode)
      table.triggerSources.push(t.triggerSource)
      table.triggerRefs.push(t.triggerRef)
      table.recheckOfs.push(t.recheckOf)
      table.jointDeclined.push(present(t.jointDeclinedReason) !== null)
      table.enterprise.push(ent.index)
      table.siteKey.push(table.enterprises.siteKeyOf(ent, siteId))
      table.siteDefaulted.push(givenSite === null)
      table.itemList.push(itemListOf(t.itemIdsJson))
      table.codeApplied.push(dayOrNone(t.codeAppliedAt))
      for (const v of t.visits) {
        visits.date.push(dayFromIso(v.date))
        visits.entered.push(dayOrNone(v.result_entered_at))
        visits.outcome.push(v.outcome === null ? -1 : codeOf(VISIT_OUTCOMES, v.outcome))
        for (const o of v.officer_ids) visits.officers.push(table.officers.indexOf(o))
        visits.officerStart.push(visits.officers.length)
      }
      table.visitStart.push(visits.date.length)
      table.count++
    }
  }
}

/** The table of interchange task records (already de-duplicated by the caller). */
export function tableFromRecords(
  tasks: readonly Task[], departments: ReadonlyMap<string, Department>, enterprises: ReadonlyMap<string, Enterprise>
): TaskTable {
  const builder = createTaskTableBuilder(departments, enterprises, (json) => JSON.parse(json) as string[])
  for (const t of tasks) {
    builder.add({
      id: t.id, code: t.code, departmentIdsJson: JSON.stringify(t.department_ids), kind: t.kind, special: t.special, planId: t.plan_id,
      planCode: t.plan_code, triggerSource: t.trigger_source, triggerRef: t.trigger_ref, recheckOf: t.recheck_of, enterpriseId: t.enterprise_id,
      siteId: t.site_id, itemIdsJson: JSON.stringify(t.item_ids), mode: t.mode, codeAppliedAt: t.code_applied_at,
      jointDeclinedReason: t.joint_declined_reason, visits: t.visits, status: t.status
    })
  }
  return builder.table
}
