// Choosing who inspects what, where and under which plan, and the checks that keep clean tasks clean:
// a planned on-site inspection is placed only where no core rule would fire (rules-core-v1.md), using
// the scheduler's memory. The checks are deliberately stricter than the rules (per domain rather than
// per body, any earlier planned task at the enterprise rather than only disjoint ones), so they never
// let a violation through by accident.
import type { Item, Task } from '../../contract/records.ts'
import { DOMAINS, type Domain } from '../../contract/scalars.ts'
import { DOMAIN_BODIES } from '../catalogue/departments.ts'
import { JOINT_DECLINED_REASONS } from '../catalogue/phrases.ts'
import { TOWNS } from '../catalogue/places.ts'
import { hasListEntry } from '../objects.ts'
import type { DeptInfo } from '../organisation.ts'
import { isScopedSpecialOf, type PlanInfo } from '../plans.ts'
import { DOMAIN_COUNT, NEVER, type TaskWorld } from './world.ts'

export const SKIP = { SITE_GAP: 1, YEAR_CAP: 2, ENTERPRISE_GAP: 4, WUGAN: 8, FIRE_B: 16 } as const

export const BLOCKED = 0, ALLOWED = 1, NEEDS_DECLINE_REASON = 2
export type CheckResult = typeof BLOCKED | typeof ALLOWED | typeof NEEDS_DECLINE_REASON

const DOMAIN_WEIGHTS = DOMAINS.map((d) => DOMAIN_BODIES[d].volume)

export function isReserved(world: TaskWorld, e: number, day: number): boolean {
  return (world.reservedUntil[e] ?? NEVER) >= day
}

export function reserve(world: TaskWorld, e: number, untilDay: number): void {
  if ((world.reservedUntil[e] ?? NEVER) < untilDay) world.reservedUntil[e] = untilDay
}

export function pickDomain(world: TaskWorld): Domain {
  for (;;) {
    const i = world.random.weightedIndex(DOMAIN_WEIGHTS)
    if ((world.objects.sitesByDomain[i]?.length ?? 0) > 0) return DOMAINS[i] as Domain
  }
}

/** The body that inspects `domain` at site `s`: its 街镇 body where there is one, mostly the district, now and then the city. */
export function deptForSite(world: TaskWorld, domain: Domain, s: number): DeptInfo {
  const bodies = world.org.byDomain[domain]
  const town = bodies.towns[world.objects.siteTown[s] ?? 0]
  const r = world.random.next()
  if (town && r < 0.55) return town
  if (r > (town ? 0.95 : 0.92)) return bodies.city
  return bodies.district
}

/** A body of `domain` for planned work, weighted like deptForSite (街镇 bodies by their share of sites). */
export function pickDept(world: TaskWorld, domain: Domain): DeptInfo {
  const bodies = world.org.byDomain[domain]
  const r = world.random.next()
  if (bodies.towns.some((t) => t) && r < 0.55) {
    const t = world.random.weightedIndex(TOWNS.map((town) => town.weight))
    return bodies.towns[t] ?? bodies.district
  }
  if (r > 0.93) return bodies.city
  return bodies.district
}

export function sitePoolOf(world: TaskWorld, dept: DeptInfo): Int32Array {
  if (dept.level === 'TOWN') return world.objects.sitesByDomainTown[dept.domainIndex]?.[dept.town] ?? new Int32Array()
  return world.objects.sitesByDomain[dept.domainIndex] ?? new Int32Array()
}

export function randomSite(world: TaskWorld, pool: Int32Array): number {
  return pool.length === 0 ? -1 : (pool[world.random.int(0, pool.length - 1)] ?? -1)
}

function enterpriseGapOk(world: TaskWorld, e: number, day: number, domains: readonly number[]): boolean {
  const last = world.entLastPlannedStart[e] ?? NEVER
  if (last === NEVER || world.enterpriseGap.plus(last) <= day) return true
  return hasListEntry(world.objects, e, 'NO_JOINT', day, domains)
}

/**
 * Whether a planned on-site task of `depts` at site `s` starting on `day` stays clean. `skip` lifts
 * checks on purpose (for planted cases); `superiorCovered` = the covering plan is 上级部署 (exempt from the lists).
 */
