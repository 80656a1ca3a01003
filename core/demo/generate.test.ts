import { describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS, type Enterprise, type InterchangeRecord, type Plan, type Task } from '../contract/records.ts'
import { DOMAINS, hasValidUsccCheckChar, shanghaiDate } from '../contract/scalars.ts'
import { DEMO_LAST_DATE, DemoOptionsError, createDemo, resolveDemoOptions, type DemoOptions } from './generate.ts'

function generate(options: DemoOptions): { records: InterchangeRecord[]; demo: ReturnType<typeof createDemo> } {
  const demo = createDemo(options)
  return { records: [...demo.records()], demo }
}

const of = <T extends InterchangeRecord['type']>(records: InterchangeRecord[], type: T) =>
  records.filter((r): r is Extract<InterchangeRecord, { type: T }> => r.type === type)

describe('demo generator', () => {
  const { records, demo } = generate({ tasks: 3000, seed: 'test-seed' })
  const tasks = of(records, 'task')
  const plans = of(records, 'plan')
  const enterprises = of(records, 'enterprise')

  it('is deterministic: the same seed gives the same records and manifest, another seed different ones', () => {
    const again = generate({ tasks: 3000, seed: 'test-seed' })
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(records))
    expect(again.demo.manifest).toEqual(demo.manifest)
    const other = generate({ tasks: 3000, seed: 'other-seed' })
    expect(JSON.stringify(other.records)).not.toBe(JSON.stringify(records))
    expect(of(other.records, 'enterprise').map((e) => e.id)).not.toEqual(enterprises.map((e) => e.id))
  })

  it('keeps the organisation and objects of a seed whatever the task count', () => {
    const more = generate({ tasks: 4500, enterprises: 300, seed: 'test-seed' })
    expect(of(more.records, 'enterprise')).toEqual(enterprises)
    expect(of(more.records, 'officer')).toEqual(of(records, 'officer'))
  })

  it('writes exactly the requested number of tasks and counts what it yields', () => {
    expect(tasks).toHaveLength(3000)
    for (const type of Object.keys(RECORD_SCHEMAS) as (keyof typeof RECORD_SCHEMAS)[]) {
      expect(demo.counts[type]).toBe(records.filter((r) => r.type === type).length)
    }
    expect(generate({ tasks: 250, enterprises: 40, seed: 3 }).records.filter((r) => r.type === 'task')).toHaveLength(250)
  })

  it('produces only records that pass the interchange schemas unchanged', () => {
    for (const r of records) {
      const parsed = RECORD_SCHEMAS[r.type].safeParse(r)
      if (!parsed.success) throw new Error(`${r.type} ${'id' in r ? r.id : ''}: ${parsed.error.message}`)
      expect(parsed.data).toEqual(r)
    }
  })

  it('gives every enterprise a unique 18-character USCC with a correct GB 32100 check character', () => {
    expect(enterprises).toHaveLength(300)
    for (const e of enterprises) expect(hasValidUsccCheckChar(e.id), e.id).toBe(true)
    expect(new Set(enterprises.map((e) => e.id)).size).toBe(enterprises.length)
    expect(enterprises.every((e) => e.district_code === '310116' && e.sites.every((s) => s.address.startsWith('上海市金山区')))).toBe(true)
  })

  it('references only records that exist (clean referential integrity)', () => {
    const ids = (type: InterchangeRecord['type']) => new Set(records.filter((r) => r.type === type).map((r) => ('id' in r ? r.id : '')))
    const departments = ids('department'), officers = ids('officer'), items = ids('item'), planIds = ids('plan'), taskIds = ids('task')
    const sitesOf = new Map(enterprises.map((e: Enterprise) => [e.id, new Set(e.sites.map((s) => s.id))]))
    const problems: string[] = []
    const check = (ok: boolean, what: string) => { if (!ok) problems.push(what) }
    for (const o of of(records, 'officer')) check(departments.has(o.department_id), `officer ${o.id}`)
    for (const l of of(records, 'list_entry')) check(sitesOf.has(l.enterprise_id), `list ${l.id}`)
    for (const p of plans) {
      check(departments.has(p.department_id), `plan ${p.id} department`)
      for (const d of p.participant_department_ids ?? []) check(departments.has(d), `plan ${p.id} participant`)
      for (const i of p.item_ids) check(items.has(i), `plan ${p.id} item`)
      for (const t of p.targets ?? []) check(sitesOf.has(t.enterprise_id) && (t.site_id === null || !!sitesOf.get(t.enterprise_id)?.has(t.site_id)), `plan ${p.id} target`)
    }
    const taskById = new Map(tasks.map((t) => [t.id, t]))
    for (const t of tasks) {
      for (const d of t.department_ids) check(departments.has(d), `task ${t.id} department`)
      for (const i of t.item_ids) check(items.has(i), `task ${t.id} item`)
      check(sitesOf.has(t.enterprise_id), `task ${t.id} enterprise`)
      check(t.site_id === null || !!sitesOf.get(t.enterprise_id)?.has(t.site_id), `task ${t.id} site`)
      check(t.plan_id === null || planIds.has(t.plan_id), `task ${t.id} plan`)
      check(t.recheck_of === null || (taskById.has(t.recheck_of) && t.recheck_of < t.id), `task ${t.id} recheck_of`)
      for (const v of t.visits) for (const o of v.officer_ids) check(officers.has(o), `task ${t.id} officer ${o}`)
    }
    for (const e of of(records, 'evaluation')) {
      const task = taskById.get(e.task_id)
      check(!!task && (e.department_id === null || task.department_ids.includes(e.department_id)), `evaluation ${e.id}`)
    }
    expect(taskIds.size).toBe(tasks.length)
    expect(problems).toEqual([])
  })

  it('covers every domain at city and district level, and 街镇 bodies where they inspect', () => {
    const depts = of(records, 'department')
    for (const d of DOMAINS) {
      expect(depts.some((x) => x.domain === d && x.level === 'CITY' && x.district_code === '310000')).toBe(true)
      expect(depts.some((x) => x.domain === d && x.level === 'DISTRICT' && x.district_code === '310116')).toBe(true)
    }
    for (const d of ['MKT', 'URB', 'PSB'] as const) expect(depts.filter((x) => x.domain === d && x.level === 'TOWN')).toHaveLength(11)
    const officers = of(records, 'officer')
    expect(new Set(officers.map((o) => o.role))).toEqual(new Set(['OFFICER', 'AUXILIARY', 'THIRD_PARTY']))
    expect(officers.some((o) => o.role === 'OFFICER' && o.cert_valid_until !== null && o.cert_valid_until < DEMO_LAST_DATE)).toBe(true)
    expect(officers.filter((o) => o.role !== 'OFFICER').every((o) => o.cert_no === null)).toBe(true)
  })

  it('has items on all three lists and name-list entries of every kind, open and closed', () => {
    const items = of(records, 'item')
    expect(new Set(items.map((i) => i.list))).toEqual(new Set(['KEY', 'RANDOM', 'WUSHI']))
    expect(items.filter((i) => i.domain === 'FIRE').every((i) => i.fire_matter === true)).toBe(true)
    const lists = of(records, 'list_entry')
    expect(new Set(lists.map((l) => l.list))).toEqual(new Set(['WUGAN', 'NO_JOINT', 'WHITELIST']))
    expect(lists.some((l) => l.to === null) && lists.some((l) => l.to !== null)).toBe(true)
    expect(lists.some((l) => l.domain === null) && lists.some((l) => l.domain !== null)).toBe(true)
    expect(enterprises.some((e) => e.in_library_since === null)).toBe(true)
  })

  it('has plans of every type, origin and status with consistent times and a plan code once filed', () => {
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'FILED', 'RETURNED', 'PUBLISHED', 'WITHDRAWN']))
    expect(new Set(plans.map((p) => p.plan_type))).toEqual(new Set(['ANNUAL', 'MONTHLY', 'SPECIAL']))
    expect(new Set(plans.map((p) => p.origin))).toEqual(new Set(['SELF', 'SUPERIOR', 'JOINT']))
    expect(plans.some((p) => (p.participant_department_ids?.length ?? 0) > 0)).toBe(true)
    expect(plans.some((p) => p.targets !== null) && plans.some((p) => p.scope !== null && p.sampling_ratio !== null)).toBe(true)
    expect(plans.filter((p) => p.status === 'SUBMITTED').length).toBeGreaterThan(plans.length * 0.05)
    const codes = new Set<string>()
    for (const p of plans) {
      const ts = (x: string | null) => (x === null ? null : x)
      const [submitted, filed, published] = [ts(p.submitted_at), ts(p.filed_at), ts(p.published_at)]
      if (filed) expect(submitted !== null && submitted <= filed, p.id).toBe(true)
      if (published) expect(filed !== null && filed <= published, p.id).toBe(true)
      for (const t of [submitted, filed, published]) if (t) expect(shanghaiDate(t) <= DEMO_LAST_DATE).toBe(true)
      expect(p.window_from <= p.window_to).toBe(true)
      const mustHaveCode = p.status === 'FILED' || p.status === 'PUBLISHED'
      if (mustHaveCode) expect(p.plan_code, p.id).toMatch(/^(JS|SH)-\d{4}-[A-Z]+-\d{4}$/)
      expect(p.plan_code === null || filed !== null, p.id).toBe(true)
      if (p.status === 'DRAFT') expect([submitted, filed, published]).toEqual([null, null, null])
      if (p.plan_code) {
        expect(codes.has(p.plan_code)).toBe(false)
        codes.add(p.plan_code)
      }
    }
    expect(new Set(plans.map((p) => p.year))).toEqual(new Set([2025, 2026, 2027]))
  })

  it('has tasks of every kind, special, mode and status, and joint tasks', () => {
    expect(new Set(tasks.map((t) => t.kind))).toEqual(new Set(['PLANNED', 'TRIGGERED']))
    expect(new Set(tasks.map((t) => t.special))).toEqual(new Set(['NONE', 'SURVEY', 'EMERGENCY', 'RECHECK', 'COMMITMENT_VERIFY']))
    expect(new Set(tasks.map((t) => t.mode))).toEqual(new Set(['ON_SITE', 'NON_SITE']))
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['PENDING', 'DONE', 'CANCELLED']))
    expect(tasks.some((t) => t.department_ids.length > 1)).toBe(true)
    expect(tasks.filter((t) => t.status !== 'DONE').every((t) => t.visits.length === 0)).toBe(true)
    expect(tasks.filter((t) => t.status === 'DONE').every((t) => t.visits.length > 0)).toBe(true)
    const onSite = tasks.filter((t) => t.mode === 'ON_SITE').length
    expect(onSite / tasks.length).toBeGreaterThan(0.6)
    expect(of(records, 'evaluation').some((e) => e.verdict === 'DISAPPROVE')).toBe(true)
    const lastDates = tasks.flatMap((t: Task) => t.visits.map((v) => v.date))
    expect(lastDates.every((d) => d >= '2025-01-01' && d <= DEMO_LAST_DATE)).toBe(true)
    const planned = tasks.filter((t) => t.kind === 'PLANNED' && t.special === 'NONE' && t.plan_id !== null)
    const byId = new Map(plans.map((p: Plan) => [p.id, p]))
    // A clean planned task cites its plan's code (and the rule engine resolves by either).
    expect(planned.filter((t) => t.plan_code !== null).every((t) => t.plan_code === byId.get(t.plan_id ?? '')?.plan_code)).toBe(true)
  })

  it('rejects options it cannot honour, with the option named', () => {
    expect(() => resolveDemoOptions({ tasks: -1 })).toThrow(DemoOptionsError)
    expect(() => resolveDemoOptions({ enterprises: 2.5 })).toThrow(/enterprises/)
    expect(() => resolveDemoOptions({ rates: { NOT_A_RULE: 0.1 } as never })).toThrow(/NOT_A_RULE/)
    expect(resolveDemoOptions({ tasks: 50_000 }).enterprises).toBe(5_000)
    expect(resolveDemoOptions({}).tasks).toBe(20_000)
  })
})
