// The flags list as an Excel workbook (问题线索导出): what an officer sends to a department or files with
// a report — the flags of the inbox's current filter, in the inbox's order, with their decisions. One
// sheet of flags and one of what was exported (filter, analysis, time), so a printed or forwarded file
// says where it came from. exceljs writes the file; the caller decides where it goes.
import ExcelJS from 'exceljs'
import { FLAG_STATUS_LABELS, SEVERITY_LABELS } from '../contract/flagLabels.ts'

/** One flag as exported: the inbox's row of it, with the rule's name. */
export type ExportedFlag = {
  flagKey: string
  ruleName: string
  severity: string
  enterpriseName: string | null
  enterpriseId: string | null
  departmentName: string | null
  eventDate: string | null
  status: keyof typeof FLAG_STATUS_LABELS
  decisionReason: string | null
  decidedByName: string | null
  decidedAt: string | null
  message: string
  taskIds: readonly string[]
  planIds: readonly string[]
}

/** The sheet "导出说明": label and value lines. */
export type ExportNotes = readonly (readonly [label: string, value: string])[]

type Column = { header: string; width: number; value: (f: ExportedFlag, index: number) => string | number; wrap?: boolean }

const label = (labels: Record<string, string>, code: string): string => (Object.hasOwn(labels, code) ? labels[code]! : code)

const COLUMNS: Column[] = [
  { header: '序号', width: 7, value: (_, i) => i + 1 },
  { header: '严重程度', width: 10, value: (f) => label(SEVERITY_LABELS, f.severity) },
  { header: '问题类型', width: 30, value: (f) => f.ruleName, wrap: true },
  { header: '企业名称', width: 28, value: (f) => f.enterpriseName ?? (f.enterpriseId ? '（检查对象库中无此企业）' : '（不涉及具体企业）'), wrap: true },
  { header: '统一社会信用代码', width: 21, value: (f) => f.enterpriseId ?? '' },
  { header: '执法部门', width: 24, value: (f) => f.departmentName ?? '', wrap: true },
  { header: '发生日期', width: 12, value: (f) => f.eventDate ?? '' },
  { header: '处理状态', width: 10, value: (f) => label(FLAG_STATUS_LABELS, f.status) },
  { header: '处理人', width: 10, value: (f) => f.decidedByName ?? '' },
  { header: '处理时间', width: 17, value: (f) => f.decidedAt ?? '' },
  { header: '处理理由', width: 30, value: (f) => f.decisionReason ?? '', wrap: true },
  { header: '问题描述及依据', width: 80, value: (f) => f.message, wrap: true },
  { header: '检查任务', width: 22, value: (f) => f.taskIds.join('、'), wrap: true },
  { header: '检查计划', width: 16, value: (f) => f.planIds.join('、'), wrap: true },
  { header: '线索编号', width: 36, value: (f) => f.flagKey }
]

export const FLAGS_SHEET = '问题线索'
export const NOTES_SHEET = '导出说明'
export const FLAG_COLUMN_HEADERS = COLUMNS.map((c) => c.header)

/** The workbook's bytes (.xlsx). */
export async function flagsWorkbook(flags: readonly ExportedFlag[], notes: ExportNotes): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '监督工作台'
  const sheet = book.addWorksheet(FLAGS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  flags.forEach((f, i) => sheet.addRow(COLUMNS.map((c) => c.value(f, i))))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } }
  header.alignment = { vertical: 'middle' }
  COLUMNS.forEach((c, k) => {
    if (c.wrap) sheet.getColumn(k + 1).alignment = { wrapText: true, vertical: 'top' }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }

  const about = book.addWorksheet(NOTES_SHEET)
  about.columns = [{ width: 16 }, { width: 80 }]
  for (const [name, value] of notes) about.addRow([name, value])
  about.getColumn(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}
