// Export (数据导出): every central record back out as interchange JSONL (interchange-v1.md): a header
// line, then the records by type (department, officer, enterprise, item, list_entry, plan, task,
// evaluation, calendar_day) and by id/date, optional fields that are null left out. Deterministic:
// the same database always gives the same bytes, so import → export → import → export is a fixed
// point. Written to a temporary file and renamed, so a failed export never leaves half a file.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { Sqlite } from '../../db/client.ts'
import { iterateRecords } from '../../db/records.ts'
import { appendAudit } from '../audit.ts'
import type { RecordType } from '../contract/records.ts'
import { RECORD_TYPE_NAMES, table } from '../import/formatReport.ts'

export const EXPORT_ORDER: readonly RecordType[] = ['department', 'officer', 'enterprise', 'item', 'list_entry', 'plan', 'task', 'evaluation', 'calendar_day']

/** Who wrote the file, in the header's `source`. */
export const EXPORT_SOURCE = 'jiandu-workstation'

const FLUSH_CHARS = 1 << 20

export const exportSummarySchema = z.object({
  path: z.string(),
  records: z.number().int(),
  counts: z.record(z.string(), z.number().int())
})
export type ExportSummary = z.infer<typeof exportSummarySchema>

/** Drops null-valued properties at any depth (records never hold null inside arrays). */
function withoutNulls(_key: string, value: unknown): unknown {
  return value === null ? undefined : value
}

export type ExportOptions = {
  /**
   * Written into the header when given. Left out by default so that exporting the same data twice
   * gives identical files (the round-trip check compares them byte for byte).
   */
  exportedAt?: string
  /** The acting user: when given, the export is recorded in the audit log (data leaving the workstation). */
  userId?: string
}

export function exportDatabase(sqlite: Sqlite, outPath: string, options: ExportOptions = {}): ExportSummary {
  mkdirSync(dirname(outPath), { recursive: true })
  const tmpPath = `${outPath}.${process.pid}.partial`
  const counts: Record<string, number> = {}
  let records = 0
  const fd = openSync(tmpPath, 'w')
  try {
    let buffer = ''
    const write = (line: string) => {
      buffer += `${line}\n`
      if (buffer.length >= FLUSH_CHARS) {
        writeSync(fd, buffer)
        buffer = ''
      }
    }
    const header: Record<string, string | number> = { type: 'header', format: 'jiandu-interchange', version: 1 }
    if (options.exportedAt !== undefined) header.exported_at = options.exportedAt
    header.source = EXPORT_SOURCE
    write(JSON.stringify(header))
    // One read transaction, so the file is a consistent snapshot even while another connection writes.
    const ownTransaction = !sqlite.inTransaction
    if (ownTransaction) sqlite.exec('BEGIN')
    try {
      for (const type of EXPORT_ORDER) {
        let count = 0
        for (const record of iterateRecords(sqlite, type)) {
          write(JSON.stringify(record, withoutNulls))
          count++
        }
        counts[type] = count
        records += count
      }
    } finally {
      if (ownTransaction) sqlite.exec('COMMIT')
    }
    if (buffer !== '') writeSync(fd, buffer)
    closeSync(fd)
    renameSync(tmpPath, outPath)
    if (options.userId !== undefined) {
      appendAudit(sqlite, { userId: options.userId, action: 'export', entity: 'central_records', entityId: null, detail: { path: outPath, records, counts } })
    }
  } catch (error) {
    try {
      closeSync(fd)
    } catch {
      // already closed
    }
    rmSync(tmpPath, { force: true })
    throw error
  }
  return { path: outPath, records, counts }
}

export function formatExportSummary(summary: ExportSummary): string {
  const lines = [`已导出 ${summary.records.toLocaleString('en-US')} 条记录到 ${summary.path} / exported ${summary.records.toLocaleString('en-US')} records to ${summary.path}`]
  const rows = EXPORT_ORDER.map((type) => [`${RECORD_TYPE_NAMES[type]} ${type}`, (summary.counts[type] ?? 0).toLocaleString('en-US')])
  lines.push('', ...table(['记录类型 type', '条数 records'], rows))
  return lines.join('\n')
}
