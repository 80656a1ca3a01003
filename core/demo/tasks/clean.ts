// Clean tasks of every kind: each one is placed and built so that no core rule fires on it
// (rules-core-v1.md). Planted cases (injectors.ts) reuse these builders and then change one thing.
import type { Task } from '../../contract/records.ts'
import type { Domain } from '../../contract/scalars.ts'
import { dateOf } from '../days.ts'
import { NOT_IN_LIBRARY } from '../objects.ts'
import { DOMAIN_INDEX, type DeptInfo } from '../organisation.ts'
import type { PlanInfo } from '../plans.ts'
import {
  choosePlannedOnsite, chooseJointOnsite, consumeTarget, deptForSite, isReserved, pickDept, pickDomain, pickPlan, pickTriggerSource,
  planItemsFor, randomSite, sitePoolOf, siteUnderPlan, type PlannedChoice
} from './choose.ts'
import { cleanVisits, emitTask, newCode, newTriggerRef, officeTimestamp, visitDaysFrom, type TaskDraft } from './drafts.ts'
import type { TaskWorld } from './world.ts'

/** The site is written out unless it is the first site, where leaving it out means the same (rules-core-v1 §Site key). */
function writesSite(world: TaskWorld, e: number, s: number): boolean {
  return s !== world.objects.siteStart[e] || world.random.chance(0.85)
}

/** A code applied for a few days before the inspection (after the plan was filed, for planned work). */
function codeBefore(world: TaskWorld, day: number, notBefore: number | null): { code: string; at: string } {
  const applied = Math.min(day, Math.max(day - world.random.int(0, 6), notBefore ?? -Infinity))
  // On the inspection day itself, in the morning: before the inspection and its result.
  return { code: newCode(world, applied), at: applied === day ? officeTimestamp(world, applied, 8, 9) : officeTimestamp(world, applied) }
}

export function plannedDraft(world: TaskWorld, choice: PlannedChoice, day: number, mode: Task['mode'] = 'ON_SITE'): TaskDraft {
  const { plan } = choice
  const code = codeBefore(world, day, plan?.filedDay ?? null)
  const visitDays = mode === 'ON_SITE' ? visitDaysFrom(world, day) : [day]
  // Now and then the plan is cited by its code only; the rule engine resolves it (rules-core-v1 §Resolved plan).
  const byCodeOnly = !!plan?.record.plan_code && world.random.chance(0.05)
  return {
    depts: choice.depts, kind: 'PLANNED', special: 'NONE', plan, planId: plan && !byCodeOnly ? plan.record.id : null,
    planCode: plan?.record.plan_code ?? null, triggerSource: null, triggerRef: null, recheckOf: null, e: choice.e, s: choice.s,
    writeSiteId: writesSite(world, choice.e, choice.s), items: planItemsFor(world, plan, choice.depts, choice.e), mode, code: code.code,
    codeAppliedAt: code.at, jointDeclinedReason: choice.declineReason, visitDays, visits: cleanVisits(world, choice.depts, visitDays, mode),
    status: 'DONE'
  }
}

export type TriggeredOptions = { domain?: Domain; site?: number; dept?: DeptInfo; mode?: Task['mode']; special?: Task['special']; source?: NonNullable<Task['trigger_source']> }

/** A triggered (触发式) task at a site: a clue with its source and reference number, a code applied the same day or just before. */
export function triggeredDraft(world: TaskWorld, day: number, opts: TriggeredOptions = {}): TaskDraft | null {
  const { random } = world
  const domain = opts.dept?.domain ?? opts.domain ?? pickDomain(world)
  const s = opts.site ?? randomSite(world, opts.dept ? sitePoolOf(world, opts.dept) : (world.objects.sitesByDomain[DOMAIN_INDEX[domain]] ?? new Int32Array()))
  if (s < 0) return null
  const e = world.objects.siteEnterprise[s] ?? 0
  if (opts.site === undefined && isReserved(world, e, day)) return null
  const dept = opts.dept ?? deptForSite(world, domain, s)
  const mode = opts.mode ?? 'ON_SITE'
  const source = opts.source ?? pickTriggerSource(world, domain)
  // Applied the same day: a clue's code applied days ahead would sit open while another inspection
  // of the site happens (extension rule TASKS_NOT_MERGED).
  const applied = day
  const lib = world.library
  const items = random.sample(lib.plannable[dept.domainIndex] ?? [], random.int(1, 2)).map((i) => i.id)
  // A clue may well concern a 无事不扰 item: that is what a clue is for.
  const wushi = lib.wushi[dept.domainIndex] ?? []
  if (wushi.length > 0 && random.chance(0.15)) items.push(random.pick(wushi).id)
  const visitDays = mode === 'ON_SITE' ? visitDaysFrom(world, day) : [day]
  return {
    depts: [dept], kind: 'TRIGGERED', special: opts.special ?? 'NONE', plan: null, planId: null, planCode: null, triggerSource: source,
    triggerRef: newTriggerRef(world, source, day), recheckOf: null, e, s, writeSiteId: writesSite(world, e, s), items, mode,
    code: newCode(world, applied), codeAppliedAt: officeTimestamp(world, applied, 8, 9), jointDeclinedReason: null, visitDays,
    visits: cleanVisits(world, [dept], visitDays, mode), status: 'DONE'
  }
}

