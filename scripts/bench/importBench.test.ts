// The benchmark's plumbing, on a small file (timing itself belongs to `npm run bench`, not to tests).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openMemoryDatabase } from '../../db/client.ts'
import { importFiles } from '../../core/import/importFiles.ts'
import { tempDir } from '../../core/import/testFixtures.ts'
import { benchImport, benchImportSynthetic } from './importBench.ts'
import { writeSyntheticInterchange } from './importBenchData.ts'

describe('writeSyntheticInterchange', () => {
  it('writes the same valid, fully resolving data set for the same seed', async () => {
    const dir = tempDir('jiandu-bench-')
    const counts = writeSyntheticInterchange(join(dir, 'a.jsonl'), 3000, 42)
    writeSyntheticInterchange(join(dir, 'b.jsonl'), 3000, 42)
    expect(readFileSync(join(dir, 'a.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'b.jsonl'), 'utf8'))
    expect(counts.total).toBe(3000)
    const report = await importFiles(openMemoryDatabase(), [join(dir, 'a.jsonl')], { userId: 'u' })
    expect(report.totals).toMatchObject({ records: 3000, inserted: 3000, duplicates: 0, rejected: 0, warnings: 0, dangling: 0, unknown: 0 })
    expect(report.counts.task.records).toBe(counts.tasks)
  })
})

describe('benchImport', () => {
  it('measures both sides on the same rows and reports the ratio of their rates', async () => {
    const dir = tempDir('jiandu-bench-')
    const file = join(dir, 'bench.jsonl')
    writeSyntheticInterchange(file, 4000)
    const result = await benchImport(file, join(dir, 'work'))
    expect(result).toMatchObject({ name: 'import_vs_bare_insert', unit: 'rows/s' })
    expect(result.value).toBeGreaterThan(0)
    expect(result.baseline).toBeGreaterThan(0)
    expect(result.ratio).toBeCloseTo(result.value / result.baseline, 2)
    // The work databases are removed afterwards.
    expect(readdirSync(join(dir, 'work'))).toEqual([])
  })

  it('can generate its own synthetic file and cleans up after itself', async () => {
    const dir = tempDir('jiandu-bench-')
    const result = await benchImportSynthetic(join(dir, 'work'), 2000)
    expect(result.name).toBe('import_vs_bare_insert')
    expect(readdirSync(join(dir, 'work'))).toEqual([])
  })
})
