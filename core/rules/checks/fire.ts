// FIRE rules for 消防安全重点单位 (R-FREQ-04, R-FREQ-05): grade-based frequency (D-20: A at most once in
// two calendar years, B once a year, D at least once a half-year) and fire matters re-inspected by
// other departments in a year FIRE has inspected (D-08).
import { civilFromDay, dayFromCivil, dayFromIso, isoFromDay, type DayNumber } from '../../calendar/days.ts'
import type { Domain } from '../../contract/scalars.ts'
import { ITEM_FIRE_MATTER, type AnalysisModel, type TaskFact } from '../context.ts'
import { day, deptName, entName, taskRef } from '../describe.ts'
import type { RuleImpl, RuleVisitors } from '../rule.ts'

const FIRE: Domain = 'FIRE'

/**
 * A visitor of each fire-safety key unit (with the given FIRE grade, if any) that has inspections:
 * `each` gets the enterprise id and those of its inspections that `keep` accepts, in task order.
 */
function keyUnits(grade: string | null, keep: (f: TaskFact) => boolean, each: (enterpriseId: string, facts: TaskFact[]) => void): RuleVisitors {
  return {
    enterpriseRun: (run, from, to) => {
      const e = run[from]!.enterprise
      if (!e || e.fire_key_unit !== true || (grade !== null && e.grades?.FIRE !== grade)) return
      const list: TaskFact[] = []
      for (let i = from; i < to; i++) if (keep(run[i]!)) list.push(run[i]!)
      if (list.length > 0) each(e.id, list)
    }
  }
}

const yearOf = (f: TaskFact): number => civilFromDay(f.inspDay).year
const fireLedPlanned = (f: TaskFact): boolean => f.planned && f.leadDomain === FIRE
const fireOnSite = (m: AnalysisModel) => (f: TaskFact): boolean => f.onSite && f.depts.some((d) => m.domainOf(d) === FIRE)
const listTasks = (facts: readonly TaskFact[]): string => facts.map((f) => `${day(f.inspDay)} ${taskRef(f)}`).join('；')

export const fireBOver: RuleImpl<'FIRE_B_OVER'> = (m, cfg, out) => {
  const { grade, cap_per_year } = cfg.params
  return keyUnits(grade, fireLedPlanned, (enterpriseId, facts) => {
    const byYear = new Map<number, TaskFact[]>()
    for (const f of facts) {
      const list = byYear.get(yearOf(f))
      if (list) list.push(f)
      else byYear.set(yearOf(f), [f])
    }
    for (const [year, list] of byYear) {
      if (list.length <= cap_per_year) continue
      const first = list[0]!
      out.emit('FIRE_B_OVER', cfg, {
        task_ids: list.map((f) => f.id), enterprise_id: enterpriseId, department_id: first.lead, domain: FIRE,
        evidence: { fire_grade: grade, fire_key_unit: true, year, cap_per_year, tasks: list.map((f) => ({ id: f.id, lead_department_id: f.lead, inspection_date: isoFromDay(f.inspDay) })) },
        message: `${entName(m, enterpriseId)}为消防安全评价${grade}级的重点单位，${year}年消防部门对其开展了${list.length}次有计划现场检查（${listTasks(list)}），超过每年${cap_per_year}次。`
      })
    }
  })
}

export const fireAOver: RuleImpl<'FIRE_A_OVER'> = (m, cfg, out) => {
  const { grade, cap_per_window, window_years } = cfg.params
  return keyUnits(grade, fireLedPlanned, (enterpriseId, facts) => {
    if (facts.length <= cap_per_window) return
    // Windows of `window_years` consecutive calendar years. Facts are sorted, so each window is a range;
    // windows starting in a year with a task hold every other window's tasks, so only those are tried.
    const years = facts.map(yearOf)
    const ranges: { lo: number; hi: number; from: number }[] = []
    for (let lo = 0; lo < years.length; lo++) {
      if (lo > 0 && years[lo - 1] === years[lo]) continue
      const from = years[lo]!
      let hi = lo
      while (hi < years.length && years[hi]! < from + window_years) hi++
      if (hi - lo > cap_per_window) ranges.push({ lo, hi, from })
    }
    // Report maximal task sets only: a window whose tasks all sit in another window adds nothing.
    const maximal = ranges.filter((r, i) => !ranges.some((o, j) => j !== i && o.lo <= r.lo && r.hi <= o.hi && (o.hi - o.lo > r.hi - r.lo || j < i)))
    for (const r of maximal) {
      const list = facts.slice(r.lo, r.hi)
      out.emit('FIRE_A_OVER', cfg, {
        task_ids: list.map((f) => f.id), enterprise_id: enterpriseId, department_id: list[0]!.lead, domain: FIRE,
        evidence: {
          fire_grade: grade, fire_key_unit: true, window: [r.from, r.from + window_years - 1], cap_per_window, window_years,
          tasks: list.map((f) => ({ id: f.id, lead_department_id: f.lead, inspection_date: isoFromDay(f.inspDay) }))
        },
        message: `${entName(m, enterpriseId)}为消防安全评价${grade}级的重点单位，${r.from}至${r.from + window_years - 1}年消防部门对其开展了${list.length}次有计划现场检查（${listTasks(list)}），超过每${window_years}年${cap_per_window}次。`
      })
    }
  })
}

type Period = { index: number; start: DayNumber; end: DayNumber; label: string }

