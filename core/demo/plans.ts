// Inspection plans (检查计划): annual plans of every body for 2025 and 2026 (published by the deadline,
// except the planted PLAN_PUBLICATION_LATE cases), monthly plans naming their objects, special (专项)
// plans, some deployed from above (上级部署), and joint plans (联合检查) with participants; in every
// status, with consistent submitted/filed/published times and a 计划编码 once filed. Also the index the
// scheduler uses to find the plans that cover a body on a day.
import type { Item, Plan, PlanTarget } from '../contract/records.ts'
import type { Domain } from '../contract/scalars.ts'
import { INDUSTRIES } from './catalogue/industries.ts'
import { JOINT_THEMES, PLAN_FREQUENCIES, PLAN_METHODS, SCOPE_NOUNS, SELF_INITIATED_SPECIAL_THEMES, SPECIAL_THEMES } from './catalogue/phrases.ts'
import { TOWNS } from './catalogue/places.ts'
import { addMonths, dateOf, dayOf, timestampOf, yearOf, type WorkingDays } from './days.ts'
import { addCase, type InjectionManifest } from './injections.ts'
import type { ItemLibrary } from './itemLibrary.ts'
import type { Objects } from './objects.ts'
import { DOMAIN_INDEX, type DeptInfo, type Organisation } from './organisation.ts'
import type { Random } from './random.ts'
import type { DemoRuleParameters } from './ruleParameters.ts'

export type PlanTargetRef = { e: number; s: number }

export type PlanInfo = {
  record: Plan
  lead: DeptInfo
  participants: DeptInfo[]
  windowFrom: number
  windowTo: number
  /** Status FILED or PUBLISHED: the plan can cover inspections from max(window start, filing day). */
  covers: boolean
  coversFrom: number
  filedDay: number | null
  targets: PlanTargetRef[] | null
  /** Targets not yet inspected under this plan are targets[nextTarget…]. */
  nextTarget: number
  superior: boolean
  items: Item[]
}

export type PlanBook = {
  plans: PlanInfo[]
  /** Per department index: the covering plans it may cite (as lead or participant), by coversFrom. */
  coverage: PlanInfo[][]
  /** Plans that never cover (draft, submitted, returned, withdrawn): material for UNFILED cases. */
  notCovering: PlanInfo[]
}

export type PlanBuildContext = {
  random: Random
  org: Organisation
  objects: Objects
  library: ItemLibrary
  wd: WorkingDays
  rules: DemoRuleParameters
  firstDay: number
  lastDay: number
  manifest: InjectionManifest
}

type Draft = Omit<PlanInfo, 'record' | 'covers' | 'coversFrom' | 'filedDay' | 'nextTarget'> & {
  title: string
  planType: Plan['plan_type']
  origin: Plan['origin']
  year: number
  scope: string | null
  samplingRatio: number | null
}

type Timing = { status: Plan['status']; submitted: number | null; filed: number | null; published: number | null }

const round2 = (x: number) => Math.round(x * 100) / 100

function workdayOnOrBefore(wd: WorkingDays, day: number): number {
  let d = day
  while (!wd.isWorkingDay(d)) d--
  return d
}

function workdayOnOrAfter(wd: WorkingDays, day: number): number {
  let d = day
  while (!wd.isWorkingDay(d)) d++
  return d
}

/** Office hours within a band, so that a plan submitted, filed and published on one day keeps that order. */
function officeTime(random: Random, day: number, band: 'submitted' | 'filed' | 'published'): string {
  const [from, to] = band === 'submitted' ? [8, 11] : band === 'filed' ? [12, 14] : [15, 17]
  return timestampOf(day, random.int(from, to), random.pick([0, 5, 10, 15, 20, 30, 40, 45, 50]))
}

