// A virtualised table over a PageCache: only the rows on screen (plus `overscan`) exist in the DOM and
// only their pages are fetched, so 100,000 rows scroll like 100. Rows not loaded yet show placeholder
// cells; the footer says which rows are on screen. The flags and the plans lists both use it.
// Rows have one height, so which are on screen is arithmetic on the scroll offset (lib/rowWindow.ts), the
// same at ten rows or a million. A list taller than a browser lets an element be (a million rows)
// scrolls scaled (lib/scaledScroll.ts).
//
// Class names come from `prefix` (the screens' CSS and the e2e page models rely on them):
// `<prefix>-table`, `-scroll` (also its test id), `-row`, `-head`, `-table-state`, `-body`,
// `-row-loading`, `-data-row`, `-footer` (also its test id), and the grid columns in `--<prefix>-grid`.
import { Empty, Spin } from 'antd'
import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type HTMLAttributes, type ReactNode } from 'react'
import { formatCount } from '../lib/format.ts'
import type { PageCache } from '../lib/pageCache.ts'
import { bodyHeightFor, geometryOf, keyScrollTarget, listOffsetOf, rowTopInBody, scrollTopOf } from '../lib/scaledScroll.ts'
import { revealOffset } from '../lib/rowWindow.ts'
import { useRowWindow } from '../lib/useRowWindow.ts'
import { usePageCacheSelector } from '../lib/useServerWindow.ts'

/** Waits for the scrolling to settle before fetching, so a fast fling does not request every page it passes. */
const FETCH_DELAY_MS = 60

/** What a loaded row adds to its `<div role="row">`: class, selection, data-*, handlers. */
export type RowAttributes = HTMLAttributes<HTMLDivElement> & { [dataAttribute: `data-${string}`]: string }

export type VirtualTableProps<Row, Extra> = {
  cache: PageCache<Row, Extra>
  prefix: string
  ariaLabel: string
  /** The CSS grid-template-columns of every row. */
  gridTemplate: string
  rowHeight: number
  overscan: number
  /** The header row's cells. */
  headCells: ReactNode
  /** The cells of a row whose page has not arrived yet. */
  placeholderCells: ReactNode
  /**
   * A loaded row: its state classes (`is-…`, false for none), attributes and cells. The table adds the
   * classes `<prefix>-row <prefix>-data-row` before them and `is-odd` after, role, aria-rowindex,
   * tabIndex, position and key.
   */
  row: (row: Row, index: number) => { states: (string | false)[]; attributes: RowAttributes; cells: ReactNode }
  loadingText: string
  emptyText: ReactNode
  /** The counting word of the footer (条, 项). */
  unit: string
  /** The footer's right-hand note (the list's order). */
  orderNote: string
  /** A row to keep in view: when it changes, the list scrolls the least that shows it whole. */
  revealIndex?: number | null
}

