// Frequency and merging (R-FREQ, R-RECOG, R-MERGE): repeat within a month (D-06), over the annual cap
// (D-05), city/district result recognition ignored (D-07), planned task already covered by a triggered
// one (D-12b), pending tasks not merged (D-12a). All are group visitors (rule.ts): a linear scan per
// group in task order, plus a sliding window of the few tasks still inside a one-month window; pairs
// are collected during the walk and emitted in `finish`.
import { civilFromDay, dayFromCivil, isoFromDay, type DayNumber } from '../../calendar/days.ts'
import { ActiveWindow } from '../activeWindow.ts'
import type { Department } from '../../contract/records.ts'
import type { Domain } from '../../contract/scalars.ts'
import type { AnalysisModel, TaskFact } from '../context.ts'
import { day, deptName, deptNames, entName, KIND_CN, messageList, taskRef } from '../describe.ts'
import type { Json } from '../types.ts'
import type { RuleImpl } from '../rule.ts'

/** Pairs [p, t] found through several departments of t: keep the first of t's departments that qualifies. */
type PairHit<E> = { p: TaskFact; t: TaskFact; pos: number; dept: string; extra: E }

function pairCollector<E>(m: AnalysisModel) {
  const base = m.ordered.length + 1
  const hits = new Map<number, PairHit<E>>()
  return {
    add(p: TaskFact, t: TaskFact, dept: string, extra: E): void {
      const pos = t.depts.indexOf(dept)
      const key = p.rank * base + t.rank
      const hit = hits.get(key)
      if (!hit || pos < hit.pos) hits.set(key, { p, t, pos, dept, extra })
    },
    values: () => hits.values()
  }
}

function siteEvidence(f: TaskFact): { [key: string]: Json } {
  return { enterprise_id: f.enterpriseId, site_id: f.siteId, site_id_defaulted: f.siteDefaulted }
}

function taskEvidence(f: TaskFact): { [key: string]: Json } {
  return {
    id: f.id, code: f.code, kind: f.kind, special: f.special, department_ids: f.depts,
    inspection_date: isoFromDay(f.inspDay), last_visit_date: isoFromDay(f.lastDay)
  }
}

export const repeatWithinMonth: RuleImpl<'REPEAT_WITHIN_MONTH'> = (m, cfg, out) => {
  const k = cfg.params.min_interval_months
  const pairs = pairCollector<DayNumber>(m)
  const deptSiteRun = (dept: string, facts: readonly TaskFact[], from: number, to: number): void => {
    for (let i = from + 1; i < to; i++) {
      const t = facts[i]!
      if (!t.planned) continue
      const p = facts[i - 1]!
      const allowedFrom = m.plusMonths(p.lastDay, k)
      if (t.inspDay < allowedFrom) pairs.add(p, t, dept, allowedFrom)
    }
  }
  const finish = (): void => {
    for (const { p, t, dept, extra: allowedFrom } of pairs.values()) {
      out.emit('REPEAT_WITHIN_MONTH', cfg, {
        task_ids: [p.id, t.id], enterprise_id: t.enterpriseId, department_id: dept, domain: m.domainOf(dept),
        evidence: {
          department_id: dept, site: siteEvidence(t), previous: taskEvidence(p), current: taskEvidence(t),
          earliest_allowed_date: isoFromDay(allowedFrom), min_interval_months: k, month_mode: m.pack.conventions.month_mode
        },
        message: `${deptName(m, dept)}于${day(t.inspDay)}对${entName(m, t.enterpriseId)}（经营场所：${m.siteLabel(t)}）开展有计划现场检查（${taskRef(t)}），` +
          `距该部门上次对同一场所的${KIND_CN[p.kind]}现场检查（${taskRef(p)}，最后一次到场${day(p.lastDay)}）不足${k}个月，最早应于${day(allowedFrom)}起再次检查。`
      })
    }
  }
  return { deptSiteRun, finish }
}

