import { describe, expect, it } from 'vitest'
import { openMemoryDatabase } from '../../db/client.ts'
import { countPlansWaitingReview } from '../../db/queries/dashboard.ts'
import { seedRecords, type SeedRecord } from '../../db/testing/seed.ts'
import { ensureDefaultUser, DEFAULT_USER_ID } from '../users.ts'
import { decidePlan, reviewQueue } from './decide.ts'
import { builtinRulePack } from '../rules/packs.ts'
import { planReviewParams, REVIEW_BASIS_RULES, type PlanReviewParams, type ReviewBasisKey } from './params.ts'
import { reviewPlan } from './planReview.ts'

const PARAMS: PlanReviewParams = {
  history_months: 6,
  min_interval_months: 1,
  annual_cap_planned_onsite: { MKT: 1 },
  recognition_window_months: 1,
  recognition_domains: ['MKT', 'DRUG', 'URB'],
  matchmaking_window_months: 1,
  required_fields: { default: ['item_ids', 'department_id', 'object_scope'], PSB: ['item_ids', 'legal_basis', 'department_id', 'object_scope', 'sampling_ratio', 'method', 'frequency'] },
  special_scope: planReviewParams(builtinRulePack()).special_scope,
  basis: planReviewParams(builtinRulePack()).basis
}

describe('the legal basis of the plan-time checks', () => {
  const { basis } = planReviewParams(builtinRulePack())
  const checks: ReviewBasisKey[] = ['fields', ...(Object.keys(REVIEW_BASIS_RULES) as ReviewBasisKey[])]

  it('cites the documents as officers do, from the rule pack: no transcript lines, catalogue ids or field names', () => {
    for (const check of checks) {
      const text = basis(check, 'MKT')
      expect(text, check).toMatch(/《.+》（/)
      expect(text, check).not.toMatch(/\d{3}:L\d|\bL\d{2,4}\b|R-[A-Z]+-\d|D-\d{2}|rules-|_id/)
    }
  })

  it('names the practice the six-month history follows (a reference from another city, not a Shanghai article)', () => {
    const text = basis('history', 'MKT')
    expect(text).toMatch(/烟台.*（二、（二）四是“结果共享”）$/)
    expect(text).not.toMatch(/\d{3}:L\d|\bL\d{2,4}\b|D-\d{2}/)
  })

  it("puts the plan's own domain's annex first when the rule has one", () => {
    const psb = basis('interval', 'PSB')
    expect(psb).toContain('公安领域')
    expect(basis('interval', null)).not.toContain('公安领域')
    // The same text the rule pack gives the detection rule the check forewarns of.
    const pack = builtinRulePack()
    expect(pack.rules.REPEAT_WITHIN_MONTH.basis_by_domain?.PSB?.[0]?.cite).toBeDefined()
    expect(psb).toContain(pack.rules.REPEAT_WITHIN_MONTH.basis_by_domain!.PSB![0]!.cite)
  })
})

const E1 = '91310116MA1FL0001A'
const E2 = '91310116MA1FL0002A'
const base: SeedRecord[] = [
  { type: 'department', id: 'D-MKT', name: '金山区市场监督管理局', domain: 'MKT', level: 'DISTRICT', district_code: '310116' },
  { type: 'department', id: 'D-MKT-CITY', name: '上海市市场监督管理局', domain: 'MKT', level: 'CITY', district_code: '310000' },
  { type: 'department', id: 'D-FIRE', name: '金山区消防救援支队', domain: 'FIRE', level: 'DISTRICT', district_code: '310116' },
  { type: 'department', id: 'D-PSB', name: '上海市公安局金山分局', domain: 'PSB', level: 'DISTRICT', district_code: '310116' },
  { type: 'enterprise', id: E1, name: '上海金山甲食品有限公司', district_code: '310116', sites: [{ id: 'S1', address: '朱泾镇一号' }, { id: 'S2', address: '朱泾镇二号' }], fire_key_unit: true },
  { type: 'enterprise', id: E2, name: '上海金山乙商贸有限公司', district_code: '310116', sites: [{ id: 'S3', address: '枫泾镇三号' }] },
  { type: 'item', id: 'I-1', name: '食品经营许可检查', domain: 'MKT', list: 'KEY' },
  { type: 'item', id: 'I-W', name: '广告发布登记检查', domain: 'MKT', list: 'WUSHI' },
  { type: 'item', id: 'I-F', name: '消防设施检查', domain: 'FIRE', list: 'KEY', fire_matter: true },
  { type: 'list_entry', id: 'L1', list: 'WUGAN', domain: 'MKT', enterprise_id: E2, from: '2025-01-01' }
]
const plan = (over: Record<string, unknown>): SeedRecord => ({
  type: 'plan', id: 'P-1', department_id: 'D-MKT', title: '2025年9月食品经营检查', plan_type: 'MONTHLY', origin: 'SELF', year: 2025,
  window_from: '2025-09-01', window_to: '2025-09-30', item_ids: ['I-1'], targets: [{ enterprise_id: E1 }], status: 'SUBMITTED',
  submitted_at: '2025-08-20T10:00:00+08:00', ...over
})
const task = (over: Record<string, unknown>): SeedRecord => ({
  type: 'task', id: 'T-1', code: 'C-1', department_ids: ['D-MKT'], kind: 'PLANNED', special: 'NONE', enterprise_id: E1, item_ids: ['I-1'],
  mode: 'ON_SITE', visits: [{ date: '2025-08-15', officer_ids: [] }], status: 'DONE', ...over
})

