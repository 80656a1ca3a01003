import { describe, expect, it } from 'vitest'
import { createDemo } from '../demo/generate.ts'
import { openMemoryDatabase, type Sqlite } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { RECORD_SCHEMAS, type InterchangeRecord, type Task } from '../contract/records.ts'
import { runIncrementalAnalysis } from './incremental.ts'
import { runFullAnalysis } from './runAnalysis.ts'

const AS_OF = '2026-11-20'
const PACK = 'shanghai-2025'

function flagTable(sqlite: Sqlite): unknown[] {
  return sqlite.prepare('SELECT flag_key, rule, severity, task_ids, plan_ids, enterprise_id, department_id, evidence, message FROM flags ORDER BY flag_key').all()
}

function write(sqlite: Sqlite, records: Iterable<InterchangeRecord>, seq: number): void {
  const writer = createRecordWriter(sqlite, seq)
  sqlite.transaction(() => { for (const r of records) writer.write(r) })()
}

describe('incremental analysis', () => {
  it('after new and changed tasks, gives exactly the flags a full run gives', () => {
    const { sqlite } = openMemoryDatabase()
    const records = [...createDemo({ tasks: 3000, seed: 5 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    const tasks = records.filter((r): r is Task => r.type === 'task')
    const held = new Set(tasks.slice(-300).map((t) => t.id))
    write(sqlite, records.filter((r) => !(r.type === 'task' && held.has(r.id))), 1)
    runFullAnalysis(sqlite, { asOf: AS_OF, packName: PACK })

    // A sync brings the held-back tasks, and changes some earlier ones: codes removed, a visit moved.
    const changed = tasks.slice(0, 40).map((t, i) => (i % 2 === 0 ? { ...t, code: null } : { ...t, visits: t.visits.map((v) => ({ ...v, date: '2026-06-01' })) }))
    write(sqlite, [...tasks.filter((t) => held.has(t.id)), ...changed], 2)
    const incremental = runIncrementalAnalysis(sqlite, { asOf: AS_OF, packName: PACK })
    expect(incremental.mode).toBe('incremental')
    const afterIncremental = flagTable(sqlite)

    runFullAnalysis(sqlite, { asOf: AS_OF, packName: PACK })
    expect(afterIncremental).toEqual(flagTable(sqlite))
    expect(afterIncremental.length).toBeGreaterThan(0)
  })

  it('falls back to a full run when as_of changes or a global table changed, and does nothing when nothing changed', () => {
    const { sqlite } = openMemoryDatabase()
    write(sqlite, [...createDemo({ tasks: 500, seed: 9 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord), 1)
    const first = runFullAnalysis(sqlite, { asOf: AS_OF, packName: PACK })
    const before = flagTable(sqlite)
    const same = runIncrementalAnalysis(sqlite, { asOf: AS_OF, packName: PACK })
    expect(same).toMatchObject({ mode: 'incremental', runId: first.runId + 1, flagCount: first.flagCount })
    expect(flagTable(sqlite)).toEqual(before)
    expect(runIncrementalAnalysis(sqlite, { asOf: '2026-11-21', packName: PACK }).mode).toBe('full')
    sqlite.prepare("UPDATE officers SET seq = 5 WHERE rowid = 1").run()
    expect(runIncrementalAnalysis(sqlite, { asOf: '2026-11-21', packName: PACK }).mode).toBe('full')
  })
})
