// The planted violations (rules-core-v1.md), one injector per rule. Each builds a clean task with the
// clean builders and then changes exactly the fact the rule looks at, so the case raises that rule's
// flag and no other. Pairs (p before t) emit p now and queue t for its day, reserving the enterprise
// in between so no clean task can slip in and change which flags fire. Each injector returns false
// when the day offers no suitable place; the scheduler tries again a little later.
import type { Visit } from '../../contract/records.ts'
import { DOMAINS, type Domain } from '../../contract/scalars.ts'
import { addMonths, dateOf, type WorkingDays } from '../days.ts'
import { addCase, type InjectableRule } from '../injections.ts'
import { hasListEntry } from '../objects.ts'
import { DOMAIN_INDEX, validOfficersOn, type DeptInfo } from '../organisation.ts'
import type { PlanInfo } from '../plans.ts'
import type { Objects } from '../objects.ts'
import type { PlanBook } from '../plans.ts'
import {
  ALLOWED, SKIP, checkPlannedOnsite, choosePlannedOnsite, consumeTarget, isReserved, isScopedSpecial, pickDept, pickDomain, pickPlan, reserve,
  type PlannedChoice
} from './choose.ts'
import {
  commitmentDraft, emergencyDraft, emitPlannedChoice, plannedDraft, recheckDraft, takeRecheckOriginal, triggeredDraft
} from './clean.ts'
import { cleanVisits, emitTask, newCode, officeTimestamp, type TaskDraft } from './drafts.ts'
import { enqueue, type TaskWorld } from './world.ts'

export type Injector = (world: TaskWorld, day: number) => boolean

function workdayOnOrAfter(wd: WorkingDays, day: number): number {
  let d = day
  while (!wd.isWorkingDay(d)) d++
  return d
}

/** A working day in [from, to], or null. */
function workdayBetween(world: TaskWorld, from: number, to: number): number | null {
  if (to < from) return null
  const d = workdayOnOrAfter(world.wd, from + world.random.int(0, to - from))
  return d <= to ? d : workdayOnOrAfter(world.wd, from) <= to ? workdayOnOrAfter(world.wd, from) : null
}


/**
 * One visit only: pair cases reason about p's last visit, so keep it on the inspection date. (A dropped
 * follow-up visit had forced the first visit's outcome to ISSUE_FOUND; draw it afresh.)
 */
function singleVisit(world: TaskWorld, draft: TaskDraft, day: number): TaskDraft {
  const visits = draft.visits.slice(0, 1)
  const first = visits[0]
  if (first && draft.visits.length > 1) first.outcome = world.random.pick(['NO_ISSUE', 'ISSUE_FOUND'] as const)
  return { ...draft, visitDays: [day], visits }
}

function enterpriseDomains(world: TaskWorld, e: number): Domain[] {
  return Object.keys(world.objects.enterprises[e]?.grades ?? {}).filter((d): d is Domain => (DOMAINS as readonly string[]).includes(d))
}

function sitesOf(world: TaskWorld, e: number): number[] {
  const start = world.objects.siteStart[e] ?? 0
  return Array.from({ length: world.objects.siteCount[e] ?? 1 }, (_, i) => start + i)
}

/**
 * The second task of a pair has its code applied only after the first was inspected: codes of one body
 * and site sitting open together mean tasks that should have been merged (extension rule TASKS_NOT_MERGED).
 */
function applyCodeAfter(world: TaskWorld, t: TaskDraft, firstDay: number, day2: number): void {
  const applied = world.random.int(Math.min(Math.max(firstDay + 1, day2 - 10), day2), day2)
  t.code = newCode(world, applied)
  t.codeAppliedAt = officeTimestamp(world, applied)
}

/** Plan of a planned pair's second task: the first task's plan, if it is still open on `day2`. */
function planStillCovers(plan: PlanInfo | null, day2: number): boolean {
  return !!plan && plan.windowTo >= day2 && plan.coversFrom <= day2
}

function superiorCovered(plan: PlanInfo | null): boolean {
  return !!plan && plan.superior
}

/** Capacity for a queued second task within the requested task count. */
type Capacity = { canQueue(): boolean }

// ---- single-task cases ------------------------------------------------------------------------------