function setup(records: SeedRecord[]) {
  const db = openMemoryDatabase()
  ensureDefaultUser(db.sqlite)
  seedRecords(db.sqlite, [...base, ...records])
  return db.sqlite
}

describe('reviewPlan', () => {
  it('warns of an interval under one month at the same site, ignoring another site', () => {
    const sqlite = setup([plan({}), task({ id: 'T-1', visits: [{ date: '2025-08-15', officer_ids: [] }] }), task({ id: 'T-2', site_id: 'S2', visits: [{ date: '2025-08-31', officer_ids: [] }] })])
    const review = reviewPlan(sqlite, 'P-1', PARAMS, '2025-08-25')
    const interval = review?.checks.filter((c) => c.code === 'REPEAT_WITHIN_MONTH_RISK') ?? []
    expect(interval).toHaveLength(1)
    expect(interval[0]?.message).toContain('2025-08-15')
    // 2025-08-15 + 1 month = 2025-09-15 > window start 2025-09-01 → warned; the S2 visit is at another site.
    const entries = review?.history[0]?.entries ?? []
    expect(entries.find((e) => e.taskId === 'T-1')?.highlights).toContain('WITHIN_MIN_INTERVAL')
    expect(entries.find((e) => e.taskId === 'T-2')?.highlights).not.toContain('WITHIN_MIN_INTERVAL')
  })

  it('does not warn when the last visit is exactly one month before the window', () => {
    const sqlite = setup([plan({}), task({ visits: [{ date: '2025-08-01', officer_ids: [] }] })])
    expect(reviewPlan(sqlite, 'P-1', PARAMS, '2025-08-25')?.checks.map((c) => c.code)).not.toContain('REPEAT_WITHIN_MONTH_RISK')
  })

  it('flags missing required fields per domain, 无事不扰 items, items outside the library and 无感 targets', () => {
    const sqlite = setup([
      plan({ id: 'P-2', item_ids: ['I-W', 'I-X'], targets: [{ enterprise_id: E2 }] }),
      plan({ id: 'P-3', department_id: 'D-PSB', item_ids: [], targets: null, scope: null })
    ])
    const codes = reviewPlan(sqlite, 'P-2', PARAMS, '2025-08-25')?.checks.map((c) => c.code)
    expect(codes).toEqual(expect.arrayContaining(['ITEM_NOT_FILED', 'WUSHI_ITEM_PLANNED', 'WUGAN_OBJECT_PLANNED']))
    expect(codes).not.toContain('PLAN_INCOMPLETE')
    const psb = reviewPlan(sqlite, 'P-3', PARAMS, '2025-08-25')?.checks.find((c) => c.code === 'PLAN_INCOMPLETE')
    expect(psb?.message).toContain('检查事项')
    expect(psb?.message).toContain('检查依据')
    expect(psb?.message).toContain('检查频次')
  })

  it('a superior-deployed plan is exempt from the list checks', () => {
    const sqlite = setup([plan({ id: 'P-2', origin: 'SUPERIOR', item_ids: ['I-W'], targets: [{ enterprise_id: E2 }] })])
    const codes = reviewPlan(sqlite, 'P-2', PARAMS, '2025-08-25')?.checks.map((c) => c.code)
    expect(codes).not.toContain('WUSHI_ITEM_PLANNED')
    expect(codes).not.toContain('WUGAN_OBJECT_PLANNED')
  })

  it('shows all departments in the six-month history and marks the other level’s recognisable result', () => {
    const sqlite = setup([
      plan({}),
      task({ id: 'T-CITY', department_ids: ['D-MKT-CITY'], visits: [{ date: '2025-08-20', officer_ids: [] }] }),
      task({ id: 'T-FIRE', department_ids: ['D-FIRE'], item_ids: ['I-F'], visits: [{ date: '2025-04-01', officer_ids: [] }] }),
      task({ id: 'T-OLD', visits: [{ date: '2025-02-10', officer_ids: [] }] })
    ])
    const review = reviewPlan(sqlite, 'P-1', PARAMS, '2025-08-25')
    const ids = review?.history[0]?.entries.map((e) => e.taskId)
    expect(ids).toEqual(['T-FIRE', 'T-CITY'])
    expect(review?.historyFrom).toBe('2025-02-25')
    expect(review?.historyBasis).toBe(PARAMS.basis('history', 'MKT'))
    expect(review?.historyBasis).toMatch(/结果共享/)
    expect(review?.history[0]?.entries.find((e) => e.taskId === 'T-CITY')?.highlights).toContain('RECOGNISABLE_RESULT')
    expect(review?.checks.map((c) => c.code)).toContain('RESULT_RECOGNITION_RISK')
  })

  it('proposes joint inspection with another department’s plan on the same object within the window', () => {
    const sqlite = setup([
      plan({}),
      plan({ id: 'P-FIRE', department_id: 'D-FIRE', title: '消防检查', item_ids: ['I-F'], window_from: '2025-10-15', window_to: '2025-10-31', status: 'FILED', plan_code: 'JS-F-1' }),
      plan({ id: 'P-FAR', department_id: 'D-FIRE', title: '远期消防检查', item_ids: ['I-F'], window_from: '2025-12-01', window_to: '2025-12-31', status: 'FILED' })
    ])
    const proposals = reviewPlan(sqlite, 'P-1', PARAMS, '2025-08-25')?.proposals ?? []
    expect(proposals.map((p) => p.planId)).toEqual(['P-FIRE'])
    expect(proposals[0]?.sharedEnterpriseIds).toEqual([E1])
    // E1 is a fire key unit: the fire department is proposed as lead.
    expect(proposals[0]?.suggestedLeadDepartmentId).toBe('D-FIRE')
  })
})

