import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Department, Enterprise, Item, Plan, Task } from '../../contract/records.ts'
import { usccCheckChar } from '../../contract/scalars.ts'
import { openMemoryDatabase, type OpenedDb } from '../../../db/client.ts'
import { createRecordWriter } from '../../../db/records.ts'
import { ensureDefaultUser, DEFAULT_USER_ID } from '../../users.ts'
import { PLAN_COLUMN_HEADERS, PLANS_SHEET } from '../../export/exportPlans.ts'
import { NOTES_SHEET } from '../../export/workbook.ts'
import type { PlanDetail, PlanList } from '../channels.ts'
import { invoke } from '../registry.ts'
import { listPlanPage, statusCountsQuery, type PlanListFilter } from '../../../db/queries/plans.ts'
import { countExecutions, queryPlan, recordStatements } from '../../../db/testing/queryPlans.ts'

const uscc = (n: number) => {
  const first17 = `91310116${String(n).padStart(8, '0')}X`
  return first17 + usccCheckChar(first17)
}

const dept = (id: string, name: string, domain: Department['domain']): Department => ({ type: 'department', id, name, domain, level: 'DISTRICT', district_code: '310116' })

function plan(id: string, overrides: Partial<Plan> = {}): Plan {
  return {
    type: 'plan', id, plan_code: null, department_id: 'D-MKT', participant_department_ids: null, title: `计划 ${id}`, plan_type: 'ANNUAL',
    origin: 'SELF', year: 2026, window_from: '2026-01-01', window_to: '2026-12-31', item_ids: [], targets: null, scope: null,
    sampling_ratio: null, method: null, frequency: null, legal_basis: null, status: 'DRAFT', submitted_at: null, filed_at: null,
    published_at: null, ...overrides
  }
}

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    type: 'task', id, code: `C-${id}`, department_ids: ['D-MKT'], kind: 'PLANNED', special: 'NONE', plan_id: null, plan_code: null,
    trigger_source: null, trigger_ref: null, recheck_of: null, enterprise_id: uscc(1), site_id: null, item_ids: [], mode: 'ON_SITE',
    code_applied_at: null, joint_declined_reason: null, visits: [], status: 'PENDING', ...overrides
  }
}