/** Status and times of a non-annual plan from where its window lies relative to the data's last day. */
function timingFor(ctx: PlanBuildContext, windowFrom: number, submitBy = Number.MAX_SAFE_INTEGER): Timing {
  const { random, wd, lastDay } = ctx
  if (windowFrom > lastDay) {
    const status = random.weighted(['SUBMITTED', 'DRAFT', 'FILED', 'RETURNED'] as const, [70, 10, 12, 8])
    if (status === 'DRAFT') return { status, submitted: null, filed: null, published: null }
    const submitted = workdayOnOrBefore(wd, Math.min(lastDay - random.int(0, 24), submitBy))
    if (status !== 'FILED') return { status, submitted, filed: null, published: null }
    const filed = Math.min(lastDay, wd.nthWorkingDayAfter(submitted, random.int(1, 3)))
    return { status, submitted, filed, published: null }
  }
  const status = random.weighted(['PUBLISHED', 'FILED', 'WITHDRAWN', 'RETURNED'] as const, [82, 10, 4, 4])
  const submitted = workdayOnOrBefore(wd, Math.min(windowFrom - random.int(6, 20), submitBy))
  if (status === 'RETURNED') return { status, submitted, filed: null, published: null }
  const filed = wd.nthWorkingDayAfter(submitted, random.int(1, 5))
  if (filed > lastDay) return { status: 'SUBMITTED', submitted, filed: null, published: null }
  if (status === 'WITHDRAWN') return { status, submitted, filed: random.chance(0.5) ? filed : null, published: null }
  if (status === 'FILED') return { status, submitted, filed, published: null }
  const published = wd.nthWorkingDayAfter(filed, random.int(0, 3))
  if (published > lastDay) return { status: 'FILED', submitted, filed, published: null }
  return { status, submitted, filed, published }
}

function planItems(ctx: PlanBuildContext, domains: readonly Domain[], perDomain: [number, number]): Item[] {
  const out: Item[] = []
  for (const d of domains) {
    const pool = ctx.library.plannable[DOMAIN_INDEX[d]] ?? []
    out.push(...ctx.random.sample(pool, ctx.random.int(perDomain[0], perDomain[1])))
  }
  return out
}

function legalBasisOf(items: readonly Item[]): string {
  return [...new Set(items.map((i) => i.legal_basis).filter((b): b is string => !!b))].slice(0, 3).join('；')
}

function areaOf(dept: DeptInfo): string {
  if (dept.level === 'CITY') return '本市'
  const town = TOWNS[dept.town]
  return town ? `${town.name}辖区` : '本区'
}

/** Sites of objects `dept` inspects (its 街镇 only, for a 街镇-level body). */
function sitePool(ctx: PlanBuildContext, dept: DeptInfo): Int32Array {
  if (dept.level === 'TOWN') return ctx.objects.sitesByDomainTown[dept.domainIndex]?.[dept.town] ?? new Int32Array()
  return ctx.objects.sitesByDomain[dept.domainIndex] ?? new Int32Array()
}

function pickTargets(ctx: PlanBuildContext, sites: Int32Array, count: number): PlanTargetRef[] {
  const { random, objects } = ctx
  const seen = new Set<number>()
  const out: PlanTargetRef[] = []
  for (let tries = 0; out.length < count && tries < count * 4 && sites.length > 0; tries++) {
    const s = sites[random.int(0, sites.length - 1)] ?? 0
    const e = objects.siteEnterprise[s] ?? 0
    if (seen.has(e)) continue
    seen.add(e)
    out.push({ e, s })
  }
  return out
}

function toRecord(ctx: PlanBuildContext, id: string, d: Draft, t: Timing): PlanInfo {
  const { random, objects } = ctx
  const named = d.targets?.map((t): PlanTarget => ({
    enterprise_id: objects.enterprises[t.e]?.id ?? '',
    // A target names its site when the plan is about one 经营场所; otherwise the whole enterprise.
    site_id: random.chance(0.6) ? (objects.siteIds[t.s] ?? null) : null
  })) ?? null
  const record: Plan = {
    type: 'plan', id, plan_code: null, department_id: d.lead.id,
    participant_department_ids: d.participants.length > 0 ? d.participants.map((p) => p.id) : null,
    title: d.title, plan_type: d.planType, origin: d.origin, year: d.year,
    window_from: dateOf(d.windowFrom), window_to: dateOf(d.windowTo), item_ids: d.items.map((i) => i.id),
    targets: named, scope: d.scope, sampling_ratio: d.samplingRatio, method: random.pick(PLAN_METHODS),
    frequency: random.pick(PLAN_FREQUENCIES[d.planType]), legal_basis: legalBasisOf(d.items), status: t.status,
    submitted_at: t.submitted === null ? null : officeTime(random, t.submitted, 'submitted'),
    filed_at: t.filed === null ? null : officeTime(random, t.filed, 'filed'),
    published_at: t.published === null ? null : officeTime(random, t.published, 'published')
  }
  const covers = t.status === 'FILED' || t.status === 'PUBLISHED'
  return {
    ...d, record, covers, filedDay: t.filed, coversFrom: covers && t.filed !== null ? Math.max(d.windowFrom, t.filed) : Number.MAX_SAFE_INTEGER,
    nextTarget: 0
  }
}

