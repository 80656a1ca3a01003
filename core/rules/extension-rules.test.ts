// The further detection rules of rules-catalogue.md §6.2 (D-08, D-12, D-14, D-16 TRAN, D-17, D-18, D-19,
// D-20, D-29) and the EXTERNAL Yantai rules (D-27, D-28), with the precise readings recorded in the pack.
import { describe, expect, it } from 'vitest'
import type { Task } from '../contract/records.ts'
import { rulePackSchema } from './pack.ts'
import { builtinRulePack } from './packs.ts'
import { baseWorld, department, enterprise, ENT_A, ENT_B, ids, item, listEntry, plan, run, task, visit, withRecords, type TaskExtra } from './testing.ts'

const KEY_UNIT = '91310116MA1FL0030G'
const fireWorld = (grade: 'A' | 'B' | 'C' | 'D', ...tasks: Task[]) =>
  withRecords(baseWorld(), {
    enterprises: [enterprise(KEY_UNIT, { grades: { FIRE: grade }, fire_key_unit: true })],
    items: [item('I-FIRE-MATTER', 'MKT', { fire_matter: true })],
    tasks
  })
const fire = (id: string, date: string, extra: TaskExtra = {}) =>
  task(id, date, { department_ids: ['D-FIRE'], plan_id: 'P-FIRE', item_ids: ['I-FIRE'], enterprise_id: KEY_UNIT, ...extra })

describe('FIRE_A_OVER (D-20)', () => {
  const rule = 'FIRE_A_OVER'
  it('more than one planned FIRE on-site inspection in two consecutive calendar years', () => {
    expect(ids(run(fireWorld('A', fire('F1', '2025-03-01'), fire('F2', '2026-05-01'))), rule)).toEqual([['F1', 'F2']])
    expect(ids(run(fireWorld('A', fire('F1', '2025-03-01'), fire('F2', '2027-01-05')), '2027-06-30'), rule)).toEqual([])
  })

  it('one flag per maximal set of tasks', () => {
    expect(ids(run(fireWorld('A', fire('F1', '2025-03-01'), fire('F2', '2025-09-01'))), rule)).toEqual([['F1', 'F2']])
    const three = fireWorld('A', fire('F1', '2024-03-01'), fire('F2', '2025-03-01'), fire('F3', '2026-03-01'))
    expect(ids(run(three), rule)).toEqual([['F1', 'F2'], ['F2', 'F3']])
  })
})