const planCodes = new WeakMap<PlanBook, Set<string>>()
const wuganSpans = new WeakMap<Objects, { e: number; domain: number; from: number; to: number }[]>()

function consumeTargetOf(choice: PlannedChoice): void {
  if (choice.plan) consumeTarget(choice.plan, choice.target)
}

function unfiled(world: TaskWorld, day: number): boolean {
  const { random, book } = world
  const variants = random.sample(['no-plan', 'plan-not-filed', 'before-filing', 'outside-window', 'not-a-target', 'other-department', 'unknown-code'] as const, 7)
  for (const variant of variants) {
    let choice: PlannedChoice | null = null
    let plan: PlanInfo | null = null
    let planCode: string | null = null
    if (variant === 'no-plan' || variant === 'unknown-code') {
      choice = choosePlannedOnsite(world, day, { plan: null })
      if (choice && variant === 'unknown-code') {
        let codeSet = planCodes.get(book)
        if (!codeSet) {
          codeSet = new Set(book.plans.map((p) => p.record.plan_code).filter((c): c is string => !!c))
          planCodes.set(book, codeSet)
        }
        const lead = choice.depts[0]
        planCode = `JS-${dateOf(day).slice(0, 4)}-${lead?.domain ?? 'MKT'}-${random.int(9000, 9999)}`
        if (codeSet.has(planCode)) choice = null
      }
    } else if (variant === 'plan-not-filed') {
      const open = book.notCovering.filter((p) => p.windowFrom <= day && day <= p.windowTo && p.participants.length === 0)
      plan = open.length > 0 ? random.pick(open) : null
    } else if (variant === 'before-filing') {
      const early = book.plans.filter((p) => p.covers && p.participants.length === 0 && p.windowFrom <= day && day < (p.filedDay ?? 0))
      plan = early.length > 0 ? random.pick(early) : null
    } else if (variant === 'outside-window') {
      const dept = pickDept(world, pickDomain(world))
      const expired = (book.coverage[dept.index] ?? []).filter((p) => p.participants.length === 0 && p.windowTo < day && p.windowTo >= day - 120)
      plan = expired.length > 0 ? random.pick(expired) : null
    } else if (variant === 'not-a-target') {
      const dept = pickDept(world, pickDomain(world))
      plan = pickPlan(world, dept, day, (p) => p.participants.length === 0 && p.targets !== null)
    }
    if (plan) {
      const targets = plan.targets
      choice = choosePlannedOnsite(world, day, { dept: plan.lead, plan, uncovered: true })
      if (choice && variant === 'not-a-target' && targets?.some((t) => t.e === choice?.e)) choice = null
      planCode = plan.record.plan_code
    } else if (variant === 'other-department') {
      const domain = random.pick(['MKT', 'URB', 'PSB'] as const)
      const bodies = world.org.byDomain[domain]
      const owner = random.chance(0.5) ? bodies.district : pickDept(world, domain)
      const cited = pickPlan(world, owner, day)
      const other = [bodies.district, ...bodies.towns].filter((d): d is DeptInfo => !!d && d !== owner)
      if (cited && other.length > 0) {
        choice = choosePlannedOnsite(world, day, { dept: random.pick(other), plan: cited, uncovered: true })
        plan = cited
        planCode = cited.record.plan_code
      }
    }
    if (!choice) continue
    const draft = plannedDraft(world, choice, day)
    draft.plan = plan
    draft.planId = plan ? plan.record.id : null
    draft.planCode = planCode
    const id = emitTask(world, draft)
    addCase(world.manifest, 'UNFILED_PLANNED_INSPECTION', [id], plan ? [plan.record.id] : [], variant)
    return true
  }
  return false
}

function noCode(world: TaskWorld, day: number): boolean {
  const variant = world.random.pick(['planned-without-code', 'triggered-without-code', 'emergency-never-backfilled', 'commitment-without-code'] as const)
  let draft: TaskDraft | null = null
  if (variant === 'planned-without-code') {
    const choice = choosePlannedOnsite(world, day)
    if (choice) draft = plannedDraft(world, choice, day)
    if (choice?.plan) consumeTargetOf(choice)
  } else if (variant === 'triggered-without-code') draft = triggeredDraft(world, day)
  else if (variant === 'emergency-never-backfilled') draft = emergencyDraft(world, day)
  else draft = commitmentDraft(world, day)
  if (!draft) return false
  draft.code = null
  draft.codeAppliedAt = null
  const id = emitTask(world, draft)
  addCase(world.manifest, 'NO_CODE_INSPECTION', [id], [], variant)
  return true
}