function annualDraft(ctx: PlanBuildContext, dept: DeptInfo, year: number): Draft {
  const { random } = ctx
  const items = planItems(ctx, [dept.domain], [3, 6])
  return {
    lead: dept, participants: [], windowFrom: dayOf(`${year}-01-01`), windowTo: dayOf(`${year}-12-31`), targets: null,
    superior: false, items, title: `${dept.name}${year}年度涉企行政检查计划`, planType: 'ANNUAL', origin: 'SELF', year,
    scope: `${areaOf(dept)}${SCOPE_NOUNS[dept.domain]}`, samplingRatio: round2(0.05 + random.next() * 0.25)
  }
}

/** Annual plans are due by the publication deadline; this one makes it (submitted Jan–Feb, published by mid-March). */
function onTimeAnnual(ctx: PlanBuildContext, year: number): Timing {
  const { random, wd } = ctx
  const submitted = workdayOnOrAfter(wd, dayOf(`${year}-01-05`) + random.int(0, 25))
  // Filed by the end of February (the fire brigade's filing deadline, extension rule PLAN_FILING_LATE).
  const filed = Math.min(wd.nthWorkingDayAfter(submitted, random.int(2, 6)), workdayOnOrBefore(wd, dayOf(`${year}-${ctx.rules.fireAnnualFilingDeadline}`)))
  const published = wd.nthWorkingDayAfter(filed, random.int(1, 5))
  const deadline = dayOf(`${year}-${ctx.rules.planPublicationDeadline}`)
  return { status: 'PUBLISHED', submitted, filed, published: Math.min(published, workdayOnOrBefore(wd, deadline)) }
}

/** The planted PLAN_PUBLICATION_LATE variants: published after the deadline, filed but never published, stuck. */
function lateAnnual(ctx: PlanBuildContext, year: number): { timing: Timing; variant: string } {
  const { random, wd } = ctx
  const deadline = dayOf(`${year}-${ctx.rules.planPublicationDeadline}`)
  const variant = random.pick(['published-late', 'published-late', 'filed-not-published', 'still-submitted', 'returned'] as const)
  const submitted = workdayOnOrAfter(wd, deadline - random.int(5, 40))
  if (variant === 'still-submitted') return { variant, timing: { status: 'SUBMITTED', submitted, filed: null, published: null } }
  if (variant === 'returned') return { variant, timing: { status: 'RETURNED', submitted, filed: null, published: null } }
  const filed = wd.nthWorkingDayAfter(submitted, random.int(2, 8))
  if (variant === 'filed-not-published') return { variant, timing: { status: 'FILED', submitted, filed, published: null } }
  const published = Math.max(wd.nthWorkingDayAfter(filed, random.int(1, 5)), wd.nthWorkingDayAfter(deadline, random.int(1, 30)))
  return { variant, timing: { status: 'PUBLISHED', submitted, filed: Math.min(filed, published), published } }
}

function monthlyDraft(ctx: PlanBuildContext, dept: DeptInfo, month: number): Draft | null {
  const { random } = ctx
  const pool = sitePool(ctx, dept)
  if (pool.length === 0) return null
  const from = month, to = addMonths(month, 1) - 1
  const year = yearOf(from)
  return {
    lead: dept, participants: [], windowFrom: from, windowTo: to, targets: pickTargets(ctx, pool, random.int(4, 16)), superior: false,
    items: planItems(ctx, [dept.domain], [1, 3]), title: `${dept.name}${year}年${Number(dateOf(from).slice(5, 7))}月涉企检查计划`,
    planType: 'MONTHLY', origin: 'SELF', year, scope: null, samplingRatio: null
  }
}