describe('reviewPlan: special inspections of labour security (R-PLAN-12)', () => {
  const hrss: SeedRecord[] = [
    { type: 'department', id: 'D-HRSS', name: '金山区人力资源和社会保障局', domain: 'HRSS', level: 'DISTRICT', district_code: '310116' },
    { type: 'department', id: 'D-HRSS-CITY', name: '上海市人力资源和社会保障局', domain: 'HRSS', level: 'CITY', district_code: '310000' },
    { type: 'item', id: 'I-H', name: '工资支付情况检查', domain: 'HRSS', list: 'RANDOM' }
  ]
  const special = (over: Record<string, unknown>) =>
    plan({ department_id: 'D-HRSS', plan_type: 'SPECIAL', origin: 'SUPERIOR', item_ids: ['I-H'], targets: [{ enterprise_id: E1 }, { enterprise_id: E2 }], ...over })
  const clue = (id: string, enterpriseId: string, date: string, over: Record<string, unknown> = {}) =>
    task({ id, code: `C-${id}`, department_ids: ['D-HRSS'], kind: 'TRIGGERED', trigger_source: 'COMPLAINT', trigger_ref: `TS-${id}`, enterprise_id: enterpriseId, item_ids: ['I-H'], visits: [{ date, officer_ids: [] }], ...over })
  const codes = (records: SeedRecord[]) => reviewPlan(setup([...hrss, ...records]), 'P-1', PARAMS, '2025-08-25')?.checks.filter((c) => c.code.startsWith('SPECIAL_')) ?? []

  it('names each target without an HRSS case or clue before the window, and a plan not deployed from above', () => {
    const checks = codes([special({}), clue('C1', E1, '2025-08-31'), clue('C2', E2, '2025-09-01'), clue('C3', E2, '2025-07-01', { department_ids: ['D-MKT'] })])
    expect(checks.map((c) => [c.code, c.enterpriseId ?? null])).toEqual([['SPECIAL_NO_PRIOR_CASE', E2]])
    expect(checks[0]?.severity).toBe('MUST')
    expect(checks[0]?.message).toBe('上海金山乙商贸有限公司：专项检查启动（2025-09-01）前没有本领域的案件或线索，不在专项检查的对象范围内')
    expect(checks[0]?.basis).toContain('附件10《人社领域…实施方案》')
    const own = codes([special({ origin: 'SELF' }), clue('C1', E1, '2025-08-01'), clue('C2', E2, '2025-08-01')])
    expect(own.map((c) => c.code)).toEqual(['SPECIAL_NOT_DEPLOYED'])
    expect(own[0]?.message).toContain('本部门制定')
    // A city bureau's own special plan is the deployment.
    expect(codes([special({ origin: 'SELF', department_id: 'D-HRSS-CITY' }), clue('C1', E1, '2025-08-01'), clue('C2', E2, '2025-08-01')])).toEqual([])
  })

  it('leaves annual HRSS plans and other domains’ special plans alone', () => {
    expect(codes([special({ plan_type: 'ANNUAL', origin: 'SELF' })])).toEqual([])
    expect(codes([plan({ plan_type: 'SPECIAL', origin: 'SELF' })])).toEqual([])
  })
})

