// Inspection-code rules (R-CODE, 检查码): no code (D-02), survey exemption misused (D-09), late
// back-fill (D-03), code not reused (D-15), triggered without a source (D-22).
import { dayFromIso, isoFromDay } from '../../calendar/days.ts'
import { present, type TaskFact } from '../context.ts'
import { day, deptName, entName, KIND_CN, taskRef, visitDates } from '../describe.ts'
import type { RuleImpl } from '../rule.ts'

export const noCodeInspection: RuleImpl<'NO_CODE_INSPECTION'> = (m, cfg, out) => {
  const exempt = cfg.params.exempt_specials
  return (f) => {
    if (!f.onSite || f.code !== null || exempt.includes(f.special)) return
    const emergency = f.emergency
    out.emit('NO_CODE_INSPECTION', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), visit_dates: visitDates(m, f), kind: f.kind, special: f.special, code: null },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}开展${KIND_CN[f.kind]}现场检查（任务 ${f.id}）` +
        (emergency ? '，以先检查后补码方式进行，但至今未补申请检查码。' : '，未申请使用检查码。')
    })
  }
}

export const surveyExemptionMisused: RuleImpl<'SURVEY_EXEMPTION_MISUSED'> = (m, cfg, out) => {
  return (f) => {
    if (!f.survey || f.code !== null || !f.onSite) return
    const since = present(f.enterprise?.in_library_since)
    if (since === null || dayFromIso(since) > f.inspDay) return
    out.emit('SURVEY_EXEMPTION_MISUSED', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), in_library_since: since, special: 'SURVEY', code: null },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}以摸底名义对${entName(m, f.enterpriseId)}开展现场检查（任务 ${f.id}）且未申请检查码，但该企业自${day(dayFromIso(since))}起已在检查对象库内，不适用摸底免码。`
    })
  }
}

