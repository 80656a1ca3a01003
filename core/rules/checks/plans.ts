// Plan rules (R-PLAN): planned inspections need a filed plan that covers them (D-01), plans have
// filing and publication deadlines (D-17) and mandatory fields (D-18). Plus the EXTERNAL Yantai plan
// rules (D-27, D-28), off in the Shanghai pack.
import { civilFromDay, dayFromCivil, isoFromDay, monthDayOfYear } from '../../calendar/days.ts'
import { daysInMonth } from '../../contract/scalars.ts'
import type { AnalysisModel, PlanFact, TaskFact } from '../context.ts'
import { day, deptName, entName, PLAN_STATUS_CN, PLAN_TYPE_CN, planRef, taskRef } from '../describe.ts'
import type { Json } from '../types.ts'
import type { RuleImpl } from '../rule.ts'
import { missingPlanFields, planFieldNames, requiredPlanFields } from '../planFields.ts'

const isoOrNull = (d: number | null): string | null => (d === null ? null : isoFromDay(d))

/** A plan as a flag's evidence: its identity, type, origin, status, departments, window, dates and named objects. */
export function planEvidence(p: PlanFact): { [key: string]: Json } {
  return {
    id: p.id, plan_code: p.planCode, title: p.plan.title, plan_type: p.plan.plan_type, origin: p.plan.origin,
    status: p.plan.status, department_id: p.plan.department_id, participant_department_ids: p.participants,
    year: p.plan.year, window_from: p.plan.window_from, window_to: p.plan.window_to,
    filed_date: isoOrNull(p.filedDay), published_date: isoOrNull(p.publishedDay),
    target_enterprise_ids: p.targets === null ? null : [...p.targets].sort()
  }
}

/** Why the resolved plan does not cover the task, as codes and as Chinese clauses. */
function coverFailures(m: AnalysisModel, p: PlanFact, f: TaskFact): { codes: string[]; text: string[] } {
  const codes: string[] = []
  const text: string[] = []
  if (!m.pack.definitions.covering_plan_statuses.includes(p.plan.status)) {
    codes.push('PLAN_STATUS')
    text.push(`该计划状态为“${PLAN_STATUS_CN[p.plan.status]}”，不是已备案或已公布的计划`)
  }
  if (p.filedDay === null) {
    codes.push('PLAN_NOT_FILED')
    text.push('该计划截至分析日没有备案时间')
  } else if (p.filedDay > f.inspDay) {
    codes.push('FILED_AFTER_INSPECTION')
    text.push(`该计划于${day(p.filedDay)}才备案，晚于检查日期`)
  }
  if (f.inspDay < p.windowFrom || f.inspDay > p.windowTo) {
    codes.push('OUTSIDE_WINDOW')
    text.push(`检查日期不在计划实施期间（${day(p.windowFrom)}至${day(p.windowTo)}）内`)
  }
  if (p.plan.department_id !== f.lead && !p.participants.includes(f.lead)) {
    codes.push('LEAD_NOT_IN_PLAN')
    text.push(`牵头部门${deptName(m, f.lead)}既不是该计划的制定部门，也不是参与部门`)
  }
  if (p.targets !== null && !p.targets.has(f.enterpriseId)) {
    codes.push('ENTERPRISE_NOT_TARGETED')
    text.push('被检查企业不在该计划列明的检查对象中')
  }
  return { codes, text }
}