export const repeatPlannedAnnual: RuleImpl<'REPEAT_PLANNED_ANNUAL'> = (m, cfg, out) => {
  const caps = cfg.params.annual_cap_planned_onsite
  const sets = new Map<string, { facts: TaskFact[]; depts: Set<string>; year: number; cap: number }>()
  // One year's planned tasks of the current (department, site) run, in a reused array: copied only when
  // over the cap (rare). The year is worked out only when a task falls outside the current one's days.
  const run: TaskFact[] = []
  let runDept = ''
  let runCap = 0
  let runYear = 0
  let yearFrom = 0
  let yearTo = 0
  const flush = (): void => {
    if (run.length > runCap) {
      const key = run.map((f) => f.id).join('\u0000')
      let s = sets.get(key)
      if (!s) sets.set(key, (s = { facts: run.slice(), depts: new Set(), year: runYear, cap: runCap }))
      s.depts.add(runDept)
    }
    run.length = 0
  }
  const deptSiteRun = (dept: string, facts: readonly TaskFact[], from: number, to: number): void => {
    const domain = m.domainOf(dept)
    const cap = domain !== null ? caps[domain] : undefined
    if (cap === undefined) return
    // Facts are in task order, hence by inspection date: one year's tasks are consecutive.
    runDept = dept
    runCap = cap
    yearFrom = yearTo = 0
    for (let i = from; i < to; i++) {
      const f = facts[i]!
      if (!f.planned) continue
      if (f.inspDay < yearFrom || f.inspDay >= yearTo) {
        flush()
        runYear = civilFromDay(f.inspDay).year
        yearFrom = dayFromCivil(runYear, 1, 1)
        yearTo = dayFromCivil(runYear + 1, 1, 1)
      }
      run.push(f)
    }
    flush()
  }
  const finish = (): void => {
    for (const { facts, depts, year, cap } of sets.values()) {
      const first = facts[0]!
      const dept = first.depts.find((d) => depts.has(d))!
      out.emit('REPEAT_PLANNED_ANNUAL', cfg, {
        task_ids: facts.map((f) => f.id), enterprise_id: first.enterpriseId, department_id: dept, domain: m.domainOf(dept),
        evidence: {
          department_id: dept, site: siteEvidence(first), year, annual_cap_planned_onsite: cap,
          tasks: facts.map((f) => ({ id: f.id, code: f.code, inspection_date: isoFromDay(f.inspDay) }))
        },
        message: `${deptName(m, dept)}在${year}年对${entName(m, first.enterpriseId)}的同一经营场所（${m.siteLabel(first)}）开展了${facts.length}次有计划现场检查（` +
          `${messageList(facts.map((f) => `${day(f.inspDay)} 任务 ${f.id}`))}），超过每年${cap}次的上限。`
      })
    }
  }
  return { deptSiteRun, finish }
}

const LEVEL_CN: Record<Department['level'], string> = { CITY: '市级', DISTRICT: '区级', TOWN: '街镇' }

