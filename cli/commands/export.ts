// `jiandu export --db <path> --out <file> [--format json]` (cli-v1.md): writes every central record
// back out as interchange JSONL and prints a summary (counts per record type).
import { existsSync, statSync } from 'node:fs'
import { exportDatabase, formatExportSummary } from '../../core/export/exportDatabase.ts'
import { defaultSignedInUser } from '../../core/users.ts'
import { CliError, EXIT, parseOptions, usageError, writeJson, writeLine, databasePath } from '../io.ts'
import { openCliDatabase } from './import.ts'

const USAGE = '用法 / usage: jiandu export --db <path> --out <file>'

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { db: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } })
  if (values.out === undefined || values.out === '') throw usageError(`缺少参数 --out <file> / missing --out <file> (${USAGE})`)
  const format = values.format ?? 'table'
  if (format !== 'json' && format !== 'table') throw usageError(`参数 --format 只能是 json 或 table / --format must be json or table (got "${format}")`)
  if (existsSync(values.out) && statSync(values.out).isDirectory()) throw usageError(`参数 --out 是目录，请给出文件名：${values.out} / --out is a directory, give a file name: ${values.out}`)
  const dbPath = databasePath(values.db)
  // Exporting never creates a database: a missing one is an input that cannot be read.
  if (!existsSync(dbPath)) throw new CliError(`数据库不存在 / database not found: ${dbPath}`, EXIT.USAGE)

  const opened = openCliDatabase(dbPath)
  try {
    const user = defaultSignedInUser(opened.sqlite)
    let summary: ReturnType<typeof exportDatabase>
    try {
      summary = exportDatabase(opened.sqlite, values.out, { userId: user.id })
    } catch (error) {
      // A file-system failure names the file it could not write (the database is untouched).
      const code = (error as { code?: unknown }).code
      if (typeof code !== 'string' || !code.startsWith('E')) throw error
      const reason = error instanceof Error ? error.message : String(error)
      throw new CliError(`无法写入导出文件 ${values.out}（${code}）/ cannot write the export file ${values.out}: ${reason}`, EXIT.FAILURE)
    }
    if (format === 'json') writeJson(summary)
    else writeLine(formatExportSummary(summary))
    return EXIT.OK
  } finally {
    opened.sqlite.close()
  }
}
