// A virtualised table over a PageCache: only the rows on screen (plus `overscan`) exist in the DOM and
// only their pages are fetched, so 100,000 rows scroll like 100. Rows not loaded yet show placeholder
// cells; the footer says which rows are on screen. The flags and the plans lists both use it.
// A list taller than a browser lets an element be (a million rows) scrolls scaled (lib/scaledScroll.ts).
//
// Class names come from `prefix` (the screens' CSS and the e2e page models rely on them):
// `<prefix>-table`, `-scroll` (also its test id), `-row`, `-head`, `-table-state`, `-body`,
// `-row-loading`, `-data-row`, `-footer` (also its test id), and the grid columns in `--<prefix>-grid`.
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual'
import { Empty, Spin } from 'antd'
import { useEffect, useReducer, useRef, type CSSProperties, type KeyboardEvent, type HTMLAttributes, type ReactNode } from 'react'
import { formatCount } from '../lib/format.ts'
import type { PageCache } from '../lib/pageCache.ts'
import { bodyHeightFor, keyScrollTarget, listOffsetOf, rowTopInBody, scrollTopOf, type ScrollGeometry, type ScrollPosition } from '../lib/scaledScroll.ts'

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
}

export function VirtualTable<Row, Extra>(props: VirtualTableProps<Row, Extra>) {
  const { cache, prefix: p, rowHeight } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = cache.total ?? 0
  const listHeight = count * rowHeight
  const bodyHeight = bodyHeightFor(listHeight)
  // Read by the scroll callbacks, which the virtualiser keeps from its first render.
  const heights = useRef({ bodyHeight, listHeight })
  heights.current = { bodyHeight, listHeight }
  const position = useRef<ScrollPosition>({ scrollTop: 0, listOffset: 0 })
  // The virtualiser renders again only when the range of rows changes; scaled, the rows in view must also
  // move with every scroll (they sit at rowTopInBody), so each scroll renders.
  const [, renderAgain] = useReducer((n: number) => n + 1, 0)
  const geometry = (el: Element): ScrollGeometry => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, ...heights.current })
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: props.overscan,
    // The virtualiser works in list pixels; the element scrolls in its own, fewer when scaled.
    observeElementOffset: (instance, report) =>
      observeElementOffset(instance, (scrollTop, isScrolling) => {
        const el = instance.scrollElement
        const listOffset = el ? listOffsetOf(scrollTop, geometry(el)) : scrollTop
        position.current = { scrollTop, listOffset }
        report(listOffset, isScrolling)
        if (listOffset !== scrollTop) renderAgain()
      }),
    scrollToFn: (listOffset, options, instance) => {
      const el = instance.scrollElement
      elementScroll(el ? scrollTopOf(listOffset, geometry(el)) : listOffset, options, instance)
    }
  })
  // Scaled, the scrolling keys move the list by list pixels (the browser would move it three times as far).
  const onScrollKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scrollRef.current
    if (!el || listHeight <= bodyHeight || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
    const key = e.key === ' ' ? (e.shiftKey ? 'PageUp' : 'PageDown') : e.key
    const g = geometry(el)
    const listEnd = listOffsetOf(g.scrollHeight - g.clientHeight, g)
    const target = keyScrollTarget(key, position.current.listOffset, { viewportHeight: el.clientHeight, rowHeight, listEnd })
    if (target === null) return
    e.preventDefault()
    el.scrollTop = scrollTopOf(target, g)
  }
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
    <div className={`${p}-table`} role="table" aria-label={props.ariaLabel} aria-rowcount={count + 1} style={{ [`--${p}-grid`]: props.gridTemplate }}>
      <div className={`${p}-scroll`} ref={scrollRef} data-testid={`${p}-scroll`} onKeyDown={onScrollKey}>
        <div className={`${p}-row ${p}-head`} role="row" aria-rowindex={1}>
          {props.headCells}
        </div>
        {cache.isLoadingFirstPage ? (
          <div className={`${p}-table-state`}><Spin /> <span>{props.loadingText}</span></div>
        ) : count === 0 ? (
          <div className={`${p}-table-state`}><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /></div>
        ) : (
          <div className={`${p}-body`} style={{ height: bodyHeight }}>
            {items.map((item) => {
              const cached = cache.rowAt(item.index)
              const style: CSSProperties = { transform: `translateY(${rowTopInBody(item.start, position.current)}px)`, height: rowHeight }
              if (!cached) {
                return (
                  <div key={item.key} className={`${p}-row ${p}-row-loading`} role="row" aria-rowindex={item.index + 2} aria-busy="true" style={style}>
                    {props.placeholderCells}
                  </div>
                )
              }
              const shown = props.row(cached, item.index)
              return (
                <div
                  key={item.key}
                  {...shown.attributes}
                  className={[`${p}-row ${p}-data-row`, ...shown.states, item.index % 2 ? 'is-odd' : false].filter(Boolean).join(' ')}
                  role="row"
                  aria-rowindex={item.index + 2}
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
        {count > 0 && range ? (
          <span>
            共 {formatCount(count)} {props.unit}，当前显示第 {formatCount(range.startIndex + 1)}–{formatCount(Math.min(count, range.endIndex + 1))} {props.unit}
          </span>
        ) : <span />}
        <span className="muted">{props.orderNote}</span>
      </div>
    </div>
  )
}
