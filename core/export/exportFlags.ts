// 导出问题线索: the flags of an inbox filter as an Excel workbook (workbook.ts exportList), with the
// analysis the flags come from among the notes.
import type { Sqlite } from '../../db/client.ts'
import { lastAnalysisRun } from '../analysis/runAnalysis.ts'
import { FLAG_STATUS_LABELS, SEVERITY_LABELS } from '../contract/flagLabels.ts'
import { activeRulePack } from '../rules/ruleSettings.ts'
import { ruleTitle } from '../rules/active.ts'
import type { RulePack } from '../rules/pack.ts'
import { listUsers } from '../users.ts'
import { listFlags, type FlagFilter } from '../flags/queries.ts'
import { exportList, labelOf, shanghaiClock, type ListExport, type SheetColumn } from './workbook.ts'

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

const COLUMNS: SheetColumn<ExportedFlag>[] = [
  { header: '序号', width: 7, value: (_, i) => i + 1 },
  { header: '严重程度', width: 10, value: (f) => labelOf(SEVERITY_LABELS, f.severity) },
  { header: '问题类型', width: 30, value: (f) => f.ruleName, wrap: true },
  { header: '企业名称', width: 28, value: (f) => f.enterpriseName ?? (f.enterpriseId ? '（检查对象库中无此企业）' : '（不涉及具体企业）'), wrap: true },
  { header: '统一社会信用代码', width: 21, value: (f) => f.enterpriseId ?? '' },
  { header: '执法部门', width: 24, value: (f) => f.departmentName ?? '', wrap: true },
  { header: '发生日期', width: 12, value: (f) => f.eventDate ?? '' },
  { header: '处理状态', width: 10, value: (f) => labelOf(FLAG_STATUS_LABELS, f.status) },
  { header: '处理人', width: 10, value: (f) => f.decidedByName ?? '' },
  { header: '处理时间', width: 17, value: (f) => (f.decidedAt ? shanghaiClock(new Date(f.decidedAt)) : '') },
  { header: '处理理由', width: 30, value: (f) => f.decisionReason ?? '', wrap: true },
  { header: '问题描述及依据', width: 80, value: (f) => f.message, wrap: true },
  { header: '检查任务', width: 22, value: (f) => f.taskIds.join('、'), wrap: true },
  { header: '检查计划', width: 16, value: (f) => f.planIds.join('、'), wrap: true },
  { header: '线索编号', width: 36, value: (f) => f.flagKey }
]

export const FLAGS_SHEET = '问题线索'
export const FLAG_COLUMN_HEADERS = COLUMNS.map((c) => c.header)

/** The most flags one workbook holds: a filter matching more exports the first ones and says so. */
export const EXPORT_MAX_FLAGS = 100_000

/** The filter in an officer's words, one part per condition; "全部问题线索" when there is none. */
export function describeFlagFilter(sqlite: Sqlite, pack: RulePack, filter: FlagFilter): string {
  const name = (table: 'departments' | 'enterprises', id: string) =>
    (sqlite.prepare(`SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? id
  const parts: string[] = []
  if (filter.rule) parts.push(`问题类型：${ruleTitle(pack, filter.rule)}`)
  if (filter.severity) parts.push(`严重程度：${labelOf(SEVERITY_LABELS, filter.severity)}`)
  if (filter.status) parts.push(`处理状态：${labelOf(FLAG_STATUS_LABELS, filter.status)}`)
  if (filter.departmentId) parts.push(`执法部门：${name('departments', filter.departmentId)}`)
  if (filter.enterpriseId) parts.push(`企业：${name('enterprises', filter.enterpriseId)}（${filter.enterpriseId}）`)
  if (filter.dateFrom || filter.dateTo) parts.push(`发生日期：${filter.dateFrom ?? '不限'} 至 ${filter.dateTo ?? '不限'}`)
  if (filter.text) parts.push(`关键词：${filter.text}`)
  return parts.length > 0 ? parts.join('；') : '全部问题线索'
}

export function exportFlags(
  sqlite: Sqlite, filter: FlagFilter, by: { userId: string; at: Date }, maxFlags: number = EXPORT_MAX_FLAGS
): Promise<ListExport> {
  const pack = activeRulePack(sqlite)
  const { total, rows } = listFlags(sqlite, filter, 0, maxFlags)
  const names = new Map(listUsers(sqlite).map((u) => [u.id, u.name]))
  const flags: ExportedFlag[] = rows.map((r) => ({
    ...r, ruleName: ruleTitle(pack, r.rule), decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? r.decidedBy) : null
  }))
  const run = lastAnalysisRun(sqlite)
  return exportList(sqlite, {
    what: FLAGS_SHEET, entity: 'flags', filter, filterText: describeFlagFilter(sqlite, pack, filter), order: '按严重程度、发生日期由近及远',
    columns: COLUMNS, rows: flags, total, max: maxFlags,
    moreNotes: [
      ['分析基准日', run?.asOf ?? '尚未分析'],
      ['规则包', run ? `${run.rulePack} ${run.rulePackVersion ?? ''}`.trim() : '—'],
      ['分析完成时间', run?.finishedAt ? shanghaiClock(new Date(run.finishedAt)) : '—']
    ]
  }, by)
}
