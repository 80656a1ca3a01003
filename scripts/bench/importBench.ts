// Benchmark `import_vs_bare_insert` (cli-v1.md): our importer's rows/s on an interchange file into a
// fresh database, divided by the rows/s of a bare prepared-statement INSERT of the same rows (parsed
// into row arrays beforehand, untimed) into another fresh database with the same tables and indexes,
// in one transaction, without validation. Target (architecture.md): ratio ≥ 0.5.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { openDatabase } from '../../db/client.ts'
import { recordToRow, TABLE_MAPPINGS, type Scalar } from '../../db/records.ts'
import { RECORD_SCHEMAS, type RecordType } from '../../core/contract/records.ts'
import { importFiles } from '../../core/import/importFiles.ts'
import { openLineSource } from '../../core/import/lineReader.ts'
import { writeSyntheticInterchange } from './importBenchData.ts'
import { median } from './result.ts'

export const benchResultSchema = z.object({
  name: z.literal('import_vs_bare_insert'),
  value: z.number(),
  unit: z.literal('rows/s'),
  baseline: z.number(),
  ratio: z.number()
})
export type BenchResult = z.infer<typeof benchResultSchema>

function freshDatabasePath(workDir: string, name: string): string {
  mkdirSync(workDir, { recursive: true })
  const path = join(workDir, name)
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  return path
}

type PreparedRows = { types: RecordType[]; rows: Scalar[][] }

/** The baseline's input: every record of the file as a table row, built before the clock starts. */
function rowsOf(jsonlPath: string): PreparedRows {
  const types: RecordType[] = []
  const rows: Scalar[][] = []
  const schemas = new Map<string, (typeof RECORD_SCHEMAS)[RecordType]>(Object.entries(RECORD_SCHEMAS))
  for (const line of openLineSource(jsonlPath).lines) {
    if (typeof line !== 'string' || line.trim() === '') continue
    const value: unknown = JSON.parse(line)
    const type = (value as { type?: unknown }).type
    const schema = typeof type === 'string' ? schemas.get(type) : undefined
    if (!schema) continue
    const parsed = schema.safeParse(value)
    if (!parsed.success) continue
    types.push(parsed.data.type)
    rows.push(recordToRow(parsed.data))
  }
  return { types, rows }
}

/** Rows/s of plain INSERTs of prepared rows, one transaction, same schema. */
function bareInsert(dbPath: string, input: PreparedRows, seq: number): number {
  const { sqlite } = openDatabase(dbPath)
  try {
    const statements = new Map<RecordType, ReturnType<typeof sqlite.prepare>>()
    for (const [type, m] of Object.entries(TABLE_MAPPINGS)) {
      const columns = [...m.columns, 'seq']
      statements.set(type as RecordType, sqlite.prepare(`INSERT INTO ${m.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`))
    }
    const started = performance.now()
    sqlite.exec('BEGIN')
    for (let i = 0; i < input.rows.length; i++) {
      const row = input.rows[i] ?? []
      row.push(seq)
      statements.get(input.types[i] ?? 'task')?.run(row)
    }
    sqlite.exec('COMMIT')
    const seconds = (performance.now() - started) / 1000
    return input.rows.length / seconds
  } finally {
    sqlite.close()
  }
}

/** Rows/s of our whole import (read, parse, validate, write, reference check, report, commit). */
async function ourImport(dbPath: string, jsonlPath: string): Promise<{ rowsPerSecond: number; records: number }> {
  const opened = openDatabase(dbPath)
  try {
    const started = performance.now()
    const report = await importFiles(opened, [jsonlPath], { userId: 'bench' })
    const seconds = (performance.now() - started) / 1000
    return { rowsPerSecond: report.totals.records / seconds, records: report.totals.records }
  } finally {
    opened.sqlite.close()
  }
}

/** Reads the file once without parsing, so neither side pays for a cold page cache. */
function warmPageCache(jsonlPath: string): void {
  for (const line of openLineSource(jsonlPath).lines) if (line === '\u0000') break
}

