// Results, conduct and evaluations: results entered late (D-16) or incomplete (D-16 TRAN), visits
// without two qualified officers (D-24), negative enterprise evaluations (D-21).
import { dayFromIso, isoFromDay, type DayNumber } from '../../calendar/days.ts'
import type { Evaluation } from '../../contract/records.ts'
import { compareStrings, present, timestampDay, type AnalysisModel } from '../context.ts'
import { cnDate } from '../emit.ts'
import { day, deptName, entName, taskRef } from '../describe.ts'
import type { Json } from '../types.ts'
import type { RuleImpl } from '../rule.ts'
import type { RulePack } from '../pack.ts'

const byDate = <T extends { date: string }>(a: T, b: T): number => compareStrings(a.date, b.date)

export const resultLate: RuleImpl<'RESULT_LATE'> = (m, cfg, out) => {
  const { result_entry_wd, result_entry_wd_by_domain } = cfg.params
  const visits = m.visits
  return (f) => {
    if (!f.onSite) return
    const n = (f.leadDomain !== null ? result_entry_wd_by_domain[f.leadDomain] : undefined) ?? result_entry_wd
    let late: { date: string; deadline: string; result_entered_date: string | null }[] | null = null
    for (let v = f.visitFrom, to = f.visitTo; v < to; v++) {
      const date = visits.date[v]!
      if (date > m.asOfDay) continue
      const deadline = m.plusWorkingDays(date, n)
      const entered = m.visitEnteredDay(v)
      if (entered !== null ? entered <= deadline : deadline >= m.asOfDay) continue
      ;(late ??= []).push({ date: isoFromDay(date), deadline: isoFromDay(deadline), result_entered_date: entered === null ? null : isoFromDay(entered) })
    }
    if (late === null) return
    late.sort(byDate)
    const first = late[0]!
    const what = first.result_entered_date !== null
      ? `检查结果于${cnDate(first.result_entered_date)}才录入`
      : `截至${day(m.asOfDay)}仍未录入检查结果`
    out.emit('RESULT_LATE', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { late_visits: late, result_entry_wd: n, wd_count_from: m.pack.conventions.wd_count_from },
      message: `${deptName(m, f.lead)}于${cnDate(first.date)}对${entName(m, f.enterpriseId)}现场检查（${taskRef(f)}），${what}，超过检查后${n}个工作日的录入期限（${cnDate(first.deadline)}）` +
        (late.length > 1 ? `；该任务共有${late.length}次检查结果录入超期。` : '。')
    })
  }
}

export const resultIncomplete: RuleImpl<'RESULT_INCOMPLETE'> = (m, cfg, out) => {
  const domains = cfg.params.domains
  const visits = m.visits
  return (f) => {
    if (!f.onSite || f.leadDomain === null || !domains.includes(f.leadDomain)) return
    let incomplete: { date: string; result_entered_date: string }[] | null = null
    for (let v = f.visitFrom, to = f.visitTo; v < to; v++) {
      if (visits.date[v]! > m.asOfDay || visits.outcome[v]! >= 0) continue
      const entered = m.visitEnteredDay(v)
      if (entered !== null) (incomplete ??= []).push({ date: isoFromDay(visits.date[v]!), result_entered_date: isoFromDay(entered) })
    }
    if (incomplete === null) return
    incomplete.sort(byDate)
    out.emit('RESULT_INCOMPLETE', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { incomplete_visits: incomplete },
      message: `${deptName(m, f.lead)}对${entName(m, f.enterpriseId)}${cnDate(incomplete[0]!.date)}的现场检查（${taskRef(f)}）已录入结果，但没有检查结论（发现问题、未发现问题或未涉及）。`
    })
  }
}

/**
 * Why an officer (by interned index) does not count for a visit on a day, or null when he does. What
 * does not depend on the day (unknown, role, no certificate) is worked out once per officer.
 */
function officerProblems(m: AnalysisModel, roles: readonly string[]): (officer: number, day: DayNumber) => string | null {
  const fixed: (string | null | undefined)[] = []
  const validUntil: (DayNumber | null)[] = []
  return (officer, day) => {
    let problem = fixed[officer]
    if (problem === undefined) {
      const o = m.officers.get(m.officerIds[officer]!)
      problem = !o ? 'UNKNOWN_OFFICER' : !roles.includes(o.role) ? `ROLE_${o.role}` : present(o.cert_no) === null ? 'NO_CERTIFICATE' : null
      fixed[officer] = problem
      validUntil[officer] = o?.cert_valid_until != null ? dayFromIso(o.cert_valid_until) : null
    }
    if (problem !== null) return problem
    const until = validUntil[officer]!
    return until !== null && until < day ? 'CERTIFICATE_EXPIRED' : null
  }
}

