// The virtualised flags list: only the rows on screen (plus a few) exist in the DOM and only their
// pages are fetched, so 100,000 flags scroll like 100. Each row has a checkbox for bulk decisions; a
// click elsewhere on the row opens the flag's evidence.
import { useVirtualizer } from '@tanstack/react-virtual'
import { Checkbox, Empty, Spin, Tooltip } from 'antd'
import { useEffect, useRef, type ReactNode } from 'react'
import type { FlagRowView } from '../../../../core/api/channels.ts'
import { formatCount } from '../../lib/format.ts'
import type { PageCache } from '../plans/pageCache.ts'
import { coverage, MAX_BULK, type Selection } from './flagSelection.ts'
import { FlagStatusTag, SeverityTag } from './FlagTags.tsx'

export const FLAG_ROW_HEIGHT = 58
/** Waits for the scrolling to settle before fetching, so a fast fling does not request every page it passes. */
const FETCH_DELAY_MS = 60

type Column = { key: string; title: string; width: string; render: (row: FlagRowView) => ReactNode }

const COLUMNS: Column[] = [
  { key: 'severity', title: '严重程度', width: '90px', render: (r) => <SeverityTag severity={r.severity} /> },
  {
    key: 'main', title: '问题线索', width: 'minmax(280px, 1fr)',
    render: (r) => (
      <div className="flag-main">
        <div className="flag-rule" title={r.ruleName}>{r.ruleName}</div>
        <div className="flag-message" title={r.message}>{r.message}</div>
      </div>
    )
  },
  {
    key: 'subject', title: '企业 / 执法部门', width: '236px',
    render: (r) => (
      <div className="flag-main">
        <div className="flag-subject" title={`${r.enterpriseName ?? ''} ${r.enterpriseId ?? ''}`.trim() || undefined}>
          {r.enterpriseName ?? r.enterpriseId ?? <span className="muted">不涉及具体企业</span>}
        </div>
        <div className="flag-message" title={r.departmentName ?? r.departmentId ?? ''}>{r.departmentName ?? r.departmentId ?? '—'}</div>
      </div>
    )
  },
  { key: 'date', title: '发生日期', width: '94px', render: (r) => <span className="tabular">{r.eventDate ?? '—'}</span> },
  { key: 'status', title: '状态', width: '76px', render: (r) => <FlagStatusTag status={r.status} /> }
]

const GRID_TEMPLATE = ['44px', ...COLUMNS.map((c) => c.width)].join(' ')

export type FlagTableProps = {
  cache: PageCache<FlagRowView>
  /** Local decisions not yet reflected in the cached pages (the list is not reloaded after each decision). */
  patch: (row: FlagRowView) => FlagRowView
  openKey: string | null
  onOpen: (row: FlagRowView) => void
  selection: Selection
  onToggle: (row: FlagRowView) => void
  onToggleLoaded: (rows: FlagRowView[], select: boolean) => void
  emptyText: ReactNode
}

/** The rows the cache holds right now, in order (the header checkbox acts on these). */
function loadedRows(cache: PageCache<FlagRowView>, count: number): FlagRowView[] {
  const rows: FlagRowView[] = []
  for (let i = 0; i < count && rows.length < MAX_BULK; i++) {
    const row = cache.rowAt(i)
    if (row) rows.push(row)
  }
  return rows
}

export function FlagTable(props: FlagTableProps) {
  const { cache, openKey, onOpen, selection, onToggle, patch } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = cache.total ?? 0
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => FLAG_ROW_HEIGHT,
    overscan: 10
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

  const loaded = count > 0 ? loadedRows(cache, Math.min(count, MAX_BULK)) : []
  const headState = coverage(selection, loaded)

  return (
    <div className="flag-table" role="table" aria-label="问题线索列表" aria-rowcount={count + 1} style={{ ['--flag-grid' as string]: GRID_TEMPLATE }}>
      <div className="flag-scroll" ref={scrollRef} data-testid="flag-scroll">
        <div className="flag-row flag-head" role="row" aria-rowindex={1}>
          <div className="flag-cell flag-cell-check" role="columnheader">
            <Tooltip title={loaded.length < count ? `选择已读取的 ${formatCount(loaded.length)} 条（共 ${formatCount(count)} 条，一次最多处理 ${formatCount(MAX_BULK)} 条）` : `选择全部 ${formatCount(count)} 条`}>
              <Checkbox
                aria-label="选择已读取的问题线索"
                checked={headState === 'all'}
                indeterminate={headState === 'some'}
                disabled={loaded.length === 0}
                onChange={(e) => props.onToggleLoaded(loaded, e.target.checked)}
              />
            </Tooltip>
          </div>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" className={`flag-cell flag-cell-${c.key}`}>{c.title}</div>
          ))}
        </div>
        {cache.isLoadingFirstPage ? (
          <div className="flag-table-state"><Spin /> <span>正在读取问题线索…</span></div>
        ) : count === 0 ? (
          <div className="flag-table-state"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /></div>
        ) : (
          <div className="flag-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const cached = cache.rowAt(item.index)
              const style = { transform: `translateY(${item.start}px)`, height: FLAG_ROW_HEIGHT }
              if (!cached) {
                return (
                  <div key={item.key} className="flag-row flag-row-loading" role="row" aria-rowindex={item.index + 2} aria-busy="true" style={style}>
                    <div className="flag-cell flag-cell-check" />
                    {COLUMNS.map((c) => <div key={c.key} className={`flag-cell flag-cell-${c.key}`}><span className="placeholder-bar" /></div>)}
                  </div>
                )
              }
              const row = patch(cached)
              const selected = selection.has(row.flagKey)
              return (
                <div
                  key={item.key}
                  className={`flag-row flag-data-row${row.flagKey === openKey ? ' is-open' : ''}${selected ? ' is-checked' : ''}${item.index % 2 ? ' is-odd' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  data-flag-key={row.flagKey}
                  data-rule={row.rule}
                  tabIndex={0}
                  style={style}
                  onClick={() => onOpen(row)}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return
                    if (e.key === 'Enter') {
                      e.preventDefault()
                      onOpen(row)
                    } else if (e.key === ' ') {
                      e.preventDefault()
                      onToggle(row)
                    }
                  }}
                >
                  {/* The checkbox cell swallows its click so ticking a row does not open it. */}
                  <div className="flag-cell flag-cell-check" role="cell" onClick={(e) => e.stopPropagation()}>
                    <Checkbox checked={selected} onChange={() => onToggle(row)} aria-label={`选择：${row.ruleName}`} />
                  </div>
                  {COLUMNS.map((c) => <div key={c.key} role="cell" className={`flag-cell flag-cell-${c.key}`}>{c.render(row)}</div>)}
                </div>
              )
            })}
          </div>
        )}
      </div>
      <div className="flag-footer" data-testid="flag-footer">
        {count > 0 && range ? (
          <span>
            共 {formatCount(count)} 条，当前显示第 {formatCount(range.startIndex + 1)}–{formatCount(Math.min(count, range.endIndex + 1))} 条
          </span>
        ) : <span />}
        <span className="muted">按严重程度、发生日期由近及远排列</span>
      </div>
    </div>
  )
}