export function emitPlannedChoice(world: TaskWorld, choice: PlannedChoice, day: number, mode: Task['mode'] = 'ON_SITE'): string {
  if (choice.plan) consumeTarget(choice.plan, choice.target)
  return emitTask(world, plannedDraft(world, choice, day, mode))
}

/** 有计划现场检查: most of the work. Falls back to non-site work when no clean place is free. */
export function cleanPlannedOnsite(world: TaskWorld, day: number): void {
  const choice = (world.random.chance(0.2) ? chooseJointOnsite(world, day) : null) ?? choosePlannedOnsite(world, day, { allowDecline: true })
  if (choice) emitPlannedChoice(world, choice, day)
  else cleanPlannedNonsite(world, day)
}

/** 非现场检查 under a plan (书面核查、信息共享): no site constraints apply to it. */
export function cleanPlannedNonsite(world: TaskWorld, day: number): void {
  for (let i = 0; i < 6; i++) {
    const dept = pickDept(world, pickDomain(world))
    const plan = pickPlan(world, dept, day)
    if (!plan) continue
    const place = siteUnderPlan(world, plan, dept)
    if (!place || isReserved(world, place.e, day)) continue
    const choice: PlannedChoice = { depts: [dept], plan, e: place.e, s: place.s, target: place.target, declineReason: null }
    const draft = plannedDraft(world, choice, day, 'NON_SITE')
    if (world.random.chance(0.5)) {
      draft.code = null
      draft.codeAppliedAt = null
    }
    consumeTarget(plan, place.target)
    emitTask(world, draft)
    return
  }
  cleanTriggered(world, day, 'NON_SITE')
}

export function cleanTriggered(world: TaskWorld, day: number, mode: Task['mode']): void {
  for (let i = 0; i < 10; i++) {
    const draft = triggeredDraft(world, day, { mode, source: mode === 'NON_SITE' && world.random.chance(0.6) ? 'MONITORING' : undefined })
    if (!draft) continue
    emitTask(world, draft)
    return
  }
}

/** 摸底检查 of an object not yet in the object library: exempt from the code (SURVEY, code left empty). */
export function cleanSurvey(world: TaskWorld, day: number): boolean {
  const { random, objects } = world
  const pool = objects.notInLibrary
  for (let i = 0; i < 8 && pool.length > 0; i++) {
    const e = pool[random.int(0, pool.length - 1)] ?? 0
    if ((objects.libraryDay[e] ?? NOT_IN_LIBRARY) <= day || isReserved(world, e, day)) continue
    const s = (objects.siteStart[e] ?? 0) + random.int(0, (objects.siteCount[e] ?? 1) - 1)
    const domain = random.pick(['MKT', 'MKT', 'URB', 'HLTH', 'EMER'] as const)
    const draft = triggeredDraft(world, day, { domain, site: s })
    if (!draft) continue
    draft.kind = 'PLANNED'
    draft.special = 'SURVEY'
    draft.triggerSource = null
    draft.triggerRef = null
    if (random.chance(0.85)) {
      draft.code = null
      draft.codeAppliedAt = null
    }
    emitTask(world, draft)
    return true
  }
  return false
}

/** 先检查后补码: an emergency inspection, its code back-filled within the deadline. */
export function emergencyDraft(world: TaskWorld, day: number): TaskDraft | null {
  const draft = triggeredDraft(world, day, { source: world.random.pick(['ACCIDENT', 'REPORT', 'COMPLAINT', 'MONITORING'] as const), special: 'EMERGENCY' })
  if (!draft) return null
  const k = world.random.int(0, world.rules.backfillDeadlineWorkingDays)
  const applied = Math.min(k === 0 ? day : world.wd.nthWorkingDayAfter(day, k), world.lastDay)
  draft.code = newCode(world, applied)
  draft.codeAppliedAt = officeTimestamp(world, applied)
  return draft
}