export function checkPlannedOnsite(world: TaskWorld, depts: readonly DeptInfo[], e: number, s: number, day: number, superiorCovered: boolean, skip = 0): CheckResult {
  if (isReserved(world, e, day)) return BLOCKED
  const year = world.yearOf(day)
  const domains = depts.map((d) => d.domainIndex)
  for (const dm of domains) {
    const k = s * DOMAIN_COUNT + dm
    const last = world.lastCountedEnd[k] ?? NEVER
    if (!(skip & SKIP.SITE_GAP) && last !== NEVER && world.siteGap.plus(last) > day) return BLOCKED
    if (!(skip & SKIP.YEAR_CAP) && world.cappedDomain[dm] === 1 && world.lastPlannedYear[k] === year) return BLOCKED
  }
  const lead = depts[0]
  if (!(skip & SKIP.FIRE_B) && lead?.domain === 'FIRE' && world.objects.fireKeyUnit[e] === 1) {
    const grade = world.objects.fireGrade[e], last = world.fireLeadYear[e] ?? 0
    if (grade === 2 && last === year) return BLOCKED
    if (grade === 1 && last !== 0 && Math.abs(year - last) < world.rules.fireGradeAWindowYears) return BLOCKED
  }
  if (!(skip & SKIP.WUGAN) && !superiorCovered && hasListEntry(world.objects, e, 'WUGAN', day, domains)) return BLOCKED
  if (!(skip & SKIP.ENTERPRISE_GAP) && !enterpriseGapOk(world, e, day, domains)) return NEEDS_DECLINE_REASON
  return ALLOWED
}

/** A covering plan of `dept` open on `day`, targeted plans with targets left weighted up. */
export function pickPlan(world: TaskWorld, dept: DeptInfo, day: number, accept?: (p: PlanInfo) => boolean): PlanInfo | null {
  const candidates = world.cursor.active(dept, day).filter(accept ?? ((p) => p.participants.length === 0))
  if (candidates.length === 0) return null
  return world.random.weighted(candidates, candidates.map((p) => (p.targets ? 3 : p.record.plan_type === 'ANNUAL' ? 1 : 2)))
}

/** A special (专项) plan whose inspections go only where a case or clue came first (HRSS_SPECIAL_SCOPE). */
export const isScopedSpecial = (world: TaskWorld, plan: PlanInfo): boolean =>
  isScopedSpecialOf(world.rules, plan.lead.domain, plan.record.plan_type)

/** A site of an enterprise whose first case or clue of `lead`'s domain came before `day` (the special's start), or null. */
function siteWithEarlierClue(world: TaskWorld, lead: DeptInfo, day: number): { e: number; s: number; target: number } | null {
  // In the order first seen, so by day: those before `day` are a prefix. Counted, then the k-th taken.
  const { scopeClues } = world
  let end = 0
  let matching = 0
  for (; end < scopeClues.length && scopeClues[end]!.day < day; end++) if (scopeClues[end]!.domainIndex === lead.domainIndex) matching++
  if (matching === 0) return null
  let k = world.random.int(0, matching - 1)
  for (let i = 0; i < end; i++) {
    const clue = scopeClues[i]!
    if (clue.domainIndex === lead.domainIndex && k-- === 0) return { e: clue.e, s: clue.s, target: -1 }
  }
  return null
}

/** Any site the body inspects. */
function anySiteOf(world: TaskWorld, dept: DeptInfo): { e: number; s: number; target: number } | null {
  const s = randomSite(world, sitePoolOf(world, dept))
  return s < 0 ? null : { e: world.objects.siteEnterprise[s] ?? 0, s, target: -1 }
}

/** A site under `plan` for `dept`: a target not yet inspected, or any site the body covers. */
export function siteUnderPlan(world: TaskWorld, plan: PlanInfo, dept: DeptInfo): { e: number; s: number; target: number } | null {
  if (plan.targets) {
    if (plan.nextTarget >= plan.targets.length) return null
    const target = world.random.int(plan.nextTarget, plan.targets.length - 1)
    const t = plan.targets[target]
    return t ? { e: t.e, s: t.s, target } : null
  }
  return anySiteOf(world, dept)
}

/** Marks a plan target as inspected (targets[nextTarget…] are the ones left). */
export function consumeTarget(plan: PlanInfo, target: number): void {
  if (!plan.targets || target < 0) return
  const a = plan.targets[plan.nextTarget], b = plan.targets[target]
  if (a && b) {
    plan.targets[plan.nextTarget] = b
    plan.targets[target] = a
  }
  plan.nextTarget++
}

/**
 * Items of a planned inspection, from its plan. Fire-safety items stay with the fire brigade at fire key
 * units (a non-fire body checking them there duplicates the brigade: extension rule FIRE_ITEMS_DUPLICATED).
 */
export function planItemsFor(world: TaskWorld, plan: PlanInfo | null, depts: readonly DeptInfo[], e: number): string[] {
  const { random, library } = world
  const keyUnit = world.objects.fireKeyUnit[e] === 1
  const out: Item[] = []
  for (const dept of depts) {
    const usable = (i: Item) => i.domain === dept.domain && !(keyUnit && dept.domain !== 'FIRE' && i.fire_matter)
    const fromPlan = plan?.items.filter(usable) ?? []
    const pool = fromPlan.length > 0 ? fromPlan : (library.plannable[dept.domainIndex] ?? []).filter(usable)
    out.push(...random.sample(pool, depts.length > 1 ? 1 : random.int(1, Math.min(3, pool.length))))
  }
  return out.map((i) => i.id)
}

