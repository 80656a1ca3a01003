import { describe, expect, it } from 'vitest'
import type { InterchangeRecord, Plan, Task } from '../contract/records.ts'
import { shanghaiDate } from '../contract/scalars.ts'
import { bundledCalendarDays } from '../calendar/bundled.ts'
import { addMonths, createWorkingDays, dateOf, dayOf } from './days.ts'
import { DEMO_LAST_DATE, createDemo, type DemoOptions } from './generate.ts'
import { INJECTABLE_RULES, type InjectableRule, type InjectionManifest } from './injections.ts'
import { SHANGHAI_2025_DEFAULTS as P } from './ruleParameters.ts'
import { referenceFlags } from './testing/referenceRules.ts'

function generate(options: DemoOptions): { records: InterchangeRecord[]; manifest: InjectionManifest } {
  const demo = createDemo(options)
  return { records: [...demo.records()], manifest: demo.manifest }
}

const identity = (rule: string, taskIds: readonly string[], planIds: readonly string[]) => `${rule}|${taskIds.join(',')}|${planIds.join(',')}`

function manifestIdentities(manifest: InjectionManifest): Set<string> {
  return new Set(INJECTABLE_RULES.flatMap((r) => manifest.rules[r].map((c) => identity(r, c.task_ids, c.plan_ids))))
}

function detected(records: InterchangeRecord[], asOf: string): Set<string> {
  return new Set(referenceFlags(records, asOf, P).map((f) => identity(f.rule, f.task_ids, f.plan_ids)))
}

const wd = createWorkingDays(bundledCalendarDays())
const plusMonth = (date: string) => dateOf(addMonths(dayOf(date), 1))
const first = (t: Task) => t.visits.map((v) => v.date).sort()[0] ?? ''
const last = (t: Task) => t.visits.map((v) => v.date).sort().at(-1) ?? ''