function surveyMisused(world: TaskWorld, day: number): boolean {
  const { random, objects } = world
  for (let i = 0; i < 10; i++) {
    const domain = random.pick(['MKT', 'URB', 'HLTH', 'EMER'] as const)
    const pool = objects.sitesByDomain[DOMAIN_INDEX[domain]] ?? new Int32Array()
    if (pool.length === 0) continue
    const s = pool[random.int(0, pool.length - 1)] ?? 0
    const e = objects.siteEnterprise[s] ?? 0
    if ((objects.libraryDay[e] ?? 0) > day || isReserved(world, e, day)) continue
    const draft = triggeredDraft(world, day, { domain, site: s })
    if (!draft) continue
    Object.assign(draft, { kind: 'PLANNED', special: 'SURVEY', triggerSource: null, triggerRef: null, code: null, codeAppliedAt: null })
    const id = emitTask(world, draft)
    addCase(world.manifest, 'SURVEY_EXEMPTION_MISUSED', [id], [], 'object-already-in-library')
    return true
  }
  return false
}

function lateBackfill(world: TaskWorld, day: number): boolean {
  const draft = emergencyDraft(world, day)
  if (!draft) return false
  const applied = world.wd.nthWorkingDayAfter(day, world.rules.backfillDeadlineWorkingDays + world.random.int(1, 7))
  if (applied > world.lastDay) return false
  draft.code = newCode(world, applied)
  draft.codeAppliedAt = officeTimestamp(world, applied)
  const id = emitTask(world, draft)
  addCase(world.manifest, 'LATE_BACKFILL', [id], [], 'code-applied-late')
  return true
}

function wugan(world: TaskWorld, day: number): boolean {
  const { random, objects } = world
  let all = wuganSpans.get(objects)
  if (!all) {
    all = []
    for (const [e, list] of objects.lists) for (const s of list) if (s.list === 'WUGAN') all.push({ e, domain: s.domain, from: s.from, to: s.to })
    wuganSpans.set(objects, all)
  }
  const spans = all.filter((s) => s.from <= day && day <= s.to)
  for (let i = 0; i < 8 && spans.length > 0; i++) {
    const span = random.pick(spans)
    const domains = enterpriseDomains(world, span.e)
    const domain = span.domain >= 0 ? DOMAINS[span.domain] : domains.length > 0 ? random.pick(domains) : undefined
    if (!domain) continue
    const dept = world.org.byDomain[domain].district
    const s = random.pick(sitesOf(world, span.e))
    const choice = choosePlannedOnsite(world, day, {
      dept, site: s, skip: SKIP.WUGAN, tries: 3,
      accept: (p) => !p.superior && p.participants.length === 0 && (p.targets === null || p.targets.some((t) => t.e === span.e))
    })
    if (!choice) continue
    const id = emitPlannedChoice(world, choice, day)
    addCase(world.manifest, 'WUGAN_OBJECT_INSPECTED', [id], [], span.domain >= 0 ? 'domain-list' : 'all-domains-list')
    return true
  }
  return false
}

function wushi(world: TaskWorld, day: number): boolean {
  const choice = choosePlannedOnsite(world, day, { accept: (p) => !p.superior && p.participants.length === 0 })
  const lead = choice?.depts[0]
  const items = lead ? (world.library.wushi[lead.domainIndex] ?? []) : []
  if (!choice || items.length === 0) return false
  consumeTargetOf(choice)
  const draft = plannedDraft(world, choice, day)
  draft.items = [...draft.items, world.random.pick(items).id]
  const id = emitTask(world, draft)
  addCase(world.manifest, 'WUSHI_ITEM_INSPECTED', [id], [], 'wushi-item-in-planned-inspection')
  return true
}

