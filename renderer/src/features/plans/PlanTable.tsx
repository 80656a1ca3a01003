// The plans list: one plan per row, a click (or Enter, Space) opens its detail. The scrolling window,
// page fetching and placeholders are VirtualTable's.
import type { ReactNode } from 'react'
import type { PlanRow } from '../../../../core/api/channels.ts'
import { VirtualTable } from '../../components/VirtualTable.tsx'
import { formatCount, formatWindow, formatWindowShort } from '../../lib/format.ts'
import { DOMAIN_NAMES, labelOf, PLAN_TYPE_SHORT } from '../../lib/labels.ts'
import type { PageCache } from '../../lib/pageCache.ts'
import { PlanStatusTag } from './PlanStatusTag.tsx'
import type { StatusCounts } from './usePlanWindow.ts'

export const PLAN_ROW_HEIGHT = 44

type Column = { key: string; title: string; width: string; align?: 'right' | 'center'; render: (row: PlanRow) => ReactNode }

const COLUMNS: Column[] = [
  { key: 'code', title: '计划编码', width: '150px', render: (r) => r.planCode ? <span className="mono" title={r.planCode}>{r.planCode}</span> : <span className="muted">未赋码</span> },
  { key: 'title', title: '计划名称', width: 'minmax(260px, 1fr)', render: (r) => <span className="plan-title" title={r.title}>{r.title}</span> },
  { key: 'department', title: '牵头部门', width: '184px', render: (r) => <span className="ellipsis" title={r.departmentName ?? r.departmentId}>{r.departmentName ?? r.departmentId}</span> },
  { key: 'domain', title: '执法领域', width: '76px', render: (r) => labelOf(DOMAIN_NAMES, r.domain) },
  { key: 'type', title: '类型', width: '52px', render: (r) => labelOf(PLAN_TYPE_SHORT, r.planType) },
  { key: 'window', title: '实施期间', width: '156px', render: (r) => <span className="tabular" title={formatWindow(r.windowFrom, r.windowTo)}>{formatWindowShort(r.windowFrom, r.windowTo)}</span> },
  { key: 'status', title: '状态', width: '72px', render: (r) => <PlanStatusTag status={r.status} /> },
  { key: 'targets', title: '检查对象', width: '80px', align: 'right', render: (r) => (r.targetCount ? formatCount(r.targetCount) : <span className="muted" title="按检查对象范围抽取">按范围</span>) },
  { key: 'tasks', title: '检查任务', width: '80px', align: 'right', render: (r) => formatCount(r.taskCount) }
]

const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ')

function cellClass(c: Column): string {
  return `plan-cell plan-cell-${c.key}${c.align ? ` align-${c.align}` : ''}`
}

export function PlanTable(props: { cache: PageCache<PlanRow, StatusCounts>; selectedId: string | null; onOpen: (row: PlanRow) => void; emptyText: string }) {
  const { selectedId, onOpen } = props
  return (
    <VirtualTable
      cache={props.cache}
      prefix="plan"
      ariaLabel="检查计划列表"
      gridTemplate={GRID_TEMPLATE}
      rowHeight={PLAN_ROW_HEIGHT}
      overscan={12}
      headCells={COLUMNS.map((c) => (
        <div key={c.key} role="columnheader" className={cellClass(c)}>{c.title}</div>
      ))}
      placeholderCells={COLUMNS.map((c) => <div key={c.key} className={cellClass(c)}><span className="placeholder-bar" /></div>)}
      row={(row) => ({
        states: [row.id === selectedId && 'is-selected'],
        attributes: {
          'aria-selected': row.id === selectedId,
          'data-plan-id': row.id,
          onClick: () => onOpen(row),
          onKeyDown: (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault()
              onOpen(row)
            }
          }
        },
        cells: COLUMNS.map((c) => <div key={c.key} role="cell" className={cellClass(c)}>{c.render(row)}</div>)
      })}
      loadingText="正在读取检查计划…"
      emptyText={props.emptyText}
      unit="项"
      orderNote="按年度、实施期间由近及远排列"
    />
  )
}
