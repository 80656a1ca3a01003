// `jiandu import <file>… --db <path> [--format json]` (cli-v1.md): imports interchange JSONL files,
// creating and migrating the database if needed. Exit 0: all imported; 3: finished but some lines
// were rejected (all valid records imported); 2: usage error or an input that could not be read at
// all (nothing changed); 1: any other failure.
import { existsSync } from 'node:fs'
import { DatabaseFromFutureError, openDatabase, removeDatabaseFiles, type OpenedDb } from '../../db/client.ts'
import { defaultSignedInUser } from '../../core/users.ts'
import { ImportInputError } from '../../core/import/errors.ts'
import { formatImportReport } from '../../core/import/formatReport.ts'
import { checkInputFiles, importFiles, type ImportProgress } from '../../core/import/importFiles.ts'
import { CliError, databaseBusyMessage, EXIT, isDatabaseBusy, parseOptions, usageError, writeJson, writeLine, databasePath } from '../io.ts'

const USAGE = '用法 / usage: jiandu import <file>… --db <path> [--format json]'

function progressPrinter(): ((p: ImportProgress) => void) | undefined {
  // Progress only for a person watching a terminal; pipes and tests get a clean stderr.
  if (!process.stderr.isTTY) return undefined
  return (p) => {
    const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 100
    process.stderr.write(`\r导入中 / importing ${p.fileIndex + 1}/${p.fileCount} ${percent}%  ${p.line.toLocaleString('en-US')} 行 / lines   `)
  }
}

/** Opens (creating and migrating) the database named by --db, with CLI-shaped errors. Also used by `export`. */
export function openCliDatabase(path: string): OpenedDb {
  try {
    return openDatabase(path)
  } catch (error) {
    if (error instanceof DatabaseFromFutureError) throw new CliError(error.message, EXIT.FAILURE)
    const code = (error as { code?: unknown }).code
    const reason = error instanceof Error ? error.message : String(error)
    if (code === 'SQLITE_NOTADB') {
      throw new CliError(`无法打开数据库 ${path}（不是监督工作台的数据库文件）/ cannot open database ${path}: ${reason}`, EXIT.USAGE)
    }
    if (code === 'SQLITE_CANTOPEN') {
      throw new CliError(`无法打开数据库 ${path}（路径是文件夹，或所在位置无法创建文件）/ cannot open database ${path}: a folder, or no file can be created there (${reason})`, EXIT.USAGE)
    }
    if (isDatabaseBusy(error)) throw new CliError(databaseBusyMessage(path), EXIT.FAILURE)
    throw new CliError(`无法打开数据库 ${path} / cannot open database ${path}: ${reason}`, EXIT.FAILURE)
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, format: { type: 'string' } }, true)
  if (positionals.length === 0) throw usageError(`缺少要导入的文件 / no file to import (${USAGE})`)
  const format = values.format ?? 'table'
  if (format !== 'json' && format !== 'table') throw usageError(`参数 --format 只能是 json 或 table / --format must be json or table (got "${format}")`)
  const dbPath = databasePath(values.db)

  const created = !existsSync(dbPath)
  try {
    // Before the database is created or opened: an unreadable input changes nothing.
    checkInputFiles(positionals)
    const opened = openCliDatabase(dbPath)
    try {
      const user = defaultSignedInUser(opened.sqlite)
      const onProgress = progressPrinter()
      const report = await importFiles(opened, positionals, { userId: user.id, onProgress })
      if (onProgress) process.stderr.write('\n')
      if (format === 'json') writeJson(report)
      else writeLine(formatImportReport(report))
      return report.totals.rejected > 0 ? EXIT.REJECTED : EXIT.OK
    } finally {
      opened.sqlite.close()
    }
  } catch (error) {
    if (error instanceof ImportInputError) {
      // Found only while reading (a header past the up-front probe, say), nothing was imported: a
      // database this command created for the import is removed again, so that nothing changed at all.
      if (created) removeDatabaseFiles(dbPath)
      throw new CliError(error.message, EXIT.USAGE)
    }
    throw error
  }
}