let db: OpenedDb
const ctx = () => ({ db, session: { userId: DEFAULT_USER_ID }, now: () => new Date('2026-11-22T10:00:00+08:00') })

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await invoke(ctx(), channel, input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

function write(records: (Department | Enterprise | Item | Plan | Task)[]) {
  const writer = createRecordWriter(db.sqlite, 1)
  db.sqlite.transaction(() => records.forEach((r) => writer.write(r)))()
}

beforeEach(() => {
  db = openMemoryDatabase()
  ensureDefaultUser(db.sqlite)
  write([dept('D-MKT', '金山区市场监督管理局', 'MKT'), dept('D-FIRE', '金山区消防救援支队', 'FIRE'), dept('D-ENV', '金山区生态环境局', 'ENV')])
})

describe('plans.list', () => {
  it('pages through every plan in a stable order (newest year, latest window first) without gaps or repeats', async () => {
    const records: Plan[] = []
    for (let i = 0; i < 57; i++) {
      records.push(plan(`P-${String(i).padStart(3, '0')}`, { year: 2024 + (i % 3), window_from: `2026-${String(1 + (i % 12)).padStart(2, '0')}-01` }))
    }
    write(records)
    const seen: string[] = []
    for (let offset = 0; offset < 57; offset += 10) {
      const page = await call<PlanList>('plans.list', { offset, limit: 10, includeCounts: offset === 0 })
      expect(page.total).toBe(57)
      expect(page.offset).toBe(offset)
      seen.push(...page.rows.map((r) => r.id))
    }
    expect(new Set(seen).size).toBe(57)
    const rows = db.sqlite.prepare('SELECT id, year, window_from FROM plans').all() as { id: string; year: number; window_from: string }[]
    const expected = rows
      .sort((a, b) => b.year - a.year || b.window_from.localeCompare(a.window_from) || b.id.localeCompare(a.id))
      .map((r) => r.id)
    expect(seen).toEqual(expected)
  })

  it('combines the filters with AND and counts the matches per status, ignoring only the status filter', async () => {
    write([
      plan('P1', { status: 'SUBMITTED', department_id: 'D-MKT', plan_type: 'MONTHLY' }),
      plan('P2', { status: 'SUBMITTED', department_id: 'D-FIRE' }),
      plan('P3', { status: 'FILED', department_id: 'D-FIRE', plan_code: 'JH-FIRE-1' }),
      plan('P4', { status: 'FILED', department_id: 'D-FIRE', year: 2025 }),
      plan('P5', { status: 'DRAFT', department_id: 'D-ENV', plan_type: 'SPECIAL' })
    ])
    const fire = await call<PlanList>('plans.list', { domain: 'FIRE' })
    expect(fire.rows.map((r) => r.id).sort()).toEqual(['P2', 'P3', 'P4'])
    expect(fire.statusCounts).toEqual({ SUBMITTED: 1, FILED: 2 })
    const fireFiled2026 = await call<PlanList>('plans.list', { domain: 'FIRE', status: 'FILED', year: 2026 })
    expect(fireFiled2026.rows.map((r) => r.id)).toEqual(['P3'])
    expect(fireFiled2026.total).toBe(1)
    expect(fireFiled2026.statusCounts).toEqual({ SUBMITTED: 1, FILED: 1 })
    expect((await call<PlanList>('plans.list', { departmentId: 'D-MKT' })).rows.map((r) => r.id)).toEqual(['P1'])
    expect((await call<PlanList>('plans.list', { planType: 'SPECIAL' })).rows.map((r) => r.id)).toEqual(['P5'])
    const withoutCounts = await call<PlanList>('plans.list', { status: 'SUBMITTED', includeCounts: false })
    expect(withoutCounts.total).toBe(2)
    expect(withoutCounts.statusCounts).toBeNull()
  })

  it('finds text in the title, the plan code and the lead department name, taking % and _ literally', async () => {
    write([
      plan('P1', { title: '燃气安全专项检查计划' }),
      plan('P2', { plan_code: 'JH310116FIRE0007', department_id: 'D-FIRE' }),
      plan('P3', { title: '抽查比例 100% 的计划', department_id: 'D-ENV' }),
      plan('P4', { title: '普通计划_甲' })
    ])
    const ids = async (text: string) => (await call<PlanList>('plans.list', { text })).rows.map((r) => r.id).sort()
    expect(await ids('燃气')).toEqual(['P1'])
    expect(await ids('fire0007')).toEqual(['P2'])
    expect(await ids('消防救援')).toEqual(['P2'])
    expect(await ids('100%')).toEqual(['P3'])
    expect(await ids('%')).toEqual(['P3'])
    expect(await ids('_甲')).toEqual(['P4'])
    expect(await ids('  燃气  ')).toEqual(['P1'])
  })

  it('gives each row its department, domain, target count and the tasks that name it by id or by plan code', async () => {
    write([
      plan('P1', { plan_code: 'JH-1', status: 'FILED', targets: [{ enterprise_id: uscc(1), site_id: null }, { enterprise_id: uscc(2), site_id: null }] }),
      plan('P2'),
      task('T1', { plan_id: 'P1' }),
      task('T2', { plan_code: 'JH-1' }),
      task('T3', { plan_id: 'P1', plan_code: 'JH-1' }),
      task('T4', { plan_code: 'JH-OTHER' })
    ])
    const rows = (await call<PlanList>('plans.list', {})).rows
    const p1 = rows.find((r) => r.id === 'P1')
    expect(p1).toMatchObject({ departmentName: '金山区市场监督管理局', domain: 'MKT', targetCount: 2, taskCount: 3 })
    expect(rows.find((r) => r.id === 'P2')).toMatchObject({ targetCount: 0, taskCount: 0 })
  })

  it('refuses filters outside the contract with BAD_INPUT', async () => {
    for (const input of [{ status: 'APPROVED' }, { domain: 'XYZ' }, { limit: 5000 }, { offset: -1 }, { year: '2026' }]) {
      const result = await invoke(ctx(), 'plans.list', input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('BAD_INPUT')
    }
  })

  it('reads an unfiltered page by walking the order index, never sorting every plan', () => {
    const planSteps = db.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT p.id FROM plans p ORDER BY p.year DESC, p.window_from DESC, p.id DESC LIMIT 100 OFFSET 500")
      .all()
      .map((r) => (r as { detail: string }).detail)
    expect(planSteps.join(' ')).toContain('plans_order_idx')
    expect(planSteps.join(' ')).not.toContain('TEMP B-TREE')
  })

  it('counts the status tabs under any filter but the text from an index alone, never the plans rows', () => {
    const filters: PlanListFilter[] = [
      {}, { departmentId: 'D-MKT' }, { domain: 'FIRE' }, { year: 2026 }, { planType: 'SPECIAL' }, { departmentId: 'D-MKT', year: 2026 },
      { domain: 'MKT', year: 2025, planType: 'ANNUAL' }, { departmentId: 'D-FIRE', planType: 'MONTHLY' }, { year: 2026, planType: 'ANNUAL' }
    ]
    for (const filter of filters) {
      const query = statusCountsQuery(filter)
      const steps = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params).map((r) => (r as { detail: string }).detail)
      const planStep = steps.find((d) => /^(SCAN|SEARCH) p /.test(d))
      expect(planStep, JSON.stringify({ filter, steps })).toMatch(/^(SCAN|SEARCH) p USING COVERING INDEX plans_(department|status|year)_idx/)
    }
  })

  it('reads a text search (its status counts and its pages) from the search index alone, never the plans rows', () => {
    const pages = recordStatements(db.sqlite, (sql) => sql.startsWith('SELECT p.id FROM plans p'))
    for (const filter of [{ text: '食品' }, { text: '食品', status: 'FILED' }, { text: 'JH', departmentId: 'D-MKT', year: 2026 }, { text: '检查', domain: 'FIRE', planType: 'ANNUAL' }] as PlanListFilter[]) {
      const query = statusCountsQuery(filter)
      const countSteps = queryPlan(db.sqlite, query.sql, query.params)
      expect(countSteps.find((d) => /^(SCAN|SEARCH) p /.test(d)), JSON.stringify({ filter, countSteps })).toBe('SCAN p USING COVERING INDEX plans_search_idx')
      listPlanPage(db.sqlite, filter, 0, 100)
      const page = pages.at(-1) ?? ''
      const pageSteps = queryPlan(db.sqlite, page, { ...query.params, ...(filter.status ? { status: filter.status } : {}), limit: 100, offset: 0 })
      expect(pageSteps.find((d) => /^(SCAN|SEARCH) p /.test(d)), JSON.stringify({ filter, pageSteps })).toBe('SCAN p USING COVERING INDEX plans_search_idx')
    }
  })
})

describe('plans.list scrolling a text search', () => {
  it('pages through the ids of the matches, searched once until the plans change', () => {
    write(Array.from({ length: 30 }, (_, i) =>
      plan(`P-${String(i).padStart(2, '0')}`, { title: i % 3 === 0 ? `食品检查 ${i}` : `消防检查 ${i}`, window_from: `2026-0${(i % 9) + 1}-01` })))
    const expected = listPlanPage(db.sqlite, {}, 0, 100).filter((r) => r.title.includes('食品')).map((r) => r.id)
    expect(expected).toHaveLength(10)
    const searches = countExecutions(db.sqlite, (sql) => sql.startsWith('SELECT p.id FROM plans p') && sql.includes('LIKE'))
    try {
      const pages = [0, 4, 8].map((offset) => listPlanPage(db.sqlite, { text: '食品' }, offset, 4).map((r) => r.id))
      expect(pages.flat()).toEqual(expected)
      expect(listPlanPage(db.sqlite, { text: '食品' }, 12, 4)).toEqual([])
      expect(searches.count).toBe(1)
      // A new plan is a change: the search runs again and finds it, first in the order (a later year).
      write([plan('P-NEW', { title: '2027年度食品检查', year: 2027, window_from: '2027-01-01', window_to: '2027-12-31' })])
      expect(listPlanPage(db.sqlite, { text: '食品' }, 0, 2).map((r) => r.id)).toEqual(['P-NEW', expected[0]])
      expect(searches.count).toBe(2)
    } finally {
      searches.stop()
    }
  })
})

describe('plans.export', () => {
  it('writes the filtered plans in the list order with Chinese labels, says what was exported, and audits it', async () => {
    write([
      plan('P-A', { title: '2026年度食品检查', status: 'FILED', plan_code: 'JH2026001', submitted_at: '2026-01-05T01:30:00Z' }),
      plan('P-B', { title: '2026年度消防检查', department_id: 'D-FIRE', status: 'FILED' }),
      plan('P-C', { title: '2025年度食品检查', year: 2025, window_from: '2025-01-01', window_to: '2025-12-31', status: 'PUBLISHED', targets: [{ enterprise_id: uscc(1), site_id: null }] }),
      plan('P-D', { title: '草稿计划', status: 'DRAFT' })
    ])
    const out = await call<{ fileName: string; base64: string; exported: number; total: number }>('plans.export', { departmentId: 'D-MKT', text: '食品' })
    expect(out).toMatchObject({ fileName: '检查计划_20261122-1000.xlsx', exported: 2, total: 2 })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet(PLANS_SHEET)!
    const rows: unknown[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows[0]).toEqual(PLAN_COLUMN_HEADERS)
    const at = (r: number, header: string) => rows[r]?.[PLAN_COLUMN_HEADERS.indexOf(header)]
    expect(rows.slice(1).map((r) => r[PLAN_COLUMN_HEADERS.indexOf('计划编号')])).toEqual(['P-A', 'P-C'])
    expect(at(1, '计划编码')).toBe('JH2026001')
    expect(at(1, '牵头部门')).toBe('金山区市场监督管理局')
    expect(at(1, '执法领域')).toBe('市场监管')
    expect(at(1, '计划类型')).toBe('年度计划')
    expect(at(1, '状态')).toBe('已备案')
    expect(at(1, '提交时间')).toBe('2026-01-05 09:30')
    expect(at(1, '列明检查对象')).toBe('按范围')
    expect(at(2, '计划编码')).toBe('未赋码')
    expect(at(2, '列明检查对象')).toBe(1)
    const notes = new Map<string, unknown>()
    book.getWorksheet(NOTES_SHEET)!.eachRow((row) => notes.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(notes.get('筛选条件')).toBe('牵头部门：金山区市场监督管理局；关键词：食品')
    expect(notes.get('导出条数')).toBe('2 条')
    const audit = db.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'plans.export'").pluck().all() as string[]
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([{ filter: { departmentId: 'D-MKT', text: '食品' }, exported: 2, total: 2 }])
  })
})

describe('plans.facets', () => {
  it('lists the departments that lead plans with their counts, the domains and the years', async () => {
    write([plan('P1', { department_id: 'D-FIRE' }), plan('P2', { department_id: 'D-FIRE', year: 2025 }), plan('P3', { department_id: 'D-GONE' })])
    const facets = await call<{ departments: { id: string; name: string; planCount: number }[]; domains: unknown; years: number[]; total: number }>('plans.facets', {})
    expect(facets.departments).toEqual(
      expect.arrayContaining([
        { id: 'D-FIRE', name: '金山区消防救援支队', domain: 'FIRE', planCount: 2 },
        { id: 'D-GONE', name: 'D-GONE', domain: '', planCount: 1 }
      ])
    )
    expect(facets.departments).toHaveLength(2)
    expect(facets.domains).toEqual([{ domain: 'FIRE', planCount: 2 }])
    expect(facets.years).toEqual([2026, 2025])
    expect(facets.total).toBe(3)
  })
})

describe('plans.get', () => {
  it('returns every field, the items, targets with sites, the history in time order and the tasks', async () => {
    const enterprise: Enterprise = {
      type: 'enterprise', id: uscc(1), name: '上海金海食品有限公司', district_code: '310116', industry: null,
      sites: [{ id: 'S1', address: '卫零路 1 号' }, { id: 'S2', address: '龙胜路 2 号' }], grades: null, fire_key_unit: null, crowded_place: null, in_library_since: null
    }
    write([
      enterprise,
      { type: 'item', id: 'I1', name: '食品生产经营许可条件检查', domain: 'MKT', list: 'KEY', legal_basis: '食品安全法', fire_matter: null },
      plan('P1', {
        plan_code: 'JH-1', status: 'FILED', participant_department_ids: ['D-FIRE', 'D-NONE'], item_ids: ['I1', 'I-MISSING'],
        targets: [{ enterprise_id: uscc(1), site_id: 'S2' }, { enterprise_id: uscc(1), site_id: null }, { enterprise_id: uscc(9), site_id: null }],
        sampling_ratio: 0.2, method: '现场检查', frequency: '每年 1 次', legal_basis: '优化营商环境条例',
        // Written in different offsets on purpose: the history orders instants.
        submitted_at: '2026-03-01T09:00:00+08:00', filed_at: '2026-03-02T01:30:00Z'
      }),
      task('T1', { plan_id: 'P1', visits: [{ date: '2026-04-02', officer_ids: [], outcome: null, result_entered_at: null }], status: 'DONE' }),
      task('T2', { plan_code: 'JH-1', mode: 'NON_SITE', visits: [{ date: '2026-05-10', officer_ids: [], outcome: null, result_entered_at: null }] }),
      task('T3', { plan_id: 'P2' })
    ])
    db.sqlite
      .prepare("INSERT INTO plan_reviews (id, plan_id, decision, reason, reviewer_id, decided_at, plan_snapshot) VALUES ('R1', 'P1', 'FILE', NULL, ?, '2026-03-02T08:00:00+08:00', '{}')")
      .run(DEFAULT_USER_ID)
    const detail = await call<PlanDetail>('plans.get', { id: 'P1' })
    expect(detail.plan).toMatchObject({
      planCode: 'JH-1', department: { id: 'D-MKT', name: '金山区市场监督管理局' }, domain: 'MKT',
      participants: [{ id: 'D-FIRE', name: '金山区消防救援支队' }, { id: 'D-NONE', name: null }],
      samplingRatio: 0.2, method: '现场检查', frequency: '每年 1 次', legalBasis: '优化营商环境条例'
    })
    expect(detail.items).toEqual([
      { id: 'I1', name: '食品生产经营许可条件检查', domain: 'MKT', list: 'KEY', legalBasis: '食品安全法' },
      { id: 'I-MISSING', name: null, domain: null, list: null, legalBasis: null }
    ])
    expect(detail.targets).toEqual([
      { enterpriseId: uscc(1), enterpriseName: '上海金海食品有限公司', sites: [{ id: 'S2', address: '龙胜路 2 号' }], allSites: false },
      { enterpriseId: uscc(1), enterpriseName: '上海金海食品有限公司', sites: enterprise.sites, allSites: true },
      { enterpriseId: uscc(9), enterpriseName: null, sites: [], allSites: true }
    ])
    // 08:00+08:00 (the local review) is 00:00Z, before the central filing at 01:30Z.
    expect(detail.history.map((e) => e.kind)).toEqual(['SUBMITTED', 'REVIEW_FILE', 'FILED'])
    expect(detail.history[1]).toMatchObject({ actor: '本机监督员', syncStatus: 'PENDING' })
    expect(detail.tasks.total).toBe(2)
    expect(detail.tasks.rows.map((t) => [t.id, t.linkedBy, t.inspectionDate])).toEqual([
      ['T2', 'PLAN_CODE', '2026-05-10'],
      ['T1', 'PLAN_ID', '2026-04-02']
    ])
  })

  it('reports an unknown plan as NOT_FOUND', async () => {
    const result = await invoke(ctx(), 'plans.get', { id: 'P-NONE' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
