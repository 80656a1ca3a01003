// The analysis model: the input records indexed once, with the derived facts every rule shares
// (rules-core-v1.md §Definitions): inspection date and last visit after as_of truncation, counted /
// planned on-site, site key, task order, resolved plan and cover, blank strings as absent. Dates are day
// numbers; groupings the rules need are built lazily, once, in task order, so no rule sorts anything.
// The tasks are columns (taskTable.ts); a TaskFact is a light view of one row of them.
import type { Department, Enterprise, Evaluation, Item, ListEntry, Officer, Plan } from '../contract/records.ts'
import type { Domain } from '../contract/scalars.ts'
import { NAME_LISTS, TASK_SPECIALS } from '../contract/records.ts'
import type { WorkingCalendar } from '../calendar/calendar.ts'
import { addMonths, dayFromIso, isoFromDay, type DayNumber } from '../calendar/days.ts'
import type { RulePack } from './pack.ts'
import type { LoadedInput } from './types.ts'
import {
  KIND, kindName, MODE_ON_SITE, modeName, NO_DAY, SPECIAL, specialName, STATUS_CANCELLED, tableFromRecords,
  type EnterpriseFact, type TaskTable, type VisitColumns
} from './taskTable.ts'
import { compareStrings, lastById, present, timestampDay } from './values.ts'

export { compareStrings, present, timestampDay } from './values.ts'
export type { EnterpriseFact, ListEntryFact } from './taskTable.ts'

/** Bits of TaskFacts.flags. */
const INSPECTION = 1
const ON_SITE = 2
const COUNTED = 4
const PLANNED = 8

/** What the model derives per task under as_of, in columns beside the table's. */
type Derived = {
  /** Earliest / latest visit on or before as_of (valid when there is one). */
  inspDay: Int32Array
  lastDay: Int32Array
  flags: Uint8Array
  /** Position in task order (inspection date, id); -1 when not an inspection. */
  rank: Int32Array
  // Memoised on first use: several rules ask.
  resolved: (PlanFact | null | undefined)[]
  /** -1 until computed, else 0 / 1. */
  covered: Int8Array
}

/**
 * One task as the rules see it: its record's fields and the facts derived from them, read from the
 * columns on demand. Only two references and an index: a million of them are cheap to keep.
 */
export class TaskFact {
  readonly t: TaskTable
  readonly d: Derived
  /** Row of the task in the table. */
  readonly i: number
  constructor(t: TaskTable, d: Derived, i: number) {
    this.t = t
    this.d = d
    this.i = i
  }
  get id(): string { return this.t.ids[this.i]! }
  get code(): string | null { return this.t.codes[this.i]! }
  /** department_ids without repeats, in their order; [0] is the lead (牵头). */
  get depts(): string[] { return this.t.deptLists[this.t.deptList[this.i]!]! }
  get lead(): string { return this.t.departments.ids[this.t.lead[this.i]!]! }
  /** The lead department, interned (for grouping without hashing its id again). */
  get leadIndex(): number { return this.t.lead[this.i]! }
  get leadDomain(): Domain | null { return this.t.departments.domains[this.t.lead[this.i]!]! }
  get ent(): EnterpriseFact { return this.t.enterprises.list[this.t.enterprise[this.i]!]! }
  /** The enterprise, interned (EnterpriseFact.index). */
  get entIndex(): number { return this.t.enterprise[this.i]! }
  /** The department list, interned: tasks with equal department_ids (deduplicated) share it. */
  get deptListIndex(): number { return this.t.deptList[this.i]! }
  get enterpriseId(): string { return this.ent.id }
  get enterprise(): Enterprise | undefined { return this.ent.record }
  /** site_id, or the enterprise's first listed site when absent ('' when the enterprise is unknown too). */
  get siteId(): string { return this.t.enterprises.siteIds[this.t.siteKey[this.i]!]! }
  get siteDefaulted(): boolean { return this.t.siteDefaulted[this.i] === 1 }
  /** Interned (enterprise_id, siteId): the site key. */
  get siteKey(): number { return this.t.siteKey[this.i]! }
  get inspection(): boolean { return (this.d.flags[this.i]! & INSPECTION) !== 0 }
  get inspDay(): DayNumber { return this.d.inspDay[this.i]! }
  get lastDay(): DayNumber { return this.d.lastDay[this.i]! }
  get onSite(): boolean { return (this.d.flags[this.i]! & ON_SITE) !== 0 }
  get counted(): boolean { return (this.d.flags[this.i]! & COUNTED) !== 0 }
  get planned(): boolean { return (this.d.flags[this.i]! & PLANNED) !== 0 }
  get rank(): number { return this.d.rank[this.i]! }
  get kind(): 'PLANNED' | 'TRIGGERED' { return kindName(this.t.kind[this.i]!) }
  get triggered(): boolean { return this.t.kind[this.i] === KIND.TRIGGERED }
  get special(): (typeof TASK_SPECIALS)[number] { return specialName(this.t.special[this.i]!) }
  get emergency(): boolean { return this.t.special[this.i] === SPECIAL.EMERGENCY }
  get survey(): boolean { return this.t.special[this.i] === SPECIAL.SURVEY }
  get recheck(): boolean { return this.t.special[this.i] === SPECIAL.RECHECK }
  get mode(): 'ON_SITE' | 'NON_SITE' { return modeName(this.t.mode[this.i]!) }
  get planId(): string | null { return this.t.planIds[this.i]! }
  get planCode(): string | null { return this.t.planCodes[this.i]! }
  get triggerSource(): string | null { return this.t.triggerSources[this.i]! }
  get triggerRef(): string | null { return this.t.triggerRefs[this.i]! }
  get recheckOf(): string | null { return this.t.recheckOfs[this.i]! }
  get itemIds(): string[] { return this.t.itemLists[this.t.itemList[this.i]!]! }
  /** joint_declined_reason is given (not blank). */
  get jointDeclined(): boolean { return this.t.jointDeclined[this.i] === 1 }
  /** Its visits are positions visitFrom … visitTo - 1 of the model's visit columns (all of them: compare dates with as_of). */
  get visitFrom(): number { return this.t.visitStart[this.i]! }
  get visitTo(): number { return this.t.visitStart[this.i + 1]! }
}

