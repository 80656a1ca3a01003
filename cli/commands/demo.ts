// `jiandu demo` (cli-v1.md): the realistic synthetic 金山区 data set with known, planted violations.
//   demo --out <file> [--enterprises N] [--tasks N] [--plans N] [--seed S] [--manifest <file>] [--format json|table]
//   demo --db <path>  [same options] [--force]
// --out writes interchange JSONL; --db builds the full demo database (central records + local work).
// stdout carries only the summary (counts per record type, planted violations per rule).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { createDemoDatabase, DemoDatabaseExistsError, type DemoDatabaseResult } from '../../core/demo/database.ts'
import { DemoOptionsError, manifestCounts, type DemoOptions, type RecordCounts } from '../../core/demo/generate.ts'
import type { InjectionManifest } from '../../core/demo/injections.ts'
import { writeDemoFile, type DemoFileResult } from '../../core/demo/writeFile.ts'
import { CliError, EXIT, parseOptions, usageError, writeJson, writeLine, databasePath } from '../io.ts'

const USAGE = '用法 / usage: jiandu demo (--out <file> | --db <path> [--force]) [--enterprises N] [--tasks N] [--plans N] [--seed S] [--manifest <file>] [--format json|table]'

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw usageError(`参数 --${name} 须为非负整数 / --${name} must be a whole number (got "${value}")`)
  return Number(value)
}

function notADirectory(option: string, path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw usageError(`参数 --${option} 是目录，请给出文件名：${path} / --${option} is a directory, give a file name`)
}

type Summary = {
  target: { kind: 'file' | 'database'; path: string; bytes?: number }
  seed: string
  options: { enterprises: number; tasks: number; plans: number }
  counts: RecordCounts
  injected: Record<string, number>
  local?: DemoDatabaseResult['local']
}

function summarise(result: DemoFileResult | DemoDatabaseResult, kind: 'file' | 'database'): Summary {
  const { enterprises, tasks, plans } = result.options
  return {
    target: { kind, path: result.path, ...('bytes' in result ? { bytes: result.bytes } : {}) },
    seed: result.options.seed,
    options: { enterprises, tasks, plans },
    counts: result.counts,
    injected: manifestCounts(result.manifest),
    ...('local' in result ? { local: result.local } : {})
  }
}

function table(summary: Summary): string {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length))
  const size = summary.target.bytes === undefined ? '' : `（${(summary.target.bytes / 1_048_576).toFixed(1)} MB）`
  const lines = [
    `演示数据已写入 / demo data written: ${summary.target.path}${size}`,
    `随机种子 / seed: ${summary.seed}`,
    '',
    '记录 / records:',
    ...Object.entries(summary.counts).map(([type, n]) => `  ${pad(type, 28)}${n}`),
    '',
    '注入的违规 / injected violations:',
    ...Object.entries(summary.injected).map(([rule, n]) => `  ${pad(rule, 28)}${n}`)
  ]
  if (summary.local) {
    const l = summary.local
    lines.push('', '本地工作 / local work:', `  ${pad('users', 28)}${l.users}`, `  ${pad('plan_reviews', 28)}${l.plan_reviews}`,
      `  ${pad('documents', 28)}${Object.entries(l.documents).map(([s, n]) => `${s} ${n}`).join(', ')}`, `  ${pad('outbox', 28)}${l.outbox}`,
      `  ${pad('audit_log', 28)}${l.audit_entries}`)
  }
  return lines.join('\n')
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    out: { type: 'string' }, db: { type: 'string' }, enterprises: { type: 'string' }, tasks: { type: 'string' }, plans: { type: 'string' },
    seed: { type: 'string' }, manifest: { type: 'string' }, format: { type: 'string' }, force: { type: 'boolean' }
  })
  const format = values.format ?? 'table'
  if (format !== 'json' && format !== 'table') throw usageError(`参数 --format 只能是 json 或 table / --format must be json or table (got "${format}")`)
  if (values.out !== undefined && values.db !== undefined) throw usageError(`--out 与 --db 只能选一个 / give either --out or --db, not both (${USAGE})`)
  if (values.out === '' || values.db === '') throw usageError(`路径不能为空 / the path must not be empty (${USAGE})`)
  if (values.force && values.out !== undefined) throw usageError('--force 只用于 --db / --force applies to --db only')
  const options: DemoOptions = {
    enterprises: count('enterprises', values.enterprises), tasks: count('tasks', values.tasks), plans: count('plans', values.plans),
    seed: values.seed
  }
  if (values.manifest !== undefined) notADirectory('manifest', values.manifest)

  let summary: Summary
  let manifest: InjectionManifest
  try {
    if (values.out !== undefined) {
      notADirectory('out', values.out)
      mkdirSync(dirname(values.out), { recursive: true })
      const result = writeDemoFile(values.out, options)
      summary = summarise(result, 'file')
      manifest = result.manifest
    } else {
      const path = databasePath(values.db)
      notADirectory('db', path)
      const result = createDemoDatabase(path, options, { force: values.force ?? false })
      summary = summarise(result, 'database')
      manifest = result.manifest
    }
  } catch (error) {
    if (error instanceof DemoOptionsError) throw usageError(`参数错误 / usage error: ${error.message}`)
    if (error instanceof DemoDatabaseExistsError) throw new CliError(error.message, EXIT.USAGE)
    throw error
  }
  if (values.manifest !== undefined) {
    mkdirSync(dirname(values.manifest), { recursive: true })
    writeFileSync(values.manifest, `${JSON.stringify(manifest)}\n`)
  }
  if (format === 'json') writeJson(summary)
  else writeLine(table(summary))
  return EXIT.OK
}