function specialDraft(ctx: PlanBuildContext, months: readonly number[]): Draft {
  const { random, org } = ctx
  const theme = random.pick(SPECIAL_THEMES)
  const domain = random.pick(theme.domains)
  const bodies = org.byDomain[domain]
  const dept = random.chance(0.12) ? bodies.city : bodies.district
  const from = random.pick(months)
  const year = yearOf(from)
  const to = Math.min(addMonths(from, random.int(1, 3)) - 1, dayOf(`${year}-12-31`))
  // HRSS special inspections follow an upper level's deployment and go where cases or clues came first
  // (R-PLAN-12; HRSS_SPECIAL_SCOPE's domains): never self-initiated by a district body, never a list drawn
  // in advance. The random draws are made all the same, so that the rest of the data set does not move.
  const scoped = isScopedSpecialOf(ctx.rules, domain, 'SPECIAL')
  const superior = dept.level !== 'CITY' && ((theme.superior ? random.chance(0.7) : random.chance(0.1)) || scoped)
  const drawnTargeted = random.chance(0.35)
  const drawnTargets = drawnTargeted ? pickTargets(ctx, sitePool(ctx, dept), random.int(5, 25)) : null
  const targeted = drawnTargeted && !scoped
  return {
    lead: dept, participants: [], windowFrom: from, windowTo: to, superior,
    targets: targeted ? drawnTargets : null,
    items: planItems(ctx, [domain], [1, 3]), title: `${year}年${dept.name}${theme.title}工作方案`, planType: 'SPECIAL',
    origin: superior ? 'SUPERIOR' : 'SELF', year, scope: targeted ? null : `${areaOf(dept)}${SCOPE_NOUNS[domain]}`,
    samplingRatio: targeted ? null : round2(0.2 + random.next() * 0.4)
  }
}

function jointDraft(ctx: PlanBuildContext, months: readonly number[]): Draft | null {
  const { random, org, objects } = ctx
  const theme = random.pick(JOINT_THEMES)
  const industry = INDUSTRIES.findIndex((i) => i.label === theme.industry)
  const needsKeyUnit = theme.lead === 'FIRE' || theme.participants.includes('FIRE')
  const candidates = Array.from(objects.enterprisesByIndustry[industry] ?? []).filter((e) => !needsKeyUnit || objects.fireKeyUnit[e] === 1)
  if (candidates.length === 0) return null
  const from = random.pick(months)
  const year = yearOf(from)
  const to = Math.min(addMonths(from, random.int(1, 3)) - 1, dayOf(`${year}-12-31`))
  const targets = random.sample(candidates, random.int(5, 25)).map((e) => ({ e, s: objects.siteStart[e] ?? 0 }))
  return {
    lead: org.byDomain[theme.lead].district, participants: theme.participants.map((d) => org.byDomain[d].district),
    windowFrom: from, windowTo: to, targets, superior: false, items: planItems(ctx, [theme.lead, ...theme.participants], [1, 2]),
    title: `${year}年${theme.title}计划`, planType: 'SPECIAL', origin: 'JOINT', year, scope: null, samplingRatio: null
  }
}

/** A monthly plan is drawn up by the N-th of the previous month (extension rule MONTHLY_PLAN_LATE; ENV/TRAN: 25th). */
function monthlyDeadline(ctx: PlanBuildContext, monthStart: number): number {
  return addMonths(monthStart, -1) + ctx.rules.monthlyPlanDeadlineDay - 1
}

/** Bodies that draw up monthly plans: district TRAN/ENV/FIRE (required monthly), a few others, and the 街镇 所/中队. */
function monthlyDepartments(org: Organisation): DeptInfo[] {
  const district = (['TRAN', 'ENV', 'FIRE', 'EMER', 'MKT', 'URB', 'CONS'] as const).map((d) => org.byDomain[d].district)
  const towns = (['MKT', 'URB'] as const).flatMap((d) => org.byDomain[d].towns.filter((t): t is DeptInfo => !!t))
  return [...district, ...towns]
}

export type PlanBudget = { total: number; annualLateRate: number }

/** Number of plans a data set gets when the caller does not say: about one per 40 tasks, never fewer than the fixed set. */
export function defaultPlanCount(tasks: number): number {
  return Math.round(tasks / 40)
}

