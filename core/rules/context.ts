// The analysis model: the input records indexed once, with the derived facts every rule shares
// (rules-core-v1.md §Definitions): inspection date and last visit after as_of truncation, counted /
// planned on-site, site key, task order, resolved plan and cover, blank strings as absent. Dates are day
// numbers; groupings the rules need are built lazily, once, in task order, so no rule sorts anything.
import type { Department, Enterprise, Evaluation, Item, ListEntry, Officer, Plan, Task, Visit } from '../contract/records.ts'
import type { Domain } from '../contract/scalars.ts'
import { shanghaiDate } from '../contract/scalars.ts'
import type { WorkingCalendar } from '../calendar/calendar.ts'
import { addMonths, dayFromIso, isoFromDay, type DayNumber } from '../calendar/days.ts'
import type { RulePack } from './pack.ts'
import type { AnalysisInput } from './types.ts'

/** Blank strings count as absent (rules-core-v1 §Definitions "Empty values"). No allocation: runs millions of times. */
export function present(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null
  const n = s.length
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === 32 || (c >= 9 && c <= 13)) continue
    if (c < 128) return s
    // Rare: a non-ASCII character; let the engine's notion of white space (e.g. U+3000) decide.
    return s.trim() === '' ? null : s
  }
  return null
}

/** The Asia/Shanghai calendar day of a timestamp. The common "+08:00" case needs no arithmetic. */
export function timestampDay(ts: string): DayNumber {
  return dayFromIso(ts.endsWith('+08:00') ? ts : shanghaiDate(ts))
}

/** Plain code-unit string order (not locale): the order of ids everywhere in the output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

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

export type TaskFact = {
  task: Task
  id: string
  /** department_ids without repeats, in their order; [0] is the lead (牵头). */
  depts: string[]
  lead: string
  leadDomain: Domain | null
  /** The lead department, interned (for grouping without hashing its id again). */
  leadIndex: number
  enterpriseId: string
  enterprise: Enterprise | undefined
  ent: EnterpriseFact
  /** site_id, or the enterprise's first listed site when absent ('' when the enterprise is unknown too). */
  siteId: string
  siteDefaulted: boolean
  /** Interned (enterprise_id, siteId): the site key. */
  siteKey: number
  code: string | null
  /** Visits dated on or before as_of, in record order. */
  visits: Visit[]
  inspection: boolean
  /** Earliest / latest visit (valid when `inspection`). */
  inspDay: DayNumber
  lastDay: DayNumber
  onSite: boolean
  counted: boolean
  planned: boolean
  /** kind = TRIGGERED, and `special`, read once here: rules test these instead of the record's strings. */
  triggered: boolean
  special: Task['special']
  emergency: boolean
  survey: boolean
  recheck: boolean
  /** Position in task order (inspection date, id); -1 when not an inspection. */
  rank: number
  // Memoised lazily; present from construction so every fact keeps one hidden class (fast property access).
  resolved: PlanFact | null | undefined
  covered: boolean | undefined
  appliedDay: DayNumber | null | undefined
  /** ITEM_* bits of the task's items, -1 until computed. */
  itemBits: number
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

export type ListEntryFact = { entry: ListEntry; domain: Domain | null; from: DayNumber; to: DayNumber | null }

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

function lastById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const m = new Map<string, T>()
  for (const r of records) m.set(r.id, r)
  return m
}

export type ModelOptions = {
  /**
   * The caller guarantees that record ids are unique (the database loader: they are primary keys).
   * Skips de-duplicating a million task ids through a map, the costliest step of building the model.
   */
  idsUnique?: boolean
}