export function cleanEmergency(world: TaskWorld, day: number): void {
  const draft = emergencyDraft(world, day)
  if (draft) emitTask(world, draft)
  else cleanTriggered(world, day, 'ON_SITE')
}

/** A recheck candidate found something 10–60 days ago and is not held by a planted case. */
export function takeRecheckOriginal(world: TaskWorld, day: number): { id: string; draft: TaskDraft } | null {
  const pool = world.recheckPool
  let drop = 0
  while (drop < pool.length && (pool[drop]?.lastDay ?? 0) + 60 < day) drop++
  if (drop > 0) pool.splice(0, drop)
  for (let i = 0; i < 6 && pool.length > 0; i++) {
    const k = world.random.int(0, Math.min(pool.length, 200) - 1)
    const c = pool[k]
    if (!c || c.lastDay + 10 > day || isReserved(world, c.draft.e, day)) continue
    pool.splice(k, 1)
    return { id: c.id, draft: c.draft }
  }
  return null
}

/** 复查 of an earlier finding: same body, site, items and — as the rules require — the same code. */
export function recheckDraft(world: TaskWorld, day: number, original: { id: string; draft: TaskDraft }): TaskDraft {
  const o = original.draft
  const lead = o.depts[0]
  const depts = lead ? [lead] : o.depts
  const visitDays = [day]
  const items = lead ? o.items.filter((id) => world.library.byId.get(id)?.domain === lead.domain) : o.items
  return {
    ...o, depts, items: items.length > 0 ? items : o.items, special: 'RECHECK', recheckOf: original.id, mode: 'ON_SITE', jointDeclinedReason: null, visitDays,
    visits: cleanVisits(world, depts, visitDays, 'ON_SITE', world.random.chance(0.85) ? 'NO_ISSUE' : 'ISSUE_FOUND'), status: 'DONE',
    evaluation: undefined, noRecheck: true
  }
}

export function cleanRecheck(world: TaskWorld, day: number): void {
  const original = takeRecheckOriginal(world, day)
  if (original) emitTask(world, recheckDraft(world, day, original))
  else cleanTriggered(world, day, 'ON_SITE')
}

/** 告知承诺核查: verifying a licence granted on commitment; coded, not counted. */
export function commitmentDraft(world: TaskWorld, day: number): TaskDraft | null {
  const domain = world.random.pick(['MKT', 'CULT', 'HLTH', 'DRUG', 'URB', 'AGRI', 'CONS'] as const)
  const draft = triggeredDraft(world, day, { domain, source: 'OTHER', special: 'COMMITMENT_VERIFY' })
  if (!draft) return null
  draft.triggerRef = `GZCN${dateOf(day).slice(0, 4)}${String(world.seq.ref).padStart(6, '0')}`
  return draft
}

export function cleanCommitment(world: TaskWorld, day: number): void {
  const draft = commitmentDraft(world, day)
  if (draft) emitTask(world, draft)
  else cleanTriggered(world, day, 'ON_SITE')
}

/** A code applied for an inspection still to come (PENDING), or one called off (CANCELLED): no visits, not inspections. */
export function emitWithoutVisits(world: TaskWorld, day: number, status: 'PENDING' | 'CANCELLED'): boolean {
  const { random } = world
  for (let attempt = 0; attempt < 20; attempt++) {
    let draft: TaskDraft | null = null
    if (random.chance(0.7)) {
      const dept = pickDept(world, pickDomain(world))
      const plan: PlanInfo | null = pickPlan(world, dept, day)
      const place = plan ? siteUnderPlan(world, plan, dept) : null
      if (plan && place) draft = plannedDraft(world, { depts: [dept], plan, e: place.e, s: place.s, target: -1, declineReason: null }, day)
    }
    draft ??= triggeredDraft(world, day)
    if (!draft) continue
    const hasCode = status === 'PENDING' || random.chance(0.6)
    draft.code = hasCode ? newCode(world, day) : null
    draft.codeAppliedAt = hasCode ? officeTimestamp(world, day) : null
    draft.visitDays = []
    draft.visits = []
    draft.status = status
    emitTask(world, draft)
    return true
  }
  return false
}
