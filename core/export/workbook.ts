// An exported list as an Excel workbook (exceljs): one sheet of rows under a bold, frozen, filterable
// header, and a second sheet saying what was exported (filter in words, source, who, when), so a file
// that is printed or forwarded says where it came from. The lists' own modules say which columns.
import ExcelJS from 'exceljs'
import { appendAudit } from '../audit.ts'
import type { Sqlite } from '../../db/client.ts'
import { findUser } from '../users.ts'

/** One column: its header, width (characters), the cell of each row, and whether long text wraps. */
export type SheetColumn<Row> = { header: string; width: number; value: (row: Row, index: number) => string | number; wrap?: boolean }

/** The notes sheet's label and value lines. */
export type ExportNotes = readonly (readonly [label: string, value: string])[]

export const NOTES_SHEET = '导出说明'

/** The workbook's bytes (.xlsx). */
export async function listWorkbook<Row>(sheetName: string, columns: readonly SheetColumn<Row>[], rows: readonly Row[], notes: ExportNotes): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '监督工作台'
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }))
  rows.forEach((r, i) => sheet.addRow(columns.map((c) => c.value(r, i))))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } }
  header.alignment = { vertical: 'middle' }
  columns.forEach((c, k) => {
    if (c.wrap) sheet.getColumn(k + 1).alignment = { wrapText: true, vertical: 'top' }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }

  const about = book.addWorksheet(NOTES_SHEET)
  about.columns = [{ width: 16 }, { width: 80 }]
  for (const [name, value] of notes) about.addRow([name, value])
  about.getColumn(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** A code's Chinese name, or the code itself when it has none. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code]! : code
}

/** 'YYYY-MM-DD HH:mm' of a moment in Shanghai time (UTC+8 all year: China keeps no summer time). */
export function shanghaiClock(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

/** An export's file name: `<what>_YYYYMMDD-HHmm.xlsx` in Shanghai time. */
export function exportFileName(what: string, at: Date): string {
  return `${what}_${shanghaiClock(at).replaceAll('-', '').replace(' ', '-').replace(':', '')}.xlsx`
}

/** The "导出条数" note: all of them, or the first `exported` of `total` with what to do about the rest. */
export function countNote(exported: number, total: number, max: number): string {
  return exported < total ? `${exported} 条（共 ${total} 条，单个文件最多 ${max} 条，请缩小筛选范围后分批导出）` : `${total} 条`
}

/** An exported list: the file's name and bytes, and how many of how many rows went in. */
export type ListExport = { fileName: string; bytes: Buffer; exported: number; total: number }

/** What a list's export module hands over: its rows (at most `max` of `total`), columns and notes. */
export type ListExportSpec<Row> = {
  /** The list's name: the rows sheet, the file name and the 导出内容 note ("问题线索"). */
  what: string
  /** The audit entry's entity ("flags"): the action is `<entity>.export`. */
  entity: string
  filter: unknown
  filterText: string
  order: string
  columns: readonly SheetColumn<Row>[]
  rows: readonly Row[]
  total: number
  max: number
  /** Notes of this list between the order and who exported it (the analysis behind the flags). */
  moreNotes?: ExportNotes
}

/**
 * The steps every list export shares: the notes (what, filter, how many, order, the list's own, who,
 * when), the workbook, and the audit entry — a file with enterprises' names leaves the workstation.
 */
export async function exportList<Row>(sqlite: Sqlite, spec: ListExportSpec<Row>, by: { userId: string; at: Date }): Promise<ListExport> {
  const exported = spec.rows.length
  const notes: ExportNotes = [
    ['导出内容', spec.what],
    ['筛选条件', spec.filterText],
    ['导出条数', countNote(exported, spec.total, spec.max)],
    ['排列顺序', spec.order],
    ...(spec.moreNotes ?? []),
    ['导出人', findUser(sqlite, by.userId)?.name ?? by.userId],
    ['导出时间', shanghaiClock(by.at)]
  ]
  const bytes = await listWorkbook(spec.what, spec.columns, spec.rows, notes)
  appendAudit(sqlite, { userId: by.userId, action: `${spec.entity}.export`, entity: spec.entity, detail: { filter: spec.filter, exported, total: spec.total }, at: by.at.toISOString() })
  return { fileName: exportFileName(spec.what, by.at), bytes, exported, total: spec.total }
}