describe('planted violations', () => {
  const { records, manifest } = generate({ tasks: 4000, seed: 'manifest-test' })
  const tasks = new Map(records.filter((r): r is Task => r.type === 'task').map((t) => [t.id, t]))
  const plans = new Map(records.filter((r): r is Plan => r.type === 'plan').map((p) => [p.id, p]))
  const departments = new Map(records.flatMap((r) => (r.type === 'department' ? [[r.id, r] as const] : [])))
  const firstSite = new Map(records.flatMap((r) => (r.type === 'enterprise' ? [[r.id, r.sites[0]?.id ?? ''] as const] : [])))
  const siteKey = (t: Task) => `${t.enterprise_id}|${t.site_id ?? firstSite.get(t.enterprise_id)}`
  const cases = (rule: InjectableRule) => manifest.rules[rule].map((c) => ({ ...c, tasks: c.task_ids.map((id) => tasks.get(id) as Task) }))

  it('plants at least one case of every core rule at the default rates', () => {
    for (const rule of INJECTABLE_RULES) expect(manifest.rules[rule].length, rule).toBeGreaterThan(0)
    expect(manifest.valid_from_as_of).toBe(DEMO_LAST_DATE)
  })

  it('raises exactly the manifest under a literal reading of rules-core-v1, and nothing on clean records', () => {
    const want = manifestIdentities(manifest)
    for (const asOf of [DEMO_LAST_DATE, '2026-11-22']) {
      const got = detected(records, asOf)
      expect([...got].filter((k) => !want.has(k)), `extra flags as of ${asOf}`).toEqual([])
      expect([...want].filter((k) => !got.has(k)), `missing flags as of ${asOf}`).toEqual([])
    }
  })

  it('holds for other seeds and sizes too, from a few hundred tasks to a crowded district', () => {
    for (const options of [{ tasks: 300, seed: 1 }, { tasks: 6000, enterprises: 150, seed: 2 }, { tasks: 2500, seed: 'x' }]) {
      const run = generate(options)
      const want = manifestIdentities(run.manifest)
      const got = detected(run.records, DEMO_LAST_DATE)
      expect([...got].filter((k) => !want.has(k)), JSON.stringify(options)).toEqual([])
      expect([...want].filter((k) => !got.has(k)), JSON.stringify(options)).toEqual([])
    }
  })

  it('plants nothing of a rule whose rate is 0, and more of one whose rate is raised', () => {
    const run = generate({ tasks: 2000, seed: 9, rates: { REPEAT_WITHIN_MONTH: 0, CONDUCT_VIOLATION: 0.05 } })
    expect(run.manifest.rules.REPEAT_WITHIN_MONTH).toEqual([])
    expect([...detected(run.records, DEMO_LAST_DATE)].filter((k) => k.startsWith('REPEAT_WITHIN_MONTH|'))).toEqual([])
    expect(run.manifest.rules.CONDUCT_VIOLATION.length).toBe(100)
  })

  it('REPEAT_WITHIN_MONTH: same body and site, the later planned inspection before the earlier one\'s last visit + 1 month', () => {
    for (const c of cases('REPEAT_WITHIN_MONTH')) {
      const [p, t] = c.tasks.sort((a, b) => first(a).localeCompare(first(b)) || a.id.localeCompare(b.id)) as [Task, Task]
      expect(t.kind).toBe('PLANNED')
      expect(t.department_ids[0]).toBe(p.department_ids[0])
      expect(siteKey(t)).toBe(siteKey(p))
      expect(first(t) < plusMonth(last(p))).toBe(true)
    }
  })

  it('REPEAT_PLANNED_ANNUAL and FIRE_B_OVER: two planned inspections of a capped body in one calendar year', () => {
    for (const c of cases('REPEAT_PLANNED_ANNUAL')) {
      const [p, t] = c.tasks as [Task, Task]
      expect(first(p).slice(0, 4)).toBe(first(t).slice(0, 4))
      expect(P.annualCapOneDomains).toContain(departments.get(p.department_ids[0] ?? '')?.domain)
      expect(first(t) >= plusMonth(last(p))).toBe(true)
    }
    for (const c of cases('FIRE_B_OVER')) {
      expect(c.tasks.every((t) => departments.get(t.department_ids[0] ?? '')?.domain === 'FIRE' && t.kind === 'PLANNED')).toBe(true)
      expect(new Set(c.tasks.map((t) => first(t).slice(0, 4))).size).toBe(1)
      const e = records.find((r) => r.type === 'enterprise' && r.id === c.tasks[0]?.enterprise_id)
      expect(e?.type === 'enterprise' && e.fire_key_unit && e.grades?.FIRE === 'B').toBe(true)
    }
  })

  it('LATE_BACKFILL, SURVEY_EXEMPTION_MISUSED, CODE_NOT_REUSED and PLAN_PUBLICATION_LATE have their defining facts', () => {
    for (const { tasks: [t] } of cases('LATE_BACKFILL')) {
      expect(t?.special).toBe('EMERGENCY')
      const deadline = dateOf(wd.nthWorkingDayAfter(dayOf(first(t as Task)), P.backfillDeadlineWorkingDays))
      expect(shanghaiDate(t?.code_applied_at ?? '') > deadline).toBe(true)
    }
    const libraryOf = new Map(records.flatMap((r) => (r.type === 'enterprise' ? [[r.id, r.in_library_since] as const] : [])))
    for (const { tasks: [t] } of cases('SURVEY_EXEMPTION_MISUSED')) {
      expect([t?.special, t?.code]).toEqual(['SURVEY', null])
      expect((libraryOf.get(t?.enterprise_id ?? '') ?? '9999') <= first(t as Task)).toBe(true)
    }
    for (const c of cases('CODE_NOT_REUSED')) {
      const [a, b] = c.tasks as [Task, Task]
      expect(a.code && b.code && a.code !== b.code).toBe(true)
      expect(b.recheck_of === a.id || (a.trigger_ref !== null && a.trigger_ref === b.trigger_ref)).toBe(true)
    }
    for (const c of manifest.rules.PLAN_PUBLICATION_LATE) {
      const plan = plans.get(c.plan_ids[0] ?? '') as Plan
      expect(plan.plan_type).toBe('ANNUAL')
      expect(plan.published_at === null || shanghaiDate(plan.published_at) > `${plan.year}-03-31`).toBe(true)
    }
  })
})
