// The flags list (virtualised by VirtualTable, so 100,000 flags scroll like 100). Each row has a
// checkbox for bulk decisions; a click elsewhere on the row opens the flag's evidence.
import { Checkbox, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import type { FlagRowView } from '../../../../core/api/channels.ts'
import { VirtualTable } from '../../components/VirtualTable.tsx'
import { formatCount } from '../../lib/format.ts'
import type { PageCache } from '../../lib/pageCache.ts'
import { usePageCacheSelector } from '../../lib/useServerWindow.ts'
import { coverage, MAX_BULK, type Selection } from './flagSelection.ts'
import { FlagStatusTag, SeverityTag } from './FlagTags.tsx'

export const FLAG_ROW_HEIGHT = 58

type Column = { key: string; title: string; width: string; render: (row: FlagRowView) => ReactNode }

const COLUMNS: Column[] = [
  { key: 'severity', title: '严重程度', width: '90px', render: (r) => <SeverityTag severity={r.severity} /> },
  {
    key: 'main', title: '问题线索', width: 'minmax(240px, 1fr)',
    render: (r) => (
      <div className="flag-main">
        <div className="flag-rule" title={r.ruleName}>{r.ruleName}</div>
        <div className="flag-message" title={r.message}>{r.message}</div>
      </div>
    )
  },
  {
    key: 'subject', title: '企业 / 执法部门', width: 'minmax(168px, 236px)',
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
  /** The open flag's row (-1: none, or not loaded): kept in view as the officer steps through the flags. */
  openIndex: number
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
  // The header's checkbox acts on the rows loaded: it follows the pages as they arrive.
  usePageCacheSelector(cache, (c) => c.version)
  const count = cache.total ?? 0
  const loaded = count > 0 ? loadedRows(cache, Math.min(count, MAX_BULK)) : []
  const headState = coverage(selection, loaded)

  return (
    <VirtualTable
      cache={cache}
      prefix="flag"
      ariaLabel="问题线索列表"
      gridTemplate={GRID_TEMPLATE}
      rowHeight={FLAG_ROW_HEIGHT}
      overscan={10}
      headCells={<>
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
      </>}
      placeholderCells={<>
        <div className="flag-cell flag-cell-check" />
        {COLUMNS.map((c) => <div key={c.key} className={`flag-cell flag-cell-${c.key}`}><span className="placeholder-bar" /></div>)}
      </>}
      row={(cached) => {
        const row = patch(cached)
        const selected = selection.has(row.flagKey)
        return {
          states: [row.flagKey === openKey && 'is-open', selected && 'is-checked'],
          attributes: {
            'aria-selected': selected,
            'data-flag-key': row.flagKey,
            'data-rule': row.rule,
            onClick: () => onOpen(row),
            onKeyDown: (e) => {
              if (e.target !== e.currentTarget) return
              if (e.key === 'Enter') {
                e.preventDefault()
                onOpen(row)
              } else if (e.key === ' ') {
                e.preventDefault()
                onToggle(row)
              }
            }
          },
          cells: <>
            {/* The checkbox cell swallows its click so ticking a row does not open it. */}
            <div className="flag-cell flag-cell-check" role="cell" onClick={(e) => e.stopPropagation()}>
              <Checkbox checked={selected} onChange={() => onToggle(row)} aria-label={`选择：${row.ruleName}`} />
            </div>
            {COLUMNS.map((c) => <div key={c.key} role="cell" className={`flag-cell flag-cell-${c.key}`}>{c.render(row)}</div>)}
          </>
        }
      }}
      loadingText="正在读取问题线索…"
      emptyText={props.emptyText}
      unit="条"
      orderNote="按严重程度、发生日期由近及远排列"
      revealIndex={props.openIndex}
    />
  )
}