function periodOf(kind: 'year' | 'half_year', index: number): Period {
  if (kind === 'year') return { index, start: dayFromCivil(index, 1, 1), end: dayFromCivil(index, 12, 31), label: `${index}年` }
  const year = Math.floor(index / 2)
  const half = index - year * 2
  return half === 0
    ? { index, start: dayFromCivil(year, 1, 1), end: dayFromCivil(year, 6, 30), label: `${year}年上半年` }
    : { index, start: dayFromCivil(year, 7, 1), end: dayFromCivil(year, 12, 31), label: `${year}年下半年` }
}

function periodIndex(kind: 'year' | 'half_year', d: DayNumber): number {
  const c = civilFromDay(d)
  return kind === 'year' ? c.year : c.year * 2 + (c.month <= 6 ? 0 : 1)
}

const fireUnder = (code: 'FIRE_B_UNDER' | 'FIRE_D_UNDER'): RuleImpl<typeof code> => (m, cfg, out) => {
  const { grade, period, min_per_period, rules_from } = cfg.params
  const fromDay = dayFromIso(rules_from)
  let firstIndex = periodIndex(period, fromDay)
  if (periodOf(period, firstIndex).start < fromDay) firstIndex++
  // Units without any FIRE on-site inspection cannot be identified by a task (see the pack) and are skipped.
  return keyUnits(grade, fireOnSite(m), (enterpriseId, facts) => {
    const counts = new Map<number, number>()
    for (const f of facts) counts.set(periodIndex(period, f.inspDay), (counts.get(periodIndex(period, f.inspDay)) ?? 0) + 1)
    // Only periods that ended before as_of: a missing inspection is late once its period is over.
    const runs: Period[][] = []
    for (let i = firstIndex; ; i++) {
      const p = periodOf(period, i)
      if (p.end >= m.asOfDay) break
      if ((counts.get(i) ?? 0) >= min_per_period) continue
      const last = runs[runs.length - 1]
      if (last && last[last.length - 1]!.index === i - 1) last.push(p)
      else runs.push([p])
    }
    // A flag is identified by its tasks: the FIRE inspections just before and just after the gap.
    const byTasks = new Map<string, { bounds: TaskFact[]; periods: Period[] }>()
    for (const run of runs) {
      const start = run[0]!.start
      const end = run[run.length - 1]!.end
      const before = facts.filter((f) => f.inspDay < start).pop()
      const after = facts.find((f) => f.inspDay > end)
      const bounds = [before, after].filter((f): f is TaskFact => f !== undefined)
      if (bounds.length === 0) continue
      const key = bounds.map((f) => f.id).join('\u0000')
      const hit = byTasks.get(key)
      if (hit) hit.periods.push(...run)
      else byTasks.set(key, { bounds, periods: [...run] })
    }
    for (const { bounds, periods } of byTasks.values()) {
      const lead = bounds[0]!.lead
      out.emit(code, cfg, {
        task_ids: bounds.map((f) => f.id), enterprise_id: enterpriseId, department_id: lead, domain: FIRE,
        evidence: {
          fire_grade: grade, fire_key_unit: true, period, min_per_period, rules_from,
          missed_periods: periods.map((p) => ({ label: p.label, from: isoFromDay(p.start), to: isoFromDay(p.end) })),
          bounding_inspections: bounds.map((f) => ({ id: f.id, department_ids: f.depts, inspection_date: isoFromDay(f.inspDay) }))
        },
        message: `${entName(m, enterpriseId)}为消防安全评价${grade}级的重点单位，${periods.map((p) => p.label).join('、')}消防部门未对其开展现场检查` +
          `（前后的消防现场检查：${listTasks(bounds)}），不满足每${period === 'year' ? '年' : '半年'}至少${min_per_period}次的要求。`
      })
    }
  })
}

export const fireBUnder = fireUnder('FIRE_B_UNDER')
export const fireDUnder = fireUnder('FIRE_D_UNDER')

export const fireItemsDuplicated: RuleImpl<'FIRE_ITEMS_DUPLICATED'> = (m, cfg, out) => {
  const isFireOnSite = fireOnSite(m)
  return keyUnits(null, (f) => f.onSite, (enterpriseId, facts) => {
    const fireByYear = new Map<number, TaskFact[]>()
    for (const f of facts) {
      if (!isFireOnSite(f)) continue
      const list = fireByYear.get(yearOf(f))
      if (list) list.push(f)
      else fireByYear.set(yearOf(f), [f])
    }
    if (fireByYear.size === 0) return
    for (const f of facts) {
      if (!f.planned || f.depts.some((d) => m.domainOf(d) === FIRE)) continue
      if ((m.itemBits(f) & ITEM_FIRE_MATTER) === 0) continue
      const fireItems = [...new Set(f.itemIds)].filter((id) => m.items.get(id)?.fire_matter === true).sort()
      if (fireItems.length === 0) continue
      const year = yearOf(f)
      const fireTasks = fireByYear.get(year)
      if (!fireTasks) continue
      out.emit('FIRE_ITEMS_DUPLICATED', cfg, {
        task_ids: [f.id], enterprise_id: enterpriseId, department_id: f.lead, domain: f.leadDomain,
        evidence: {
          inspection_date: isoFromDay(f.inspDay), year, fire_item_ids: fireItems,
          fire_inspections: fireTasks.map((x) => ({ id: x.id, department_ids: x.depts, inspection_date: isoFromDay(x.inspDay) }))
        },
        message: `${entName(m, enterpriseId)}为消防安全重点单位，${year}年度消防部门对其开展了现场检查（${listTasks(fireTasks)}），` +
          `${deptName(m, f.lead)}在同一年度内仍于${day(f.inspDay)}单独检查消防事项（${fireItems.map((id) => m.items.get(id)?.name ?? id).join('、')}；${taskRef(f)}）。`
      })
    }
  })
}
