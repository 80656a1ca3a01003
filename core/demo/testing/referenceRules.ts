// A deliberately naive, literal reading of ../shared/domain/rules-core-v1.md, used only by the demo
// generator's tests to check that the planted cases raise exactly their flags and the clean data none.
// It is not the rule engine (core/rules/): no rule pack, no incremental runs, no evidence or messages,
// and it holds every record in memory. Parameters are the shanghai-2025 defaults the generator uses.
import type { CalendarDay, Department, Enterprise, Evaluation, InterchangeRecord, Item, ListEntry, Officer, Plan, Task } from '../../contract/records.ts'
import { shanghaiDate } from '../../contract/scalars.ts'
import { addMonths, createWorkingDays, dateOf, dayOf } from '../days.ts'
import type { InjectableRule } from '../injections.ts'
import type { DemoRuleParameters } from '../ruleParameters.ts'

export type FlagIdentity = { rule: InjectableRule; task_ids: string[]; plan_ids: string[] }

type T = Task & { first: string; last: string; visitsAsOf: Task['visits'] }

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === ''
const plusMonths = (date: string, months: number): string => dateOf(addMonths(dayOf(date), months))

export function referenceFlags(records: readonly InterchangeRecord[], asOf: string, p: DemoRuleParameters): FlagIdentity[] {
  const departments = new Map<string, Department>(), officers = new Map<string, Officer>(), enterprises = new Map<string, Enterprise>()
  const items = new Map<string, Item>(), plans = new Map<string, Plan>(), tasksById = new Map<string, T>()
  const lists: ListEntry[] = [], evaluations: Evaluation[] = [], calendar: CalendarDay[] = [], tasks: T[] = []
  const tsDate = (ts: string | null): string | null => (ts === null || blank(ts) ? null : shanghaiDate(ts) > asOf ? null : shanghaiDate(ts))
  for (const r of records) {
    if (r.type === 'department') departments.set(r.id, r)
    else if (r.type === 'officer') officers.set(r.id, r)
    else if (r.type === 'enterprise') enterprises.set(r.id, r)
    else if (r.type === 'item') items.set(r.id, r)
    else if (r.type === 'plan') plans.set(r.id, r)
    else if (r.type === 'list_entry') lists.push(r)
    else if (r.type === 'evaluation') evaluations.push(r)
    else if (r.type === 'calendar_day') calendar.push(r)
    else if (r.type === 'task') {
      const visitsAsOf = r.visits.filter((v) => v.date <= asOf)
      const dates = visitsAsOf.map((v) => v.date).sort()
      const t: T = { ...r, visitsAsOf, first: dates[0] ?? '', last: dates[dates.length - 1] ?? '' }
      tasks.push(t)
      tasksById.set(t.id, t)
    }
  }
  const wd = createWorkingDays(calendar)
  const nthWd = (date: string, n: number) => dateOf(wd.nthWorkingDayAfter(dayOf(date), n))
  const byOrder = (a: T, b: T) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const isInspection = (t: T) => t.status !== 'CANCELLED' && t.visitsAsOf.length > 0
  const counted = (t: T) => isInspection(t) && t.mode === 'ON_SITE' && !['SURVEY', 'COMMITMENT_VERIFY', 'RECHECK'].includes(t.special)
  const plannedOnsite = (t: T) => counted(t) && t.kind === 'PLANNED'
  const domainOf = (deptId: string) => departments.get(deptId)?.domain
  const siteKey = (t: T) => `${t.enterprise_id}|${blank(t.site_id) ? (enterprises.get(t.enterprise_id)?.sites[0]?.id ?? '') : t.site_id}`
  const code = (t: T) => (blank(t.code) ? null : t.code)

  const covers = (plan: Plan, t: T): boolean => {
    const filed = tsDate(plan.filed_at)
    const lead = t.department_ids[0] ?? ''
    return (plan.status === 'FILED' || plan.status === 'PUBLISHED') && filed !== null && filed <= t.first &&
      plan.window_from <= t.first && t.first <= plan.window_to &&
      (plan.department_id === lead || (plan.participant_department_ids ?? []).includes(lead)) &&
      (!plan.targets || plan.targets.length === 0 || plan.targets.some((x) => x.enterprise_id === t.enterprise_id))
  }
  const plansByCode = new Map<string, Plan[]>()
  for (const plan of plans.values()) if (!blank(plan.plan_code)) plansByCode.set(plan.plan_code ?? '', [...(plansByCode.get(plan.plan_code ?? '') ?? []), plan])
  const resolved = (t: T): Plan | null => {
    if (t.plan_id && plans.has(t.plan_id)) return plans.get(t.plan_id) ?? null
    if (blank(t.plan_code)) return null
    const candidates = (plansByCode.get(t.plan_code ?? '') ?? []).slice().sort((a, b) => (a.id < b.id ? -1 : 1))
    return candidates.find((c) => covers(c, t)) ?? candidates[0] ?? null
  }
  const exempt = (t: T) => {
    const plan = resolved(t)
    return !!plan && covers(plan, t) && plan.origin === 'SUPERIOR'
  }
  const listCovers = (e: string, list: ListEntry['list'], date: string, domains: readonly (string | undefined)[]) =>
    lists.some((l) => l.list === list && l.enterprise_id === e && l.from <= date && (l.to === null || date <= l.to) && (l.domain === null || domains.includes(l.domain)))

  const out = new Map<string, FlagIdentity>()
  const flag = (rule: InjectableRule, taskIds: string[], planIds: string[] = []) => {
    const f: FlagIdentity = { rule, task_ids: [...new Set(taskIds)].sort(), plan_ids: [...new Set(planIds)].sort() }
    out.set(JSON.stringify(f), f)
  }

  const inspections = tasks.filter(isInspection).sort(byOrder)
  for (const t of inspections) {
    if (plannedOnsite(t)) {
      const plan = resolved(t)
      if (!plan || !covers(plan, t)) flag('UNFILED_PLANNED_INSPECTION', [t.id], plan ? [plan.id] : [])
      if (!exempt(t)) {
        if (listCovers(t.enterprise_id, 'WUGAN', t.first, [domainOf(t.department_ids[0] ?? '')])) flag('WUGAN_OBJECT_INSPECTED', [t.id])
        if (t.item_ids.some((i) => items.get(i)?.list === 'WUSHI')) flag('WUSHI_ITEM_INSPECTED', [t.id])
      }
    }
    if (t.mode === 'ON_SITE' && code(t) === null && t.special !== 'SURVEY') flag('NO_CODE_INSPECTION', [t.id])
    if (t.special === 'SURVEY' && code(t) === null && t.mode === 'ON_SITE') {
      const since = enterprises.get(t.enterprise_id)?.in_library_since
      if (since && since <= t.first) flag('SURVEY_EXEMPTION_MISUSED', [t.id])
    }
    if (t.special === 'EMERGENCY' && code(t) !== null) {
      const applied = tsDate(t.code_applied_at)
      if (applied !== null && applied > nthWd(t.first, p.backfillDeadlineWorkingDays)) flag('LATE_BACKFILL', [t.id])
    }
    if (t.kind === 'TRIGGERED' && blank(t.trigger_source)) flag('TRIGGER_UNSUPPORTED', [t.id])
    if (t.mode === 'ON_SITE') {
      const late = t.visitsAsOf.some((v) => {
        const deadline = nthWd(v.date, p.resultEntryWorkingDays)
        const entered = tsDate(v.result_entered_at)
        return entered === null ? deadline < asOf : entered > deadline
      })
      if (late) flag('RESULT_LATE', [t.id])
      const badVisit = t.visitsAsOf.some((v) => new Set(v.officer_ids.filter((id) => {
        const o = officers.get(id)
        return o && o.role === 'OFFICER' && !blank(o.cert_no) && (o.cert_valid_until === null || o.cert_valid_until >= v.date)
      })).size < 2)
      if (badVisit) flag('CONDUCT_VIOLATION', [t.id])
    }
    if (t.special === 'RECHECK' && t.recheck_of) {
      const original = tasksById.get(t.recheck_of)
      if (original && code(original) !== null && code(t) !== null && code(original) !== code(t)) flag('CODE_NOT_REUSED', [original.id, t.id])
    }
  }

  // CODE_NOT_REUSED, second clause: triggered inspections of one lead and enterprise citing the same clue.
  const byClue = new Map<string, T[]>()
  for (const t of inspections) {
    if (t.kind !== 'TRIGGERED' || blank(t.trigger_ref)) continue
    const k = `${t.department_ids[0]}|${t.enterprise_id}|${t.trigger_ref}`
    byClue.set(k, [...(byClue.get(k) ?? []), t])
  }
  for (const group of byClue.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
      const a = group[i] as T, b = group[j] as T
      if (code(a) !== null && code(b) !== null && code(a) !== code(b)) flag('CODE_NOT_REUSED', [a.id, b.id])
    }
  }

  // Per body and site: REPEAT_WITHIN_MONTH and REPEAT_PLANNED_ANNUAL.
  const byDeptSite = new Map<string, T[]>()
  for (const t of inspections) {
    if (!counted(t)) continue
    for (const d of t.department_ids) byDeptSite.set(`${d}#${siteKey(t)}`, [...(byDeptSite.get(`${d}#${siteKey(t)}`) ?? []), t])
  }
  for (const [key, group] of byDeptSite) {
    group.sort(byOrder)
    for (let i = 1; i < group.length; i++) {
      const t = group[i] as T, prev = group[i - 1] as T
      if (plannedOnsite(t) && t.first < plusMonths(prev.last, p.minIntervalMonths)) flag('REPEAT_WITHIN_MONTH', [prev.id, t.id])
    }
    const domain = domainOf(key.split('#')[0] ?? '')
    if (domain && p.annualCapOneDomains.includes(domain)) {
      const perYear = new Map<string, string[]>()
      for (const t of group) if (plannedOnsite(t)) perYear.set(t.first.slice(0, 4), [...(perYear.get(t.first.slice(0, 4)) ?? []), t.id])
      for (const ids of perYear.values()) if (ids.length >= 2) flag('REPEAT_PLANNED_ANNUAL', ids)
    }
  }

  // RESULT_RECOGNITION_IGNORED, per site.
  const bySite = new Map<string, T[]>()
  for (const t of inspections) if (counted(t)) bySite.set(siteKey(t), [...(bySite.get(siteKey(t)) ?? []), t])
  for (const group of bySite.values()) {
    group.sort(byOrder)
    group.forEach((t, i) => {
      if (!plannedOnsite(t)) return
      for (const dId of t.department_ids) {
        const d = departments.get(dId)
        if (!d || !p.recognitionDomains.includes(d.domain) || (d.level !== 'CITY' && d.level !== 'DISTRICT')) continue
        const other = d.level === 'CITY' ? 'DISTRICT' : 'CITY'
        for (let j = 0; j < i; j++) {
          const q = group[j] as T
          const hasOther = q.department_ids.some((x) => departments.get(x)?.domain === d.domain && departments.get(x)?.level === other)
          if (hasOther && q.item_ids.some((x) => t.item_ids.includes(x)) && t.first < plusMonths(q.last, p.recognitionWindowMonths)) flag('RESULT_RECOGNITION_IGNORED', [q.id, t.id])
        }
      }
    })
  }

  // JOINT_MISSED_NO_REASON and FIRE_B_OVER, per enterprise.
  const byEnterprise = new Map<string, T[]>()
  for (const t of inspections) if (plannedOnsite(t)) byEnterprise.set(t.enterprise_id, [...(byEnterprise.get(t.enterprise_id) ?? []), t])
  for (const [e, group] of byEnterprise) {
    group.sort(byOrder)
    group.forEach((t, i) => {
      if (!blank(t.joint_declined_reason)) return
      for (let j = 0; j < i; j++) {
        const q = group[j] as T
        if (q.department_ids.some((x) => t.department_ids.includes(x))) continue
        if (!(t.first < plusMonths(q.first, p.matchmakingWindowMonths))) continue
        const domains = [...q.department_ids, ...t.department_ids].map(domainOf)
        if (listCovers(e, 'NO_JOINT', t.first, domains)) continue
        flag('JOINT_MISSED_NO_REASON', [q.id, t.id])
      }
    })
    const ent = enterprises.get(e)
    if (ent?.fire_key_unit && ent.grades?.FIRE === 'B') {
      const perYear = new Map<string, string[]>()
      for (const t of group) if (domainOf(t.department_ids[0] ?? '') === 'FIRE') perYear.set(t.first.slice(0, 4), [...(perYear.get(t.first.slice(0, 4)) ?? []), t.id])
      for (const ids of perYear.values()) if (ids.length >= 2) flag('FIRE_B_OVER', ids)
    }
  }

  for (const ev of evaluations) {
    if (!tasksById.has(ev.task_id) || shanghaiDate(ev.submitted_at) > asOf) continue
    if (ev.verdict === 'DISAPPROVE' || (ev.tags ?? []).some((tag) => tag === 'REPEAT' || tag === 'INACTION' || tag === 'ABUSE' || tag === 'NO_CODE_SHOWN')) flag('NEGATIVE_EVALUATION', [ev.task_id])
  }

  for (const plan of plans.values()) {
    if (plan.plan_type !== 'ANNUAL' || plan.status === 'WITHDRAWN' || plan.status === 'DRAFT') continue
    const deadline = `${plan.year}-${p.planPublicationDeadline}`
    const published = tsDate(plan.published_at)
    if (published === null ? deadline < asOf : published > deadline) flag('PLAN_PUBLICATION_LATE', [], [plan.id])
  }
  return [...out.values()]
}