/** One side of the benchmark: our import, or the bare insert of the same rows. */
export type ImportSide = 'ours' | 'bare'

const sideResultSchema = z.object({ rowsPerSecond: z.number().positive(), records: z.number().int() })
type SideResult = z.infer<typeof sideResultSchema>

/** One measurement of one side into a fresh database, removed afterwards (see runSide for the process). */
export async function measureSide(side: ImportSide, jsonlPath: string, workDir: string): Promise<SideResult> {
  warmPageCache(jsonlPath)
  const name = `import-${side}.sqlite`
  const path = freshDatabasePath(workDir, name)
  try {
    if (side === 'ours') return await ourImport(path, jsonlPath)
    const input = rowsOf(jsonlPath)
    return { rowsPerSecond: bareInsert(path, input, 1), records: input.rows.length }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  }
}

const THIS_FILE = fileURLToPath(import.meta.url)

/**
 * One side measured in a fresh Node process: neither side is billed for garbage or heap growth left
 * by whatever ran before (the bare side's prepared rows, other benchmarks' millions of rows).
 */
function runSide(side: ImportSide, jsonlPath: string, workDir: string): Promise<SideResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [THIS_FILE, side, jsonlPath, workDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`导入基准测试失败 / import benchmark failed (exit ${code}): ${stderr.trim()}`))
        return
      }
      try {
        resolve(sideResultSchema.parse(JSON.parse(stdout)))
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}

/** Measurements of each side, in this order: each side goes first as often as second. */
const SIDE_ORDER: readonly ImportSide[] = ['ours', 'bare', 'bare', 'ours']

/**
 * The benchmark: each side measured twice, each time in its own process, in the order ours, bare,
 * bare, ours, and each side's rate the median (here the mean) of its runs. One run of each, ours then
 * bare, gave ratios between 0.46 and 0.77 on the same file and machine within the hour: the bare
 * insert, mostly SQLite writing pages, moved with the disk's other work (often the pages the first
 * run had left to write back) by half its rate.
 */
export async function benchImport(jsonlPath: string, workDir: string): Promise<BenchResult> {
  const rates: Record<ImportSide, number[]> = { ours: [], bare: [] }
  const records: Record<ImportSide, number[]> = { ours: [], bare: [] }
  for (const side of SIDE_ORDER) {
    const result = await runSide(side, jsonlPath, workDir)
    rates[side].push(result.rowsPerSecond)
    records[side].push(result.records)
  }
  if (new Set([...records.ours, ...records.bare]).size !== 1) {
    throw new Error(`import read ${records.ours.join('/')} records, the baseline ${records.bare.join('/')}: not the same rows`)
  }
  const ours = median(rates.ours)
  const bare = median(rates.bare)
  return {
    name: 'import_vs_bare_insert',
    value: Math.round(ours),
    unit: 'rows/s',
    baseline: Math.round(bare),
    ratio: Math.round((ours / bare) * 1000) / 1000
  }
}

/** Records in the synthetic file of the default import benchmark (a district's year, roughly). */
export const DEFAULT_BENCH_RECORDS = 200_000

/** benchImport on a synthetic file written into `workDir` first (and removed afterwards). */
export async function benchImportSynthetic(workDir: string, records = DEFAULT_BENCH_RECORDS): Promise<BenchResult> {
  mkdirSync(workDir, { recursive: true })
  const file = join(workDir, `import-bench-${records}.jsonl`)
  writeSyntheticInterchange(file, records)
  try {
    return await benchImport(file, workDir)
  } finally {
    rmSync(file, { force: true })
  }
}

// Child-process entry of runSide: node importBench.ts <ours|bare> <file.jsonl> <workDir> → one JSON line.
if (process.argv[1] === THIS_FILE) {
  const [side, jsonlPath, workDir] = process.argv.slice(2)
  if ((side !== 'ours' && side !== 'bare') || !jsonlPath || !workDir) throw new Error('usage: importBench.ts <ours|bare> <file.jsonl> <workDir>')
  process.stdout.write(`${JSON.stringify(await measureSide(side, jsonlPath, workDir))}\n`)
}