describe('FIRE_B_UNDER, FIRE_D_UNDER and FIRE_A_NONSITE_MISSING (D-20)', () => {
  const triggered = { kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT' } as const

  it('B: a whole calendar year (ended before as_of) without a planned FIRE on-site inspection, identified by the inspection before it', () => {
    const world = fireWorld('B', fire('F1', '2025-03-01'), fire('F2', '2027-02-01'))
    expect(ids(run(world, '2026-12-31'), 'FIRE_B_UNDER')).toEqual([])
    expect(ids(run(world, '2027-01-01'), 'FIRE_B_UNDER')).toEqual([['F1']])
    // The inspection after the gap is evidence, not identity: an officer's decision on the flag stays with it.
    const f = run(world, '2027-06-30').filter((x) => x.rule === 'FIRE_B_UNDER')
    expect(f.map((x) => x.task_ids)).toEqual([['F1']])
    expect(f[0]!.evidence['missed_periods']).toEqual([{ label: '2026年', from: '2026-01-01', to: '2026-12-31' }])
    expect((f[0]!.evidence['bounding_inspections'] as { id: string }[]).map((x) => x.id)).toEqual(['F1', 'F2'])
    expect(f[0]!.message).toContain('2026年消防部门未对其开展有计划现场检查')
  })

  it('B: a triggered check or a re-check in the year does not make up for the planned one', () => {
    for (const [name, extra] of [['triggered', triggered], ['re-check', { special: 'RECHECK', recheck_of: 'F1' }]] as const) {
      const world = fireWorld('B', fire('F1', '2025-03-01'), fire('F2', '2026-04-01', extra), fire('F3', '2027-02-01'))
      const f = run(world, '2027-06-30').filter((x) => x.rule === 'FIRE_B_UNDER')
      expect(f.map((x) => x.task_ids), name).toEqual([['F1']])
      expect((f[0]!.evidence['missed_periods'] as { label: string }[]).map((p) => p.label)).toEqual(['2026年'])
    }
  })

  it('D: each half-year needs an on-site inspection (a triggered one counts, a re-check does not); gaps around one inspection are one flag', () => {
    const world = fireWorld('D', fire('F1', '2025-08-01'))
    const flags = run(world, '2026-07-01').filter((x) => x.rule === 'FIRE_D_UNDER')
    expect(flags.map((x) => x.task_ids)).toEqual([['F1']])
    expect((flags[0]!.evidence['missed_periods'] as { label: string }[]).map((p) => p.label)).toEqual(['2025年上半年', '2026年上半年'])
    expect(ids(run(fireWorld('D', fire('F1', '2025-02-01'), fire('F2', '2025-11-01', triggered)), '2026-01-01'), 'FIRE_D_UNDER')).toEqual([])
    expect(ids(run(fireWorld('D', fire('F1', '2025-02-01'), fire('F2', '2025-11-01', { special: 'RECHECK', recheck_of: 'F1' })), '2026-01-01'), 'FIRE_D_UNDER')).toEqual([['F1']])
    expect(ids(run(fireWorld('D', fire('F1', '2025-02-01')), '2026-01-01'), 'FIRE_D_UNDER')).toEqual([['F1']])
  })

  it('A crowded place: a year with neither an on-site nor a non-site FIRE inspection', () => {
    const crowded = (...tasks: Task[]) => withRecords(fireWorld('A', ...tasks), {
      enterprises: [enterprise(KEY_UNIT, { grades: { FIRE: 'A' }, fire_key_unit: true, crowded_place: true })]
    })
    const rule = 'FIRE_A_NONSITE_MISSING'
    // 2025 on site, nothing in 2026, 2027 non-site.
    const gap = crowded(fire('F1', '2025-03-01'), fire('F2', '2027-03-01', { mode: 'NON_SITE' }))
    expect(ids(run(gap, '2026-12-31'), rule)).toEqual([])
    const f = run(gap, '2027-06-30').filter((x) => x.rule === rule)
    expect(f.map((x) => x.task_ids)).toEqual([['F1']])
    expect(f[0]!.message).toContain('人员密集场所重点单位，2026年消防部门未对其开展现场检查或非现场检查')
    // A non-site inspection in the year without an on-site one is what the annex asks for.
    expect(ids(run(crowded(fire('F1', '2025-03-01'), fire('F2', '2026-06-01', { mode: 'NON_SITE' }), fire('F3', '2027-03-01')), '2027-06-30'), rule)).toEqual([])
    // Not for a unit that is not a crowded place.
    expect(ids(run(fireWorld('A', fire('F1', '2025-03-01'), fire('F2', '2027-03-01')), '2027-06-30'), rule)).toEqual([])
  })

  it('a unit never inspected by FIRE cannot be identified by a task and is not flagged', () => {
    expect(ids(run(fireWorld('D'), '2026-07-01'), 'FIRE_D_UNDER')).toEqual([])
  })
})

describe('FIRE_ITEMS_DUPLICATED (D-08)', () => {
  const rule = 'FIRE_ITEMS_DUPLICATED'
  const mkt = (id: string, date: string, extra: TaskExtra = {}) => task(id, date, { enterprise_id: KEY_UNIT, item_ids: ['I-FIRE-MATTER'], ...extra })

  it('another department\'s planned check of fire matters in a year FIRE inspected the key unit', () => {
    expect(ids(run(fireWorld('B', fire('F1', '2025-03-01'), mkt('M1', '2025-09-01'))), rule)).toEqual([['M1']])
    expect(ids(run(fireWorld('B', fire('F1', '2025-11-01'), mkt('M1', '2025-09-01'))), rule)).toEqual([['M1']])
    expect(ids(run(fireWorld('B', fire('F1', '2025-03-01'), mkt('M1', '2026-09-01'))), rule)).toEqual([])
  })

  it('not for joint tasks with FIRE, items without fire matters, or units that are not key units', () => {
    expect(ids(run(fireWorld('B', fire('F1', '2025-03-01'), mkt('M1', '2025-09-01', { department_ids: ['D-MKT', 'D-FIRE'] }))), rule)).toEqual([])
    expect(ids(run(fireWorld('B', fire('F1', '2025-03-01'), mkt('M1', '2025-09-01', { item_ids: ['I-MKT'] }))), rule)).toEqual([])
    const plain = withRecords(baseWorld(), {
      items: [item('I-FIRE-MATTER', 'MKT', { fire_matter: true })],
      tasks: [fire('F1', '2025-03-01', { enterprise_id: ENT_A }), task('M1', '2025-09-01', { item_ids: ['I-FIRE-MATTER'] })]
    })
    expect(ids(run(plain), rule)).toEqual([])
  })
})

describe('PLANNED_ALREADY_COVERED (D-12b)', () => {
  const rule = 'PLANNED_ALREADY_COVERED'
  const trig = (id: string, date: string, extra: TaskExtra = {}) => task(id, date, { kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT', ...extra })

  it('a planned task within one month after a triggered one that covered all its items, the end day included', () => {
    expect(ids(run(withRecords(baseWorld(), { tasks: [trig('P', '2025-05-10'), task('T', '2025-06-10')] })), rule)).toEqual([['P', 'T']])
    expect(ids(run(withRecords(baseWorld(), { tasks: [trig('P', '2025-05-10'), task('T', '2025-06-11')] })), rule)).toEqual([])
    expect(ids(run(withRecords(baseWorld(), { tasks: [trig('P', '2025-05-10'), task('T', '2025-06-09', { item_ids: ['I-MKT', 'I-X'] })] })), rule)).toEqual([])
    // Month-end clamping: completed 01-31, covered to 02-28.
    expect(ids(run(withRecords(baseWorld(), { tasks: [trig('P', '2025-01-31'), task('T', '2025-02-28')] })), rule)).toEqual([['P', 'T']])
    expect(ids(run(withRecords(baseWorld(), { tasks: [trig('P', '2025-01-31'), task('T', '2025-03-01')] })), rule)).toEqual([])
  })

  it('a planned task on the day the triggered one was completed, whichever id sorts first', () => {
    for (const [trigId, plannedId] of [['A-TRIG', 'B-PLAN'], ['B-TRIG', 'A-PLAN']] as const) {
      const found = ids(run(withRecords(baseWorld(), { tasks: [trig(trigId, '2025-05-10'), task(plannedId, '2025-05-10')] })), rule)
      expect(found, trigId).toEqual([[trigId, plannedId].sort()])
    }
  })

  it('one flag per planned task, with the covering triggered inspection completed last; the others counted', () => {
    const world = withRecords(baseWorld(), { tasks: [trig('P1', '2025-05-01'), trig('P2', '2025-05-10'), trig('P3', '2025-05-10'), task('T', '2025-05-20'), task('U', '2025-06-05')] })
    const flags = run(world).filter((f) => f.rule === rule)
    // P2 and P3 were completed the same day: the one first in (date, id) order.
    expect(flags.map((f) => [f.task_ids, f.evidence['other_covering_triggered']])).toEqual([[['P2', 'T'], 2], [['P2', 'U'], 1]])
    expect(flags[0]!.message).toContain('另有2次触发式检查亦已涵盖')
    expect(flags[1]!.message).toContain('另有1次')
    // Record order changes nothing.
    expect(run(withRecords(baseWorld(), { tasks: [...world.tasks].reverse() })).filter((f) => f.rule === rule)).toEqual(flags)
  })

  it('the triggered task must be completed first, same department, in a listed domain', () => {
    const unfinished = trig('P', '2025-05-10', { visits: [visit('2025-05-10'), visit('2025-05-25')] })
    expect(ids(run(withRecords(baseWorld(), { tasks: [unfinished, task('T', '2025-05-20')] })), rule)).toEqual([])
    const cult = { department_ids: ['D-CULT'], plan_id: 'P-CULT', item_ids: ['I-CULT'] }
    expect(ids(run(withRecords(baseWorld(), { tasks: [trig('P', '2025-05-10', cult), task('T', '2025-05-20', cult)] })), rule)).toEqual([])
  })
})

describe('TASKS_NOT_MERGED (D-12a)', () => {
  const rule = 'TASKS_NOT_MERGED'
  it('two tasks both pending when the first was carried out, executed on different dates', () => {
    const a = task('A', '2025-03-10', { code_applied_at: '2025-03-01T09:00:00+08:00', kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT' })
    expect(ids(run(withRecords(baseWorld(), { tasks: [a, task('B', '2025-04-20', { code_applied_at: '2025-03-05T09:00:00+08:00' })] })), rule)).toEqual([['A', 'B']])
    expect(ids(run(withRecords(baseWorld(), { tasks: [a, task('B', '2025-04-20', { code_applied_at: '2025-03-11T09:00:00+08:00' })] })), rule)).toEqual([])
  })
})

describe('JOINT_ON_DISCOURAGED_OBJECT (D-14)', () => {
  it('a joint on-site inspection of an enterprise on the NO_JOINT list', () => {
    const input = withRecords(baseWorld(), {
      list_entries: [listEntry('L1', 'NO_JOINT', ENT_A, '2025-01-01')],
      tasks: [task('J', '2025-03-03', { department_ids: ['D-MKT', 'D-PSB'] }), task('S', '2025-06-03', { site_id: `${ENT_A}-S2` })]
    })
    const flags = run(input).filter((f) => f.rule === 'JOINT_ON_DISCOURAGED_OBJECT')
    expect(flags.map((f) => [f.task_ids, f.severity])).toEqual([[['J'], 'INFO']])
  })
})

describe('RESULT_INCOMPLETE (D-16, TRAN)', () => {
  const rule = 'RESULT_INCOMPLETE'
  const tran = { department_ids: ['D-TRAN'], plan_id: 'P-TRAN', item_ids: ['I-TRAN'] }
  it('a TRAN result entered without an outcome', () => {
    expect(ids(run(withRecords(baseWorld(), { tasks: [task('T', '2025-03-03', { ...tran, visits: [visit('2025-03-03', { outcome: null })] })] })), rule)).toEqual([['T']])
    expect(ids(run(withRecords(baseWorld(), { tasks: [task('T', '2025-03-03', { visits: [visit('2025-03-03', { outcome: null })] })] })), rule)).toEqual([])
    const later = task('T', '2025-03-03', { ...tran, visits: [visit('2025-03-03', { outcome: null, result_entered_at: '2025-03-04T09:00:00+08:00' })] })
    expect(ids(run(withRecords(baseWorld(), { tasks: [later] }), '2025-03-03'), rule)).toEqual([])
  })
})

describe('PLAN_FILING_LATE and MONTHLY_PLAN_LATE (D-17)', () => {
  it('FIRE annual plans are filed by the end of February (02-29 in leap years)', () => {
    const fireAnnual = (year: number, filedAt: string | null) =>
      withRecords(baseWorld(), { plans: [plan('P-Y', 'D-FIRE', { plan_type: 'ANNUAL', year, filed_at: filedAt, published_at: `${year}-03-20T09:00:00+08:00` })] })
    expect(ids(run(fireAnnual(2025, '2025-02-28T20:00:00+08:00')), 'PLAN_FILING_LATE')).toEqual([])
    expect(ids(run(fireAnnual(2025, '2025-03-01T09:00:00+08:00')), 'PLAN_FILING_LATE')).toEqual([['plan:P-Y']])
    expect(ids(run(fireAnnual(2024, '2024-02-29T09:00:00+08:00')), 'PLAN_FILING_LATE')).toEqual([])
    expect(ids(run(fireAnnual(2025, null), '2025-02-28'), 'PLAN_FILING_LATE')).toEqual([])
    expect(ids(run(fireAnnual(2025, null), '2025-03-01'), 'PLAN_FILING_LATE')).toEqual([['plan:P-Y']])
    const mkt = withRecords(baseWorld(), { plans: [plan('P-Y', 'D-MKT', { plan_type: 'ANNUAL', filed_at: '2025-03-05T09:00:00+08:00', published_at: '2025-03-20T09:00:00+08:00' })] })
    expect(ids(run(mkt), 'PLAN_FILING_LATE')).toEqual([])
  })

  it('ENV/TRAN monthly plans are drawn up by the 25th of the month before', () => {
    const monthly = (dept: string, from: string, submittedAt: string | null) =>
      withRecords(baseWorld(), { plans: [plan('P-M', dept, { plan_type: 'MONTHLY', window_from: from, window_to: from.slice(0, 8) + '28', submitted_at: submittedAt, filed_at: submittedAt })] })
    expect(ids(run(monthly('D-ENV', '2025-04-01', '2025-03-25T18:00:00+08:00')), 'MONTHLY_PLAN_LATE')).toEqual([])
    expect(ids(run(monthly('D-ENV', '2025-04-01', '2025-03-26T09:00:00+08:00')), 'MONTHLY_PLAN_LATE')).toEqual([['plan:P-M']])
    expect(ids(run(monthly('D-TRAN', '2025-01-01', '2024-12-26T09:00:00+08:00')), 'MONTHLY_PLAN_LATE')).toEqual([['plan:P-M']])
    expect(ids(run(monthly('D-TRAN', '2025-04-01', null), '2025-03-26'), 'MONTHLY_PLAN_LATE')).toEqual([['plan:P-M']])
    expect(ids(run(monthly('D-MKT', '2025-04-01', '2025-03-30T09:00:00+08:00')), 'MONTHLY_PLAN_LATE')).toEqual([])
  })
})

describe('NO_LEGAL_BASIS (D-19)', () => {
  const rule = 'NO_LEGAL_BASIS'
  // The base world's items state no legal basis; here the library states one for I-BASED.
  const world = (...tasks: Task[]) => withRecords(baseWorld(), {
    items: [item('I-BASED', 'MKT', { legal_basis: '《中华人民共和国食品安全法》' }), item('I-BARE', 'MKT', { legal_basis: '  ' })],
    tasks
  })

  it('an inspection of an item without a legal basis, on site or not, naming the items', () => {
    const flags = run(world(task('T1', '2025-05-06', { item_ids: ['I-BARE', 'I-BASED', 'I-BARE'] }), task('T2', '2025-05-07', { item_ids: ['I-BASED'] }), task('T3', '2025-05-08', { item_ids: ['I-BARE'], mode: 'NON_SITE' })))
      .filter((f) => f.rule === rule)
    expect(flags.map((f) => f.task_ids)).toEqual([['T1'], ['T3']])
    expect(flags[0]!.severity).toBe('MUST')
    expect(flags[0]!.evidence['item_ids']).toEqual(['I-BARE'])
    expect(flags[0]!.message).toContain('检查事项事项I-BARE没有法律、法规、规章依据')
    expect(String(flags[0]!.evidence['legal_basis'])).toContain('正文 三、（四）')
  })

  it('says nothing when the data states no item’s legal basis at all, or for items the library does not hold', () => {
    expect(ids(run(withRecords(baseWorld(), { tasks: [task('T1', '2025-05-06', { item_ids: ['I-MKT'] })] })), rule)).toEqual([])
    expect(ids(run(world(task('T1', '2025-05-06', { item_ids: ['I-NOWHERE'] }))), rule)).toEqual([])
  })
})

describe('PLAN_INCOMPLETE (D-18)', () => {
  const rule = 'PLAN_INCOMPLETE'
  const world = (...plans: ReturnType<typeof plan>[]) => withRecords(baseWorld(), { plans })
  const flag = (input: ReturnType<typeof world>, asOf?: string) => run(input, asOf).find((f) => f.rule === rule)

  it('a filed or published plan missing a field its department’s domain requires, named in the message', () => {
    // PSB requires the seven fields; MKT the three of the default.
    const psb = world(plan('P-X', 'D-PSB', { method: null, frequency: '  ' }))
    expect(ids(run(psb), rule)).toEqual([['plan:P-X']])
    const f = flag(psb)!
    expect(f.severity).toBe('MUST')
    expect(f.department_id).toBe('D-PSB')
    expect(f.evidence['missing_fields']).toEqual(['method', 'frequency'])
    expect(f.message).toContain('缺少必备要素：检查方式、检查频次')
    expect(f.message).toContain('2024年12月10日备案')
    expect(ids(run(world(plan('P-X', 'D-MKT', { method: null, frequency: null, legal_basis: null }))), rule)).toEqual([])
    expect(ids(run(world(plan('P-X', 'D-MKT', { item_ids: [] }))), rule)).toEqual([['plan:P-X']])
  })

  it('named objects or a described scope state the range; named objects need no sampling ratio', () => {
    const targets = [{ enterprise_id: ENT_A }]
    expect(ids(run(world(plan('P-X', 'D-PSB', { scope: null, sampling_ratio: null, targets }))), rule)).toEqual([])
    expect(ids(run(world(plan('P-X', 'D-PSB', { scope: '全区娱乐场所', sampling_ratio: null }))), rule)).toEqual([['plan:P-X']])
    expect(ids(run(world(plan('P-X', 'D-MKT', { scope: ' ', targets: [] }))), rule)).toEqual([['plan:P-X']])
  })

  it('only plans in force by as_of: not submitted, returned or draft ones, nor one filed after as_of', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN'] as const) {
      expect(ids(run(world(plan('P-X', 'D-PSB', { method: null, status }))), rule), status).toEqual([])
    }
    const filedLater = world(plan('P-X', 'D-PSB', { method: null, status: 'FILED', filed_at: '2025-03-02T09:00:00+08:00', published_at: null }))
    expect(ids(run(filedLater, '2025-03-01'), rule)).toEqual([])
    expect(ids(run(filedLater, '2025-03-02'), rule)).toEqual([['plan:P-X']])
  })

  it('by plan type where the domain’s annex says so: TRAN monthly plans name concrete objects, ENV annual plans (filed as text) the minimum', () => {
    const targets = [{ enterprise_id: ENT_A }]
    const monthly = { plan_type: 'MONTHLY', window_from: '2025-05-01', window_to: '2025-05-31' } as const
    // TRAN monthly: a scope text does not name the objects; the annual plan's ratio and frequency are not asked.
    const tranScope = flag(world(plan('P-T', 'D-TRAN', { ...monthly, frequency: null, sampling_ratio: null })))
    expect(tranScope?.evidence['missing_fields']).toEqual(['targets'])
    expect(tranScope?.message).toContain('缺少必备要素：具体检查对象')
    expect(String(tranScope?.evidence['legal_basis'])).toContain('附件8《交通运输领域…实施方案》二、（五）')
    expect(ids(run(world(plan('P-T', 'D-TRAN', { ...monthly, frequency: null, sampling_ratio: null, scope: null, targets }))), rule)).toEqual([])
    // TRAN annual: every field of its annex.
    expect(flag(world(plan('P-T', 'D-TRAN', { plan_type: 'ANNUAL', frequency: null })))?.evidence['missing_fields']).toEqual(['frequency'])
    // ENV annual: only the general minimum, cited from the main text alone (the annex's list is for monthly and special plans).
    expect(ids(run(world(plan('P-E', 'D-ENV', { plan_type: 'ANNUAL', legal_basis: null, method: null }))), rule)).toEqual([])
    const envAnnual = flag(world(plan('P-E', 'D-ENV', { plan_type: 'ANNUAL', item_ids: [], method: null })))
    expect(envAnnual?.evidence['missing_fields']).toEqual(['item_ids'])
    expect(String(envAnnual?.evidence['legal_basis'])).not.toContain('附件7')
    // ENV monthly and special: the annex's list, cited.
    for (const planType of ['MONTHLY', 'SPECIAL'] as const) {
      const env = flag(world(plan('P-E', 'D-ENV', { ...monthly, plan_type: planType, method: null })))
      expect(env?.evidence['missing_fields'], planType).toEqual(['method'])
      expect(String(env?.evidence['legal_basis']), planType).toContain('附件7《生态环境领域…实施方案》六、（二）及（四）')
    }
  })

  it('a pack’s required_fields keys are default, a domain, or domain:plan type', () => {
    const pack = builtinRulePack()
    const withKey = (key: string) => rulePackSchema.safeParse({
      ...pack, rules: { ...pack.rules, PLAN_INCOMPLETE: { ...pack.rules.PLAN_INCOMPLETE, params: { required_fields: { default: ['item_ids'], [key]: ['method'] } } } }
    })
    for (const key of ['ENV', 'ENV:ANNUAL', 'TRAN:SPECIAL']) expect(withKey(key).success, key).toBe(true)
    for (const key of ['ENV:YEARLY', 'env', 'XYZ', 'ENV:ANNUAL:X']) expect(withKey(key).success, key).toBe(false)
  })
})

describe('HRSS_SPECIAL_SCOPE (D-29)', () => {
  const rule = 'HRSS_SPECIAL_SCOPE'
  // A district HRSS body's special plan deployed from above, from 2025-06-01; a city HRSS bureau's own special plan.
  const hrssWorld = (...tasks: Task[]) => withRecords(baseWorld(), {
    departments: [department('D-HRSS', 'HRSS'), department('D-HRSS-CITY', 'HRSS', 'CITY')],
    items: [item('I-HRSS', 'HRSS')],
    plans: [
      plan('P-SUP', 'D-HRSS', { plan_type: 'SPECIAL', origin: 'SUPERIOR', window_from: '2025-06-01', window_to: '2025-08-31' }),
      plan('P-OWN', 'D-HRSS', { plan_type: 'SPECIAL', origin: 'SELF', window_from: '2025-06-01', window_to: '2025-08-31' }),
      plan('P-CITY', 'D-HRSS-CITY', { plan_type: 'SPECIAL', origin: 'SELF', window_from: '2025-06-01', window_to: '2025-08-31' }),
      plan('P-YEAR', 'D-HRSS', { plan_type: 'ANNUAL', origin: 'SELF' })
    ],
    tasks
  })
  const special = (id: string, date: string, planId: string, extra: TaskExtra = {}) =>
    task(id, date, { department_ids: [planId === 'P-CITY' ? 'D-HRSS-CITY' : 'D-HRSS'], plan_id: planId, item_ids: ['I-HRSS'], ...extra })
  const clue = (id: string, date: string, extra: TaskExtra = {}) =>
    task(id, date, { department_ids: ['D-HRSS'], kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT', trigger_ref: `TS-${id}`, item_ids: ['I-HRSS'], ...extra })

  it('a deployed special inspection of an enterprise with an HRSS case or clue before the special started raises nothing', () => {
    expect(ids(run(hrssWorld(clue('C1', '2025-05-31'), special('S1', '2025-06-10', 'P-SUP'))), rule)).toEqual([])
    // A city bureau's own special plan is the deployment.
    expect(ids(run(hrssWorld(clue('C1', '2025-03-01'), special('S1', '2025-06-10', 'P-CITY'))), rule)).toEqual([])
  })

  it('no earlier case or clue: none at all, one on the special’s first day or later, one of another enterprise or another domain', () => {
    const f = (...tasks: Task[]) => ids(run(hrssWorld(...tasks)), rule)
    expect(f(special('S1', '2025-06-10', 'P-SUP'))).toEqual([['S1', 'plan:P-SUP']])
    expect(f(clue('C1', '2025-06-01'), special('S1', '2025-06-10', 'P-SUP'))).toEqual([['S1', 'plan:P-SUP']])
    expect(f(clue('C1', '2025-05-20', { enterprise_id: ENT_B }), special('S1', '2025-06-10', 'P-SUP'))).toEqual([['S1', 'plan:P-SUP']])
    expect(f(clue('C1', '2025-05-20', { department_ids: ['D-MKT'] }), special('S1', '2025-06-10', 'P-SUP'))).toEqual([['S1', 'plan:P-SUP']])
    const flag = run(hrssWorld(special('S1', '2025-06-10', 'P-SUP'))).find((x) => x.rule === rule)!
    expect(flag.evidence['reasons']).toEqual(['NO_PRIOR_CASE_OR_CLUE'])
    expect(flag.message).toContain('专项检查启动（2025年6月1日）前没有本领域的案件或线索')
  })

  it('a special plan the district body drew up itself is not a deployment from above', () => {
    const flag = run(hrssWorld(clue('C1', '2025-05-01'), special('S1', '2025-06-10', 'P-OWN'))).find((x) => x.rule === rule)!
    expect(flag.task_ids).toEqual(['S1'])
    expect(flag.plan_ids).toEqual(['P-OWN'])
    expect(flag.severity).toBe('MUST')
    expect(flag.evidence['reasons']).toEqual(['NOT_DEPLOYED_FROM_ABOVE'])
    expect(flag.evidence['earlier_cases']).toEqual([{ id: 'C1', inspection_date: '2025-05-01', trigger_source: 'COMPLAINT', trigger_ref: 'TS-C1' }])
    expect(ids(run(hrssWorld(special('S1', '2025-06-10', 'P-OWN'))), rule)).toEqual([['S1', 'plan:P-OWN']])
  })

  it('only planned on-site inspections of HRSS under a special plan: not annual plans, triggered, non-site or other domains', () => {
    const f = (...tasks: Task[]) => ids(run(hrssWorld(...tasks)), rule)
    expect(f(special('S1', '2025-06-10', 'P-YEAR'))).toEqual([])
    expect(f(special('S1', '2025-06-10', 'P-SUP', { mode: 'NON_SITE' }))).toEqual([])
    expect(f(clue('C1', '2025-06-10', { plan_id: 'P-SUP' }))).toEqual([])
    expect(f(task('M1', '2025-06-10', { plan_id: 'P-SUP', department_ids: ['D-MKT', 'D-HRSS'] }))).toEqual([])
  })
})

describe('ITEM_NOT_FILED (D-19)', () => {
  const rule = 'ITEM_NOT_FILED'
  it('an item outside the library or of none of the inspecting departments\' domains', () => {
    const input = withRecords(baseWorld(), {
      tasks: [
        task('T1', '2025-03-03', { item_ids: ['I-GHOST'] }),
        task('T2', '2025-03-03', { item_ids: ['I-PSB'], enterprise_id: '91310116MA1FL0002B' }),
        task('T3', '2025-03-03', { item_ids: ['I-PSB'], department_ids: ['D-MKT', 'D-PSB'], site_id: `${ENT_A}-S2` }),
        task('T4', '2025-04-03', { item_ids: ['I-MKT'], department_ids: ['D-PSB'], plan_id: 'P-PSB', enterprise_id: '91310116MA1FL0003C' })
      ]
    })
    const flags = run(input).filter((f) => f.rule === rule)
    expect(flags.map((f) => [f.task_ids[0], f.severity])).toEqual([['T1', 'SHOULD'], ['T2', 'SHOULD'], ['T4', 'MUST']])
  })

  it('an unknown item id proves nothing when the data holds no item of the inspecting departments\' domains', () => {
    const world = baseWorld()
    const input = withRecords({ ...world, items: world.items.filter((i) => i.domain !== 'ENV') }, {
      tasks: [
        task('T1', '2025-03-03', { item_ids: ['I-GHOST'], department_ids: ['D-ENV'] }),
        task('T2', '2025-03-04', { item_ids: ['I-MKT'], department_ids: ['D-ENV'], enterprise_id: '91310116MA1FL0002B' }),
        task('T3', '2025-03-05', { item_ids: ['I-GHOST'], department_ids: ['D-ENV', 'D-MKT'], enterprise_id: '91310116MA1FL0003C' })
      ]
    })
    expect(run(input).filter((f) => f.rule === rule).map((f) => [f.task_ids[0], f.evidence])).toEqual([
      ['T2', expect.objectContaining({ items: [{ id: 'I-MKT', reason: 'OTHER_DOMAIN' }] })],
      ['T3', expect.objectContaining({ items: [{ id: 'I-GHOST', reason: 'NOT_IN_LIBRARY' }] })]
    ])
  })
})

describe('EXTERNAL rules (yantai-2024 pack only)', () => {
  const yantai = builtinRulePack('yantai-2024')
  it('ADVANCE_FILING_SHORT: a plan filed less than 7 days before the inspection', () => {
    const input = (date: string) => withRecords(baseWorld(), { plans: [plan('P-X', 'D-MKT', { filed_at: '2025-03-01T09:00:00+08:00' })], tasks: [task('T', date, { plan_id: 'P-X' })] })
    expect(ids(run(input('2025-03-07'), '2026-06-30', yantai), 'ADVANCE_FILING_SHORT')).toEqual([['T', 'plan:P-X']])
    expect(ids(run(input('2025-03-08'), '2026-06-30', yantai), 'ADVANCE_FILING_SHORT')).toEqual([])
    expect(ids(run(input('2025-03-07')), 'ADVANCE_FILING_SHORT')).toEqual([])
  })

  it('WHITELIST_NO_APPROVAL: a whitelisted enterprise inspected under a plan that does not name it', () => {
    const entry = listEntry('W', 'WHITELIST', ENT_A, '2025-01-01')
    const unnamed = withRecords(baseWorld(), { list_entries: [entry], tasks: [task('T', '2025-03-03')] })
    expect(ids(run(unnamed, '2026-06-30', yantai), 'WHITELIST_NO_APPROVAL')).toEqual([['T', 'plan:P-MKT']])
    expect(ids(run(unnamed), 'WHITELIST_NO_APPROVAL')).toEqual([])
    const named = withRecords(baseWorld(), { list_entries: [entry], plans: [plan('P-N', 'D-MKT', { targets: [{ enterprise_id: ENT_A }] })], tasks: [task('T', '2025-03-03', { plan_id: 'P-N' })] })
    expect(ids(run(named, '2026-06-30', yantai), 'WHITELIST_NO_APPROVAL')).toEqual([])
  })
})