/** What a task's items are, as bits: computed once per task, read by several rules. */
export const ITEM_UNKNOWN = 1
export const ITEM_WUSHI = 2
export const ITEM_FIRE_MATTER = 4
/** An item whose domain is none of the task's (known) departments' domains. */
export const ITEM_OTHER_DOMAIN = 8

export type PlanFact = {
  plan: Plan
  id: string
  planCode: string | null
  filedDay: DayNumber | null
  publishedDay: DayNumber | null
  submittedDay: DayNumber | null
  windowFrom: DayNumber
  windowTo: DayNumber
  participants: string[]
  /** The plan department and participants, interned like the tasks' lead departments. */
  deptIndex: number
  participantIndexes: number[]
  /** Enterprises named in `targets`, or null when the plan names none. */
  targets: Set<string> | null
  /** Its status lets it cover a task (FILED, PUBLISHED). */
  statusCovers: boolean
  /** Its origin exempts covered tasks from the list rules (SUPERIOR). */
  originExempt: boolean
}

/**
 * Inspections grouped into runs: run r is facts[bounds[r]] … facts[bounds[r + 1] - 1], in task order.
 * Built by counting sorts on interned keys: no map of arrays, no sort with a comparator.
 */
export type Runs = { facts: TaskFact[]; bounds: Int32Array; count: number }
/** Runs of counted on-site inspections per (department, site key); depts[r] is run r's department. */
export type DeptSiteRuns = Runs & { depts: string[] }