export const resultRecognitionIgnored: RuleImpl<'RESULT_RECOGNITION_IGNORED'> = (m, cfg, out) => {
  const { recognition_window_months: k, domains, levels } = cfg.params
  const relevant = (deptId: string): Department | null => {
    const d = m.departments.get(deptId)
    return d && domains.includes(d.domain) && levels.includes(d.level) ? d : null
  }
  const relevance = new Map<string, Department | null>()
  const relevantCached = (deptId: string): Department | null => {
    let d = relevance.get(deptId)
    if (d === undefined) relevance.set(deptId, (d = relevant(deptId)))
    return d
  }
  /** Per department list (interned): 1 when one of its departments is relevant, 0 when none; unset until asked. */
  const listRelevance: number[] = []
  const isRelevant = (f: TaskFact): boolean => {
    const known = listRelevance[f.deptListIndex]
    if (known !== undefined) return known === 1
    const relevantList = f.depts.some((d) => relevantCached(d) !== null)
    listRelevance[f.deptListIndex] = relevantList ? 1 : 0
    return relevantList
  }
  type Extra = { domain: Domain; level: Department['level']; otherLevel: Department['level']; shared: string[]; windowEnd: DayNumber }
  const pairs = pairCollector<Extra>(m)
  const active = new ActiveWindow()
  const siteRun = (facts: readonly TaskFact[], from: number, to: number): void => {
    active.clear()
    for (let i = from; i < to; i++) {
      const t = facts[i]!
      if (!t.counted || !isRelevant(t)) continue
      active.expire(t.inspDay)
      if (t.planned && active.length > 0) {
        for (const dt of t.depts) {
          const d = relevantCached(dt)
          if (d === null) continue
          const otherLevel = levels[0] === d.level ? levels[1]! : levels[0]!
          for (let a = 0; a < active.length; a++) {
            const p = active.facts[a]!
            const expiry = active.ends[a]!
            const atOther = p.depts.some((id) => {
              const pd = m.departments.get(id)
              return pd !== undefined && pd.domain === d.domain && pd.level === otherLevel
            })
            if (!atOther) continue
            const shared = t.itemIds.filter((x) => p.itemIds.includes(x))
            if (shared.length === 0) continue
            pairs.add(p, t, dt, { domain: d.domain, level: d.level, otherLevel, shared: [...new Set(shared)].sort(), windowEnd: expiry })
          }
        }
      }
      active.add(t, m.plusMonths(t.lastDay, k))
    }
  }
  const finish = (): void => {
    for (const { p, t, dept, extra } of pairs.values()) {
      const otherDepts = p.depts.filter((id) => {
        const pd = m.departments.get(id)
        return pd !== undefined && pd.domain === extra.domain && pd.level === extra.otherLevel
      })
      const itemNames = extra.shared.map((id) => m.items.get(id)?.name ?? id).join('、')
      out.emit('RESULT_RECOGNITION_IGNORED', cfg, {
        task_ids: [p.id, t.id], enterprise_id: t.enterpriseId, department_id: dept, domain: extra.domain,
        evidence: {
          domain: extra.domain, department_id: dept, level: extra.level, other_level: extra.otherLevel, other_department_ids: otherDepts,
          site: siteEvidence(t), previous: taskEvidence(p), current: taskEvidence(t), shared_item_ids: extra.shared,
          recognition_ends_before: isoFromDay(extra.windowEnd), recognition_window_months: k
        },
        message: `${deptName(m, dept)}（${LEVEL_CN[extra.level]}）于${day(t.inspDay)}对${entName(m, t.enterpriseId)}（经营场所：${m.siteLabel(t)}）开展有计划现场检查（${taskRef(t)}），` +
          `而${deptNames(m, otherDepts)}（${LEVEL_CN[extra.otherLevel]}）已于${day(p.lastDay)}就同一场所的相同事项（${itemNames}）完成现场检查（${taskRef(p)}），` +
          `${k}个月内应互认该结果，不再重复检查。`
      })
    }
  }
  return { siteRun, finish }
}

/**
 * One flag per planned task (D-12b is about the planned check that should have been deemed done), paired
 * with the covering triggered inspection completed last before it; the others that also cover it are
 * counted in the evidence. Pairing it with every one of them made the flags grow with the square of an
 * enterprise's inspections (3,000 at one site gave 20,000 flags).
 */