function resultLate(world: TaskWorld, day: number): boolean {
  const { random, wd, rules, lastDay } = world
  const choice = random.chance(0.6) ? choosePlannedOnsite(world, day) : null
  if (choice) consumeTargetOf(choice)
  const draft = choice ? plannedDraft(world, choice, day) : triggeredDraft(world, day)
  if (!draft) return false
  const k = random.int(0, draft.visits.length - 1)
  const visit = draft.visits[k] as Visit
  const visitDay = draft.visitDays[k] ?? day
  const deadline = wd.nthWorkingDayAfter(visitDay, rules.resultEntryWorkingDays)
  const variant = random.chance(0.7) ? 'entered-late' : 'never-entered'
  if (variant === 'entered-late') {
    const entered = wd.nthWorkingDayAfter(visitDay, rules.resultEntryWorkingDays + random.int(1, 6))
    if (entered > lastDay) return false
    visit.result_entered_at = officeTimestamp(world, entered)
  } else {
    if (deadline >= lastDay) return false
    visit.result_entered_at = null
  }
  const id = emitTask(world, draft)
  addCase(world.manifest, 'RESULT_LATE', [id], [], variant)
  return true
}

function triggerUnsupported(world: TaskWorld, day: number): boolean {
  const draft = triggeredDraft(world, day, { mode: world.random.chance(0.7) ? 'ON_SITE' : 'NON_SITE' })
  if (!draft) return false
  const variant = world.random.chance(0.7) ? 'no-trigger-source' : 'blank-trigger-source'
  draft.triggerSource = variant === 'no-trigger-source' ? null : ''
  if (world.random.chance(0.5)) draft.triggerRef = null
  draft.noRecheck = true
  const id = emitTask(world, draft)
  addCase(world.manifest, 'TRIGGER_UNSUPPORTED', [id], [], variant)
  return true
}

function conduct(world: TaskWorld, day: number): boolean {
  const { random } = world
  const choice = random.chance(0.5) ? choosePlannedOnsite(world, day) : null
  if (choice) consumeTargetOf(choice)
  const draft = choice ? plannedDraft(world, choice, day) : triggeredDraft(world, day)
  const lead = draft?.depts[0]
  if (!draft || !lead) return false
  const visit = draft.visits[0]
  if (!visit) return false
  const valid = validOfficersOn(lead, day)
  const one = valid[0]
  if (!one) return false
  const expired = lead.staff.filter((s) => s.certified && s.validUntilDay < day)
  const aux = lead.staff.filter((s) => s.role === 'AUXILIARY')
  const third = lead.staff.filter((s) => s.role === 'THIRD_PARTY')
  const options: { variant: string; second: string | null }[] = [{ variant: 'single-officer', second: null }]
  if (aux.length > 0) options.push({ variant: 'officer-and-auxiliary', second: random.pick(aux).id })
  if (third.length > 0) options.push({ variant: 'officer-and-third-party', second: random.pick(third).id })
  if (expired.length > 0) options.push({ variant: 'expired-certificate', second: random.pick(expired).id })
  const option = random.pick(options)
  visit.officer_ids = option.second ? [random.pick(valid).id, option.second] : [random.pick(valid).id]
  const id = emitTask(world, draft)
  addCase(world.manifest, 'CONDUCT_VIOLATION', [id], [], option.variant)
  return true
}

// ---- pairs --------------------------------------------------------------------------------------------

function codeNotReused(world: TaskWorld, day: number, capacity: Capacity): boolean {
  const { random } = world
  if (random.chance(0.5)) {
    const original = takeRecheckOriginal(world, day)
    if (!original) return false
    const draft = recheckDraft(world, day, original)
    draft.code = newCode(world, day)
    draft.codeAppliedAt = officeTimestamp(world, day)
    const id = emitTask(world, draft)
    addCase(world.manifest, 'CODE_NOT_REUSED', [original.id, id], [], 'recheck-with-new-code')
    return true
  }
  if (!capacity.canQueue()) return false
  const a = triggeredDraft(world, day)
  if (!a) return false
  const day2 = workdayBetween(world, day + 5, Math.min(day + 40, world.lastDay))
  if (day2 === null) return false
  const first = singleVisit(world, a, day)
  for (const v of first.visits) v.outcome = 'NO_ISSUE'
  first.noRecheck = true
  const mode = random.chance(0.6) ? 'ON_SITE' : 'NON_SITE'
  const second: TaskDraft = {
    ...first, mode, code: newCode(world, day2), codeAppliedAt: officeTimestamp(world, day2), visitDays: [day2],
    visits: cleanVisits(world, first.depts, [day2], mode, 'NO_ISSUE'), noRecheck: true
  }
  const aId = emitTask(world, first)
  enqueue(world, day2, { draft: second, onEmit: (bId) => addCase(world.manifest, 'CODE_NOT_REUSED', [aId, bId], [], 'same-clue-new-code') })
  return true
}

