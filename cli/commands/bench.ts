// `jiandu bench [--scale district|city] [--out <file>]` (cli-v1.md): builds a demo database of the
// scale's size in a temporary folder, runs the benchmark suite and prints one JSON object of ratios
// measured in this run on this machine. Targets live in architecture.md; timing is never a unit test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { createDemoDatabase } from '../../core/demo/index.ts'
import { writeDemoFile } from '../../core/demo/index.ts'
import { openDatabase } from '../../db/client.ts'
import { benchAnalysis } from '../../scripts/bench/analysisBench.ts'
import { benchImport } from '../../scripts/bench/importBench.ts'
import { benchIncremental } from '../../scripts/bench/incrementalBench.ts'
import { benchListPaint, createListDatabase } from '../../scripts/bench/listPaintBench.ts'
import { rounded, type BenchResultRow } from '../../scripts/bench/result.ts'
import { EXIT, parseOptions, usageError, writeProgress } from '../io.ts'

const SCALES = {
  /** A district's year, for a quick run. */
  district: { tasks: 100_000, importRecords: 200_000, repeats: 3, listRows: 100_000 },
  /** City scale: the architecture's ≥ 1,000,000 tasks, and lists of 1,000,000 plans and flags. */
  city: { tasks: 1_000_000, importRecords: 1_000_000, repeats: 3, listRows: 1_000_000 }
} as const

const AS_OF = '2026-11-20'

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { scale: { type: 'string', default: 'city' }, out: { type: 'string' }, keep: { type: 'boolean', default: false } })
  const scaleName = values.scale
  if (scaleName !== 'district' && scaleName !== 'city') throw usageError(`--scale 须为 district 或 city / --scale must be district or city: ${scaleName}`)
  const scale = SCALES[scaleName]
  const workDir = mkdtempSync(join(tmpdir(), 'jiandu-bench-'))
  const results: BenchResultRow[] = []
  try {
    writeProgress(`生成 ${scale.importRecords} 条记录的导入文件 / writing the import file`)
    const file = join(workDir, 'bench.jsonl')
    writeDemoFile(file, { tasks: Math.round(scale.importRecords * 0.72), seed: 7 })
    writeProgress('导入基准 / import benchmark')
    results.push(await benchImport(file, workDir))
    rmSync(file, { force: true })

    writeProgress(`生成 ${scale.tasks} 个检查任务的演示库 / building a demo database of ${scale.tasks} tasks`)
    const dbPath = join(workDir, 'bench.sqlite')
    createDemoDatabase(dbPath, { tasks: scale.tasks, seed: 11 }, { analyze: false })
    const { sqlite } = openDatabase(dbPath)
    try {
      writeProgress('全量分析基准 / full analysis benchmarks')
      results.push(...benchAnalysis(sqlite, AS_OF, scale.repeats))
      writeProgress('增量分析基准 / incremental analysis benchmark')
      results.push(benchIncremental(sqlite, AS_OF))
    } finally {
      sqlite.close()
      // A city's analysis database is ~1 GB; the list database comes next.
      if (!values.keep) rmSync(dbPath, { force: true })
    }

    writeProgress(`生成 ${scale.listRows} 个计划和 ${scale.listRows} 条问题线索的列表库 / building a database of ${scale.listRows} plans and flags`)
    const listDbPath = join(workDir, 'lists.sqlite')
    createListDatabase(listDbPath, scale.listRows)
    writeProgress('列表首屏基准 / list first-paint benchmark')
    const listPaint = await benchListPaint(listDbPath, 5, writeProgress)
    if (listPaint) results.push(listPaint)
  } finally {
    if (!values.keep) rmSync(workDir, { recursive: true, force: true })
  }
  const report = {
    machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`, scale: scaleName },
    results: results.map(rounded)
  }
  const text = `${JSON.stringify(report, null, 2)}\n`
  if (values.out) writeFileSync(values.out, text)
  process.stdout.write(text)
  return EXIT.OK
}
