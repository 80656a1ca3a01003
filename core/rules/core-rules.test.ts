// The core flags of rules-core-v1.md, case by case, each expectation derived from the spec's wording.
// The base world (testing.ts) is clean: every department has a published plan covering 2025–2026,
// two qualified officers, results entered the same day, codes applied in the morning.
import { describe, expect, it } from 'vitest'
import {
  baseWorld, calendarDay, department, enterprise, ENT_A, ENT_B, evaluation, ids, item, listEntry, officer, packWith, plan, run, task, visit, withRecords,
  type TaskExtra
} from './testing.ts'
import type { Task } from '../contract/records.ts'
import { analyze } from './engine.ts'
import { builtinRulePack } from './packs.ts'
import type { Flag } from './types.ts'

const T = (...tasks: Task[]) => withRecords(baseWorld(), { tasks })
const one = (flags: Flag[], rule: string): Flag => {
  const hits = flags.filter((f) => f.rule === rule)
  expect(hits).toHaveLength(1)
  return hits[0]!
}

describe('a clean data set', () => {
  it('raises no flag at all', () => {
    const input = withRecords(baseWorld(), {
      tasks: [
        task('T1', '2025-03-03'),
        task('T3', '2025-05-06', { department_ids: ['D-HLTH'], plan_id: 'P-HLTH', item_ids: ['I-HLTH'], enterprise_id: ENT_B }),
        task('T4', '2025-07-01', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT', trigger_ref: 'TS-1', enterprise_id: ENT_B }),
        task('T5', '2025-08-01', { mode: 'NON_SITE', code: null, visits: [{ date: '2025-08-01', officer_ids: [] }] })
      ],
      evaluations: [evaluation('E1', 'T1', '2025-03-04T10:00:00+08:00')]
    })
    expect(run(input, '2026-06-30')).toEqual([])
  })
})

describe('UNFILED_PLANNED_INSPECTION', () => {
  const rule = 'UNFILED_PLANNED_INSPECTION'

  it('a planned on-site task with no plan at all', () => {
    expect(ids(run(T(task('T1', '2025-03-03', { plan_id: null }))), rule)).toEqual([['T1']])
  })

  it('a plan_id that does not exist, and no plan_code', () => {
    expect(ids(run(T(task('T1', '2025-03-03', { plan_id: 'P-NOPE' }))), rule)).toEqual([['T1']])
  })

  it('resolves by plan_code when plan_id is missing', () => {
    expect(ids(run(T(task('T1', '2025-03-03', { plan_id: null, plan_code: 'PC-P-MKT' }))), rule)).toEqual([])
  })

  it('among plans sharing a plan_code, the covering one is preferred, else the smallest id', () => {
    const input = withRecords(baseWorld(), {
      plans: [
        plan('P-A', 'D-MKT', { plan_code: 'SHARED', window_from: '2025-01-01', window_to: '2025-06-30' }),
        plan('P-B', 'D-MKT', { plan_code: 'SHARED', window_from: '2025-07-01', window_to: '2025-12-31' })
      ],
      tasks: [
        task('T1', '2025-08-01', { plan_id: null, plan_code: 'SHARED' }),
        task('T2', '2026-02-02', { plan_id: null, plan_code: 'SHARED', enterprise_id: ENT_B })
      ]
    })
    const flags = run(input)
    expect(ids(flags, rule)).toEqual([['T2', 'plan:P-A']])
  })

  it('plan_id wins over a covering plan with the same code', () => {
    const input = withRecords(baseWorld(), {
      plans: [plan('P-OLD', 'D-MKT', { plan_code: 'X', window_to: '2025-02-28' }), plan('P-NEW', 'D-MKT', { plan_code: 'X' })],
      tasks: [task('T1', '2025-03-03', { plan_id: 'P-OLD', plan_code: 'X' })]
    })
    expect(ids(run(input), rule)).toEqual([['T1', 'plan:P-OLD']])
  })

  it('filed on the inspection date covers; filed the day after (in Asia/Shanghai) does not', () => {
    const onDay = withRecords(baseWorld(), { plans: [plan('P-X', 'D-MKT', { filed_at: '2025-03-03T10:00:00+08:00' })], tasks: [task('T1', '2025-03-03', { plan_id: 'P-X' })] })
    expect(ids(run(onDay), rule)).toEqual([])
    // 18:00 UTC on 03-03 is 02:00 on 03-04 in Shanghai.
    const utc = withRecords(baseWorld(), { plans: [plan('P-X', 'D-MKT', { filed_at: '2025-03-03T18:00:00Z' })], tasks: [task('T1', '2025-03-03', { plan_id: 'P-X' })] })
    const f = one(run(utc), rule)
    expect(f.plan_ids).toEqual(['P-X'])
    expect(f.evidence['reasons']).toEqual(['FILED_AFTER_INSPECTION'])
  })

  it('a filing dated after as_of counts as absent', () => {
    const input = withRecords(baseWorld(), { plans: [plan('P-X', 'D-MKT', { filed_at: '2025-07-01T09:00:00+08:00' })], tasks: [task('T1', '2025-06-02', { plan_id: 'P-X' })] })
    expect(one(run(input, '2025-06-30'), rule).evidence['reasons']).toEqual(['PLAN_NOT_FILED'])
  })

  it('only FILED and PUBLISHED plans cover', () => {
    for (const [status, flagged] of [['FILED', false], ['PUBLISHED', false], ['SUBMITTED', true], ['RETURNED', true], ['DRAFT', true], ['WITHDRAWN', true]] as const) {
      const input = withRecords(baseWorld(), { plans: [plan('P-X', 'D-MKT', { status })], tasks: [task('T1', '2025-03-03', { plan_id: 'P-X' })] })
      expect(ids(run(input), rule), status).toEqual(flagged ? [['T1', 'plan:P-X']] : [])
    }
  })

  it('the window includes both ends', () => {
    const p = plan('P-X', 'D-MKT', { window_from: '2025-03-03', window_to: '2025-03-31' })
    const input = withRecords(baseWorld(), {
      plans: [p],
      tasks: [
        task('T1', '2025-03-03', { plan_id: 'P-X' }),
        task('T2', '2025-03-31', { plan_id: 'P-X', enterprise_id: ENT_B }),
        task('T3', '2025-04-01', { plan_id: 'P-X', enterprise_id: ENT_B, site_id: `${ENT_B}-S2` }),
        task('T4', '2025-03-02', { plan_id: 'P-X', enterprise_id: ENT_A, site_id: `${ENT_A}-S2` })
      ]
    })
    expect(ids(run(input), rule)).toEqual([['T3', 'plan:P-X'], ['T4', 'plan:P-X']])
  })

  it('the lead department must be the plan department or a participant', () => {
    const input = withRecords(baseWorld(), {
      plans: [plan('P-JOINT', 'D-MKT2', { participant_department_ids: ['D-MKT'] })],
      tasks: [
        task('T1', '2025-03-03', { plan_id: 'P-JOINT' }),
        // Lead is PSB; MKT only takes part in the task.
        task('T2', '2025-04-03', { plan_id: 'P-MKT', department_ids: ['D-PSB', 'D-MKT'], enterprise_id: ENT_B })
      ]
    })
    expect(ids(run(input), rule)).toEqual([['T2', 'plan:P-MKT']])
  })

  it('named targets restrict the enterprise (not the site); an empty list names nobody', () => {
    const input = withRecords(baseWorld(), {
      plans: [
        plan('P-T', 'D-MKT', { targets: [{ enterprise_id: ENT_B }] }),
        plan('P-S', 'D-MKT', { targets: [{ enterprise_id: ENT_A, site_id: `${ENT_A}-S2` }] }),
        plan('P-E', 'D-MKT', { targets: [] })
      ],
      tasks: [
        task('T1', '2025-03-03', { plan_id: 'P-T' }),
        task('T2', '2025-03-03', { plan_id: 'P-S', enterprise_id: ENT_A, site_id: `${ENT_A}-S1`, department_ids: ['D-MKT'] }),
        task('T3', '2025-03-03', { plan_id: 'P-E', enterprise_id: ENT_B })
      ]
    })
    expect(ids(run(input), rule)).toEqual([['T1', 'plan:P-T']])
  })

  it('applies only to planned, counted on-site inspections (EMERGENCY counts)', () => {
    const noPlan = { plan_id: null }
    const input = T(
      task('T1', '2025-03-03', { ...noPlan, kind: 'TRIGGERED', trigger_source: 'REPORT' }),
      task('T2', '2025-03-04', { ...noPlan, special: 'SURVEY' }),
      task('T3', '2025-03-05', { ...noPlan, special: 'RECHECK' }),
      task('T4', '2025-03-06', { ...noPlan, special: 'COMMITMENT_VERIFY' }),
      task('T5', '2025-03-07', { ...noPlan, mode: 'NON_SITE' }),
      task('T6', '2025-03-10', { ...noPlan, status: 'CANCELLED' }),
      task('T7', null, noPlan),
      task('T8', '2025-03-11', { ...noPlan, special: 'EMERGENCY' }),
      task('T9', '2025-03-12', { ...noPlan, status: 'PENDING' })
    )
    expect(ids(run(input), rule)).toEqual([['T8'], ['T9']])
  })
})

describe('NO_CODE_INSPECTION', () => {
  const rule = 'NO_CODE_INSPECTION'
  it('on-site inspections without a code, blank counting as absent; SURVEY, non-site and non-inspections excluded', () => {
    const input = T(
      task('T1', '2025-03-03', { code: null }),
      task('T2', '2025-03-04', { code: '' }),
      task('T3', '2025-03-05', { code: '   ' }),
      task('T4', '2025-03-06', { code: null, special: 'SURVEY' }),
      task('T5', '2025-03-07', { code: null, mode: 'NON_SITE' }),
      task('T6', '2025-03-10', { code: null, status: 'CANCELLED' }),
      task('T7', '2025-03-11', { code: null, special: 'EMERGENCY' }),
      task('T8', '2025-03-12', { code: null, kind: 'TRIGGERED', plan_id: null, trigger_source: 'MEDIA' }),
      task('T9', '2025-03-13', { code: null, special: 'COMMITMENT_VERIFY' })
    )
    expect(ids(run(input), rule)).toEqual([['T1'], ['T2'], ['T3'], ['T7'], ['T8'], ['T9']])
  })

  it('a task whose only visit is after as_of is not an inspection yet', () => {
    expect(ids(run(T(task('T1', '2025-07-01', { code: null })), '2025-06-30'), rule)).toEqual([])
    expect(ids(run(T(task('T1', '2025-07-01', { code: null })), '2025-07-01'), rule)).toEqual([['T1']])
  })
})

describe('SURVEY_EXEMPTION_MISUSED', () => {
  const rule = 'SURVEY_EXEMPTION_MISUSED'
  it('a code-less on-site survey of an enterprise already in the library on the inspection date', () => {
    const input = withRecords(baseWorld(), {
      enterprises: [
        enterprise('91310116MA1FL0011K', { in_library_since: '2025-03-03' }),
        enterprise('91310116MA1FL0012L', { in_library_since: '2025-03-04' }),
        enterprise('91310116MA1FL0013M', { in_library_since: '2024-01-01' })
      ],
      tasks: [
        task('T1', '2025-03-03', { special: 'SURVEY', code: null, enterprise_id: '91310116MA1FL0011K' }),
        task('T2', '2025-03-03', { special: 'SURVEY', code: null, enterprise_id: '91310116MA1FL0012L' }),
        task('T3', '2025-03-03', { special: 'SURVEY', code: 'C-3', enterprise_id: '91310116MA1FL0013M' }),
        task('T4', '2025-03-03', { special: 'SURVEY', code: null, mode: 'NON_SITE', enterprise_id: '91310116MA1FL0013M' }),
        task('T5', '2025-03-03', { special: 'SURVEY', code: null, enterprise_id: ENT_A })
      ]
    })
    expect(ids(run(input), rule)).toEqual([['T1']])
  })
})

describe('LATE_BACKFILL', () => {
  const rule = 'LATE_BACKFILL'
  const emergency = (id: string, date: string, appliedAt: string | null) => task(id, date, { special: 'EMERGENCY', code_applied_at: appliedAt })

  it('3 working days around National Day 2025: the Saturday make-up day 10-11 is the deadline', () => {
    expect(ids(run(T(emergency('T1', '2025-09-30', '2025-10-11T16:00:00+08:00'))), rule)).toEqual([])
    const f = one(run(T(emergency('T1', '2025-09-30', '2025-10-12T09:00:00+08:00'))), rule)
    expect(f.evidence).toMatchObject({ deadline: '2025-10-11', code_applied_date: '2025-10-12', backfill_deadline_wd: 3 })
    expect(f.severity).toBe('MUST')
  })

  it('3 working days around Spring Festival 2025 (Sunday 01-26 is a make-up workday)', () => {
    expect(ids(run(T(emergency('T1', '2025-01-24', '2025-02-05T09:00:00+08:00'))), rule)).toEqual([])
    expect(ids(run(T(emergency('T1', '2025-01-24', '2025-02-06T09:00:00+08:00'))), rule)).toEqual([['T1']])
  })

  it('the application date is taken in Asia/Shanghai', () => {
    expect(ids(run(T(emergency('T1', '2025-06-09', '2025-06-12T23:30:00+08:00'))), rule)).toEqual([])
    expect(ids(run(T(emergency('T1', '2025-06-09', '2025-06-12T16:30:00Z'))), rule)).toEqual([['T1']])
  })

  it('no flag without code_applied_at, or when it is after as_of, or without a code, or when not EMERGENCY', () => {
    expect(ids(run(T(emergency('T1', '2025-06-09', null))), rule)).toEqual([])
    expect(ids(run(T(emergency('T1', '2025-06-09', '2025-06-20T09:00:00+08:00')), '2025-06-15'), rule)).toEqual([])
    expect(ids(run(T(emergency('T1', '2025-06-09', '2025-06-20T09:00:00+08:00')), '2025-06-20'), rule)).toEqual([['T1']])
    expect(ids(run(T(task('T1', '2025-06-09', { special: 'EMERGENCY', code: null, code_applied_at: '2025-06-20T09:00:00+08:00' }))), rule)).toEqual([])
    expect(ids(run(T(task('T1', '2025-06-09', { code_applied_at: '2025-06-20T09:00:00+08:00' }))), rule)).toEqual([])
  })

  it('imported calendar days override the bundled calendar', () => {
    const late = emergency('T1', '2025-06-09', '2025-06-13T09:00:00+08:00')
    expect(ids(run(T(late)), rule)).toEqual([['T1']])
    expect(ids(run(withRecords(T(late), { calendar_days: [calendarDay('2025-06-10', 'HOLIDAY')] })), rule)).toEqual([])
  })
})

describe('REPEAT_WITHIN_MONTH', () => {
  const rule = 'REPEAT_WITHIN_MONTH'

  it('01-31 + 1 month = 02-28: 02-27 repeats, 02-28 (exactly one month) is allowed', () => {
    expect(ids(run(T(task('P', '2025-01-31'), task('T', '2025-02-27'))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(task('P', '2025-01-31'), task('T', '2025-02-28'))), rule)).toEqual([])
  })

  it('in a leap year 01-31 + 1 month = 02-29', () => {
    const p2024 = plan('P-2024', 'D-MKT', { year: 2024, window_from: '2024-01-01', window_to: '2024-12-31', filed_at: '2023-12-01T09:00:00+08:00' })
    const input = (date: string) => withRecords(baseWorld(), { plans: [p2024], tasks: [task('P', '2024-01-31', { plan_id: 'P-2024' }), task('T', date, { plan_id: 'P-2024' })] })
    expect(ids(run(input('2024-02-28')), rule)).toEqual([['P', 'T']])
    expect(ids(run(input('2024-02-29')), rule)).toEqual([])
  })

  it('measures from the predecessor\'s last visit', () => {
    const p = task('P', '2025-03-01', { visits: [visit('2025-03-01'), visit('2025-03-20')] })
    expect(ids(run(T(p, task('T', '2025-04-19'))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(p, task('T', '2025-04-20'))), rule)).toEqual([])
  })

  it('compares only with the immediate predecessor in (inspection date, id) order', () => {
    const p1 = task('P1', '2025-03-20', { visits: [visit('2025-03-20'), visit('2025-04-15')] })
    const p2 = task('P2', '2025-03-25')
    const t = task('T', '2025-04-26')
    // T vs P2: 04-26 ≥ 04-25, fine. T vs P1 would be within a month of 04-15, but P1 is not the predecessor.
    // P2 vs P1: 03-25 < 05-15.
    expect(ids(run(T(p1, p2, t)), rule)).toEqual([['P1', 'P2']])
  })

  it('orders tasks on the same date by id', () => {
    expect(ids(run(T(task('T-B', '2025-05-05'), task('T-A', '2025-05-05'))), rule)).toEqual([['T-A', 'T-B']])
  })

  it('the predecessor may be any counted kind, but not SURVEY, RECHECK, COMMITMENT_VERIFY, non-site or cancelled', () => {
    const t = task('T', '2025-05-20')
    const trig = task('P', '2025-05-10', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT' })
    expect(ids(run(T(trig, t)), rule)).toEqual([['P', 'T']])
    for (const extra of [{ special: 'SURVEY' }, { special: 'RECHECK' }, { special: 'COMMITMENT_VERIFY' }, { mode: 'NON_SITE' }, { status: 'CANCELLED' }] as const) {
      expect(ids(run(T(task('P', '2025-05-10', extra), t)), rule), JSON.stringify(extra)).toEqual([])
    }
  })

  it('the later task must be planned', () => {
    expect(ids(run(T(task('P', '2025-05-10'), task('T', '2025-05-20', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT' }))), rule)).toEqual([])
  })

  it('site key: a missing site_id is the enterprise\'s first site', () => {
    const s1 = `${ENT_A}-S1`
    const s2 = `${ENT_A}-S2`
    expect(ids(run(T(task('P', '2025-05-10'), task('T', '2025-05-20', { site_id: s1 }))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(task('P', '2025-05-10'), task('T', '2025-05-20', { site_id: s2 }))), rule)).toEqual([])
    expect(ids(run(T(task('P', '2025-05-10', { site_id: s2 }), task('T', '2025-05-20', { site_id: s2 }))), rule)).toEqual([['P', 'T']])
  })

  it('only the same department counts; a joint task counts for each of its departments', () => {
    expect(ids(run(T(task('P', '2025-05-10', { department_ids: ['D-MKT2'], plan_id: 'P-MKT2' }), task('T', '2025-05-20'))), rule)).toEqual([])
    const flags = run(T(
      task('P', '2025-05-10', { department_ids: ['D-PSB'], plan_id: 'P-PSB' }),
      task('T', '2025-05-20', { department_ids: ['D-MKT', 'D-PSB'] })
    ))
    expect(one(flags, rule).department_id).toBe('D-PSB')
  })

  it('one flag for a pair found through several departments: department = the first of t\'s departments that qualifies', () => {
    const flags = run(T(
      task('P', '2025-05-10', { department_ids: ['D-MKT', 'D-PSB'] }),
      task('T', '2025-05-20', { department_ids: ['D-PSB', 'D-MKT'], plan_id: 'P-PSB' })
    ))
    expect(one(flags, rule)).toMatchObject({ task_ids: ['P', 'T'], department_id: 'D-PSB', severity: 'SHOULD', enterprise_id: ENT_A })
  })

  it('different predecessors per department give one flag each', () => {
    const flags = run(T(
      task('P1', '2025-05-01', { department_ids: ['D-MKT'] }),
      task('P2', '2025-05-02', { department_ids: ['D-PSB'], plan_id: 'P-PSB' }),
      task('T', '2025-05-10', { department_ids: ['D-PSB', 'D-MKT'], plan_id: 'P-PSB' })
    ))
    expect(flags.filter((f) => f.rule === rule).map((f) => [f.task_ids, f.department_id])).toEqual([[['P1', 'T'], 'D-MKT'], [['P2', 'T'], 'D-PSB']])
  })

  it('as_of truncation: visits after as_of do not count as the last visit', () => {
    const p = task('P', '2025-05-01', { visits: [visit('2025-05-01'), visit('2025-07-01')] })
    const t = task('T', '2025-06-10')
    expect(ids(run(T(p, t), '2025-06-30'), rule)).toEqual([])
    expect(ids(run(T(p, t), '2025-07-31'), rule)).toEqual([['P', 'T']])
  })

  it('the message names the department, the enterprise, the dates and the legal basis', () => {
    const f = one(run(T(task('P', '2025-01-31'), task('T', '2025-02-27'))), rule)
    expect(f.message).toContain('D-MKT局')
    expect(f.message).toContain('企业1A有限公司')
    expect(f.message).toContain('2025年2月27日')
    expect(f.message).toContain('2025年1月31日')
    expect(f.message).toContain('附件1《市场监管领域…实施方案》四、（一）1.')
    expect(f.message).toContain('国办发〔2024〕54号')
    expect(f.evidence).toMatchObject({ earliest_allowed_date: '2025-02-28', min_interval_months: 1 })
  })
})

describe('REPEAT_PLANNED_ANNUAL', () => {
  const rule = 'REPEAT_PLANNED_ANNUAL'

  it('two or more planned on-site tasks of a capped domain at one site in one calendar year', () => {
    expect(ids(run(T(task('T1', '2025-02-01'), task('T2', '2025-09-01'), task('T3', '2025-11-01'))), rule)).toEqual([['T1', 'T2', 'T3']])
    expect(ids(run(T(task('T1', '2025-12-31'), task('T2', '2026-01-01'))), rule)).toEqual([])
  })

  it('only capped domains (MKT, PSB, DRUG, EMER, AGRI)', () => {
    const hlth = { department_ids: ['D-HLTH'], plan_id: 'P-HLTH' }
    expect(ids(run(T(task('T1', '2025-02-01', hlth), task('T2', '2025-09-01', hlth))), rule)).toEqual([])
    const emer = { department_ids: ['D-EMER'], plan_id: 'P-EMER' }
    expect(ids(run(T(task('T1', '2025-02-01', emer), task('T2', '2025-09-01', emer))), rule)).toEqual([['T1', 'T2']])
  })

  it('triggered tasks and other sites do not count', () => {
    expect(ids(run(T(task('T1', '2025-02-01'), task('T2', '2025-09-01', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT' }))), rule)).toEqual([])
    expect(ids(run(T(task('T1', '2025-02-01'), task('T2', '2025-09-01', { site_id: `${ENT_A}-S2` }))), rule)).toEqual([])
  })

  it('names at most ten of the tasks in its message, all of them in the evidence', () => {
    const many = Array.from({ length: 12 }, (_, i) => task(`T${String(i).padStart(2, '0')}`, `2025-${String(i + 1).padStart(2, '0')}-05`))
    const flag = one(run(T(...many)), rule)
    expect(flag.task_ids).toHaveLength(12)
    expect((flag.evidence['tasks'] as unknown[]).length).toBe(12)
    expect(flag.message).toContain('任务 T09')
    expect(flag.message).not.toContain('任务 T10')
    expect(flag.message).toContain('等，另有 2 次见证据')
  })

  it('one flag per distinct set; department = first qualifying department in the first task\'s order', () => {
    const flags = run(T(
      task('T1', '2025-02-01', { department_ids: ['D-HLTH', 'D-PSB', 'D-MKT'], plan_id: 'P-HLTH' }),
      task('T2', '2025-09-01', { department_ids: ['D-MKT', 'D-PSB', 'D-HLTH'] })
    ))
    expect(one(flags, rule)).toMatchObject({ task_ids: ['T1', 'T2'], department_id: 'D-PSB' })
  })
})

describe('RESULT_RECOGNITION_IGNORED', () => {
  const rule = 'RESULT_RECOGNITION_IGNORED'
  const city = (id: string, date: string, extra: TaskExtra = {}) => task(id, date, { department_ids: ['D-MKT-CITY'], plan_id: 'P-MKT-CITY', ...extra })

  it('city result, district planned re-inspection of a shared item within one month', () => {
    expect(ids(run(T(city('P', '2025-05-10'), task('T', '2025-06-09'))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(city('P', '2025-05-10'), task('T', '2025-06-10'))), rule)).toEqual([])
  })

  it('works the other way round and for DRUG; not for the same level, another domain or no shared item', () => {
    expect(ids(run(T(task('P', '2025-05-10'), city('T', '2025-05-20'))), rule)).toEqual([['P', 'T']])
    const drug = { department_ids: ['D-DRUG'], plan_id: 'P-DRUG', item_ids: ['I-DRUG'] }
    const drugCity = { department_ids: ['D-DRUG-CITY'], plan_id: 'P-DRUG-CITY', item_ids: ['I-DRUG'] }
    expect(ids(run(T(task('P', '2025-05-10', drugCity), task('T', '2025-05-20', drug))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(task('P', '2025-05-10', { department_ids: ['D-MKT2'], plan_id: 'P-MKT2' }), task('T', '2025-05-20'))), rule)).toEqual([])
    expect(ids(run(T(city('P', '2025-05-10', { item_ids: ['I-OTHER'] }), task('T', '2025-05-20'))), rule)).toEqual([])
  })

  it('p must come first, t must be planned, same site key', () => {
    expect(ids(run(T(task('T', '2025-05-10'), city('P', '2025-05-20', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT' }))), rule)).toEqual([])
    expect(ids(run(T(city('P', '2025-05-10'), task('T', '2025-05-20', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT' }))), rule)).toEqual([])
    expect(ids(run(T(city('P', '2025-05-10'), task('T', '2025-05-20', { site_id: `${ENT_A}-S2` }))), rule)).toEqual([])
  })

  it('one flag per qualifying p, measured from p\'s last visit', () => {
    const p1 = city('P1', '2025-04-01', { visits: [visit('2025-04-01'), visit('2025-05-01')] })
    const p2 = city('P2', '2025-05-05')
    expect(ids(run(T(p1, p2, task('T', '2025-05-30'))), rule)).toEqual([['P1', 'T'], ['P2', 'T']])
  })
})

describe('WUGAN_OBJECT_INSPECTED', () => {
  const rule = 'WUGAN_OBJECT_INSPECTED'
  const t = task('T', '2025-03-03')

  it('a WUGAN entry of any domain or the lead\'s domain covering the inspection date, ends included', () => {
    for (const [entry, flagged] of [
      [{ domain: null }, true], [{ domain: 'MKT' }, true], [{ domain: 'PSB' }, false],
      [{ to: '2025-03-03' }, true], [{ to: '2025-03-02' }, false]
    ] as const) {
      const input = withRecords(T(t), { list_entries: [listEntry('L1', 'WUGAN', ENT_A, '2025-01-01', entry)] })
      expect(ids(run(input), rule), JSON.stringify(entry)).toEqual(flagged ? [['T']] : [])
    }
    expect(ids(run(withRecords(T(t), { list_entries: [listEntry('L1', 'WUGAN', ENT_A, '2025-03-03')] })), rule)).toEqual([['T']])
    expect(ids(run(withRecords(T(t), { list_entries: [listEntry('L1', 'WUGAN', ENT_A, '2025-03-04')] })), rule)).toEqual([])
    expect(ids(run(withRecords(T(t), { list_entries: [listEntry('L1', 'NO_JOINT', ENT_A, '2025-01-01')] })), rule)).toEqual([])
  })

  it('exempt by origin: a covering plan deployed from above; not exempt when that plan does not cover', () => {
    const entry = listEntry('L1', 'WUGAN', ENT_A, '2025-01-01')
    const superior = plan('P-SUP', 'D-MKT', { origin: 'SUPERIOR' })
    expect(ids(run(withRecords(baseWorld(), { plans: [superior], list_entries: [entry], tasks: [task('T', '2025-03-03', { plan_id: 'P-SUP' })] })), rule)).toEqual([])
    const notCovering = plan('P-SUP', 'D-MKT', { origin: 'SUPERIOR', window_from: '2025-06-01' })
    expect(ids(run(withRecords(baseWorld(), { plans: [notCovering], list_entries: [entry], tasks: [task('T', '2025-03-03', { plan_id: 'P-SUP' })] })), rule)).toEqual([['T']])
  })

  it('only planned on-site inspections', () => {
    const input = withRecords(T(task('T', '2025-03-03', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT' })), {
      list_entries: [listEntry('L1', 'WUGAN', ENT_A, '2025-01-01')]
    })
    expect(ids(run(input), rule)).toEqual([])
  })
})

describe('WUSHI_ITEM_INSPECTED', () => {
  const rule = 'WUSHI_ITEM_INSPECTED'
  it('a planned on-site task with a WUSHI item, unless exempt by origin', () => {
    const input = withRecords(baseWorld(), {
      items: [item('I-W', 'MKT', { list: 'WUSHI' })],
      plans: [plan('P-SUP', 'D-MKT', { origin: 'SUPERIOR' })],
      tasks: [
        task('T1', '2025-03-03', { item_ids: ['I-MKT', 'I-W'] }),
        task('T2', '2025-03-03', { item_ids: ['I-W'], plan_id: 'P-SUP', enterprise_id: ENT_B }),
        task('T3', '2025-03-03', { item_ids: ['I-W'], kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT', site_id: `${ENT_A}-S2` }),
        task('T4', '2025-04-03', { item_ids: ['I-UNKNOWN'], enterprise_id: ENT_B, site_id: `${ENT_B}-S2` })
      ]
    })
    expect(ids(run(input), rule)).toEqual([['T1']])
  })
})

describe('JOINT_MISSED_NO_REASON', () => {
  const rule = 'JOINT_MISSED_NO_REASON'
  const psb = (id: string, date: string, extra: TaskExtra = {}) => task(id, date, { department_ids: ['D-PSB'], plan_id: 'P-PSB', item_ids: ['I-PSB'], ...extra })

  it('disjoint departments on one enterprise within one month (any site); exactly one month later is fine', () => {
    expect(ids(run(T(task('P', '2025-03-10'), psb('T', '2025-04-09', { site_id: `${ENT_A}-S2` }))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(task('P', '2025-03-10'), psb('T', '2025-04-10'))), rule)).toEqual([])
  })

  it('overlapping department sets, a stated reason, or another enterprise: no flag; a blank reason is no reason', () => {
    expect(ids(run(T(task('P', '2025-03-10'), psb('T', '2025-03-20', { department_ids: ['D-PSB', 'D-MKT'] }))), rule)).toEqual([])
    expect(ids(run(T(task('P', '2025-03-10'), psb('T', '2025-03-20', { joint_declined_reason: '专业检查需要' }))), rule)).toEqual([])
    expect(ids(run(T(task('P', '2025-03-10'), psb('T', '2025-03-20', { joint_declined_reason: '  ' }))), rule)).toEqual([['P', 'T']])
    expect(ids(run(T(task('P', '2025-03-10'), psb('T', '2025-03-20', { enterprise_id: ENT_B }))), rule)).toEqual([])
  })

  it('a NO_JOINT entry of any domain or of a department of p or t covering t\'s date suppresses it', () => {
    const pair = [task('P', '2025-03-10'), psb('T', '2025-03-20')]
    for (const [entry, flagged] of [
      [listEntry('L', 'NO_JOINT', ENT_A, '2025-01-01'), false],
      [listEntry('L', 'NO_JOINT', ENT_A, '2025-01-01', { domain: 'PSB' }), false],
      [listEntry('L', 'NO_JOINT', ENT_A, '2025-01-01', { domain: 'MKT' }), false],
      [listEntry('L', 'NO_JOINT', ENT_A, '2025-01-01', { domain: 'HLTH' }), true],
      [listEntry('L', 'NO_JOINT', ENT_A, '2025-01-01', { to: '2025-03-15' }), true],
      [listEntry('L', 'WUGAN', ENT_A, '2025-01-01', { domain: 'HLTH' }), true]
    ] as const) {
      expect(ids(run(withRecords(T(...pair), { list_entries: [entry] })), rule), JSON.stringify(entry)).toEqual(flagged ? [['P', 'T']] : [])
    }
  })

  it('a pair for every such p, planned tasks only', () => {
    const input = T(
      task('P1', '2025-03-10'),
      task('P2', '2025-03-20', { department_ids: ['D-HLTH'], plan_id: 'P-HLTH', item_ids: ['I-HLTH'] }),
      psb('T', '2025-04-05'),
      task('X', '2025-03-25', { department_ids: ['D-ENV'], kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT', item_ids: ['I-ENV'] })
    )
    expect(ids(run(input), rule)).toEqual([['P1', 'P2'], ['P1', 'T'], ['P2', 'T']])
  })
})

describe('CODE_NOT_REUSED', () => {
  const rule = 'CODE_NOT_REUSED'
  const trig = (id: string, date: string, code: string | null, extra: TaskExtra = {}) =>
    task(id, date, { kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT', trigger_ref: 'TS-9', code, ...extra })

  it('a RECHECK with a new code; the original need not be an inspection', () => {
    expect(ids(run(T(task('T1', '2025-03-03'), task('T2', '2025-04-03', { special: 'RECHECK', recheck_of: 'T1', code: 'NEW' }))), rule)).toEqual([['T1', 'T2']])
    expect(ids(run(T(task('T1', '2025-03-03'), task('T2', '2025-04-03', { special: 'RECHECK', recheck_of: 'T1', code: 'C-T1' }))), rule)).toEqual([])
    expect(ids(run(T(task('T1', null), task('T2', '2025-04-03', { special: 'RECHECK', recheck_of: 'T1', code: 'NEW' }))), rule)).toEqual([['T1', 'T2']])
    expect(ids(run(T(task('T1', '2025-03-03', { status: 'CANCELLED' }), task('T2', '2025-04-03', { special: 'RECHECK', recheck_of: 'T1' }))), rule)).toEqual([['T1', 'T2']])
  })

  it('no flag when a code is missing, the original is unknown, or the re-check is not an inspection', () => {
    expect(ids(run(T(task('T1', '2025-03-03', { code: null }), task('T2', '2025-04-03', { special: 'RECHECK', recheck_of: 'T1' }))), rule)).toEqual([])
    expect(ids(run(T(task('T2', '2025-04-03', { special: 'RECHECK', recheck_of: 'T-GONE' }))), rule)).toEqual([])
    expect(ids(run(T(task('T1', '2025-03-03'), task('T2', null, { special: 'RECHECK', recheck_of: 'T1' }))), rule)).toEqual([])
  })

  it('triggered tasks of one lead and enterprise on one clue: every pair with different codes', () => {
    const input = T(trig('A', '2025-03-01', 'X'), trig('B', '2025-03-05', 'Y'), trig('C', '2025-03-09', 'X'))
    expect(ids(run(input), rule)).toEqual([['A', 'B'], ['B', 'C']])
  })

  it('another lead, enterprise or clue, a blank clue or a missing code: no flag', () => {
    expect(ids(run(T(trig('A', '2025-03-01', 'X'), trig('B', '2025-03-05', 'Y', { department_ids: ['D-PSB', 'D-MKT'] }))), rule)).toEqual([])
    expect(ids(run(T(trig('A', '2025-03-01', 'X'), trig('B', '2025-03-05', 'Y', { enterprise_id: ENT_B }))), rule)).toEqual([])
    expect(ids(run(T(trig('A', '2025-03-01', 'X'), trig('B', '2025-03-05', 'Y', { trigger_ref: 'TS-10' }))), rule)).toEqual([])
    expect(ids(run(T(trig('A', '2025-03-01', 'X', { trigger_ref: ' ' }), trig('B', '2025-03-05', 'Y', { trigger_ref: ' ' }))), rule)).toEqual([])
    expect(ids(run(T(trig('A', '2025-03-01', null), trig('B', '2025-03-05', 'Y'))), rule)).toEqual([])
  })

  it('a pair found both ways is one flag', () => {
    const input = T(trig('A', '2025-03-01', 'X'), trig('B', '2025-03-05', 'Y', { special: 'RECHECK', recheck_of: 'A' }))
    const f = one(run(input), rule)
    expect(f.evidence['reasons']).toEqual(['RECHECK', 'SAME_TRIGGER_REF'])
    expect(f.severity).toBe('MUST')
  })
})

describe('RESULT_LATE', () => {
  const rule = 'RESULT_LATE'
  const entered = (date: string, at: string | null, extra: TaskExtra = {}) => task('T', date, { visits: [visit(date, { result_entered_at: at })], ...extra })

  it('after the 2nd working day after the visit (Monday visit: Wednesday is the last day)', () => {
    expect(ids(run(T(entered('2025-06-09', '2025-06-11T20:00:00+08:00'))), rule)).toEqual([])
    expect(ids(run(T(entered('2025-06-09', '2025-06-12T08:00:00+08:00'))), rule)).toEqual([['T']])
  })

  it('SHOULD in general, MUST for TRAN', () => {
    expect(one(run(T(entered('2025-06-09', '2025-06-12T08:00:00+08:00'))), rule).severity).toBe('SHOULD')
    const tran = { department_ids: ['D-TRAN'], plan_id: 'P-TRAN', item_ids: ['I-TRAN'] }
    expect(one(run(T(entered('2025-06-09', '2025-06-12T08:00:00+08:00', tran))), rule).severity).toBe('MUST')
  })

  it('around National Day 2025 and the Sunday make-up day 09-28', () => {
    expect(ids(run(T(entered('2025-09-30', '2025-10-10T20:00:00+08:00'))), rule)).toEqual([])
    expect(ids(run(T(entered('2025-09-30', '2025-10-11T09:00:00+08:00'))), rule)).toEqual([['T']])
    expect(ids(run(T(entered('2025-09-26', '2025-09-29T20:00:00+08:00'))), rule)).toEqual([])
    expect(ids(run(T(entered('2025-09-26', '2025-09-30T09:00:00+08:00'))), rule)).toEqual([['T']])
  })

  it('missing results are flagged only once the deadline is before as_of; later entries count as absent', () => {
    expect(ids(run(T(entered('2025-06-09', null)), '2025-06-11'), rule)).toEqual([])
    expect(ids(run(T(entered('2025-06-09', null)), '2025-06-12'), rule)).toEqual([['T']])
    expect(ids(run(T(entered('2025-06-09', '2025-06-20T09:00:00+08:00')), '2025-06-11'), rule)).toEqual([])
    expect(one(run(T(entered('2025-06-09', '2025-06-20T09:00:00+08:00')), '2025-06-12'), rule).evidence['late_visits']).toEqual([
      { date: '2025-06-09', deadline: '2025-06-11', result_entered_date: null }
    ])
  })

  it('once per task, for any special on site, never for non-site', () => {
    const two = task('T', '2025-06-09', { special: 'SURVEY', code: null, visits: [visit('2025-06-09', { result_entered_at: null }), visit('2025-06-16', { result_entered_at: null })] })
    expect(ids(run(T(two), '2025-07-01'), rule)).toEqual([['T']])
    expect(ids(run(T(entered('2025-06-09', null, { mode: 'NON_SITE' })), '2025-07-01'), rule)).toEqual([])
  })
})

describe('PLAN_PUBLICATION_LATE', () => {
  const rule = 'PLAN_PUBLICATION_LATE'
  const annual = (extra: Parameters<typeof plan>[2] = {}) => withRecords(baseWorld(), { plans: [plan('P-Y', 'D-MKT', { plan_type: 'ANNUAL', year: 2025, ...extra })] })

  it('published on 03-31 (Asia/Shanghai) is in time; 04-01 is late', () => {
    expect(ids(run(annual({ published_at: '2025-03-31T23:00:00+08:00' })), rule)).toEqual([])
    const f = one(run(annual({ published_at: '2025-03-31T16:30:00Z' })), rule)
    expect(f).toMatchObject({ task_ids: [], plan_ids: ['P-Y'], department_id: 'D-MKT', enterprise_id: null, severity: 'MUST' })
  })

  it('not published: flagged once 03-31 is before as_of; a publication after as_of counts as absent', () => {
    expect(ids(run(annual({ published_at: null }), '2025-03-31'), rule)).toEqual([])
    expect(ids(run(annual({ published_at: null }), '2025-04-01'), rule)).toEqual([['plan:P-Y']])
    expect(ids(run(annual({ published_at: '2025-05-01T09:00:00+08:00' }), '2025-04-15'), rule)).toEqual([['plan:P-Y']])
    expect(ids(run(annual({ published_at: '2025-05-01T09:00:00+08:00' }), '2025-03-20'), rule)).toEqual([])
  })

  it('DRAFT and WITHDRAWN plans are not checked; SUBMITTED and RETURNED are; only ANNUAL plans', () => {
    for (const [status, flagged] of [['DRAFT', false], ['WITHDRAWN', false], ['SUBMITTED', true], ['RETURNED', true], ['FILED', true]] as const) {
      expect(ids(run(annual({ status, published_at: null })), rule), status).toEqual(flagged ? [['plan:P-Y']] : [])
    }
    expect(ids(run(annual({ plan_type: 'MONTHLY', published_at: null })), rule)).toEqual([])
  })
})

describe('TRIGGER_UNSUPPORTED', () => {
  const rule = 'TRIGGER_UNSUPPORTED'
  it('a triggered inspection (any mode) without a trigger source; blank counts as absent', () => {
    const trig = { kind: 'TRIGGERED', plan_id: null } as const
    const input = T(
      task('T1', '2025-03-03', { ...trig, trigger_source: null }),
      task('T2', '2025-03-04', { ...trig, trigger_source: '' }),
      task('T3', '2025-03-05', { ...trig, trigger_source: 'REFERRAL' }),
      task('T4', '2025-03-06', { ...trig, trigger_source: null, mode: 'NON_SITE' }),
      task('T5', null, { ...trig, trigger_source: null }),
      task('T6', '2025-03-07', { trigger_source: null })
    )
    expect(ids(run(input), rule)).toEqual([['T1'], ['T2'], ['T4']])
  })
})

describe('CONDUCT_VIOLATION', () => {
  const rule = 'CONDUCT_VIOLATION'
  const world = () => withRecords(baseWorld(), {
    officers: [
      officer('O-AUX', 'D-MKT', { role: 'AUXILIARY' }),
      officer('O-NOCERT', 'D-MKT', { cert_no: null }),
      officer('O-BLANK', 'D-MKT', { cert_no: ' ' }),
      officer('O-EXP', 'D-MKT', { cert_valid_until: '2025-06-08' }),
      officer('O-EDGE', 'D-MKT', { cert_valid_until: '2025-06-09' }),
      officer('O-PSB', 'D-PSB')
    ]
  })
  const withOfficers = (officerIds: string[], extra: TaskExtra = {}) =>
    withRecords(world(), { tasks: [task('T', '2025-06-09', { visits: [visit('2025-06-09', { officer_ids: officerIds })], ...extra })] })

  it('two distinct known OFFICERs with a certificate valid on the visit date (any department)', () => {
    expect(ids(run(withOfficers(['O1', 'O2'])), rule)).toEqual([])
    expect(ids(run(withOfficers(['O1', 'O-EDGE'])), rule)).toEqual([])
    expect(ids(run(withOfficers(['O1', 'O-PSB'])), rule)).toEqual([])
  })

  it('fewer than two such officers', () => {
    for (const others of [[], ['O1'], ['O-UNKNOWN'], ['O-AUX'], ['O-NOCERT'], ['O-BLANK'], ['O-EXP']]) {
      expect(ids(run(withOfficers(['O1', ...others])), rule), others.join()).toEqual([['T']])
    }
  })

  it('any special on site; not non-site; once per task', () => {
    expect(ids(run(withOfficers(['O1'], { special: 'RECHECK', recheck_of: null })), rule)).toEqual([['T']])
    expect(ids(run(withOfficers(['O1'], { mode: 'NON_SITE' })), rule)).toEqual([])
    const twice = withRecords(world(), { tasks: [task('T', '2025-06-09', { visits: [visit('2025-06-09', { officer_ids: ['O1'] }), visit('2025-06-10', { officer_ids: ['O2'] })] })] })
    expect(one(run(twice), rule).evidence['visits']).toHaveLength(2)
  })
})

describe('NEGATIVE_EVALUATION', () => {
  const rule = 'NEGATIVE_EVALUATION'
  it('DISAPPROVE, or a REPEAT / INACTION / ABUSE / NO_CODE_SHOWN tag; of any existing task', () => {
    const input = withRecords(T(task('T1', '2025-03-03'), task('T2', '2025-03-04', { enterprise_id: ENT_B }), task('T3', null, { enterprise_id: ENT_B }), task('T4', '2025-03-05', { enterprise_id: ENT_B, site_id: `${ENT_B}-S2` })), {
      evaluations: [
        evaluation('E1', 'T1', '2025-03-05T10:00:00+08:00', { verdict: 'DISAPPROVE' }),
        evaluation('E2', 'T2', '2025-03-05T10:00:00+08:00', { tags: ['DISTURBANCE'] }),
        evaluation('E3', 'T3', '2025-03-05T10:00:00+08:00', { tags: ['NO_CODE_SHOWN'] }),
        evaluation('E4', 'T-GONE', '2025-03-05T10:00:00+08:00', { verdict: 'DISAPPROVE' }),
        evaluation('E5', 'T4', '2025-03-05T10:00:00+08:00', { tags: ['INACTION', 'DISTURBANCE'] })
      ]
    })
    const flags = run(input)
    expect(ids(flags, rule)).toEqual([['T1'], ['T3'], ['T4']])
    expect(flags.filter((f) => f.rule === rule).every((f) => f.severity === 'INFO')).toBe(true)
  })

  it('once per task, department from the first such evaluation, else the lead; later evaluations dropped by as_of', () => {
    const input = withRecords(T(task('T1', '2025-03-03', { department_ids: ['D-MKT', 'D-PSB'] })), {
      evaluations: [
        evaluation('E2', 'T1', '2025-03-06T10:00:00+08:00', { verdict: 'DISAPPROVE', department_id: 'D-MKT' }),
        evaluation('E1', 'T1', '2025-03-05T01:00:00Z', { tags: ['REPEAT'], department_id: 'D-PSB' }),
        evaluation('E3', 'T1', '2025-06-30T20:00:00Z', { verdict: 'DISAPPROVE' })
      ]
    })
    const f = one(run(input, '2025-06-30'), rule)
    expect(f.department_id).toBe('D-PSB')
    expect((f.evidence['evaluations'] as { id: string }[]).map((e) => e.id)).toEqual(['E1', 'E2'])
    const noDept = withRecords(T(task('T1', '2025-03-03', { department_ids: ['D-MKT', 'D-PSB'] })), {
      evaluations: [evaluation('E1', 'T1', '2025-03-05T10:00:00+08:00', { verdict: 'DISAPPROVE' }), evaluation('E2', 'T1', '2025-03-06T10:00:00+08:00', { verdict: 'DISAPPROVE', department_id: 'D-PSB' })]
    })
    expect(one(run(noDept), rule).department_id).toBe('D-MKT')
  })
})

describe('FIRE_B_OVER', () => {
  const rule = 'FIRE_B_OVER'
  const ent = '91310116MA1FL0020F'
  const fire = (id: string, date: string, extra: TaskExtra = {}) => task(id, date, { department_ids: ['D-FIRE'], plan_id: 'P-FIRE', item_ids: ['I-FIRE'], enterprise_id: ent, ...extra })
  const world = (grade: 'A' | 'B' | 'D', keyUnit: boolean, ...tasks: Task[]) =>
    withRecords(baseWorld(), { enterprises: [enterprise(ent, { grades: { FIRE: grade }, fire_key_unit: keyUnit })], tasks })

  it('two planned on-site tasks led by FIRE in one year, any sites: one flag with all of them', () => {
    const f = one(run(world('B', true, fire('F1', '2025-03-03'), fire('F2', '2025-10-03', { site_id: `${ent}-S2` }), fire('F3', '2026-03-03'))), rule)
    expect(f).toMatchObject({ task_ids: ['F1', 'F2'], enterprise_id: ent, severity: 'MUST' })
  })

  it('not for other grades, non-key units, tasks not led by FIRE, or triggered tasks', () => {
    expect(ids(run(world('A', true, fire('F1', '2025-03-03'), fire('F2', '2025-10-03'))), rule)).toEqual([])
    expect(ids(run(world('B', false, fire('F1', '2025-03-03'), fire('F2', '2025-10-03'))), rule)).toEqual([])
    expect(ids(run(world('B', true, fire('F1', '2025-03-03'), fire('F2', '2025-10-03', { department_ids: ['D-MKT', 'D-FIRE'], plan_id: 'P-MKT' }))), rule)).toEqual([])
    expect(ids(run(world('B', true, fire('F1', '2025-03-03'), fire('F2', '2025-10-03', { kind: 'TRIGGERED', plan_id: null, trigger_source: 'REPORT' }))), rule)).toEqual([])
  })
})

describe('output', () => {
  it('is sorted by rule, then task_ids element-wise (shorter prefix first), then plan_ids', () => {
    const input = T(
      task('T10', '2025-03-03', { code: null }),
      task('T2', '2025-03-04', { code: null, enterprise_id: ENT_B }),
      task('T1', '2025-03-05', { code: null, plan_id: null, enterprise_id: ENT_B, site_id: `${ENT_B}-S2` })
    )
    const flags = run(input)
    const keys = flags.map((f) => `${f.rule}|${f.task_ids.join(',')}`)
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(ids(flags, 'NO_CODE_INSPECTION')).toEqual([['T1'], ['T10'], ['T2']])
  })

  it('has exactly the fields of interchange-v1 §Analysis output', () => {
    const f = run(T(task('T1', '2025-03-03', { code: null })))[0]!
    expect(Object.keys(f)).toEqual(['rule', 'severity', 'task_ids', 'plan_ids', 'enterprise_id', 'department_id', 'evidence', 'message'])
  })

  it('rules can be switched off one by one', () => {
    const input = T(task('T1', '2025-03-03', { code: null, plan_id: null }))
    expect(run(input).map((f) => f.rule)).toEqual(['NO_CODE_INSPECTION', 'UNFILED_PLANNED_INSPECTION'])
    expect(run(input, '2026-06-30', packWith({ off: ['NO_CODE_INSPECTION'] })).map((f) => f.rule)).toEqual(['UNFILED_PLANNED_INSPECTION'])
    expect(run(input, '2026-06-30', packWith({ off: ['UNFILED_PLANNED_INSPECTION'] })).map((f) => f.rule)).toEqual(['NO_CODE_INSPECTION'])
  })
})

describe('department and enterprise records are optional for most rules', () => {
  it('a dangling department still gets its flag, named by id', () => {
    const input = withRecords(baseWorld(), { departments: [department('D-X', 'MKT')], tasks: [task('T1', '2025-03-03', { department_ids: ['D-GHOST'], code: null })] })
    const f = run(input).find((x) => x.rule === 'NO_CODE_INSPECTION')!
    expect(f.department_id).toBe('D-GHOST')
    expect(f.message).toContain('D-GHOST')
  })
})

describe('large groups take the same decisions', () => {
  it('an enterprise with hundreds of triggered tasks and many sites', () => {
    const trig = (i: number, ref: string, code: string) =>
      task(`K${String(i).padStart(3, '0')}`, `2025-0${1 + (i % 9)}-1${i % 10}`, {
        kind: 'TRIGGERED', plan_id: null, trigger_source: 'COMPLAINT', trigger_ref: ref, code, site_id: `SITE-${i % 20}`
      })
    const tasks = [trig(0, 'R-BIG', 'X'), trig(1, 'R-BIG', 'Y'), trig(2, 'R-BIG', 'X')]
    for (let i = 3; i < 300; i++) tasks.push(trig(i, `R-${i}`, `C-${i}`))
    tasks.push(task('P1', '2025-10-01', { site_id: 'SITE-17' }), task('P2', '2025-10-20', { site_id: 'SITE-17' }))
    const flags = run(T(...tasks))
    // K000 (01-10), K001 (02-11), K002 (03-12): codes X, Y, X on one clue.
    expect(ids(flags, 'CODE_NOT_REUSED')).toEqual([['K000', 'K001'], ['K001', 'K002']])
    // At SITE-17 the last task before P1 (10-01) is K197: both K017 and K197 fall on 09-17 (i ≡ 17 mod 180),
    // and K197 comes second by id. 10-01 < 10-17: a repeat. P1 precedes P2 (10-20 < 11-01).
    expect(ids(flags, 'REPEAT_WITHIN_MONTH')).toEqual([['K197', 'P1'], ['P1', 'P2']])
  })
})

describe('warnings', () => {
  it('a deadline in a year the calendar does not cover is computed on weekends alone, with a warning', () => {
    const input = T(task('T1', '2026-12-30', { visits: [visit('2026-12-30', { result_entered_at: null })] }))
    const out = analyze(input, builtinRulePack(), { asOf: '2027-01-05' })
    // Wed 12-30: Thu 12-31 is the 1st working day, Fri 2027-01-01 (no holidays known) the 2nd.
    expect(out.flags.find((f) => f.rule === 'RESULT_LATE')?.evidence['late_visits']).toEqual([{ date: '2026-12-30', deadline: '2027-01-01', result_entered_date: null }])
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings![0]).toContain('2027')
    expect(analyze(T(task('T1', '2025-03-03')), builtinRulePack(), { asOf: '2025-12-31' }).warnings).toBeUndefined()
  })

  it('refuses an as_of that is not a date', () => {
    expect(() => analyze(T(), builtinRulePack(), { asOf: '2025-02-30' })).toThrow(/as_of/)
  })
})