/** Same body, same site, the second planned inspection less than a month after the first (not a capped domain). */
function repeatWithinMonth(world: TaskWorld, day: number, capacity: Capacity): boolean {
  const { random, rules } = world
  if (!capacity.canQueue()) return false
  const domains = DOMAINS.filter((d) => !rules.annualCapOneDomains.includes(d) && d !== 'FIRE' && (world.objects.sitesByDomain[DOMAIN_INDEX[d]]?.length ?? 0) > 0)
  const choice = choosePlannedOnsite(world, day, { domain: random.pick(domains) })
  if (!choice) return false
  const variant = random.chance(0.6) ? 'after-planned' : 'after-triggered'
  const dept = choice.depts[0] as DeptInfo
  const first = variant === 'after-planned' ? plannedDraft(world, choice, day) : triggeredDraft(world, day, { dept, site: choice.s })
  if (!first) return false
  const p = singleVisit(world, first, day)
  const day2 = workdayBetween(world, day + 1, Math.min(addMonths(day, rules.minIntervalMonths) - 1, world.lastDay))
  if (day2 === null || !planStillCovers(choice.plan, day2)) return false
  if (checkPlannedOnsite(world, choice.depts, choice.e, choice.s, day2, superiorCovered(choice.plan)) !== ALLOWED) return false
  const t = plannedDraft(world, choice, day2)
  applyCodeAfter(world, t, day, day2)
  if (variant === 'after-triggered') {
    // The clue's items must not cover all of t's, or t would be "already covered" (extension rule PLANNED_ALREADY_COVERED).
    const own = t.items[0]
    p.items = p.items.filter((i) => i !== own)
    if (p.items.length === 0) p.items = (world.library.plannable[dept.domainIndex] ?? []).map((i) => i.id).filter((i) => !t.items.includes(i)).slice(0, 1)
  }
  if (variant === 'after-planned') consumeTargetOf(choice)
  const pId = emitTask(world, p)
  reserve(world, choice.e, day2)
  enqueue(world, day2, { draft: t, onEmit: (tId) => addCase(world.manifest, 'REPEAT_WITHIN_MONTH', [pId, tId], [], variant) })
  return true
}

/** Same body, same site, two planned inspections more than a month apart but in the same year (capped domain). */
function repeatPlannedAnnual(world: TaskWorld, day: number, capacity: Capacity): boolean {
  const { random, rules } = world
  if (!capacity.canQueue()) return false
  const domains = rules.annualCapOneDomains.filter((d) => (world.objects.sitesByDomain[DOMAIN_INDEX[d]]?.length ?? 0) > 0)
  if (domains.length === 0) return false
  const choice = choosePlannedOnsite(world, day, { domain: random.pick(domains) })
  if (!choice) return false
  const p = singleVisit(world, plannedDraft(world, choice, day), day)
  const earliest = Math.max(world.siteGap.plus(day), world.enterpriseGap.plus(day))
  const yearEnd = Math.min(world.lastDay, choice.plan?.windowTo ?? world.lastDay)
  const day2 = workdayBetween(world, earliest, Math.min(earliest + 60, yearEnd))
  if (day2 === null || world.yearOf(day2) !== world.yearOf(day) || !planStillCovers(choice.plan, day2)) return false
  if (checkPlannedOnsite(world, choice.depts, choice.e, choice.s, day2, superiorCovered(choice.plan)) !== ALLOWED) return false
  const t = plannedDraft(world, choice, day2)
  applyCodeAfter(world, t, day, day2)
  consumeTargetOf(choice)
  const pId = emitTask(world, p)
  reserve(world, choice.e, day2)
  enqueue(world, day2, { draft: t, onEmit: (tId) => addCase(world.manifest, 'REPEAT_PLANNED_ANNUAL', [pId, tId], [], 'same-site-same-year') })
  return true
}