export type AnalysisModel = {
  pack: RulePack
  asOf: string
  asOfDay: DayNumber
  calendar: WorkingCalendar
  tasks: TaskFact[]
  /**
   * The tasks with these ids (ids of no task are left out; tasks are de-duplicated: a later record with
   * the same id wins). Rules that follow references (evaluations' task_id, re-checks' recheck_of) ask
   * once, for just the ids they need: a small index is far cheaper than one of a million tasks.
   */
  indexTasks(ids: Iterable<string>): Map<string, TaskFact>
  /** Inspections in task order. */
  ordered: TaskFact[]
  departments: Map<string, Department>
  officers: Map<string, Officer>
  enterprises: Map<string, Enterprise>
  items: Map<string, Item>
  plans: PlanFact[]
  planById: Map<string, PlanFact>
  /** Evaluations dated on or before as_of. */
  evaluations: Evaluation[]
  /**
   * The enterprise has entries on this list (any dates). Read from a byte per enterprise: most tasks'
   * enterprises are on no list, and this answers without fetching the enterprise's fact.
   */
  onList(f: TaskFact, list: ListEntry['list']): boolean
  /** Every task's visits (TaskFact.visitFrom … visitTo); officers by their interned index in `officerIds`. */
  visits: VisitColumns
  officerIds: string[]
  /** The day visit v's results were entered, or null when absent, blank or after as_of. */
  visitEnteredDay(v: number): DayNumber | null
  domainOf(deptId: string): Domain | null
  /** `day + k months` under the pack's month mode. */
  plusMonths(day: DayNumber, k: number): DayNumber
  /** The N-th working day after `day` under the pack's counting convention. */
  plusWorkingDays(day: DayNumber, n: number): DayNumber
  /** A timestamp's day, or null when absent, blank or after as_of. */
  stampDay(ts: string | null): DayNumber | null
  codeAppliedDay(f: TaskFact): DayNumber | null
  /** The ITEM_* bits of the task's items. */
  itemBits(f: TaskFact): number
  resolvedPlan(f: TaskFact): PlanFact | null
  /** The resolved plan covers the task (false without one). */
  covered(f: TaskFact): boolean
  exemptByOrigin(f: TaskFact): boolean
  /** Counted on-site inspections per (department, site key), each department of a joint task counting. */
  deptSiteRuns(): DeptSiteRuns
  /** Inspections per site key. */
  siteRuns(): Runs
  /** Inspections per enterprise. */
  enterpriseRuns(): Runs
  siteLabel(f: TaskFact): string
}

export type ModelOptions = {
  /**
   * The caller guarantees that record ids are unique (the database loader: they are primary keys).
   * Skips de-duplicating a million task ids through a map, the costliest step of building the model.
   */
  idsUnique?: boolean
}