export function buildPlans(ctx: PlanBuildContext, budget: PlanBudget): PlanBook {
  const { random, org, firstDay, lastDay } = ctx
  const drafts: { draft: Draft; timing: Timing; late?: string }[] = []
  const years = [yearOf(firstDay), yearOf(lastDay)].filter((y, i, a) => a.indexOf(y) === i)

  // Annual plans of every body and year, a few of them planted late.
  const annual: { dept: DeptInfo; year: number }[] = []
  for (const year of years) for (const dept of org.departments) annual.push({ dept, year })
  const lateCount = budget.annualLateRate > 0 ? Math.max(1, Math.round(annual.length * budget.annualLateRate)) : 0
  // Not the fire brigade's: its late filing would raise an extension rule (PLAN_FILING_LATE) as well.
  const late = new Set(random.sample(annual.map((_, i) => i).filter((i) => annual[i]?.dept.domain !== 'FIRE'), lateCount))
  annual.forEach(({ dept, year }, i) => {
    if (late.has(i)) {
      const { timing, variant } = lateAnnual(ctx, year)
      drafts.push({ draft: annualDraft(ctx, dept, year), timing, late: variant })
    } else drafts.push({ draft: annualDraft(ctx, dept, year), timing: onTimeAnnual(ctx, year) })
  })

  // Next year's annual plans of the district and 街镇 bodies, drawn up in November: most of them in
  // review (the officer's queue), some still drafts, a few already returned.
  const nextYear = yearOf(lastDay) + 1
  for (const dept of org.departments.filter((d) => d.level !== 'CITY')) {
    if (!random.chance(0.85)) continue
    const status = random.weighted(['SUBMITTED', 'DRAFT', 'RETURNED'] as const, [70, 15, 15])
    const submitted = status === 'DRAFT' ? null : workdayOnOrBefore(ctx.wd, lastDay - random.int(0, 24))
    drafts.push({ draft: annualDraft(ctx, dept, nextYear), timing: { status, submitted, filed: null, published: null } })
  }

  // Every monthly-planning body has next month's plan on the way.
  const lastMonthStart = dayOf(`${dateOf(lastDay).slice(0, 7)}-01`)
  const nextMonth = addMonths(lastMonthStart, 1)
  const monthlyDepts = monthlyDepartments(org)
  for (const dept of monthlyDepts) {
    const draft = monthlyDraft(ctx, dept, nextMonth)
    if (draft) drafts.push({ draft, timing: timingFor(ctx, draft.windowFrom, monthlyDeadline(ctx, draft.windowFrom)) })
  }

  const months: number[] = []
  for (let m = dayOf(`${dateOf(firstDay).slice(0, 7)}-01`); m <= nextMonth; m = addMonths(m, 1)) months.push(m)
  const rest = Math.max(budget.total - drafts.length, 28)
  const nJoint = Math.max(4, Math.round(rest * 0.15)), nSpecial = Math.max(8, Math.round(rest * 0.25))
  const nMonthly = Math.max(0, rest - nJoint - nSpecial)
  const pairs = random.sample(monthlyDepts.flatMap((dept) => months.slice(0, -1).map((month) => ({ dept, month }))), Number.MAX_SAFE_INTEGER)
  for (let k = 0; k < nMonthly && pairs.length > 0; k++) {
    const pair = pairs[k % pairs.length]
    const draft = pair ? monthlyDraft(ctx, pair.dept, pair.month) : null
    if (draft) drafts.push({ draft, timing: timingFor(ctx, draft.windowFrom, monthlyDeadline(ctx, draft.windowFrom)) })
  }
  for (let k = 0; k < nSpecial; k++) {
    const draft = specialDraft(ctx, months)
    drafts.push({ draft, timing: timingFor(ctx, draft.windowFrom) })
  }
  for (let k = 0; k < nJoint; k++) {
    const draft = jointDraft(ctx, months)
    if (draft) drafts.push({ draft, timing: timingFor(ctx, draft.windowFrom) })
  }

  const width = Math.max(6, String(drafts.length).length)
  const plans = drafts.map(({ draft, timing }, i) => toRecord(ctx, `P-${String(i + 1).padStart(width, '0')}`, draft, timing))
  plantIncompletePlans(random.fork('incomplete-plans'), plans)
  assignPlanCodes(plans)
  drafts.forEach(({ late: variant }, i) => {
    const plan = plans[i]
    if (variant && plan) addCase(ctx.manifest, 'PLAN_PUBLICATION_LATE', [], [plan.record.id], variant)
  })

  const coverage: PlanInfo[][] = org.departments.map(() => [])
  for (const plan of plans) {
    if (!plan.covers) continue
    for (const dept of [plan.lead, ...plan.participants]) coverage[dept.index]?.push(plan)
  }
  for (const list of coverage) list.sort((a, b) => a.coversFrom - b.coversFrom)
  const notCovering = plans.filter((p) => !p.covers)
  // After the lists the scheduler draws from, so that the tasks do not move.
  const showcase = scopedSpecialInReview({ ...ctx, random: random.fork('hrss-special-in-review') }, `P-${String(plans.length + 1).padStart(width, '0')}`, nextMonth)
  return { plans: showcase ? [...plans, showcase] : plans, coverage, notCovering }
}