export const unfiledPlannedInspection: RuleImpl<'UNFILED_PLANNED_INSPECTION'> = (m, cfg, out) => {
  return (f) => {
    if (!f.planned || m.covered(f)) return
    const p = m.resolvedPlan(f)
    const planId = f.planId
    const planCode = f.planCode
    let codes: string[]
    let why: string
    if (p === null) {
      const cited = [planId?.trim() ? `计划 ${planId}` : '', planCode?.trim() ? `计划编码 ${planCode}` : ''].filter((s) => s !== '')
      codes = [cited.length > 0 ? 'PLAN_NOT_FOUND' : 'NO_PLAN_CITED']
      why = cited.length > 0 ? `所引用的${cited.join('、')}在已知计划中不存在` : '未关联任何检查计划'
    } else {
      const failures = coverFailures(m, p, f)
      codes = failures.codes
      why = `所依据的计划${planRef(p)}不能覆盖该检查：${failures.text.join('；')}`
    }
    out.emit('UNFILED_PLANNED_INSPECTION', cfg, {
      task_ids: [f.id], plan_ids: p ? [p.id] : [], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: {
        inspection_date: isoFromDay(f.inspDay), kind: f.kind, mode: f.mode, special: f.special,
        task_plan_id: planId, task_plan_code: planCode, reasons: codes, resolved_plan: p ? planEvidence(p) : null
      },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}开展有计划现场检查（${taskRef(f)}），${why}，属于未经备案的计划检查。`
    })
  }
}

/** "published/filed by the deadline": late when done after it, or not done while the deadline is before as_of. */
function lateness(done: number | null, deadline: number, asOfDay: number): 'LATE' | 'MISSING' | null {
  if (done !== null) return done > deadline ? 'LATE' : null
  return deadline < asOfDay ? 'MISSING' : null
}

export const planPublicationLate: RuleImpl<'PLAN_PUBLICATION_LATE'> = (m, cfg, out) => {
  const { plan_types, exempt_statuses, plan_publication_deadline } = cfg.params
  for (const p of m.plans) {
    if (!plan_types.includes(p.plan.plan_type) || exempt_statuses.includes(p.plan.status)) continue
    const deadline = monthDayOfYear(p.plan.year, plan_publication_deadline)
    const state = lateness(p.publishedDay, deadline, m.asOfDay)
    if (state === null) continue
    const dept = p.plan.department_id
    out.emit('PLAN_PUBLICATION_LATE', cfg, {
      task_ids: [], plan_ids: [p.id], enterprise_id: null, department_id: dept, domain: m.domainOf(dept),
      evidence: { plan: planEvidence(p), deadline: isoFromDay(deadline), state, plan_publication_deadline },
      message: `${deptName(m, dept)}的${p.plan.year}年${PLAN_TYPE_CN[p.plan.plan_type]}检查计划${planRef(p)}` +
        (state === 'LATE'
          ? `于${day(p.publishedDay!)}才向社会公布，晚于${day(deadline)}的公布期限。`
          : `截至${day(m.asOfDay)}仍未向社会公布（期限为${day(deadline)}，计划状态“${PLAN_STATUS_CN[p.plan.status]}”）。`)
    })
  }
}

export const planFilingLate: RuleImpl<'PLAN_FILING_LATE'> = (m, cfg, out) => {
  const { annual_filing_deadline_by_domain, exempt_statuses } = cfg.params
  for (const p of m.plans) {
    if (p.plan.plan_type !== 'ANNUAL' || exempt_statuses.includes(p.plan.status)) continue
    const dept = p.plan.department_id
    const domain = m.domainOf(dept)
    const monthDay = domain !== null ? annual_filing_deadline_by_domain[domain] : undefined
    if (monthDay === undefined) continue
    const deadline = monthDayOfYear(p.plan.year, monthDay)
    const state = lateness(p.filedDay, deadline, m.asOfDay)
    if (state === null) continue
    out.emit('PLAN_FILING_LATE', cfg, {
      task_ids: [], plan_ids: [p.id], enterprise_id: null, department_id: dept, domain,
      evidence: { plan: planEvidence(p), deadline: isoFromDay(deadline), state, annual_filing_deadline: monthDay },
      message: `${deptName(m, dept)}的${p.plan.year}年年度检查计划${planRef(p)}` +
        (state === 'LATE'
          ? `于${day(p.filedDay!)}才报备，晚于${day(deadline)}的报备期限。`
          : `截至${day(m.asOfDay)}仍未报备（期限为${day(deadline)}）。`)
    })
  }
}

export const monthlyPlanLate: RuleImpl<'MONTHLY_PLAN_LATE'> = (m, cfg, out) => {
  const { deadline_day_of_previous_month_by_domain, exempt_statuses } = cfg.params
  for (const p of m.plans) {
    if (p.plan.plan_type !== 'MONTHLY' || exempt_statuses.includes(p.plan.status)) continue
    const dept = p.plan.department_id
    const domain = m.domainOf(dept)
    const dayOfMonth = domain !== null ? deadline_day_of_previous_month_by_domain[domain] : undefined
    if (dayOfMonth === undefined) continue
    const first = civilFromDay(p.windowFrom)
    const prevYear = first.month === 1 ? first.year - 1 : first.year
    const prevMonth = first.month === 1 ? 12 : first.month - 1
    const deadline = dayFromCivil(prevYear, prevMonth, Math.min(dayOfMonth, daysInMonth(prevYear, prevMonth)))
    const drawn = [p.submittedDay, p.filedDay].filter((d): d is number => d !== null)
    const state = lateness(drawn.length > 0 ? Math.min(...drawn) : null, deadline, m.asOfDay)
    if (state === null) continue
    out.emit('MONTHLY_PLAN_LATE', cfg, {
      task_ids: [], plan_ids: [p.id], enterprise_id: null, department_id: dept, domain,
      evidence: {
        plan: planEvidence(p), plan_month: `${first.year}-${String(first.month).padStart(2, '0')}`,
        submitted_date: isoOrNull(p.submittedDay), deadline: isoFromDay(deadline), state, deadline_day_of_previous_month: dayOfMonth
      },
      message: `${deptName(m, dept)}${first.year}年${first.month}月的月度检查计划${planRef(p)}` +
        (state === 'LATE'
          ? `于${day(Math.min(...drawn))}才制定报送，晚于上月${dayOfMonth}日（${day(deadline)}）的期限。`
          : `截至${day(m.asOfDay)}仍未制定报送（期限为${day(deadline)}）。`)
    })
  }
}

/**
 * D-18: a plan filed (or published) by as_of that leaves out fields its department's domain requires
 * (R-PLAN-03). Submitted plans are plan review's to catch before filing; drafts and returned ones are
 * not plans yet.
 */
export const planIncomplete: RuleImpl<'PLAN_INCOMPLETE'> = (m, cfg, out) => {
  const { required_fields } = cfg.params
  for (const p of m.plans) {
    const inForce = p.filedDay ?? p.publishedDay
    if (!p.statusCovers || inForce === null) continue
    const dept = p.plan.department_id
    const domain = m.domainOf(dept)
    const required = requiredPlanFields(required_fields, domain, p.plan.plan_type)
    const missing = missingPlanFields(p.plan, required.fields)
    if (missing.length === 0) continue
    out.emit('PLAN_INCOMPLETE', cfg, {
      task_ids: [], plan_ids: [p.id], enterprise_id: null, department_id: dept, domain: required.citedDomain,
      evidence: { plan: planEvidence(p), missing_fields: missing, required_fields: [...required.fields] },
      message: `${deptName(m, dept)}的${p.plan.year}年${PLAN_TYPE_CN[p.plan.plan_type]}检查计划${planRef(p)}` +
        `已于${day(inForce)}${p.filedDay !== null ? '备案' : '公布'}，但缺少必备要素：${planFieldNames(missing)}。`
    })
  }
}

export const advanceFilingShort: RuleImpl<'ADVANCE_FILING_SHORT'> = (m, cfg, out) => {
  const { advance_days, exempt_specials } = cfg.params
  return (f) => {
    if (!f.planned || exempt_specials.includes(f.special)) return
    const p = m.resolvedPlan(f)
    if (p === null || p.filedDay === null || p.filedDay > f.inspDay) return
    const gap = f.inspDay - p.filedDay
    if (gap >= advance_days) return
    out.emit('ADVANCE_FILING_SHORT', cfg, {
      task_ids: [f.id], plan_ids: [p.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), plan: planEvidence(p), days_between: gap, advance_days },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}开展有计划现场检查（${taskRef(f)}），所依据的计划${planRef(p)}于${day(p.filedDay)}报备，仅提前${gap}天，不足${advance_days}天。`
    })
  }
}

export const whitelistNoApproval: RuleImpl<'WHITELIST_NO_APPROVAL'> = (m, cfg, out) => {
  return (f) => {
    if (!f.planned || !m.onList(f, 'WHITELIST')) return
    const entries = f.ent.lists.WHITELIST.filter(
      (e) => (e.domain === null || e.domain === f.leadDomain) && e.from <= f.inspDay && (e.to === null || f.inspDay <= e.to)
    )
    if (entries.length === 0) return
    const p = m.resolvedPlan(f)
    if (p !== null && m.covered(f) && p.targets?.has(f.enterpriseId) === true) return
    out.emit('WHITELIST_NO_APPROVAL', cfg, {
      task_ids: [f.id], plan_ids: p ? [p.id] : [], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: {
        inspection_date: isoFromDay(f.inspDay),
        list_entries: entries.map((e) => ({ id: e.entry.id, domain: e.domain, from: e.entry.from, to: e.entry.to })),
        plan: p ? planEvidence(p) : null
      },
      message: `${entName(m, f.enterpriseId)}在白名单内，${deptName(m, f.lead)}于${day(f.inspDay)}对其开展有计划现场检查（${taskRef(f)}），但没有经审核并明确列明该企业的已备案计划。`
    })
  }
}
