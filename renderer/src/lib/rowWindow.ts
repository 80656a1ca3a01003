// Which rows of a fixed-height list to put in the page: those in view and `overscan` more either side.
// Arithmetic on the scroll offset, the same for ten rows or a million: a list whose rows all have one
// height needs no measurement of each (TanStack Virtual builds a measurement per row, ~90 ms at a
// million rows on every change of the count: TanStack/virtual#565).

/** Rows [first, last] go in the page; [visibleFirst, visibleLast] are in view (the footer names them). Empty: last < first. */
export type RowWindow = { first: number; last: number; visibleFirst: number; visibleLast: number }

export const EMPTY_WINDOW: RowWindow = { first: 0, last: -1, visibleFirst: 0, visibleLast: -1 }

export function rowWindow(listOffset: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  if (count <= 0 || rowHeight <= 0) return EMPTY_WINDOW
  const lastRow = count - 1
  const clamp = (i: number) => Math.min(Math.max(i, 0), lastRow)
  const visibleFirst = clamp(Math.floor(Math.max(listOffset, 0) / rowHeight))
  // A row is in view when any part of it is: the one starting exactly at the bottom edge is not.
  const visibleLast = clamp(Math.max(Math.ceil((Math.max(listOffset, 0) + Math.max(viewportHeight, 0)) / rowHeight) - 1, visibleFirst))
  return { first: clamp(visibleFirst - overscan), last: clamp(visibleLast + overscan), visibleFirst, visibleLast }
}

export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.first === b.first && a.last === b.last && a.visibleFirst === b.visibleFirst && a.visibleLast === b.visibleLast
}

/**
 * The list offset that brings row `index` wholly into a view of `viewportHeight` px (the rows' part of
 * it, below any sticky header) with the least scrolling, or null when it is in view already. Used to
 * follow the row an officer steps to from a detail panel.
 */
export function revealOffset(index: number, rowHeight: number, listOffset: number, viewportHeight: number): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < listOffset) return top
  // A view shorter than a row shows the row's top.
  if (bottom > listOffset + viewportHeight) return Math.max(0, Math.min(top, bottom - viewportHeight))
  return null
}