export function VirtualTable<Row, Extra>(props: VirtualTableProps<Row, Extra>) {
  const { cache, prefix: p, rowHeight } = props
  // Every page that arrives, every change of the total: the table renders again, the screen need not.
  usePageCacheSelector(cache, (c) => c.version)
  const scrollRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLDivElement>(null)
  const count = cache.total ?? 0
  const listHeight = count * rowHeight
  const bodyHeight = bodyHeightFor(listHeight)
  const { window: rows, position } = useRowWindow(scrollRef, { count, rowHeight, overscan: props.overscan, bodyHeight, listHeight })
  /** Scrolls the least that shows row `index` whole below the sticky header. */
  const revealRow = (index: number) => {
    const el = scrollRef.current
    if (!el || index < 0 || index >= count) return
    const g = geometryOf(el, { bodyHeight, listHeight })
    const view = el.clientHeight - (headRef.current?.offsetHeight ?? 0)
    const target = revealOffset(index, rowHeight, listOffsetOf(el.scrollTop, g), view)
    if (target !== null) el.scrollTop = scrollTopOf(target, g)
  }
  // ↑ / ↓ on a focused row move the focus to the row above or below (rendered already: the overscan).
  const onRowArrow = (e: KeyboardEvent<HTMLDivElement>): boolean => {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false
    const row = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row' ? e.target : null
    const at = row ? Number(row.getAttribute('aria-rowindex')) - 2 : -1
    if (at < 0) return false
    const next = at + (e.key === 'ArrowDown' ? 1 : -1)
    e.preventDefault()
    if (next < 0 || next >= count) return true
    revealRow(next)
    scrollRef.current?.querySelector<HTMLElement>(`.${p}-body > [aria-rowindex="${next + 2}"]`)?.focus({ preventScroll: true })
    return true
  }
  // Scaled, the scrolling keys move the list by list pixels (the browser would move it three times as far).
  const onScrollKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.defaultPrevented && onRowArrow(e)) return
    const el = scrollRef.current
    if (!el || listHeight <= bodyHeight || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
    const key = e.key === ' ' ? (e.shiftKey ? 'PageUp' : 'PageDown') : e.key
    const g = geometryOf(el, { bodyHeight, listHeight })
    const listEnd = listOffsetOf(g.scrollHeight - g.clientHeight, g)
    const target = keyScrollTarget(key, position.listOffset, { viewportHeight: el.clientHeight, rowHeight, listEnd })
    if (target === null) return
    e.preventDefault()
    el.scrollTop = scrollTopOf(target, g)
  }
  const { first, last } = rows
  const indexes = Array.from({ length: Math.max(last - first + 1, 0) }, (_, k) => first + k)

  useEffect(() => {
    const timer = window.setTimeout(() => cache.ensureRange(first, last), FETCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [cache, first, last, count])

  // The row an officer stepped to from a detail panel: scrolled into view. Only a new row to reveal
  // scrolls: the officer's own scrolling afterwards is left alone.
  const { revealIndex } = props
  useEffect(() => {
    if (revealIndex !== null && revealIndex !== undefined) revealRow(revealIndex)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- geometry is read when the row changes
  }, [revealIndex])

  // A new filter is a new list: start it from the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [cache])

  return (
    <div className={`${p}-table`} role="table" aria-label={props.ariaLabel} aria-rowcount={count + 1} style={{ [`--${p}-grid`]: props.gridTemplate }}>
      <div className={`${p}-scroll`} ref={scrollRef} data-testid={`${p}-scroll`} onKeyDown={onScrollKey}>
        <div className={`${p}-row ${p}-head`} role="row" aria-rowindex={1} ref={headRef}>
          {props.headCells}
        </div>
        {cache.isLoadingFirstPage ? (
          <div className={`${p}-table-state`}><Spin /> <span>{props.loadingText}</span></div>
        ) : count === 0 ? (
          <div className={`${p}-table-state`}><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /></div>
        ) : (
          <div className={`${p}-body`} style={{ height: bodyHeight }}>
            {indexes.map((index) => {
              const cached = cache.rowAt(index)
              const style: CSSProperties = { transform: `translateY(${rowTopInBody(index * rowHeight, position)}px)`, height: rowHeight }
              if (!cached) {
                return (
                  <div key={index} className={`${p}-row ${p}-row-loading`} role="row" aria-rowindex={index + 2} aria-busy="true" style={style}>
                    {props.placeholderCells}
                  </div>
                )
              }
              const shown = props.row(cached, index)
              return (
                <div
                  key={index}
                  {...shown.attributes}
                  className={[`${p}-row ${p}-data-row`, ...shown.states, index % 2 ? 'is-odd' : false].filter(Boolean).join(' ')}
                  role="row"
                  aria-rowindex={index + 2}
                  tabIndex={0}
                  style={style}
                >
                  {shown.cells}
                </div>
              )
            })}
          </div>
        )}
      </div>
      <div className={`${p}-footer`} data-testid={`${p}-footer`}>
        {count > 0 ? (
          <span>
            共 {formatCount(count)} {props.unit}，当前显示第 {formatCount(rows.visibleFirst + 1)}–{formatCount(Math.min(count, rows.visibleLast + 1))} {props.unit}
          </span>
        ) : <span />}
        <span className="muted">{props.orderNote}</span>
      </div>
    </div>
  )
}