export function buildModel(input: LoadedInput, pack: RulePack, asOf: string, calendar: WorkingCalendar, options: ModelOptions = {}): AnalysisModel {
  const asOfDay = dayFromIso(asOf)
  const monthMode = pack.conventions.month_mode
  const countFrom = pack.conventions.wd_count_from
  // Small enumerations: arrays, because a Set would hash every (fresh, un-interned) string from SQLite.
  const coveringStatuses: readonly string[] = pack.definitions.covering_plan_statuses
  const exemptOrigins: readonly string[] = pack.definitions.exempt_plan_origins
  const excludedSpecial = TASK_SPECIALS.map((s) => (pack.definitions.counted_onsite_excluded_specials as readonly string[]).includes(s))

  const departments = lastById(input.departments)
  const officers = lastById(input.officers)
  const enterprises = lastById(input.enterprises)
  const items = lastById(input.items)
  const domainOf = (deptId: string): Domain | null => departments.get(deptId)?.domain ?? null

  const stampDay = (ts: string | null): DayNumber | null => {
    if (present(ts) === null) return null
    const day = timestampDay(ts as string)
    return day > asOfDay ? null : day
  }

  // Without a uniqueness guarantee, a later record with the same id replaces the earlier one (interchange-v1 upsert).
  const idsUnique = options.idsUnique === true
  const table = input.taskTable ?? tableFromRecords(idsUnique ? input.tasks : [...lastById(input.tasks).values()], departments, enterprises)
  const deptIndex = table.departments
  const entIndex = table.enterprises

  for (const le of lastById(input.list_entries).values()) {
    entIndex.factOf(le.enterprise_id).lists[le.list].push({ entry: le, domain: le.domain, from: dayFromIso(le.from), to: le.to === null ? null : dayFromIso(le.to) })
  }
  for (const e of entIndex.list) for (const list of Object.values(e.lists)) if (list.length > 1) list.sort((a, b) => compareStrings(a.entry.id, b.entry.id))
  const listBits = new Uint8Array(entIndex.list.length)
  for (const e of entIndex.list) listBits[e.index] = NAME_LISTS.reduce((bits, list, k) => (e.lists[list].length > 0 ? bits | (1 << k) : bits), 0)

  // What as_of decides per task: the visits that count, hence inspection date, last visit, and the flags.
  const n = table.count
  const derived: Derived = {
    inspDay: new Int32Array(n), lastDay: new Int32Array(n), flags: new Uint8Array(n), rank: new Int32Array(n).fill(-1),
    resolved: new Array<PlanFact | null | undefined>(n).fill(undefined), covered: new Int8Array(n).fill(-1)
  }
  const visitDay = table.visits.date
  const visitStart = table.visitStart
  let minDay = Infinity
  let maxDay = -Infinity
  let inspectionCount = 0
  for (let i = 0; i < n; i++) {
    let first = Infinity
    let last = -Infinity
    for (let v = visitStart[i]!, to = visitStart[i + 1]!; v < to; v++) {
      const d = visitDay[v]!
      if (d > asOfDay) continue
      if (d < first) first = d
      if (d > last) last = d
    }
    if (first === Infinity) continue
    derived.inspDay[i] = first
    derived.lastDay[i] = last
    if (table.status[i] === STATUS_CANCELLED) continue
    if (first < minDay) minDay = first
    if (first > maxDay) maxDay = first
    inspectionCount++
    let flags = INSPECTION
    if (table.mode[i] === MODE_ON_SITE) {
      flags |= ON_SITE
      if (!excludedSpecial[table.special[i]!]) flags |= table.kind[i] === KIND.PLANNED ? COUNTED | PLANNED : COUNTED
    }
    derived.flags[i] = flags
  }
  const tasks: TaskFact[] = new Array<TaskFact>(n)
  for (let i = 0; i < n; i++) tasks[i] = new TaskFact(table, derived, i)

  // Task order (inspection date, id): bucket by day (linear), then sort each day's few ids.
  const ordered: TaskFact[] = new Array<TaskFact>(inspectionCount)
  if (inspectionCount > 0) {
    const span = maxDay - minDay + 1
    const starts = new Int32Array(span + 1)
    for (let i = 0; i < n; i++) if ((derived.flags[i]! & INSPECTION) !== 0) starts[derived.inspDay[i]! - minDay + 1]!++
    for (let d = 1; d <= span; d++) starts[d]! += starts[d - 1]!
    const fill = starts.slice(0, span)
    for (let i = 0; i < n; i++) if ((derived.flags[i]! & INSPECTION) !== 0) ordered[fill[derived.inspDay[i]! - minDay]!++] = tasks[i]!
    const ids = table.ids
    for (let d = 0; d < span; d++) {
      const from = starts[d]!
      const to = starts[d + 1]!
      let sorted = true
      for (let k = from + 1; k < to && sorted; k++) sorted = ids[ordered[k - 1]!.i]! <= ids[ordered[k]!.i]!
      if (!sorted) {
        const bucket = ordered.slice(from, to).sort((a, b) => compareStrings(ids[a.i]!, ids[b.i]!))
        for (let k = 0; k < bucket.length; k++) ordered[from + k] = bucket[k]!
      }
    }
    for (let r = 0; r < ordered.length; r++) derived.rank[ordered[r]!.i] = r
  }
  // Group keys by rank, so building the groups reads these arrays rather than the facts.
  const siteByRank = new Int32Array(ordered.length)
  const entByRank = new Int32Array(ordered.length)
  for (let r = 0; r < ordered.length; r++) {
    const i = ordered[r]!.i
    siteByRank[r] = table.siteKey[i]!
    entByRank[r] = table.enterprise[i]!
  }

  // Plans: by id, and by plan_code in id order (for "the smallest id").
  const plans: PlanFact[] = []
  const planById = new Map<string, PlanFact>()
  const plansByCode = new Map<string, PlanFact[]>()
  for (const plan of lastById(input.plans).values()) {
    const targets = plan.targets && plan.targets.length > 0 ? new Set(plan.targets.map((t) => t.enterprise_id)) : null
    const fact: PlanFact = {
      plan, id: plan.id, planCode: present(plan.plan_code),
      filedDay: stampDay(plan.filed_at), publishedDay: stampDay(plan.published_at), submittedDay: stampDay(plan.submitted_at),
      windowFrom: dayFromIso(plan.window_from), windowTo: dayFromIso(plan.window_to),
      participants: plan.participant_department_ids ?? [], targets,
      deptIndex: deptIndex.indexOf(plan.department_id), participantIndexes: (plan.participant_department_ids ?? []).map((d) => deptIndex.indexOf(d)),
      statusCovers: coveringStatuses.includes(plan.status), originExempt: exemptOrigins.includes(plan.origin)
    }
    plans.push(fact)
    planById.set(plan.id, fact)
    if (fact.planCode !== null) {
      const list = plansByCode.get(fact.planCode)
      if (list) list.push(fact)
      else plansByCode.set(fact.planCode, [fact])
    }
  }
  for (const list of plansByCode.values()) list.sort((a, b) => compareStrings(a.id, b.id))

  const planCovers = (p: PlanFact, f: TaskFact): boolean =>
    f.inspection &&
    p.statusCovers &&
    p.filedDay !== null && p.filedDay <= f.inspDay &&
    p.windowFrom <= f.inspDay && f.inspDay <= p.windowTo &&
    (p.deptIndex === f.leadIndex || p.participantIndexes.includes(f.leadIndex)) &&
    (p.targets === null || p.targets.has(f.enterpriseId))

  const resolvedPlan = (f: TaskFact): PlanFact | null => {
    const known = derived.resolved[f.i]
    if (known !== undefined) return known
    let found: PlanFact | null = null
    const planId = present(f.planId)
    const byId = planId !== null ? planById.get(planId) : undefined
    if (byId) found = byId
    else {
      const code = present(f.planCode)
      const candidates = code !== null ? plansByCode.get(code) : undefined
      if (candidates && candidates.length > 0) found = candidates.find((p) => planCovers(p, f)) ?? candidates[0]!
    }
    derived.resolved[f.i] = found
    return found
  }
  const covered = (f: TaskFact): boolean => {
    let c = derived.covered[f.i]!
    if (c < 0) {
      const p = resolvedPlan(f)
      derived.covered[f.i] = c = p !== null && planCovers(p, f) ? 1 : 0
    }
    return c === 1
  }

  const evaluations = (idsUnique ? input.evaluations : [...lastById(input.evaluations).values()]).filter((e) => timestampDay(e.submitted_at) <= asOfDay)

  // Runs by a small integer key, stable in task order (counting sort).
  const runsBy = (facts: TaskFact[], keys: Int32Array, keyCount: number): Runs => {
    const starts = new Int32Array(keyCount + 1)
    for (let i = 0; i < facts.length; i++) starts[keys[i]! + 1]!++
    for (let k = 1; k <= keyCount; k++) starts[k]! += starts[k - 1]!
    const fill = starts.slice(0, keyCount)
    const out: TaskFact[] = new Array<TaskFact>(facts.length)
    for (let i = 0; i < facts.length; i++) out[fill[keys[i]!]!++] = facts[i]!
    const bounds: number[] = []
    for (let k = 0; k < keyCount; k++) if (starts[k + 1]! > starts[k]!) bounds.push(starts[k]!)
    bounds.push(facts.length)
    return { facts: out, bounds: Int32Array.from(bounds), count: bounds.length - 1 }
  }
  const lazy = <T>(build: () => T): (() => T) => {
    let value: T | undefined
    return () => (value ??= build())
  }

  const siteRuns = lazy(() => runsBy(ordered, siteByRank, entIndex.siteIds.length))
  const enterpriseRuns = lazy(() => runsBy(ordered, entByRank, entIndex.list.length))
  const deptSiteRuns = lazy((): DeptSiteRuns => {
    // One entry per (counted inspection, department), in task order; then two stable counting sorts
    // (by department, then by site) leave them grouped by (site, department) and in task order.
    let count = 0
    // Indexed loops over the million facts: a for…of here allocates an iterator result per step until optimised.
    for (let o = 0; o < ordered.length; o++) if (ordered[o]!.counted) count += ordered[o]!.depts.length
    // Entries as typed arrays (the task's row, the department's index): a million pushes onto
    // JavaScript arrays cost more than the whole grouping.
    const entryRows = new Int32Array(count)
    const entryDepts = new Int32Array(count)
    let k = 0
    for (let o = 0; o < ordered.length; o++) {
      const f = ordered[o]!
      if (!f.counted) continue
      entryRows[k] = f.i
      entryDepts[k++] = f.leadIndex
      const depts = f.depts
      for (let j = 1; j < depts.length; j++) {
        entryRows[k] = f.i
        entryDepts[k++] = deptIndex.indexOf(depts[j]!)
      }
    }
    const deptNames = deptIndex.ids
    const byDept = stableOrder(entryDepts, deptNames.length)
    const sites = new Int32Array(count)
    for (let e = 0; e < count; e++) sites[e] = table.siteKey[entryRows[byDept[e]!]!]!
    const bySite = stableOrder(sites, entIndex.siteIds.length)
    const facts: TaskFact[] = new Array<TaskFact>(count)
    const depts: string[] = []
    const bounds: number[] = []
    let prevSite = -1
    let prevDept = -1
    for (let e = 0; e < count; e++) {
      const entry = byDept[bySite[e]!]!
      const row = entryRows[entry]!
      facts[e] = tasks[row]!
      const di = entryDepts[entry]!
      const site = table.siteKey[row]!
      if (site !== prevSite || di !== prevDept) {
        bounds.push(e)
        depts.push(deptNames[di]!)
        prevSite = site
        prevDept = di
      }
    }
    bounds.push(count)
    return { facts, bounds: Int32Array.from(bounds), count: depts.length, depts }
  })

  const itemBitsOf = (itemIds: readonly string[], depts: readonly string[]): number => {
    let bits = 0
    for (const id of itemIds) {
      const item = items.get(id)
      if (!item) {
        bits |= ITEM_UNKNOWN
        continue
      }
      if (item.list === 'WUSHI') bits |= ITEM_WUSHI
      if (item.fire_matter === true) bits |= ITEM_FIRE_MATTER
      let known = false
      let same = false
      for (const d of depts) {
        const dd = deptIndex.domains[deptIndex.indexOf(d)]!
        if (dd !== null) known = true
        if (dd === item.domain) same = true
      }
      if (known && !same) bits |= ITEM_OTHER_DOMAIN
    }
    return bits
  }
  const itemBitsByPair = new Map<number, number>()

  // No map of every task: one pass compares each task id with the (few) wanted ones.
  const indexTasks = (ids: Iterable<string>): Map<string, TaskFact> => {
    const index = new Map<string, TaskFact>()
    const wanted = new Set(ids)
    if (wanted.size > 0) {
      const all = table.ids
      for (let i = 0; i < n; i++) if (wanted.has(all[i]!)) index.set(all[i]!, tasks[i]!)
    }
    return index
  }

  return {
    pack, asOf, asOfDay, calendar, tasks, indexTasks, ordered, departments, officers, enterprises, items, plans, planById,
    evaluations, visits: table.visits, officerIds: table.officers.ids, domainOf,
    onList: (f, list) => (listBits[f.entIndex]! & (1 << NAME_LISTS.indexOf(list))) !== 0,
    plusMonths: (day, k) => addMonths(day, k, monthMode),
    plusWorkingDays: (day, k) => calendar.addWorkingDaysToDay(day, k, countFrom),
    stampDay,
    visitEnteredDay: (v) => {
      const day = table.visits.entered[v]!
      return day === NO_DAY || day > asOfDay ? null : day
    },
    codeAppliedDay: (f) => {
      const day = table.codeApplied[f.i]!
      return day === NO_DAY || day > asOfDay ? null : day
    },
    itemBits: (f) => {
      // The bits depend on the task's item list and department list alone: worked out once per pair.
      const pair = table.itemList[f.i]! * table.deptLists.length + table.deptList[f.i]!
      let bits = itemBitsByPair.get(pair)
      if (bits === undefined) itemBitsByPair.set(pair, (bits = itemBitsOf(f.itemIds, f.depts)))
      return bits
    },
    resolvedPlan,
    covered,
    exemptByOrigin: (f) => covered(f) && resolvedPlan(f)!.originExempt,
    deptSiteRuns,
    siteRuns,
    enterpriseRuns,
    siteLabel: (f) => {
      const site = f.enterprise?.sites.find((s) => s.id === f.siteId)
      const where = site ? (site.address.trim() !== '' ? site.address : site.id) : f.siteId || '未知场所'
      return f.siteDefaulted ? `${where}，任务未填场所，按首个经营场所计` : where
    }
  }
}

/** The positions of `keys` in a stable order by key (counting sort). */
function stableOrder(keys: Int32Array, keyCount: number): Int32Array {
  const fill = new Int32Array(keyCount + 1)
  for (let i = 0; i < keys.length; i++) fill[keys[i]! + 1]!++
  for (let k = 1; k <= keyCount; k++) fill[k]! += fill[k - 1]!
  const order = new Int32Array(keys.length)
  for (let i = 0; i < keys.length; i++) order[fill[keys[i]!]!++] = i
  return order
}

/** Day numbers back to 'YYYY-MM-DD' for evidence. */
export const iso = isoFromDay