describe('decidePlan', () => {
  it('records a return with its reason, the outbox item and the audit entry; removes it from the queue', () => {
    const sqlite = setup([plan({})])
    expect(reviewQueue(sqlite, { includeDecided: false }, 0, 50).rows.map((r) => r.resubmitted)).toEqual([false])
    decidePlan(sqlite, { planId: 'P-1', decision: 'RETURN', reason: '检查对象范围不明确', userId: DEFAULT_USER_ID, at: '2025-08-25T10:00:00+08:00' })
    expect(sqlite.prepare('SELECT decision, reason FROM plan_reviews').get()).toEqual({ decision: 'RETURN', reason: '检查对象范围不明确' })
    const outbox = sqlite.prepare('SELECT kind, payload FROM outbox').get() as { kind: string; payload: string }
    expect(outbox.kind).toBe('plan-review')
    expect(JSON.parse(outbox.payload)).toEqual({ plan_id: 'P-1', decision: 'RETURN', reason: '检查对象范围不明确', reviewer_id: DEFAULT_USER_ID, decided_at: '2025-08-25T10:00:00+08:00' })
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'plan.review'").pluck().get()).toBe(1)
    expect(reviewQueue(sqlite, { includeDecided: false }, 0, 50).total).toBe(0)
    expect(reviewQueue(sqlite, { includeDecided: true }, 0, 50).rows[0]?.localDecision).toBe('RETURN')
  })

  it('puts a returned plan back in the queue when it is submitted again, and the home screen agrees', () => {
    const sqlite = setup([plan({})])
    decidePlan(sqlite, { planId: 'P-1', decision: 'RETURN', reason: '检查事项不全', userId: DEFAULT_USER_ID, at: '2025-08-25T10:00:00+08:00' })
    sqlite.prepare("UPDATE plan_reviews SET sync_status = 'SYNCED'").run()
    expect(reviewQueue(sqlite, { includeDecided: false }, 0, 50).total).toBe(0)
    // Corrected and submitted again (the central system's record, as a sync brings it; 02:30Z is after the return).
    seedRecords(sqlite, [plan({ submitted_at: '2025-08-26T02:30:00Z' })])
    const queue = reviewQueue(sqlite, { includeDecided: false }, 0, 50)
    expect(queue.rows.map((r) => [r.id, r.localDecision, r.resubmitted])).toEqual([['P-1', null, true]])
    expect(reviewQueue(sqlite, { includeDecided: true }, 0, 50).rows[0]?.localDecision).toBeNull()
    expect(countPlansWaitingReview(sqlite)).toBe(1)
    decidePlan(sqlite, { planId: 'P-1', decision: 'FILE', reason: null, userId: DEFAULT_USER_ID, at: '2025-08-26T11:00:00+08:00' })
    expect(reviewQueue(sqlite, { includeDecided: true }, 0, 50).rows[0]?.localDecision).toBe('FILE')
    expect(countPlansWaitingReview(sqlite)).toBe(0)
  })

  it('refuses a return without reason, a second decision, and a plan that is not submitted — writing nothing', () => {
    const sqlite = setup([plan({}), plan({ id: 'P-F', status: 'FILED' })])
    expect(() => decidePlan(sqlite, { planId: 'P-1', decision: 'RETURN', reason: '  ', userId: DEFAULT_USER_ID, at: '2025-08-25T10:00:00+08:00' })).toThrow(/理由/)
    expect(() => decidePlan(sqlite, { planId: 'P-F', decision: 'FILE', reason: null, userId: DEFAULT_USER_ID, at: '2025-08-25T10:00:00+08:00' })).toThrow(/SUBMITTED/)
    decidePlan(sqlite, { planId: 'P-1', decision: 'FILE', reason: null, userId: DEFAULT_USER_ID, at: '2025-08-25T10:00:00+08:00' })
    expect(() => decidePlan(sqlite, { planId: 'P-1', decision: 'FILE', reason: null, userId: DEFAULT_USER_ID, at: '2025-08-25T11:00:00+08:00' })).toThrow(/待同步/)
    expect(sqlite.prepare('SELECT count(*) FROM plan_reviews').pluck().get()).toBe(1)
    expect(sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1)
  })
})
