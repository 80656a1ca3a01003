// The analysis job as the hosts run it: the real worker entry, kept resident by the job runner, on a
// real database file; a second job (after a sync) runs in the same worker and stores exactly the flags
// a fresh full analysis stores.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Sqlite } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { RECORD_SCHEMAS, type InterchangeRecord, type Task } from '../contract/records.ts'
import { createDemo } from '../demo/generate.ts'
import { tempDir } from '../import/testFixtures.ts'
import { createJobRunner } from '../jobs/jobRunner.ts'
import { builtinRulePack, DEFAULT_RULE_PACK } from '../rules/packs.ts'
import { runFullAnalysis, type AnalysisRunResult } from './runAnalysis.ts'

const WORKER = new URL('./analysisWorker.ts', import.meta.url)
const AS_OF = '2026-11-20'

const flagRows = (sqlite: Sqlite) => sqlite.prepare('SELECT flag_key, severity, evidence, message FROM flags ORDER BY flag_key').all()

function write(sqlite: Sqlite, records: readonly InterchangeRecord[], seq: number): void {
  const writer = createRecordWriter(sqlite, seq)
  sqlite.transaction(() => { for (const r of records) writer.write(r) })()
}

describe('analysis job worker', () => {
  it('runs a full job, then an incremental one (the resident worker\'s second job), ending with the flags of a full run', async () => {
    const dir = tempDir('jiandu-analysis-job-')
    const path = join(dir, 'w.sqlite')
    const { sqlite } = openDatabase(path)
    const records = [...createDemo({ tasks: 1500, seed: 11 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    const held = new Set(records.filter((r): r is Task => r.type === 'task').slice(-100).map((t) => t.id))
    write(sqlite, records.filter((r) => !(r.type === 'task' && held.has(r.id))), 1)

    const runner = createJobRunner()
    const job = (full: boolean) => runner.start('analysis', WORKER, { dbPath: path, asOf: AS_OF, packName: DEFAULT_RULE_PACK, switches: {}, full })
    const first = await runner.wait(job(true).id)
    expect(first).toMatchObject({ state: 'DONE', result: { mode: 'full' } })

    write(sqlite, records.filter((r) => r.type === 'task' && held.has(r.id)), 2)
    const done = await runner.wait(job(false).id)
    expect(done, String(done.error)).toMatchObject({ state: 'DONE', result: { mode: 'incremental' } })
    const incremental = flagRows(sqlite)

    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(DEFAULT_RULE_PACK) })
    expect(incremental).toEqual(flagRows(sqlite))
    expect((done.result as AnalysisRunResult).flagCount).toBe(incremental.length)
    sqlite.close()
  })

  it('fails a job with a readable message and still runs the next one', async () => {
    const path = join(tempDir('jiandu-analysis-job-'), 'w.sqlite')
    openDatabase(path).sqlite.close()
    const runner = createJobRunner()
    const bad = await runner.wait(runner.start('analysis', WORKER, { dbPath: path, asOf: AS_OF, packName: 'no-such-pack' }).id)
    expect(bad.state).toBe('FAILED')
    expect(bad.error).toMatch(/no-such-pack/)
    const good = await runner.wait(runner.start('analysis', WORKER, { dbPath: path, asOf: AS_OF, packName: DEFAULT_RULE_PACK }).id)
    expect(good).toMatchObject({ state: 'DONE', result: { mode: 'full', flagCount: 0 } })
  })
})