export const lateBackfill: RuleImpl<'LATE_BACKFILL'> = (m, cfg, out) => {
  const { backfill_deadline_wd, backfill_deadline_wd_by_domain } = cfg.params
  return (f) => {
    if (!f.emergency || f.code === null) return
    const applied = m.codeAppliedDay(f)
    if (applied === null) return
    const n = (f.leadDomain !== null ? backfill_deadline_wd_by_domain[f.leadDomain] : undefined) ?? backfill_deadline_wd
    const deadline = m.plusWorkingDays(f.inspDay, n)
    if (applied <= deadline) return
    out.emit('LATE_BACKFILL', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: {
        inspection_date: isoFromDay(f.inspDay), code: f.code, code_applied_date: isoFromDay(applied), deadline: isoFromDay(deadline),
        backfill_deadline_wd: n, wd_count_from: m.pack.conventions.wd_count_from
      },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}先检查后补码（${taskRef(f)}），${day(applied)}才补申请检查码，超过检查后${n}个工作日的期限（${day(deadline)}）。`
    })
  }
}

type CodePair = { first: TaskFact; second: TaskFact; reasons: Set<'RECHECK' | 'SAME_TRIGGER_REF'>; recheck: TaskFact | null }

export const codeNotReused: RuleImpl<'CODE_NOT_REUSED'> = (m, cfg, out) => {
  const pairs = new Map<string, CodePair>()
  // `b` is the later task: the re-check, or the later of two tasks on one clue.
  const add = (a: TaskFact, b: TaskFact, reason: 'RECHECK' | 'SAME_TRIGGER_REF'): void => {
    const [first, second] = a.id < b.id ? [a, b] : [b, a]
    const key = `${first.id}\u0000${second.id}`
    let hit = pairs.get(key)
    if (!hit) pairs.set(key, (hit = { first, second, reasons: new Set(), recheck: null }))
    hit.reasons.add(reason)
    // Two tasks naming each other as re-checked: the later one in task order is the re-check.
    if (reason === 'RECHECK' && (hit.recheck === null || b.rank > hit.recheck.rank)) hit.recheck = b
  }
  // The re-checked tasks, looked up once for all re-checks (few) rather than in an index of every task.
  const recheckedIds: string[] = []
  for (let i = 0; i < m.tasks.length; i++) {
    const t = m.tasks[i]!
    if (t.code === null || !t.recheck) continue
    const originalId = present(t.recheckOf)
    if (originalId !== null) recheckedIds.push(originalId)
  }
  const rechecked = m.indexTasks(recheckedIds)
  const inspection = (t: TaskFact): void => {
    if (t.code === null || !t.recheck) return
    const originalId = present(t.recheckOf)
    const original = originalId !== null ? rechecked.get(originalId) : undefined
    if (original && original !== t && original.code !== null && original.code !== t.code) add(original, t, 'RECHECK')
  }
  // Same lead, enterprise and clue: look within each enterprise's inspections only. Most enterprises
  // have few such tasks: compare them pairwise without building keys; a big one is bucketed by clue.
  const clues: { t: TaskFact; ref: string }[] = []
  const byRef = new Map<string, TaskFact[]>()
  const enterpriseRun = (run: readonly TaskFact[], from: number, to: number): void => {
    const big = to - from > 256
    clues.length = 0
    if (big) byRef.clear()
    for (let i = from; i < to; i++) {
      const t = run[i]!
      if (t.code === null || !t.triggered) continue
      const ref = present(t.triggerRef)
      if (ref === null) continue
      if (big) {
        const same = byRef.get(ref)
        if (same) for (const a of same) if (a.lead === t.lead && a.code !== t.code) add(a, t, 'SAME_TRIGGER_REF')
        if (same) same.push(t)
        else byRef.set(ref, [t])
      } else {
        for (const c of clues) if (c.ref === ref && c.t.lead === t.lead && c.t.code !== t.code) add(c.t, t, 'SAME_TRIGGER_REF')
        clues.push({ t, ref })
      }
    }
  }
  const finish = (): void => {
    for (const { first, second, reasons, recheck } of pairs.values()) {
      // The re-check, else the later task in task order, is the one that should have reused the code.
      const later = recheck ?? (first.rank > second.rank ? first : second)
      const earlier = later === first ? second : first
      const ref = present(later.triggerRef)
      out.emit('CODE_NOT_REUSED', cfg, {
        task_ids: [first.id, second.id], enterprise_id: later.enterpriseId, department_id: later.lead, domain: later.leadDomain,
        evidence: {
          reasons: [...reasons].sort(),
          tasks: [earlier, later].map((f) => ({
            id: f.id, code: f.code, kind: f.kind, special: f.special,
            inspection_date: f.inspection ? isoFromDay(f.inspDay) : null, trigger_ref: present(f.triggerRef), recheck_of: present(f.recheckOf)
          }))
        },
        message: `${deptName(m, later.lead)}对${entName(m, later.enterpriseId)}的任务 ${later.id}（检查码 ${later.code}）` +
          (recheck !== null
            ? `是对任务 ${earlier.id}（检查码 ${earlier.code}）的复查，`
            : `与任务 ${earlier.id}（检查码 ${earlier.code}）核查同一线索（线索编号 ${ref ?? ''}），`) +
          '却另行申请了新的检查码，未沿用原检查码。'
      })
    }
  }
  return { inspection, enterpriseRun, finish }
}

export const triggerUnsupported: RuleImpl<'TRIGGER_UNSUPPORTED'> = (m, cfg, out) => {
  const requireRef = cfg.params.require_trigger_ref
  return (f) => {
    if (!f.triggered) return
    const source = present(f.triggerSource)
    const ref = present(f.triggerRef)
    if (source !== null && (!requireRef || ref !== null)) return
    out.emit('TRIGGER_UNSUPPORTED', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), kind: 'TRIGGERED', trigger_source: source, trigger_ref: ref, require_trigger_ref: requireRef },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}开展触发式检查（${taskRef(f)}），` +
        (source === null ? '未记录投诉举报、转办交办等触发来源' : '未记录线索编号') + '，不能证明属于触发式检查。'
    })
  }
}
