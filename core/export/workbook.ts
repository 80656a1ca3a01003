// An exported list as an Excel workbook (exceljs): one sheet of rows under a bold, frozen, filterable
// header, and a second sheet saying what was exported (filter in words, source, who, when), so a file
// that is printed or forwarded says where it came from. The lists' own modules say which columns.
import ExcelJS from 'exceljs'

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
