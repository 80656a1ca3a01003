// The rows of a fixed-height list to render, following the scroll element: rowWindow.ts's arithmetic on
// its scroll offset (in list pixels, lib/scaledScroll.ts) and its height. A scroll renders again only
// when the window changes — or, in a scaled list, always, because there the rows in view are placed
// around the scrolled position (rowTopInBody) and must move with it.
import { useLayoutEffect, useState, type RefObject } from 'react'
import { rowWindow, sameWindow, type RowWindow } from './rowWindow.ts'
import { geometryOf, listOffsetOf, type ScrollPosition } from './scaledScroll.ts'

export type RowWindowOptions = { count: number; rowHeight: number; overscan: number; bodyHeight: number; listHeight: number }

type View = ScrollPosition & { viewportHeight: number }

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, options: RowWindowOptions): { window: RowWindow; position: ScrollPosition } {
  const { count, rowHeight, overscan, bodyHeight, listHeight } = options
  // Before the element is measured: the browser window's height, an upper bound of the list's view.
  const [view, setView] = useState<View>(() => ({ scrollTop: 0, listOffset: 0, viewportHeight: typeof window === 'undefined' ? 0 : window.innerHeight }))

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const update = () => {
      const scrollTop = el.scrollTop
      const listOffset = listOffsetOf(scrollTop, geometryOf(el, { bodyHeight, listHeight }))
      const next: View = { scrollTop, listOffset, viewportHeight: el.clientHeight }
      setView((prev) => {
        if (listOffset !== scrollTop || prev.viewportHeight !== next.viewportHeight) return next
        const unchanged = sameWindow(
          rowWindow(prev.listOffset, prev.viewportHeight, rowHeight, count, overscan),
          rowWindow(listOffset, next.viewportHeight, rowHeight, count, overscan)
        )
        return unchanged ? prev : next
      })
    }
    // Measured before the first paint: the first rows are drawn for the real view, not the estimate.
    update()
    const resize = new ResizeObserver(update)
    resize.observe(el)
    el.addEventListener('scroll', update, { passive: true })
    return () => {
      resize.disconnect()
      el.removeEventListener('scroll', update)
    }
  }, [scrollRef, count, rowHeight, overscan, bodyHeight, listHeight])

  return { window: rowWindow(view.listOffset, view.viewportHeight, rowHeight, count, overscan), position: { scrollTop: view.scrollTop, listOffset: view.listOffset } }
}
