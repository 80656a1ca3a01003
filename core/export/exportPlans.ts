// 导出检查计划: the plans of the plans list's filter as an Excel workbook in the list's order
// (workbook.ts exportList writes, notes and audits it).
import type { Sqlite } from '../../db/client.ts'
import { countPlans, listPlanPage, type PlanListFilter, type PlanListRow } from '../../db/queries/plans.ts'
import { PLAN_ORIGIN_LABELS, PLAN_STATUS_LABELS, PLAN_TYPE_LABELS } from '../contract/planLabels.ts'
import { DOMAIN_NAMES } from '../contract/scalars.ts'
import { exportList, labelOf, shanghaiClock, type ListExport, type SheetColumn } from './workbook.ts'

/** The most plans one workbook holds. */
export const EXPORT_MAX_PLANS = 100_000

export const PLANS_SHEET = '检查计划'

const COLUMNS: SheetColumn<PlanListRow>[] = [
  { header: '序号', width: 7, value: (_, i) => i + 1 },
  { header: '计划编码', width: 20, value: (p) => p.planCode ?? '未赋码' },
  { header: '计划名称', width: 44, value: (p) => p.title, wrap: true },
  { header: '牵头部门', width: 28, value: (p) => p.departmentName ?? p.departmentId, wrap: true },
  { header: '执法领域', width: 10, value: (p) => (p.domain ? labelOf(DOMAIN_NAMES, p.domain) : '') },
  { header: '计划类型', width: 10, value: (p) => labelOf(PLAN_TYPE_LABELS, p.planType) },
  { header: '计划来源', width: 11, value: (p) => labelOf(PLAN_ORIGIN_LABELS, p.origin) },
  { header: '年度', width: 7, value: (p) => p.year },
  { header: '实施期间起', width: 12, value: (p) => p.windowFrom },
  { header: '实施期间止', width: 12, value: (p) => p.windowTo },
  { header: '状态', width: 8, value: (p) => labelOf(PLAN_STATUS_LABELS, p.status) },
  { header: '提交时间', width: 17, value: (p) => (p.submittedAt ? shanghaiClock(new Date(p.submittedAt)) : '') },
  { header: '列明检查对象', width: 13, value: (p) => (p.targetCount > 0 ? p.targetCount : '按范围') },
  { header: '已实施检查任务', width: 15, value: (p) => p.taskCount },
  { header: '计划编号', width: 14, value: (p) => p.id }
]
export const PLAN_COLUMN_HEADERS = COLUMNS.map((c) => c.header)

/** The filter in an officer's words; "全部检查计划" when there is none. */
export function describePlanFilter(sqlite: Sqlite, filter: PlanListFilter): string {
  const parts: string[] = []
  if (filter.departmentId) {
    const name = sqlite.prepare('SELECT name FROM departments WHERE id = ?').pluck().get(filter.departmentId) as string | undefined
    parts.push(`牵头部门：${name ?? filter.departmentId}`)
  }
  if (filter.domain) parts.push(`执法领域：${labelOf(DOMAIN_NAMES, filter.domain)}`)
  if (filter.planType) parts.push(`计划类型：${labelOf(PLAN_TYPE_LABELS, filter.planType)}`)
  if (filter.status) parts.push(`状态：${labelOf(PLAN_STATUS_LABELS, filter.status)}`)
  if (filter.year !== undefined) parts.push(`年度：${filter.year}`)
  if (filter.text) parts.push(`关键词：${filter.text}`)
  return parts.length > 0 ? parts.join('；') : '全部检查计划'
}

export function exportPlans(
  sqlite: Sqlite, filter: PlanListFilter, by: { userId: string; at: Date }, maxPlans: number = EXPORT_MAX_PLANS
): Promise<ListExport> {
  return exportList(sqlite, {
    what: PLANS_SHEET, entity: 'plans', filter, filterText: describePlanFilter(sqlite, filter), order: '按年度、实施期间由近及远',
    columns: COLUMNS, rows: listPlanPage(sqlite, filter, 0, maxPlans), total: countPlans(sqlite, filter), max: maxPlans
  }, by)
}
