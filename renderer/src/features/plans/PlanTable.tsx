// The virtualised plans table: only the rows on screen (plus a few) exist in the DOM, and only their
// pages are fetched, so 100,000 plans scroll like 100. Rows not loaded yet show a placeholder bar.
import { useVirtualizer } from '@tanstack/react-virtual'
import { Empty, Spin } from 'antd'
import { useEffect, useRef, type ReactNode } from 'react'
import type { PlanRow } from '../../../../core/api/channels.ts'
import { formatCount, formatWindow, formatWindowShort } from '../../lib/format.ts'
import { DOMAIN_NAMES, labelOf, PLAN_TYPE_SHORT } from '../../lib/labels.ts'
import type { PageCache } from './pageCache.ts'
import { PlanStatusTag } from './PlanStatusTag.tsx'
import type { StatusCounts } from './usePlanWindow.ts'

export const PLAN_ROW_HEIGHT = 44
/** Waits for the scrolling to settle before fetching, so a fast fling does not request every page it passes. */
const FETCH_DELAY_MS = 60

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
  const { cache, selectedId, onOpen } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = cache.total ?? 0
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PLAN_ROW_HEIGHT,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const range = virtualizer.range
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    const timer = window.setTimeout(() => cache.ensureRange(first, last), FETCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [cache, first, last, count])

  // A new filter is a new list: start it from the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [cache])

  return (
    <div className="plan-table" role="table" aria-label="检查计划列表" aria-rowcount={count + 1} style={{ ['--plan-grid' as string]: GRID_TEMPLATE }}>
      <div className="plan-scroll" ref={scrollRef} data-testid="plan-scroll">
        <div className="plan-row plan-head" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" className={cellClass(c)}>{c.title}</div>
          ))}
        </div>
        {cache.isLoadingFirstPage ? (
          <div className="plan-table-state"><Spin /> <span>正在读取检查计划…</span></div>
        ) : count === 0 ? (
          <div className="plan-table-state"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /></div>
        ) : (
          <div className="plan-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = cache.rowAt(item.index)
              const style = { transform: `translateY(${item.start}px)`, height: PLAN_ROW_HEIGHT }
              if (!row) {
                return (
                  <div key={item.key} className="plan-row plan-row-loading" role="row" aria-rowindex={item.index + 2} aria-busy="true" style={style}>
                    {COLUMNS.map((c) => <div key={c.key} className={cellClass(c)}><span className="placeholder-bar" /></div>)}
                  </div>
                )
              }
              return (
                <div
                  key={item.key}
                  className={`plan-row plan-data-row${row.id === selectedId ? ' is-selected' : ''}${item.index % 2 ? ' is-odd' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={row.id === selectedId}
                  data-plan-id={row.id}
                  tabIndex={0}
                  style={style}
                  onClick={() => onOpen(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault()
                      onOpen(row)
                    }
                  }}
                >
                  {COLUMNS.map((c) => <div key={c.key} role="cell" className={cellClass(c)}>{c.render(row)}</div>)}
                </div>
              )
            })}
          </div>
        )}
      </div>
      <div className="plan-footer" data-testid="plan-footer">
        {count > 0 && range ? (
          <span>
            共 {formatCount(count)} 项，当前显示第 {formatCount(range.startIndex + 1)}–{formatCount(Math.min(count, range.endIndex + 1))} 项
          </span>
        ) : <span />}
        <span className="muted">按年度、实施期间由近及远排列</span>
      </div>
    </div>
  )
}
