// FIRE rules for 消防安全重点单位 (R-FREQ-04, R-FREQ-05): grade-based frequency (D-20: A at most once in
// two calendar years, and a crowded place at least a non-site inspection in a year without an on-site
// one; B once a year; D at least once a half-year) and fire matters re-inspected by other departments in
// a year FIRE has inspected (D-08).
import { civilFromDay, dayFromCivil, dayFromIso, isoFromDay, type DayNumber } from '../../calendar/days.ts'
import type { Domain } from '../../contract/scalars.ts'
import { ITEM_FIRE_MATTER, type AnalysisModel, type TaskFact } from '../context.ts'
import { day, deptName, entName, messageList, taskRef } from '../describe.ts'
import type { FIRE_COUNTED_INSPECTIONS } from '../pack.ts'
import type { RuleImpl, RuleVisitors } from '../rule.ts'

type FireCountedInspections = (typeof FIRE_COUNTED_INSPECTIONS)[number]

const FIRE: Domain = 'FIRE'

/**
 * A visitor of each fire-safety key unit (with the given FIRE grade, if any) that has inspections:
 * `each` gets the enterprise id and those of its inspections that `keep` accepts, in task order.
 */
function keyUnits(
  grade: string | null, keep: (f: TaskFact) => boolean, each: (enterpriseId: string, facts: TaskFact[]) => void, crowdedPlacesOnly = false
): RuleVisitors {
  return {
    enterpriseRun: (run, from, to) => {
      const e = run[from]!.enterprise
      if (!e || e.fire_key_unit !== true || (grade !== null && e.grades?.FIRE !== grade)) return
      if (crowdedPlacesOnly && e.crowded_place !== true) return
      const list: TaskFact[] = []
      for (let i = from; i < to; i++) if (keep(run[i]!)) list.push(run[i]!)
      if (list.length > 0) each(e.id, list)
    }
  }
}

const yearOf = (f: TaskFact): number => civilFromDay(f.inspDay).year
const fireLedPlanned = (f: TaskFact): boolean => f.planned && f.leadDomain === FIRE
const fireOnSite = (m: AnalysisModel) => (f: TaskFact): boolean => f.onSite && f.depts.some((d) => m.domainOf(d) === FIRE)
const fireInspection = (m: AnalysisModel) => (f: TaskFact): boolean => f.inspection && f.depts.some((d) => m.domainOf(d) === FIRE)
const listTasks = (facts: readonly TaskFact[]): string => messageList(facts.map((f) => `${day(f.inspDay)} ${taskRef(f)}`))

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

type UnderCode = 'FIRE_B_UNDER' | 'FIRE_D_UNDER' | 'FIRE_A_NONSITE_MISSING'

/** Which FIRE inspections meet the minimum (pack: `counts`), and how a message names the missing ones. */
const COUNTED: Record<FireCountedInspections, { counts: (f: TaskFact) => boolean; missing: string }> = {
  planned_on_site: { counts: (f) => f.planned, missing: '有计划现场检查' },
  on_site: { counts: (f) => f.counted, missing: '现场检查' },
  any_inspection: { counts: (f) => f.inspection, missing: '现场检查或非现场检查' }
}

/**
 * Periods (years or half-years) that ended before as_of without the minimum of counted FIRE inspections
 * of a key unit; consecutive ones are one flag. A flag is identified by a FIRE inspection of the unit: the
 * last one before the gap (stable while the gap grows and later inspections arrive), else the first one
 * after it. Units without any FIRE inspection have no task to be identified by and are not reported (see
 * the pack's decisions).
 */
const fireUnder = (code: UnderCode): RuleImpl<UnderCode> => (m, cfg, out) => {
  const { grade, crowded_places_only, counts, period, min_per_period, rules_from } = cfg.params
  const counted = COUNTED[counts]
  const fromDay = dayFromIso(rules_from)
  let firstIndex = periodIndex(period, fromDay)
  if (periodOf(period, firstIndex).start < fromDay) firstIndex++
  return keyUnits(grade, fireInspection(m), (enterpriseId, facts) => {
    const perPeriod = new Map<number, number>()
    for (const f of facts) {
      if (!counted.counts(f)) continue
      const index = periodIndex(period, f.inspDay)
      perPeriod.set(index, (perPeriod.get(index) ?? 0) + 1)
    }
    // Only periods that ended before as_of: a missing inspection is late once its period is over.
    const runs: Period[][] = []
    for (let i = firstIndex; ; i++) {
      const p = periodOf(period, i)
      if (p.end >= m.asOfDay) break
      if ((perPeriod.get(i) ?? 0) >= min_per_period) continue
      const last = runs[runs.length - 1]
      if (last && last[last.length - 1]!.index === i - 1) last.push(p)
      else runs.push([p])
    }
    // Gaps identified by the same inspection (one before the first FIRE inspection, one after it, say) are one flag.
    const byIdentity = new Map<TaskFact, { bounds: TaskFact[]; periods: Period[] }>()
    for (const run of runs) {
      const before = facts.filter((f) => f.inspDay < run[0]!.start).pop()
      const after = facts.find((f) => f.inspDay > run[run.length - 1]!.end)
      const identity = before ?? after
      if (!identity) continue
      const hit = byIdentity.get(identity)
      if (hit) {
        hit.periods.push(...run)
        if (after && !hit.bounds.includes(after)) hit.bounds.push(after)
      } else byIdentity.set(identity, { bounds: [before, after].filter((f): f is TaskFact => f !== undefined), periods: [...run] })
    }
    for (const [identity, { bounds, periods: run }] of byIdentity) {
      out.emit(code, cfg, {
        task_ids: [identity.id], enterprise_id: enterpriseId, department_id: identity.lead, domain: FIRE,
        evidence: {
          fire_grade: grade, fire_key_unit: true, ...(crowded_places_only ? { crowded_place: true } : {}), counts, period, min_per_period, rules_from,
          missed_periods: run.map((p) => ({ label: p.label, from: isoFromDay(p.start), to: isoFromDay(p.end) })),
          bounding_inspections: bounds.map((f) => ({ id: f.id, department_ids: f.depts, mode: f.mode, inspection_date: isoFromDay(f.inspDay) }))
        },
        message: `${entName(m, enterpriseId)}为消防安全评价${grade}级的${crowded_places_only ? '人员密集场所' : ''}重点单位，` +
          `${run.map((p) => p.label).join('、')}消防部门未对其开展${counted.missing}` +
          `（前后的消防检查：${listTasks(bounds)}），不满足每${period === 'year' ? '年' : '半年'}至少${min_per_period}次的要求。`
      })
    }
  }, crowded_places_only)
}

export const fireBUnder = fireUnder('FIRE_B_UNDER')
export const fireDUnder = fireUnder('FIRE_D_UNDER')
export const fireANonsiteMissing = fireUnder('FIRE_A_NONSITE_MISSING')

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