export function buildModel(input: AnalysisInput, pack: RulePack, asOf: string, calendar: WorkingCalendar, options: ModelOptions = {}): AnalysisModel {
  const asOfDay = dayFromIso(asOf)
  const monthMode = pack.conventions.month_mode
  const countFrom = pack.conventions.wd_count_from
  // Small enumerations: arrays, because a Set would hash every (fresh, un-interned) string from SQLite.
  const excludedSpecials: readonly string[] = pack.definitions.counted_onsite_excluded_specials
  const coveringStatuses: readonly string[] = pack.definitions.covering_plan_statuses
  const exemptOrigins: readonly string[] = pack.definitions.exempt_plan_origins

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

  // Enterprises and their site keys, interned once: a task needs one map lookup for both.
  const entFacts = new Map<string, EnterpriseFact>()
  const entList: EnterpriseFact[] = []
  let nextSiteKey = 0
  const enterpriseFact = (id: string): EnterpriseFact => {
    let e = entFacts.get(id)
    if (!e) {
      e = { id, index: entList.length, record: enterprises.get(id), siteIds: [], siteKeys: [], siteMap: null, lists: { WUGAN: [], NO_JOINT: [], WHITELIST: [] } }
      entFacts.set(id, e)
      entList.push(e)
    }
    return e
  }
  const siteKeyOf = (e: EnterpriseFact, siteId: string): number => {
    if (e.siteMap) {
      let key = e.siteMap.get(siteId)
      if (key === undefined) e.siteMap.set(siteId, (key = nextSiteKey++))
      return key
    }
    const i = e.siteIds.indexOf(siteId)
    if (i >= 0) return e.siteKeys[i]!
    e.siteIds.push(siteId)
    e.siteKeys.push(nextSiteKey)
    if (e.siteIds.length > 16) e.siteMap = new Map(e.siteIds.map((id, j) => [id, e.siteKeys[j]!]))
    return nextSiteKey++
  }
  for (const le of lastById(input.list_entries).values()) {
    enterpriseFact(le.enterprise_id).lists[le.list].push({ entry: le, domain: le.domain, from: dayFromIso(le.from), to: le.to === null ? null : dayFromIso(le.to) })
  }
  for (const e of entList) for (const list of Object.values(e.lists)) list.sort((a, b) => compareStrings(a.entry.id, b.entry.id))

  // Departments interned by id (known or only referenced): index and domain in one lookup.
  const deptFacts = new Map<string, { index: number; domain: Domain | null }>()
  const deptIds: string[] = []
  const deptFact = (id: string): { index: number; domain: Domain | null } => {
    let d = deptFacts.get(id)
    if (!d) {
      deptFacts.set(id, (d = { index: deptIds.length, domain: departments.get(id)?.domain ?? null }))
      deptIds.push(id)
    }
    return d
  }

  // Without a uniqueness guarantee, one map by id: a later record with the same id replaces the earlier
  // one (interchange-v1 upsert). With it, a plain array, and an index only of the ids rules look up.
  const idsUnique = options.idsUnique === true
  const taskById = new Map<string, TaskFact>()
  const taskList: TaskFact[] = []
  let minDay = Infinity
  let maxDay = -Infinity
  for (const task of input.tasks) {
    const ids = task.department_ids
    const depts = ids.length === 1 || (ids.length === 2 && ids[0] !== ids[1]) ? ids : [...new Set(ids)]
    const lead = ids[0] ?? ''
    const leadFact = deptFact(lead)
    const ent = enterpriseFact(task.enterprise_id)
    const enterprise = ent.record
    const givenSite = present(task.site_id)
    const siteId = givenSite ?? enterprise?.sites[0]?.id ?? ''
    let visits = task.visits
    let inspDay = 0
    let lastDay = 0
    let kept = 0
    for (const v of visits) if (v.date <= asOf) kept++
    if (kept !== visits.length) visits = visits.filter((v) => v.date <= asOf)
    if (kept > 0) {
      let first = ''
      let last = ''
      for (const v of visits) {
        if (first === '' || v.date < first) first = v.date
        if (v.date > last) last = v.date
      }
      inspDay = dayFromIso(first)
      lastDay = first === last ? inspDay : dayFromIso(last)
      if (inspDay < minDay) minDay = inspDay
      if (inspDay > maxDay) maxDay = inspDay
    }
    const inspection = kept > 0 && task.status !== 'CANCELLED'
    const onSite = inspection && task.mode === 'ON_SITE'
    const counted = onSite && !excludedSpecials.includes(task.special)
    const fact: TaskFact = {
      task, id: task.id, depts, lead, leadDomain: leadFact.domain, leadIndex: leadFact.index, enterpriseId: task.enterprise_id, enterprise, ent,
      siteId, siteDefaulted: givenSite === null, siteKey: siteKeyOf(ent, siteId),
      code: present(task.code), visits, inspection, inspDay, lastDay, onSite, counted,
      planned: counted && task.kind === 'PLANNED', triggered: task.kind === 'TRIGGERED', special: task.special,
      emergency: task.special === 'EMERGENCY', survey: task.special === 'SURVEY', recheck: task.special === 'RECHECK', rank: -1, resolved: undefined, covered: undefined, appliedDay: undefined, itemBits: -1
    }
    if (idsUnique) taskList.push(fact)
    else taskById.set(task.id, fact)
  }
  const tasks = idsUnique ? taskList : [...taskById.values()]

  // Task order (inspection date, id): bucket by day (linear), then sort each day's few ids.
  const ordered: TaskFact[] = []
  const inspections = tasks.filter((f) => f.inspection)
  if (inspections.length > 0) {
    const span = maxDay - minDay + 1
    const starts = new Int32Array(span + 1)
    for (const f of inspections) starts[f.inspDay - minDay + 1]!++
    for (let i = 1; i <= span; i++) starts[i]! += starts[i - 1]!
    const fill = starts.slice(0, span)
    ordered.length = inspections.length
    for (const f of inspections) ordered[fill[f.inspDay - minDay]!++] = f
    for (let d = 0; d < span; d++) {
      const from = starts[d]!
      const to = starts[d + 1]!
      let sorted = true
      for (let i = from + 1; i < to && sorted; i++) sorted = ordered[i - 1]!.id <= ordered[i]!.id
      if (!sorted) {
        const bucket = ordered.slice(from, to).sort((a, b) => compareStrings(a.id, b.id))
        for (let i = 0; i < bucket.length; i++) ordered[from + i] = bucket[i]!
      }
    }
    for (let i = 0; i < ordered.length; i++) ordered[i]!.rank = i
  }
  // Group keys by rank, so building the groups reads these arrays rather than the (scattered) facts.
  const siteByRank = new Int32Array(ordered.length)
  const entByRank = new Int32Array(ordered.length)
  for (let i = 0; i < ordered.length; i++) {
    const f = ordered[i]!
    siteByRank[i] = f.siteKey
    entByRank[i] = f.ent.index
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
      deptIndex: deptFact(plan.department_id).index, participantIndexes: (plan.participant_department_ids ?? []).map((d) => deptFact(d).index),
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
    if (f.resolved !== undefined) return f.resolved
    let found: PlanFact | null = null
    const planId = present(f.task.plan_id)
    const byId = planId !== null ? planById.get(planId) : undefined
    if (byId) found = byId
    else {
      const code = present(f.task.plan_code)
      const candidates = code !== null ? plansByCode.get(code) : undefined
      if (candidates && candidates.length > 0) found = candidates.find((p) => planCovers(p, f)) ?? candidates[0]!
    }
    f.resolved = found
    return found
  }
  const covered = (f: TaskFact): boolean => {
    if (f.covered === undefined) {
      const p = resolvedPlan(f)
      f.covered = p !== null && planCovers(p, f)
    }
    return f.covered
  }

  const evaluations = (idsUnique ? input.evaluations : [...lastById(input.evaluations).values()]).filter((e) => timestampDay(e.submitted_at) <= asOfDay)

  // Runs by a small integer key, stable in task order (counting sort).
  const runsBy = (facts: TaskFact[], keys: Int32Array, keyCount: number): Runs => {
    const starts = new Int32Array(keyCount + 1)
    for (let i = 0; i < facts.length; i++) starts[keys[i]! + 1]!++
    for (let k = 1; k <= keyCount; k++) starts[k]! += starts[k - 1]!
    const fill = starts.slice(0, keyCount)
    const out: TaskFact[] = new Array(facts.length)
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

  const siteRuns = lazy(() => runsBy(ordered, siteByRank, nextSiteKey))
  const enterpriseRuns = lazy(() => runsBy(ordered, entByRank, entList.length))
  const deptSiteRuns = lazy((): DeptSiteRuns => {
    // One entry per (counted inspection, department), in task order; then two stable counting sorts
    // (by department, then by site) leave them grouped by (site, department) and in task order.
    const entryFacts: TaskFact[] = []
    const entryDepts: number[] = []
    for (const f of ordered) {
      if (!f.counted) continue
      entryFacts.push(f)
      entryDepts.push(f.leadIndex)
      for (let j = 1; j < f.depts.length; j++) {
        entryFacts.push(f)
        entryDepts.push(deptFact(f.depts[j]!).index)
      }
    }
    const deptNames = deptIds
    const n = entryFacts.length
    const byDept = stableOrder(Int32Array.from(entryDepts), deptNames.length)
    const sites = new Int32Array(n)
    for (let i = 0; i < n; i++) sites[i] = entryFacts[byDept[i]!]!.siteKey
    const bySite = stableOrder(sites, nextSiteKey)
    const facts: TaskFact[] = new Array(n)
    const depts: string[] = []
    const bounds: number[] = []
    let prevSite = -1
    let prevDept = -1
    for (let i = 0; i < n; i++) {
      const e = byDept[bySite[i]!]!
      const f = entryFacts[e]!
      facts[i] = f
      const di = entryDepts[e]!
      if (f.siteKey !== prevSite || di !== prevDept) {
        bounds.push(i)
        depts.push(deptNames[di]!)
        prevSite = f.siteKey
        prevDept = di
      }
    }
    bounds.push(n)
    return { facts, bounds: Int32Array.from(bounds), count: depts.length, depts }
  })

  // With unique ids, no map of every task exists: one pass compares each task id with the (few) wanted ones.
  const indexTasks = (ids: Iterable<string>): Map<string, TaskFact> => {
    const index = new Map<string, TaskFact>()
    if (!idsUnique) {
      for (const id of ids) { const f = taskById.get(id); if (f) index.set(id, f) }
      return index
    }
    const wanted = new Set(ids)
    if (wanted.size > 0) for (const f of tasks) if (wanted.has(f.id)) index.set(f.id, f)
    return index
  }

  return {
    pack, asOf, asOfDay, calendar, tasks, indexTasks, ordered, departments, officers, enterprises, items, plans, planById,
    evaluations, domainOf,
    plusMonths: (day, k) => addMonths(day, k, monthMode),
    plusWorkingDays: (day, n) => calendar.addWorkingDaysToDay(day, n, countFrom),
    stampDay,
    codeAppliedDay: (f) => {
      if (f.appliedDay === undefined) f.appliedDay = stampDay(f.task.code_applied_at)
      return f.appliedDay
    },
    itemBits: (f) => {
      if (f.itemBits >= 0) return f.itemBits
      let bits = 0
      for (const id of f.task.item_ids) {
        const item = items.get(id)
        if (!item) {
          bits |= ITEM_UNKNOWN
          continue
        }
        if (item.list === 'WUSHI') bits |= ITEM_WUSHI
        if (item.fire_matter === true) bits |= ITEM_FIRE_MATTER
        let known = false
        let same = false
        for (const d of f.depts) {
          const dd = deptFact(d).domain
          if (dd !== null) known = true
          if (dd === item.domain) same = true
        }
        if (known && !same) bits |= ITEM_OTHER_DOMAIN
      }
      return (f.itemBits = bits)
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