export const plannedAlreadyCovered: RuleImpl<'PLANNED_ALREADY_COVERED'> = (m, cfg, out) => {
  const { triggered_cover_window_months: k, domains } = cfg.params
  type Cover = { p: TaskFact; t: TaskFact; dept: string; pos: number; expiry: DayNumber; covering: Set<number> }
  const covers = new Map<number, Cover>()
  /** Later completion first, then the planned task's lead department, then the earlier task in the order. */
  const better = (p: TaskFact, pos: number, c: Cover) =>
    p.lastDay !== c.p.lastDay ? p.lastDay > c.p.lastDay : pos !== c.pos ? pos < c.pos : p.rank < c.p.rank
  const active = new ActiveWindow()
  const deptSiteRun = (dept: string, facts: readonly TaskFact[], from: number, to: number): void => {
    const domain = m.domainOf(dept)
    if (domain === null || !domains.includes(domain)) return
    active.clear()
    for (let i = from; i < to;) {
      // One day's tasks at a time, its triggered checks first: a planned check on the day a triggered one
      // was completed comes after it whatever their ids (ids order a day's tasks, not the day's events).
      const today = facts[i]!.inspDay
      let end = i
      while (end < to && facts[end]!.inspDay === today) end++
      active.expire(today)
      // Covered "within one month" of completion, the end day included (以内 includes the end value):
      // the window closes the day after.
      for (let x = i; x < end; x++) if (facts[x]!.triggered) active.add(facts[x]!, m.plusMonths(facts[x]!.lastDay, k) + 1)
      for (let x = i; x < end; x++) {
        const t = facts[x]!
        if (!t.planned || t.itemIds.length === 0) continue
        for (let a = 0; a < active.length; a++) {
          const p = active.facts[a]!
          if (p.lastDay > t.inspDay || !t.itemIds.every((id) => p.itemIds.includes(id))) continue
          const pos = t.depts.indexOf(dept)
          const cover = covers.get(t.rank)
          if (!cover) covers.set(t.rank, { p, t, dept, pos, expiry: active.ends[a]!, covering: new Set([p.rank]) })
          else {
            cover.covering.add(p.rank)
            if (better(p, pos, cover)) Object.assign(cover, { p, dept, pos, expiry: active.ends[a]! })
          }
        }
      }
      i = end
    }
  }
  const finish = (): void => {
    for (const { p, t, dept, expiry, covering } of covers.values()) {
      const others = covering.size - 1
      out.emit('PLANNED_ALREADY_COVERED', cfg, {
        task_ids: [p.id, t.id], enterprise_id: t.enterpriseId, department_id: dept, domain: m.domainOf(dept),
        evidence: {
          department_id: dept, site: siteEvidence(t), triggered: taskEvidence(p), planned: taskEvidence(t),
          item_ids: [...new Set(t.itemIds)].sort(), cover_ends_before: isoFromDay(expiry), triggered_cover_window_months: k,
          other_covering_triggered: others
        },
        message: `${deptName(m, dept)}于${day(p.lastDay)}完成对${entName(m, t.enterpriseId)}（经营场所：${m.siteLabel(t)}）的触发式现场检查（${taskRef(p)}），已涵盖其后${day(t.inspDay)}有计划现场检查（${taskRef(t)}）的全部事项` +
          `${others > 0 ? `（此前一个月内另有${others}次触发式检查亦已涵盖）` : ''}，该有计划检查可视为已完成，不应再次入企检查。`
      })
    }
  }
  return { deptSiteRun, finish }
}

export const tasksNotMerged: RuleImpl<'TASKS_NOT_MERGED'> = (m, cfg, out) => {
  const domains = cfg.params.domains
  const pairs = pairCollector<null>(m)
  const deptSiteRun = (dept: string, facts: readonly TaskFact[], from: number, to: number): void => {
    const domain = m.domainOf(dept)
    if (domain === null || !domains.includes(domain)) return
    for (let i = from + 1; i < to; i++) {
      const a = facts[i - 1]!
      const b = facts[i]!
      if (a.inspDay >= b.inspDay) continue
      const appliedA = m.codeAppliedDay(a)
      const appliedB = m.codeAppliedDay(b)
      if (appliedA === null || appliedB === null || appliedA > a.inspDay || appliedB > a.inspDay) continue
      pairs.add(a, b, dept, null)
    }
  }
  const finish = (): void => {
    for (const { p: a, t: b, dept } of pairs.values()) {
      out.emit('TASKS_NOT_MERGED', cfg, {
        task_ids: [a.id, b.id], enterprise_id: b.enterpriseId, department_id: dept, domain: m.domainOf(dept),
        evidence: {
          department_id: dept, site: siteEvidence(b),
          tasks: [a, b].map((f) => ({ ...taskEvidence(f), code_applied_date: isoFromDay(m.codeAppliedDay(f)!) }))
        },
        message: `${deptName(m, dept)}对${entName(m, b.enterpriseId)}同一经营场所（${m.siteLabel(b)}）的两项检查任务（${taskRef(a)}、${taskRef(b)}）在${day(a.inspDay)}均已申请检查码待执行，却分别于${day(a.inspDay)}和${day(b.inspDay)}两次入企，未合并实施。`
      })
    }
  }
  return { deptSiteRun, finish }
}