/** A special plan of this domain and type is kept to earlier cases or clues (HRSS_SPECIAL_SCOPE). */
export function isScopedSpecialOf(rules: DemoRuleParameters, domain: Domain, planType: Plan['plan_type']): boolean {
  return rules.specialScopeDomains.includes(domain) && rules.specialScopePlanTypes.includes(planType)
}

/**
 * One HRSS special plan in the review queue that the plan-time checks of R-PLAN-12 stop: drawn up by the
 * district bureau itself rather than deployed from above, naming enterprises picked without regard to
 * earlier cases or clues. Its own random stream; it covers nothing (submitted), so no task depends on it.
 */
function scopedSpecialInReview(ctx: PlanBuildContext, id: string, month: number): PlanInfo | null {
  const domain = ctx.rules.specialScopeDomains[0]
  if (domain === undefined || !isScopedSpecialOf(ctx.rules, domain, 'SPECIAL')) return null
  const dept = ctx.org.byDomain[domain].district
  const targets = pickTargets(ctx, sitePool(ctx, dept), 6)
  if (targets.length === 0) return null
  const year = yearOf(month)
  const draft: Draft = {
    lead: dept, participants: [], windowFrom: month, windowTo: addMonths(month, 1) - 1, targets, superior: false,
    items: planItems(ctx, [domain], [1, 2]), title: `${year}年${dept.name}${SELF_INITIATED_SPECIAL_THEMES[domain] ?? ''}专项检查工作方案`, planType: 'SPECIAL',
    origin: 'SELF', year, scope: null, samplingRatio: null
  }
  const submitted = workdayOnOrBefore(ctx.wd, ctx.lastDay - 3)
  return toRecord(ctx, id, draft, { status: 'SUBMITTED', submitted, filed: null, published: null })
}

/**
 * A few filed special and monthly plans that leave out a field every domain requires (extension rule
 * PLAN_INCOMPLETE, D-18): the object range of a plan without named objects, else its items. Only the
 * filed record loses it: the scheduler keeps the draft's items and objects, so no task moves. Drawn
 * from their own random stream, so the rest of the data set does not move either.
 */
function plantIncompletePlans(random: Random, plans: PlanInfo[]): void {
  const candidates = plans.filter((p) => p.covers && p.record.plan_type !== 'ANNUAL' && p.record.origin !== 'JOINT')
  for (const plan of random.sample(candidates, Math.max(1, Math.round(candidates.length * 0.02)))) {
    if (plan.record.targets === null) plan.record.scope = null
    else plan.record.item_ids = []
  }
}

/** 计划编码 once filed: JS-<year>-<domain>-<n> for district plans (SH- for city plans), numbered in filing order. */
function assignPlanCodes(plans: PlanInfo[]): void {
  const filed = plans.filter((p) => p.filedDay !== null).sort((a, b) => (a.record.filed_at ?? '').localeCompare(b.record.filed_at ?? '') || a.record.id.localeCompare(b.record.id))
  const counters = new Map<string, number>()
  for (const p of filed) {
    const prefix = `${p.lead.level === 'CITY' ? 'SH' : 'JS'}-${p.record.year}-${p.lead.domain}`
    const n = (counters.get(prefix) ?? 0) + 1
    counters.set(prefix, n)
    p.record.plan_code = `${prefix}-${String(n).padStart(4, '0')}`
  }
}

/**
 * The plans covering a body's inspections day by day. Days only move forward (the scheduler walks the
 * calendar), so each body keeps a pointer into its sorted coverage list plus the currently open plans.
 */
export type PlanCursor = { active(dept: DeptInfo, day: number): PlanInfo[] }

export function createPlanCursor(book: PlanBook): PlanCursor {
  const next = book.coverage.map(() => 0)
  const open: PlanInfo[][] = book.coverage.map(() => [])
  return {
    active(dept, day) {
      const list = book.coverage[dept.index] ?? []
      const mine = open[dept.index] ?? []
      let i = next[dept.index] ?? 0
      while (i < list.length && (list[i]?.coversFrom ?? Infinity) <= day) mine.push(list[i++] as PlanInfo)
      next[dept.index] = i
      let w = 0
      for (const p of mine) if (p.windowTo >= day && (p.targets === null || p.nextTarget < p.targets.length)) mine[w++] = p
      mine.length = w
      return mine
    }
  }
}

