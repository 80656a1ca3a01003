import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openMemoryDatabase } from '../../db/client.ts'
import { createRecordWriter, iterateRecords } from '../../db/records.ts'
import { queryPlan, recordStatements } from '../../db/testing/queryPlans.ts'
import { RECORD_TYPES } from '../contract/records.ts'
import { analyzeDatabase } from './analyzeDatabase.ts'
import { loadAnalysisInput, parseIdArray, TASK_SLICE } from './load.ts'
import { negativeEvaluationFilter } from './checks/results.ts'
import type { RulePack } from './pack.ts'
import { analyze } from './engine.ts'
import { builtinRulePack } from './packs.ts'
import { tableFromRecords, type TaskTable } from './taskTable.ts'
import { baseWorld, evaluation, listEntry, task, withRecords, ENT_A } from './testing.ts'

describe('parseIdArray', () => {
  it('reads what JSON.stringify writes, whatever the ids contain', () => {
    fc.assert(fc.property(fc.array(fc.string()), (ids) => {
      expect(parseIdArray(JSON.stringify(ids))).toEqual(ids)
    }))
    expect(parseIdArray('["a", "b"]')).toEqual(['a', 'b'])
    expect(parseIdArray('["a\\"","b"]')).toEqual(['a"', 'b'])
  })
})

/** A task table as plain data: its columns and what its interned indexes hold (not their look-up functions). */
function comparableTable(t: TaskTable) {
  const { departments, enterprises, officers, visits, ...columns } = t
  return {
    columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v])),
    visits: Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, Array.from(v as Int32Array)])),
    departments: { ids: departments.ids, domains: departments.domains },
    enterprises: { ids: enterprises.list.map((e) => [e.id, e.record, e.siteIds, e.siteKeys]), siteIds: enterprises.siteIds },
    officers: officers.ids
  }
}