export const conductViolation: RuleImpl<'CONDUCT_VIOLATION'> = (m, cfg, out) => {
  const { min_officers, min_officers_by_domain, officer_roles } = cfg.params
  const { date: dates, officerStart, officers } = m.visits
  const problemOf = officerProblems(m, officer_roles)
  /** The officer at position k of a visit's list is listed there before (a repeat, counted once). */
  const repeated = (from: number, k: number): boolean => {
    for (let j = from; j < k; j++) if (officers[j] === officers[k]) return true
    return false
  }
  return (f) => {
    if (!f.onSite) return
    const min = (f.leadDomain !== null ? min_officers_by_domain[f.leadDomain] : undefined) ?? min_officers
    let bad: { [key: string]: Json }[] | null = null
    for (let v = f.visitFrom, to = f.visitTo; v < to; v++) {
      const date = dates[v]!
      if (date > m.asOfDay) continue
      const from = officerStart[v]!
      const end = officerStart[v + 1]!
      // Fast path: count qualified officers without allocating; details only for a failing visit.
      let qualifiedCount = 0
      for (let k = from; k < end && qualifiedCount < min; k++) if (!repeated(from, k) && problemOf(officers[k]!, date) === null) qualifiedCount++
      if (qualifiedCount >= min) continue
      const qualified: string[] = []
      const others: { id: string; reason: string }[] = []
      for (let k = from; k < end; k++) {
        if (repeated(from, k)) continue
        const id = m.officerIds[officers[k]!]!
        const reason = problemOf(officers[k]!, date)
        if (reason === null) qualified.push(id)
        else others.push({ id, reason })
      }
      const listed: string[] = []
      for (let k = from; k < end; k++) listed.push(m.officerIds[officers[k]!]!)
      ;(bad ??= []).push({ date: isoFromDay(date), officer_ids: listed, qualified_officer_ids: qualified.sort(compareStrings), not_counted: others })
    }
    if (bad === null) return
    bad.sort((a, b) => compareStrings(String(a['date']), String(b['date'])))
    const first = bad[0]!
    const count = (first['qualified_officer_ids'] as string[]).length
    out.emit('CONDUCT_VIOLATION', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { visits: bad, min_officers: min, officer_roles },
      message: `${deptName(m, f.lead)}于${cnDate(String(first['date']))}对${entName(m, f.enterpriseId)}现场检查（${taskRef(f)}），持有效行政执法证的执法人员仅${count}名，少于${min}名` +
        (bad.length > 1 ? `；该任务共有${bad.length}次到场存在此问题。` : '。')
    })
  }
}

type Negative = { evaluation: Evaluation; instant: number }

/**
 * The evaluations NEGATIVE_EVALUATION can match under this pack (the one rule that reads evaluations):
 * those with one of these verdicts or tags; none when the rule is off. The database loader reads only
 * these: most evaluations are approvals, and reading all of them took a third as long as reading the tasks.
 */
export function negativeEvaluationFilter(pack: RulePack): { verdicts: readonly string[]; tags: readonly string[] } {
  const cfg = pack.rules.NEGATIVE_EVALUATION
  return cfg.enabled ? { verdicts: cfg.params.verdicts, tags: cfg.params.tags } : { verdicts: [], tags: [] }
}

export const negativeEvaluation: RuleImpl<'NEGATIVE_EVALUATION'> = (m, cfg, out) => {
  const { verdicts, tags } = cfg.params
  const matched = m.evaluations.filter((e) => verdicts.includes(e.verdict) || (e.tags ?? []).some((t) => tags.includes(t)))
  // Only the evaluated tasks of the (few) matching evaluations are looked up.
  const evaluated = m.indexTasks(matched.map((e) => e.task_id))
  const byTask = new Map<string, Negative[]>()
  for (const e of matched) {
    if (!evaluated.has(e.task_id)) continue
    const list = byTask.get(e.task_id)
    const entry = { evaluation: e, instant: Date.parse(e.submitted_at) }
    if (list) list.push(entry)
    else byTask.set(e.task_id, [entry])
  }
  for (const [taskId, list] of byTask) {
    const f = evaluated.get(taskId)!
    list.sort((a, b) => a.instant - b.instant || compareStrings(a.evaluation.id, b.evaluation.id))
    const first = list[0]!.evaluation
    const dept = present(first.department_id) ?? f.lead
    const hits = list.map(({ evaluation: e }) => ({
      id: e.id, submitted_date: isoFromDay(timestampDay(e.submitted_at)), submitted_at: e.submitted_at, department_id: e.department_id,
      verdict: e.verdict, tags: [...(e.tags ?? [])].sort(compareStrings), comment: e.comment
    }))
    const tagCn: Record<string, string> = { REPEAT: '重复检查', INACTION: '不作为', ABUSE: '滥检查', NO_CODE_SHOWN: '未亮码', DISTURBANCE: '干扰经营' }
    const firstTags = (first.tags ?? []).filter((t) => tags.includes(t)).map((t) => tagCn[t] ?? t)
    const what = [first.verdict === 'DISAPPROVE' ? '不认可' : '', firstTags.length > 0 ? `反映${firstTags.join('、')}` : ''].filter((s) => s !== '').join('，')
    out.emit('NEGATIVE_EVALUATION', cfg, {
      task_ids: [taskId], enterprise_id: f.enterpriseId, department_id: dept, domain: m.domainOf(dept),
      evidence: { evaluations: hits, verdicts, tags },
      message: `${entName(m, f.enterpriseId)}于${cnDate(hits[0]!.submitted_date)}对${deptName(m, dept)}的检查（${taskRef(f)}）扫码评价${what}` +
        (list.length > 1 ? `；该任务共有${list.length}条负面评价。` : '。')
    })
  }
}
