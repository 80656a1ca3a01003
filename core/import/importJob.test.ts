import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { createJobRunner } from '../jobs/jobRunner.ts'
import { IMPORT_JOB_URL, type ImportJobInput } from './importJob.ts'
import { importReportSchema } from './report.ts'
import { jsonl, record, tempDir, validDataset, writeTemp } from './testFixtures.ts'

describe('import job', () => {
  it('imports in a job worker, reporting progress and the report as its result', async () => {
    const dir = tempDir()
    const lines: object[] = [...validDataset()]
    for (let i = 0; i < 20_000; i++) lines.push(record.department({ id: `D-${i}` }))
    const input: ImportJobInput = { dbPath: join(dir, 'w.sqlite'), paths: [writeTemp(dir, 'a.jsonl', jsonl(lines))], userId: 'local-officer' }
    const progress: number[] = []
    const runner = createJobRunner((s) => progress.push(s.progress))
    const status = await runner.wait(runner.start('import', IMPORT_JOB_URL, input).id)
    expect(status.state).toBe('DONE')
    const report = importReportSchema.parse(status.result)
    expect(report.totals.inserted).toBe(20_010)
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true)
    const { sqlite } = openDatabase(input.dbPath)
    expect(sqlite.prepare('SELECT count(*) FROM departments').pluck().get()).toBe(20_002)
    sqlite.close()
  })

  it('fails with the one-line reason when an input cannot be read', async () => {
    const dir = tempDir()
    const runner = createJobRunner()
    const status = await runner.wait(runner.start('import', IMPORT_JOB_URL, { dbPath: join(dir, 'w.sqlite'), paths: [join(dir, 'missing.jsonl')], userId: 'u' }).id)
    expect(status.state).toBe('FAILED')
    expect(status.error).toMatch(/^无法读取 .*missing\.jsonl：文件不存在/)
    expect(existsSync(join(dir, 'w.sqlite'))).toBe(false)
  })
})