export type PlannedChoice = { depts: DeptInfo[]; plan: PlanInfo | null; e: number; s: number; target: number; declineReason: string | null }

export type PlannedOptions = {
  domain?: Domain
  dept?: DeptInfo
  /** Only plans passing this test (default: single-body plans). */
  accept?: (p: PlanInfo) => boolean
  /** Use this plan (its lead or participants decide the body); skips plan choice. */
  plan?: PlanInfo | null
  /** Place at this site (the plan, if targeted, must list its enterprise). */
  site?: number
  skip?: number
  tries?: number
  /** Accept a place where only the JOINT window fails, giving a joint_declined_reason (clean data does, now and then). */
  allowDecline?: boolean
  /** Let the task's own plan not cover it (UNFILED cases); the checks then treat the task as not exempt. */
  uncovered?: boolean
}

/** Finds a clean place for a planned on-site inspection on `day`, or null. */
export function choosePlannedOnsite(world: TaskWorld, day: number, opts: PlannedOptions = {}): PlannedChoice | null {
  const tries = opts.tries ?? 12
  for (let i = 0; i < tries; i++) {
    const dept = opts.dept ?? pickDept(world, opts.domain ?? pickDomain(world))
    const plan = opts.plan !== undefined ? opts.plan : pickPlan(world, dept, day, opts.accept)
    if (plan === null && opts.plan === undefined) continue
    let place: { e: number; s: number; target: number } | null
    if (opts.site !== undefined) {
      const e = world.objects.siteEnterprise[opts.site] ?? 0
      const target = plan?.targets ? plan.targets.findIndex((t, k) => k >= plan.nextTarget && t.e === e) : -1
      if (plan?.targets && !opts.uncovered && target < 0) return null
      place = { e, s: opts.site, target }
    } else if (plan && !opts.uncovered && isScopedSpecial(world, plan)) place = siteWithEarlierClue(world, plan.lead, plan.windowFrom)
    else place = plan && !opts.uncovered ? siteUnderPlan(world, plan, dept) : anySiteOf(world, dept)
    if (!place) continue
    const superiorCovered = !!plan && plan.superior && !opts.uncovered
    const result = checkPlannedOnsite(world, [dept], place.e, place.s, day, superiorCovered, opts.skip ?? 0)
    if (result === BLOCKED) continue
    if (result === NEEDS_DECLINE_REASON && !(opts.allowDecline && world.random.chance(0.3))) continue
    return {
      depts: [dept], plan, e: place.e, s: place.s, target: place.target,
      declineReason: result === NEEDS_DECLINE_REASON ? world.random.pick(JOINT_DECLINED_REASONS) : null
    }
  }
  return null
}

/** A joint planned inspection: an open joint plan, one of its targets, all its bodies (lead first). */
export function chooseJointOnsite(world: TaskWorld, day: number): PlannedChoice | null {
  const { random, org } = world
  for (let i = 0; i < 6; i++) {
    const lead = org.byDomain[random.pick(['MKT', 'CULT', 'EMER', 'CONS', 'DRUG', 'TRAN'] as const)].district
    const plans = world.cursor.active(lead, day).filter((p) => p.lead === lead && p.participants.length > 0)
    if (plans.length === 0) continue
    const plan = random.pick(plans)
    const place = siteUnderPlan(world, plan, lead)
    if (!place) continue
    const depts = [plan.lead, ...plan.participants]
    if (hasListEntry(world.objects, place.e, 'NO_JOINT', day, depts.map((d) => d.domainIndex))) continue
    if (checkPlannedOnsite(world, depts, place.e, place.s, day, false) !== ALLOWED) continue
    return { depts, plan, e: place.e, s: place.s, target: place.target, declineReason: null }
  }
  return null
}

/** Trigger sources as a district sees them; 抽检不合格 only where sampling exists. */
export function pickTriggerSource(world: TaskWorld, domain: Domain): NonNullable<Task['trigger_source']> {
  const sampling = domain === 'MKT' || domain === 'DRUG' || domain === 'AGRI' || domain === 'HLTH'
  return world.random.weighted(
    ['COMPLAINT', 'REPORT', 'REFERRAL', 'TRANSFER', 'MEDIA', 'MONITORING', 'SAMPLING_FAILED', 'ACCIDENT', 'OTHER'] as const,
    [35, 20, 15, 7, 3, 12, sampling ? 6 : 0, 2, 1]
  )
}
