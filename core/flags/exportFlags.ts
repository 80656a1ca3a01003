// 导出问题线索: the flags of an inbox filter as an Excel workbook, with a sheet saying what was exported
// (the filter in words, the analysis the flags come from, who exported them and when). The export is
// recorded in the audit log: flags name enterprises, and a file leaves the workstation.
import { appendAudit } from '../audit.ts'
import type { Sqlite } from '../../db/client.ts'
import { lastAnalysisRun } from '../analysis/runAnalysis.ts'
import { FLAG_STATUS_LABELS, SEVERITY_LABELS } from '../contract/flagLabels.ts'
import { flagsWorkbook, type ExportNotes, type ExportedFlag } from '../export/flagsWorkbook.ts'
import { activeRulePack } from '../rules/ruleSettings.ts'
import { ruleTitle } from '../rules/active.ts'
import { listUsers } from '../users.ts'
import { listFlags, type FlagFilter } from './queries.ts'

/** The most flags one workbook holds: a filter matching more exports the first ones and says so. */
export const EXPORT_MAX_FLAGS = 100_000

export type FlagsExport = { fileName: string; bytes: Buffer; exported: number; total: number }

const label = (labels: Record<string, string>, code: string): string => (Object.hasOwn(labels, code) ? labels[code]! : code)

/** The filter in an officer's words, one part per condition; "全部问题线索" when there is none. */
export function describeFlagFilter(sqlite: Sqlite, filter: FlagFilter): string {
  const pack = activeRulePack(sqlite)
  const name = (table: 'departments' | 'enterprises', id: string) =>
    (sqlite.prepare(`SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? id
  const parts: string[] = []
  if (filter.rule) parts.push(`问题类型：${ruleTitle(pack, filter.rule)}`)
  if (filter.severity) parts.push(`严重程度：${label(SEVERITY_LABELS, filter.severity)}`)
  if (filter.status) parts.push(`处理状态：${label(FLAG_STATUS_LABELS, filter.status)}`)
  if (filter.departmentId) parts.push(`执法部门：${name('departments', filter.departmentId)}`)
  if (filter.enterpriseId) parts.push(`企业：${name('enterprises', filter.enterpriseId)}（${filter.enterpriseId}）`)
  if (filter.dateFrom || filter.dateTo) parts.push(`发生日期：${filter.dateFrom ?? '不限'} 至 ${filter.dateTo ?? '不限'}`)
  if (filter.text) parts.push(`关键词：${filter.text}`)
  return parts.length > 0 ? parts.join('；') : '全部问题线索'
}

/** 'YYYY-MM-DD HH:mm' of a moment in Shanghai time (UTC+8 all year: China keeps no summer time). */
export function shanghaiClock(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

/** YYYYMMDD-HHmm in Shanghai time, for the file's name. */
function stamp(at: Date): string {
  return shanghaiClock(at).replaceAll('-', '').replace(' ', '-').replace(':', '')
}

export async function exportFlags(
  sqlite: Sqlite, filter: FlagFilter, by: { userId: string; at: Date }, maxFlags: number = EXPORT_MAX_FLAGS
): Promise<FlagsExport> {
  const pack = activeRulePack(sqlite)
  const { total, rows } = listFlags(sqlite, filter, 0, maxFlags)
  const names = new Map(listUsers(sqlite).map((u) => [u.id, u.name]))
  const flags: ExportedFlag[] = rows.map((r) => ({
    ...r, ruleName: ruleTitle(pack, r.rule), decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? r.decidedBy) : null
  }))
  const run = lastAnalysisRun(sqlite)
  const notes: ExportNotes = [
    ['导出内容', '问题线索'],
    ['筛选条件', describeFlagFilter(sqlite, filter)],
    ['导出条数', flags.length < total ? `${flags.length} 条（共 ${total} 条，单个文件最多 ${maxFlags} 条，请缩小筛选范围后分批导出）` : `${total} 条`],
    ['排列顺序', '按严重程度、发生日期由近及远'],
    ['分析基准日', run?.asOf ?? '尚未分析'],
    ['规则包', run ? `${run.rulePack} ${run.rulePackVersion ?? ''}`.trim() : '—'],
    ['分析完成时间', run?.finishedAt ? shanghaiClock(new Date(run.finishedAt)) : '—'],
    ['导出人', names.get(by.userId) ?? by.userId],
    ['导出时间', shanghaiClock(by.at)]
  ]
  const bytes = await flagsWorkbook(flags, notes)
  appendAudit(sqlite, { userId: by.userId, action: 'flags.export', entity: 'flags', detail: { filter, exported: flags.length, total }, at: by.at.toISOString() })
  return { fileName: `问题线索_${stamp(by.at)}.xlsx`, bytes, exported: flags.length, total }
}