/** A city (or district) body inspects a site the other level inspected for the same item less than a month before. */
function recognitionIgnored(world: TaskWorld, day: number, capacity: Capacity): boolean {
  const { random, rules, org } = world
  if (!capacity.canQueue()) return false
  const domains = rules.recognitionDomains.filter((d) => (world.objects.sitesByDomain[DOMAIN_INDEX[d]]?.length ?? 0) > 0)
  if (domains.length === 0) return false
  const domain = random.pick(domains)
  const cityFirst = random.chance(0.5)
  const pDept = cityFirst ? org.byDomain[domain].city : org.byDomain[domain].district
  const tDept = cityFirst ? org.byDomain[domain].district : org.byDomain[domain].city
  const choice = choosePlannedOnsite(world, day, { dept: tDept, tries: 6 })
  if (!choice) return false
  const p = triggeredDraft(world, day, { dept: pDept, site: choice.s })
  if (!p) return false
  const first = singleVisit(world, p, day)
  const day2 = workdayBetween(world, day + 1, Math.min(addMonths(day, rules.recognitionWindowMonths) - 1, world.lastDay))
  if (day2 === null || !planStillCovers(choice.plan, day2)) return false
  if (checkPlannedOnsite(world, choice.depts, choice.e, choice.s, day2, superiorCovered(choice.plan)) !== ALLOWED) return false
  const t = plannedDraft(world, choice, day2)
  const shared = t.items[0]
  if (shared && !first.items.includes(shared)) first.items = [shared, ...first.items.slice(1)]
  consumeTargetOf(choice)
  const pId = emitTask(world, first)
  reserve(world, choice.e, day2)
  enqueue(world, day2, { draft: t, onEmit: (tId) => addCase(world.manifest, 'RESULT_RECOGNITION_IGNORED', [pId, tId], [], cityFirst ? 'city-then-district' : 'district-then-city') })
  return true
}

/** Two bodies inspect the same enterprise under plans less than a month apart, and the second gives no reason. */
function jointMissed(world: TaskWorld, day: number, capacity: Capacity): boolean {
  const { random, org, objects } = world
  if (!capacity.canQueue()) return false
  for (let i = 0; i < 6; i++) {
    const pool = objects.sitesByDomain[DOMAIN_INDEX[pickDomain(world)]] ?? new Int32Array()
    const e = objects.siteEnterprise[pool[random.int(0, pool.length - 1)] ?? 0] ?? 0
    const domains = enterpriseDomains(world, e).filter((d) => d !== 'FIRE')
    if (domains.length < 2 || isReserved(world, e, day)) continue
    const [x, y] = random.sample(domains, 2) as [Domain, Domain]
    const deptA = org.byDomain[x].district, deptB = org.byDomain[y].district
    const sites = sitesOf(world, e)
    // Not a special plan kept to earlier cases or clues (HRSS_SPECIAL_SCOPE): its inspections go only where a case or clue came first (siteWithEarlierHrssClue).
    const coversE = (p: PlanInfo) => p.participants.length === 0 && !isScopedSpecial(world, p) && (p.targets === null || p.targets.some((t) => t.e === e))
    const choice = choosePlannedOnsite(world, day, { dept: deptA, site: random.pick(sites), accept: coversE, tries: 3 })
    if (!choice) continue
    const day2 = workdayBetween(world, day + 1, Math.min(world.enterpriseGap.plus(day) - 1, world.lastDay))
    if (day2 === null) continue
    const planB = pickPlan(world, deptB, day, (p) => coversE(p) && p.windowTo >= day2)
    const sB = random.pick(sites)
    if (!planB || hasListEntry(objects, e, 'NO_JOINT', day2, [DOMAIN_INDEX[x], DOMAIN_INDEX[y]])) continue
    if (checkPlannedOnsite(world, [deptB], e, sB, day2, planB.superior) !== ALLOWED) continue
    const tChoice: PlannedChoice = { depts: [deptB], plan: planB, e, s: sB, target: planB.targets ? planB.targets.findIndex((t, k) => k >= planB.nextTarget && t.e === e) : -1, declineReason: null }
    const t = plannedDraft(world, tChoice, day2)
    const pId = emitPlannedChoice(world, choice, day)
    consumeTargetOf(tChoice)
    reserve(world, e, day2)
    enqueue(world, day2, { draft: t, onEmit: (tId) => addCase(world.manifest, 'JOINT_MISSED_NO_REASON', [pId, tId], [], 'no-decline-reason') })
    return true
  }
  return false
}