describe('loadAnalysisInput', () => {
  it('returns every record exactly as the record reader does', () => {
    const input = withRecords(baseWorld(), {
      list_entries: [listEntry('L1', 'WUGAN', ENT_A, '2025-01-01', { to: '2025-12-31', domain: 'MKT' })],
      tasks: [task('T1', '2025-03-03', { department_ids: ['D-MKT', 'D-PSB'], item_ids: ['I-MKT', 'I-PSB'], site_id: `${ENT_A}-S2` }), task('T2', null, { code: null }),
        task('T3', '2025-03-05', { enterprise_id: '91310116MA1FL0099Y', site_id: null, special: 'EMERGENCY', kind: 'TRIGGERED' })],
      evaluations: [evaluation('E1', 'T1', '2025-03-04T10:00:00+08:00', { tags: ['REPEAT'], verdict: 'DISAPPROVE' })],
      calendar_days: [{ type: 'calendar_day', date: '2025-06-10', kind: 'HOLIDAY' }]
    })
    const { sqlite } = openMemoryDatabase()
    sqlite.transaction(() => { const w = createRecordWriter(sqlite, 1); for (const r of Object.values(input).flat()) w.write(r) })()
    const loaded = loadAnalysisInput(sqlite)
    const keyOf = { departments: 'department', officers: 'officer', enterprises: 'enterprise', items: 'item', list_entries: 'list_entry', plans: 'plan', evaluations: 'evaluation', calendar_days: 'calendar_day' } as const
    for (const [key, type] of Object.entries(keyOf)) {
      const byKey = (a: { id?: string; date?: string }, b: { id?: string; date?: string }) => ((a.id ?? a.date ?? '') < (b.id ?? b.date ?? '') ? -1 : 1)
      expect([...loaded[key as keyof typeof keyOf]].sort(byKey), key).toEqual([...iterateRecords(sqlite, type)].sort(byKey))
    }
    expect(RECORD_TYPES.length).toBe(Object.keys(keyOf).length + 1)
    // The tasks come as columns: the same columns the records would give, read in the same (rowid) order.
    expect(loaded.tasks).toEqual([])
    const records = [...iterateRecords(sqlite, 'task')]
    const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((r) => [r.id, r]))
    expect(comparableTable(loaded.taskTable!)).toEqual(comparableTable(tableFromRecords(records, byId(loaded.departments), byId(loaded.enterprises))))
    expect(analyzeDatabase(sqlite, { asOf: '2025-12-31' })).toEqual(analyze(input, builtinRulePack(), { asOf: '2025-12-31' }))
    sqlite.close()
  })

  it('reads only the evaluations the pack can flag, with the same flags as reading them all', () => {
    const input = withRecords(baseWorld(), {
      tasks: [task('T1', '2025-03-03'), task('T2', '2025-03-05'), task('T3', '2025-03-07')],
      evaluations: [
        evaluation('E1', 'T1', '2025-03-04T10:00:00+08:00', { verdict: 'DISAPPROVE' }),
        evaluation('E2', 'T2', '2025-03-06T10:00:00+08:00', { tags: ['REPEAT', 'NO_CODE_SHOWN'] }),
        evaluation('E3', 'T3', '2025-03-08T10:00:00+08:00', { tags: [] }),
        evaluation('E4', 'T3', '2025-03-08T11:00:00+08:00'),
        evaluation('E5', 'T-GONE', '2025-03-08T12:00:00+08:00', { verdict: 'DISAPPROVE' })
      ]
    })
    const { sqlite } = openMemoryDatabase()
    sqlite.transaction(() => { const w = createRecordWriter(sqlite, 1); for (const r of Object.values(input).flat()) w.write(r) })()
    const pack = builtinRulePack()
    const ids = (p: RulePack) => loadAnalysisInput(sqlite, undefined, negativeEvaluationFilter(p)).evaluations.map((e) => e.id).sort()
    const cfg = pack.rules.NEGATIVE_EVALUATION
    const expected = input.evaluations
      .filter((e) => cfg.params.verdicts.includes(e.verdict) || (e.tags ?? []).some((t) => cfg.params.tags.includes(t)))
      .map((e) => e.id).sort()
    expect(expected.length).toBeGreaterThan(0)
    expect(ids(pack)).toEqual(expected)
    expect(ids({ ...pack, rules: { ...pack.rules, NEGATIVE_EVALUATION: { ...cfg, enabled: false } } })).toEqual([])
    const flags = analyzeDatabase(sqlite, { asOf: '2025-12-31', pack })
    expect(flags.flags.some((f) => f.rule === 'NEGATIVE_EVALUATION')).toBe(true)
    expect(flags).toEqual(analyze(loadAnalysisInput(sqlite), pack, { asOf: '2025-12-31', idsUnique: true }))
    // A pack that counts APPROVE as negative too gets those evaluations as well: the partial index's
    // condition (DISAPPROVE or tagged) is left out for it.
    const approving = { ...pack, rules: { ...pack.rules, NEGATIVE_EVALUATION: { ...cfg, params: { ...cfg.params, verdicts: ['APPROVE', 'DISAPPROVE'] } } } } satisfies RulePack
    expect(ids(approving)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5'])
    sqlite.close()
  })

  it('reads the evaluations through the partial index of the negative ones, for a full read and for a scope', () => {
    const { sqlite } = openMemoryDatabase()
    sqlite.transaction(() => { const w = createRecordWriter(sqlite, 1); for (const r of Object.values(baseWorld()).flat()) w.write(r); w.write(task('T1', '2025-03-03')) })()
    // Every statement the loader prepares on the evaluations table, as SQL text.
    const statements = recordStatements(sqlite, (source) => source.includes('FROM evaluations'))
    const filter = negativeEvaluationFilter(builtinRulePack())
    loadAnalysisInput(sqlite, undefined, filter)
    loadAnalysisInput(sqlite, { enterpriseIds: [ENT_A], planIds: [] }, filter)
    expect(statements).toHaveLength(2)
    for (const source of statements) {
      const params = Object.fromEntries([...source.matchAll(/@(\w+)/g)].map((m) => [m[1]!, '[]']))
      const plan = queryPlan(sqlite, source, params)
      expect(plan.some((d) => d.includes('evaluations USING INDEX evaluations_negative_idx')), plan.join(' | ')).toBe(true)
    }
    sqlite.close()
  })

  it('names the task and the column when a stored value is not one the contract knows', () => {
    const { sqlite } = openMemoryDatabase()
    sqlite.transaction(() => { const w = createRecordWriter(sqlite, 1); for (const r of Object.values(baseWorld()).flat()) w.write(r); w.write(task('T-BAD', '2025-03-03')) })()
    sqlite.prepare("UPDATE tasks SET mode = 'ON_FOOT' WHERE id = 'T-BAD'").run()
    expect(() => loadAnalysisInput(sqlite)).toThrow('task T-BAD: invalid mode')
    sqlite.close()
  })

  it('reads every task once when there are more than one slice of them', () => {
    const count = TASK_SLICE * 2 + 3
    const { sqlite } = openMemoryDatabase()
    sqlite.transaction(() => {
      const w = createRecordWriter(sqlite, 1)
      for (let i = 0; i < count; i++) w.write(task(`T${String(i).padStart(6, '0')}`, '2025-03-03', { department_ids: ['D-MKT', 'D-PSB'] }))
    })()
    const read: number[] = []
    const table = loadAnalysisInput(sqlite, undefined, undefined, (fraction) => read.push(fraction)).taskTable!
    expect(table.count).toBe(count)
    // Progress after each full slice, by rowid: two slices of three are done before the last.
    expect(read).toHaveLength(2)
    expect(read[0]).toBeCloseTo(TASK_SLICE / count, 3)
    expect(read[1]).toBeCloseTo((2 * TASK_SLICE) / count, 3)
    expect(new Set(table.ids).size).toBe(count)
    expect(table.ids).toEqual([...iterateRecords(sqlite, 'task')].map((t) => t.id))
    expect(table.visitStart.length).toBe(count + 1)
    sqlite.close()
  })
})
