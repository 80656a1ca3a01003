import { describe, expect, it } from 'vitest'
import { countExecutions, queryPlan, recordStatements } from '../../db/testing/queryPlans.ts'
import { seedRecords } from '../../db/testing/seed.ts'
import { flagKey, type FlagRecord } from '../contract/flags.ts'
import { DEFAULT_USER_ID } from '../users.ts'
import { decideFlags, flagGroupCounts, getFlag, listFlags } from './queries.ts'
import { replaceFlags } from './store.ts'
import { E1, E2, flagsTestDatabase, testFlag } from './testing.ts'

const flag = (over: Partial<FlagRecord>): FlagRecord => testFlag(over)
const setup = flagsTestDatabase

describe('flags store and inbox queries', () => {
  it('stores flags with their event date and lists them with names, filters and status', () => {
    const sqlite = setup()
    replaceFlags(sqlite, [flag({}), flag({ rule: 'RESULT_LATE', severity: 'SHOULD', task_ids: ['T-2'], enterprise_id: E2 })], 1, { kind: 'all' })
    const all = listFlags(sqlite, {}, 0, 10)
    expect(all.total).toBe(2)
    expect(all.rows[0]).toMatchObject({ rule: 'NO_CODE_INSPECTION', enterpriseName: '上海金山甲食品有限公司', departmentName: '金山区市场监督管理局', eventDate: '2025-05-06', status: 'OPEN' })
    expect(listFlags(sqlite, { severity: 'SHOULD' }, 0, 10).rows.map((r) => r.taskIds)).toEqual([['T-2']])
    expect(listFlags(sqlite, { text: '甲食品' }, 0, 10).total).toBe(1)
    expect(listFlags(sqlite, { dateFrom: '2025-05-10' }, 0, 10).rows.map((r) => r.rule)).toEqual(['RESULT_LATE'])
  })

  it('dates a flag by the latest first visit of its tasks, and rebuilds the indexes a full run drops', () => {
    const sqlite = setup()
    const indexes = () => sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flags' ORDER BY name").all()
    const before = indexes()
    expect(before.length).toBeGreaterThan(3)
    replaceFlags(sqlite, [flag({ rule: 'REPEAT_WITHIN_MONTH', task_ids: ['T-2', 'T-1'] }), flag({ task_ids: ['T-GONE'] }), flag({ rule: 'PLAN_PUBLICATION_LATE', task_ids: [], plan_ids: ['P-GONE'], enterprise_id: null })], 1, { kind: 'all' })
    expect(indexes()).toEqual(before)
    const dates = Object.fromEntries(sqlite.prepare('SELECT rule, event_date FROM flags').raw(true).all() as [string, string | null][])
    expect(dates).toEqual({ REPEAT_WITHIN_MONTH: '2025-06-01', NO_CODE_INSPECTION: null, PLAN_PUBLICATION_LATE: null })
    expect(listFlags(sqlite, { dateFrom: '2025-05-10' }, 0, 10).rows.map((r) => r.rule)).toEqual(['REPEAT_WITHIN_MONTH'])
  })

  it('decisions survive re-analysis because they key on the flag identity', () => {
    const sqlite = setup()
    replaceFlags(sqlite, [flag({})], 1, { kind: 'all' })
    const key = flagKey(flag({}))
    const result = decideFlags(sqlite, { flagKeys: [key, 'X|nope|'], decision: 'DISMISSED', reason: '已补码，系统延迟', userId: DEFAULT_USER_ID, at: '2025-06-01T09:00:00+08:00' })
    expect(result).toEqual({ decided: [key], unknown: ['X|nope|'] })
    replaceFlags(sqlite, [flag({ message: '无码检查（重新分析）' })], 2, { kind: 'all' })
    expect(getFlag(sqlite, key)).toMatchObject({ status: 'DISMISSED', decisionReason: '已补码，系统延迟', message: '无码检查（重新分析）' })
    expect(listFlags(sqlite, { status: 'OPEN' }, 0, 10).total).toBe(0)
    expect(flagGroupCounts(sqlite, {}).byStatus).toEqual([{ key: 'OPEN', total: 0 }, { key: 'CONFIRMED', total: 0 }, { key: 'DISMISSED', total: 1 }])
    expect(sqlite.prepare("SELECT count(*) FROM outbox WHERE kind = 'flag-decision'").pluck().get()).toBe(1)
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'flag.decide'").pluck().get()).toBe(1)
  })

  it('a full run writes only the flags that changed, and removes those not found again', () => {
    const sqlite = setup()
    const three = [flag({}), flag({ task_ids: ['T-2'], enterprise_id: E2 }), flag({ rule: 'RESULT_LATE', severity: 'SHOULD' })]
    const runs = () => Object.fromEntries(sqlite.prepare('SELECT flag_key, run_id FROM flags').raw(true).all() as [string, number][])
    // A first run finds nothing stored: everything is new, and written in bulk.
    expect(replaceFlags(sqlite, three, 1, { kind: 'all' })).toBe(3)
    // The next day: one message changed, one flag gone, the third the same.
    expect(replaceFlags(sqlite, [flag({ message: '无码检查（次日）' }), three[2]!], 2, { kind: 'all' })).toBe(1)
    expect(runs()).toEqual({ [flagKey(three[0]!)]: 2, [flagKey(three[2]!)]: 1 })
    expect(getFlag(sqlite, flagKey(three[0]!))?.message).toContain('无码检查（次日）')
    // Another pack: all new again, the table refilled.
    expect(replaceFlags(sqlite, [flag({ rule: 'TRIGGER_UNSUPPORTED' })], 3, { kind: 'all' })).toBe(1)
    expect(runs()).toEqual({ [flagKey(flag({ rule: 'TRIGGER_UNSUPPORTED' }))]: 3 })
  })

  it('a subset run replaces only the flags of the enterprises and plans it covers', () => {
    const sqlite = setup()
    replaceFlags(sqlite, [flag({}), flag({ task_ids: ['T-2'], enterprise_id: E2 }), flag({ rule: 'PLAN_PUBLICATION_LATE', task_ids: [], plan_ids: ['P-9'], enterprise_id: null })], 1, { kind: 'all' })
    replaceFlags(sqlite, [], 2, { kind: 'subset', enterpriseIds: [E1], planIds: [] })
    expect(listFlags(sqlite, {}, 0, 10).rows.map((r) => r.flagKey).sort()).toEqual(['NO_CODE_INSPECTION|T-2|', 'PLAN_PUBLICATION_LATE||P-9'])
    replaceFlags(sqlite, [], 3, { kind: 'subset', enterpriseIds: [], planIds: ['P-9'] })
    expect(listFlags(sqlite, {}, 0, 10).total).toBe(1)
  })

  it('lists most serious first, then latest first, page by page, whatever the filter', () => {
    const sqlite = setup()
    replaceFlags(sqlite, [
      flag({ rule: 'NEGATIVE_EVALUATION', severity: 'INFO', task_ids: ['T-2'] }),
      flag({ rule: 'RESULT_LATE', severity: 'SHOULD', task_ids: ['T-1'] }),
      flag({ rule: 'RESULT_LATE', severity: 'SHOULD', task_ids: ['T-2'] }),
      flag({ rule: 'NO_CODE_INSPECTION', severity: 'MUST', task_ids: ['T-1'] })
    ], 1, { kind: 'all' })
    const order = ['NO_CODE_INSPECTION|T-1|', 'RESULT_LATE|T-2|', 'RESULT_LATE|T-1|', 'NEGATIVE_EVALUATION|T-2|']
    expect(listFlags(sqlite, {}, 0, 10).rows.map((r) => r.flagKey)).toEqual(order)
    expect(listFlags(sqlite, {}, 1, 2)).toMatchObject({ total: 4, rows: [{ flagKey: order[1] }, { flagKey: order[2] }] })
    expect(listFlags(sqlite, { severity: 'INFO' }, 0, 10).rows.map((r) => r.flagKey)).toEqual([order[3]])
    expect(listFlags(sqlite, { rule: 'RESULT_LATE' }, 0, 10).rows.map((r) => r.flagKey)).toEqual(order.slice(1, 3))
    // The page is read through the ordered index, not by sorting the table.
    const plan = sqlite.prepare("EXPLAIN QUERY PLAN SELECT f.flag_key FROM flags f WHERE 1 ORDER BY (CASE f.severity WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END), f.event_date DESC, f.flag_key LIMIT 1").all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('flags_order_idx')
    expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE')
  })

  it('reads a page by its keys first, even where the statistics say a million flags', () => {
    const sqlite = setup()
    replaceFlags(sqlite, [flag({}), flag({ task_ids: ['T-2'] })], 1, { kind: 'all' })
    // The statistics of a city's flags table (as ANALYZE wrote them at a million flags): with these the
    // planner, not seeing the page's size behind a bound LIMIT, walked every flag in order.
    sqlite.exec('ANALYZE')
    sqlite.exec(`DELETE FROM sqlite_stat1 WHERE tbl IN ('flags', 'enterprises', 'departments', 'flag_decisions');
      INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('flags', 'flags_enterprise_idx', '1000000 401'),
        ('flags', 'flags_department_order_idx', '1000000 2001 2001 667 1'), ('flags', 'flags_rule_order_idx', '1000000 2001 2001 1001 1'),
        ('flags', 'flags_order_idx', '1000000 2001 1001 1'), ('flags', 'flags_event_date_idx', '1000000 1001'),
        ('flags', 'sqlite_autoindex_flags_1', '1000000 1'), ('enterprises', 'sqlite_autoindex_enterprises_1', '2000 1'),
        ('departments', 'sqlite_autoindex_departments_1', '12 1');
      ANALYZE sqlite_schema`)
    const pages = recordStatements(sqlite, (source) => source.includes('page_key'))
    expect(listFlags(sqlite, {}, 0, 100).total).toBe(2)
    const [page] = pages
    if (!page) throw new Error('no page statement')
    const plan = queryPlan(sqlite, page, 100, 0)
    // The page's keys from the ordered index, then each key's row: no walk over the flags outside the page.
    expect(plan.filter((d) => /^SCAN (f|page)\b/.test(d)), plan.join(' | ')).toEqual(['SCAN f USING COVERING INDEX flags_order_idx', 'SCAN page'])
    sqlite.close()
  })

  it('finds a text search’s page by walking the order when the text is common and by a scan when it is rare, the same rows either way', () => {
    const sqlite = setup()
    const many = Array.from({ length: 300 }, (_, i) => flag({ task_ids: [`T-${String(i).padStart(3, '0')}`], message: i === 137 ? '独一无二的线索' : `普通线索 ${i}` }))
    replaceFlags(sqlite, many, 1, { kind: 'all' })
    // The page statements, and the statement reading a scan's matches (their keys, remembered for the pages after).
    const pages = recordStatements(sqlite, (source) => source.includes('page_key') || source.includes('ORDER BY +(CASE'))
    const scanned = () => (pages.at(-1) ?? '').includes('ORDER BY +(CASE')
    // One match in 300: walking the order for it would look at every flag.
    expect(listFlags(sqlite, { text: '独一无二' }, 0, 100).rows.map((r) => r.taskIds)).toEqual([['T-137']])
    expect(scanned()).toBe(true)
    // Every flag matches: the first page is the first 100 in the inbox order, walked.
    const common = listFlags(sqlite, { text: '线索' }, 0, 100)
    expect(scanned()).toBe(false)
    expect(common.rows.map((r) => r.flagKey)).toEqual(listFlags(sqlite, {}, 0, 100).rows.map((r) => r.flagKey))
    // A page deep in the matches, in the same order.
    const deep = listFlags(sqlite, { text: '普通' }, 150, 100)
    expect(deep.rows.map((r) => r.flagKey)).toEqual(listFlags(sqlite, {}, 0, 300).rows.filter((r) => r.message.includes('普通')).slice(150, 250).map((r) => r.flagKey))
    // Nothing matches, or the page lies past the end: no page query at all.
    const before = pages.length
    expect(listFlags(sqlite, { text: '没有这样的线索' }, 0, 100)).toEqual({ total: 0, rows: [] })
    expect(listFlags(sqlite, {}, 300, 100).rows).toEqual([])
    expect(pages.length).toBe(before)
  })

  it('scrolls a rare text search’s pages from the keys of its matches, scanned once until the flags change', () => {
    const sqlite = setup()
    // 60,000 flags, six of them matching: walking the order to the matches would look at tens of thousands.
    sqlite.prepare(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59999)
      INSERT INTO flags (flag_key, rule, severity, task_ids, plan_ids, enterprise_id, department_id, event_date, evidence, message, run_id)
      SELECT 'NO_CODE_INSPECTION|T-' || i || '|', 'NO_CODE_INSPECTION', CASE i % 3 WHEN 0 THEN 'MUST' ELSE 'SHOULD' END, json_array('T-' || i), '[]',
             NULL, 'D-MKT', printf('2025-%02d-%02d', 1 + i % 12, 1 + i % 28), '{}', CASE WHEN i % 10000 = 7 THEN '独一无二的线索 ' || i ELSE '普通线索' END, 1
      FROM n`).run()
    const expected = sqlite.prepare(`SELECT flag_key FROM flags WHERE message LIKE '独一无二%'
      ORDER BY CASE severity WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END, event_date DESC, flag_key`).pluck().all() as string[]
    expect(expected).toHaveLength(6)
    const scans = countExecutions(sqlite, (source) => source.includes('ORDER BY +(CASE'))
    try {
      const pages = [0, 2, 4, 6].map((offset) => listFlags(sqlite, { text: '独一无二' }, offset, 2))
      expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6])
      expect(pages.flatMap((p) => p.rows.map((r) => r.flagKey))).toEqual(expected)
      expect(scans.count).toBe(1)
      // A decision is a change: the next page scans again and shows it.
      decideFlags(sqlite, { flagKeys: [expected[3]!], decision: 'CONFIRMED', reason: '核实属实', userId: DEFAULT_USER_ID, at: '2026-12-01T09:00:00+08:00' })
      expect(listFlags(sqlite, { text: '独一无二' }, 2, 2).rows.map((r) => [r.flagKey, r.status])).toEqual([[expected[2], 'OPEN'], [expected[3], 'CONFIRMED']])
      expect(scans.count).toBe(2)
    } finally {
      scans.stop()
    }
  })

  it('counts groups and statuses under the filter without their own dimension, the same with or without a text filter', () => {
    const sqlite = setup()
    seedRecords(sqlite, [{ type: 'department', id: 'D-FIRE', name: '金山区消防救援支队', domain: 'FIRE', level: 'DISTRICT', district_code: '310116' }])
    replaceFlags(sqlite, [
      flag({}),
      flag({ task_ids: ['T-2'], enterprise_id: E2 }),
      flag({ rule: 'RESULT_LATE', severity: 'SHOULD', task_ids: ['T-1'], department_id: 'D-FIRE', message: '检查结果录入超期' }),
      flag({ rule: 'PLAN_PUBLICATION_LATE', task_ids: [], plan_ids: ['P-9'], enterprise_id: null, department_id: null, message: '检查计划公示超期' })
    ], 1, { kind: 'all' })
    const at = '2025-06-01T09:00:00+08:00'
    decideFlags(sqlite, { flagKeys: ['NO_CODE_INSPECTION|T-1|'], decision: 'CONFIRMED', reason: null, userId: DEFAULT_USER_ID, at })
    decideFlags(sqlite, { flagKeys: ['RESULT_LATE|T-1|'], decision: 'DISMISSED', reason: '已说明', userId: DEFAULT_USER_ID, at })

    const all = flagGroupCounts(sqlite, {})
    expect(all.byStatus).toEqual([{ key: 'OPEN', total: 2 }, { key: 'CONFIRMED', total: 1 }, { key: 'DISMISSED', total: 1 }])
    expect(all.byRule).toEqual([
      { key: 'NO_CODE_INSPECTION', severity: 'MUST', open: 1, total: 2 },
      { key: 'PLAN_PUBLICATION_LATE', severity: 'MUST', open: 1, total: 1 },
      { key: 'RESULT_LATE', severity: 'SHOULD', open: 0, total: 1 }
    ])
    // A flag without a department has no department group.
    expect(all.byDepartment.map((d) => [d.key, d.name, d.total])).toEqual([['D-MKT', '金山区市场监督管理局', 2], ['D-FIRE', '金山区消防救援支队', 1]])

    const open = flagGroupCounts(sqlite, { status: 'OPEN' })
    expect(open.byRule.map((g) => [g.key, g.total])).toEqual([['NO_CODE_INSPECTION', 1], ['PLAN_PUBLICATION_LATE', 1]])
    expect(open.byStatus).toEqual(all.byStatus)
    const dismissed = flagGroupCounts(sqlite, { status: 'DISMISSED' })
    expect(dismissed.byRule).toEqual([{ key: 'RESULT_LATE', severity: 'SHOULD', open: 0, total: 1 }])

    const mkt = flagGroupCounts(sqlite, { departmentId: 'D-MKT' })
    expect(mkt.byRule.map((g) => g.key)).toEqual(['NO_CODE_INSPECTION'])
    expect(mkt.byDepartment.map((d) => d.key)).toEqual(['D-MKT', 'D-FIRE'])
    expect(mkt.byStatus).toEqual([{ key: 'OPEN', total: 1 }, { key: 'CONFIRMED', total: 1 }, { key: 'DISMISSED', total: 0 }])
    // The statuses under a rule filter are that rule's alone; a rule without flags has none.
    expect(flagGroupCounts(sqlite, { rule: 'RESULT_LATE' }).byStatus).toEqual([{ key: 'OPEN', total: 0 }, { key: 'CONFIRMED', total: 0 }, { key: 'DISMISSED', total: 1 }])
    expect(flagGroupCounts(sqlite, { rule: 'WUSHI_ITEM_INSPECTED' }).byStatus.map((s) => s.total)).toEqual([0, 0, 0])

    // '检查' is in every message: the text path (one scan) must count exactly like the indexed one.
    for (const filter of [{}, { departmentId: 'D-MKT' }, { rule: 'RESULT_LATE' }, { status: 'OPEN' as const }]) {
      const indexed = flagGroupCounts(sqlite, filter)
      const scanned = flagGroupCounts(sqlite, { ...filter, text: '检查' })
      expect(scanned).toEqual(indexed)
    }
    const withText = flagGroupCounts(sqlite, { text: '无码' })
    expect(withText.byStatus).toEqual([{ key: 'OPEN', total: 1 }, { key: 'CONFIRMED', total: 1 }, { key: 'DISMISSED', total: 0 }])
    expect(listFlags(sqlite, { status: 'OPEN' }, 0, 10).total).toBe(2)
    expect(listFlags(sqlite, { status: 'CONFIRMED', text: '无码' }, 0, 10).rows.map((r) => r.flagKey)).toEqual(['NO_CODE_INSPECTION|T-1|'])
    expect(listFlags(sqlite, { text: '100%' }, 0, 10).total).toBe(0)
  })
})