/** A fire key unit graded B inspected twice in a year under fire plans (led by the fire brigade). */
function fireBOver(world: TaskWorld, day: number, capacity: Capacity): boolean {
  const { random, objects, org } = world
  if (!capacity.canQueue()) return false
  const fire = org.byDomain.FIRE.district
  for (let i = 0; i < 6; i++) {
    const pool = objects.sitesByDomain[DOMAIN_INDEX.FIRE] ?? new Int32Array()
    if (pool.length === 0) return false
    const e = objects.siteEnterprise[pool[random.int(0, pool.length - 1)] ?? 0] ?? 0
    if (objects.fireGrade[e] !== 2 || objects.fireKeyUnit[e] !== 1 || isReserved(world, e, day)) continue
    const sites = sitesOf(world, e)
    const sA = random.pick(sites), sB = random.pick(sites)
    const choice = choosePlannedOnsite(world, day, {
      dept: fire, site: sA, tries: 3, accept: (p) => p.participants.length === 0 && p.windowTo > day + 40 && (p.targets === null || p.targets.some((t) => t.e === e))
    })
    if (!choice) continue
    const earliest = Math.max(world.enterpriseGap.plus(day), sA === sB ? world.siteGap.plus(day) : day + 1)
    const day2 = workdayBetween(world, earliest, Math.min(earliest + 45, world.lastDay, choice.plan?.windowTo ?? world.lastDay))
    if (day2 === null || world.yearOf(day2) !== world.yearOf(day) || !planStillCovers(choice.plan, day2)) continue
    if (checkPlannedOnsite(world, [fire], e, sB, day2, superiorCovered(choice.plan)) !== ALLOWED) continue
    const p = singleVisit(world, plannedDraft(world, choice, day), day)
    const t = plannedDraft(world, { ...choice, s: sB }, day2)
    applyCodeAfter(world, t, day, day2)
    consumeTargetOf(choice)
    const pId = emitTask(world, p)
    reserve(world, e, day2)
    enqueue(world, day2, { draft: t, onEmit: (tId) => addCase(world.manifest, 'FIRE_B_OVER', [pId, tId], [], sA === sB ? 'same-site' : 'two-sites') })
    return true
  }
  return false
}

export type TaskInjector = (world: TaskWorld, day: number, capacity: Capacity) => boolean

/** Injectors of the task rules (PLAN_PUBLICATION_LATE is planted with the plans, NEGATIVE_EVALUATION at emission). */
export const TASK_INJECTORS: Partial<Record<InjectableRule, TaskInjector>> = {
  UNFILED_PLANNED_INSPECTION: unfiled,
  NO_CODE_INSPECTION: noCode,
  SURVEY_EXEMPTION_MISUSED: surveyMisused,
  LATE_BACKFILL: lateBackfill,
  REPEAT_WITHIN_MONTH: repeatWithinMonth,
  REPEAT_PLANNED_ANNUAL: repeatPlannedAnnual,
  RESULT_RECOGNITION_IGNORED: recognitionIgnored,
  WUGAN_OBJECT_INSPECTED: wugan,
  WUSHI_ITEM_INSPECTED: wushi,
  JOINT_MISSED_NO_REASON: jointMissed,
  CODE_NOT_REUSED: codeNotReused,
  RESULT_LATE: resultLate,
  TRIGGER_UNSUPPORTED: triggerUnsupported,
  CONDUCT_VIOLATION: conduct,
  FIRE_B_OVER: fireBOver
}
