// Scaled scrolling for lists taller than a browser lets an element be. Chromium caps an element's
// height at ~33.5 million px and Firefox at ~17.9 million: a million plans at 44 px (44 million px)
// would be cut off after ~760,000 rows, the rest out of reach. Past MAX_BODY_HEIGHT the list body keeps
// that height and one pixel of scrolling moves the list by more than one pixel, so the scroll bar's
// top is the first row and its bottom the last. Below it nothing changes (the mapping is the identity).

/** The tallest list body we lay out: below both browsers' caps, with room for the header around it. */
export const MAX_BODY_HEIGHT = 15_000_000

/** The body's laid-out height for a list of `listHeight` px. */
export function bodyHeightFor(listHeight: number): number {
  return Math.min(Math.max(listHeight, 0), MAX_BODY_HEIGHT)
}

/**
 * The scroll element as laid out (`scrollHeight`, `clientHeight`: the body plus whatever else scrolls
 * with it, such as a sticky header) and the list it shows: its full height and the body's laid-out one.
 */
export type ScrollGeometry = { scrollHeight: number; clientHeight: number; bodyHeight: number; listHeight: number }

/** The geometry of a scroll element (as laid out now) showing a list of these heights. */
export function geometryOf(el: { scrollHeight: number; clientHeight: number }, list: { bodyHeight: number; listHeight: number }): ScrollGeometry {
  return { scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, bodyHeight: list.bodyHeight, listHeight: list.listHeight }
}

/**
 * List pixels per scrolled pixel: the list's whole scroll range over the element's. 1 when the body holds
 * the whole list, or when there is nothing to scroll.
 */
function scale(g: ScrollGeometry): number {
  if (g.listHeight <= g.bodyHeight) return 1
  const scrollRange = g.scrollHeight - g.clientHeight
  // The content as it would be with the whole list in place of the body.
  const listRange = g.scrollHeight - g.bodyHeight + g.listHeight - g.clientHeight
  return scrollRange > 0 && listRange > scrollRange ? listRange / scrollRange : 1
}

/** The element's scrollTop → how far down the list the view is (what the virtualiser works with). */
export function listOffsetOf(scrollTop: number, g: ScrollGeometry): number {
  return scrollTop * scale(g)
}

/** How far down the list → the element's scrollTop that shows it (for scrolling to a row). */
export function scrollTopOf(listOffset: number, g: ScrollGeometry): number {
  return listOffset / scale(g)
}

/** A scroll position in both terms: the element's scrollTop and the list offset it stands for. */
export type ScrollPosition = { scrollTop: number; listOffset: number }

/**
 * Where a row starting `rowStart` px down the list goes in the body: the rows in view are laid out
 * around the body's scrolled position, so they sit where the list offset says, whatever the scale.
 */
export function rowTopInBody(rowStart: number, at: ScrollPosition): number {
  return rowStart - at.listOffset + at.scrollTop
}

/**
 * Where the scrolling keys take a scaled list, in list pixels (the browser's own handling would move it
 * by the element's pixels, three times as far): a row per arrow, a view less a row per page, the ends.
 * null for any other key. `listEnd` is the greatest list offset.
 */
export function keyScrollTarget(key: string, listOffset: number, view: { viewportHeight: number; rowHeight: number; listEnd: number }): number | null {
  const page = Math.max(view.viewportHeight - view.rowHeight, view.rowHeight)
  const moves: Record<string, number> = { ArrowDown: view.rowHeight, ArrowUp: -view.rowHeight, PageDown: page, PageUp: -page }
  if (key === 'Home') return 0
  if (key === 'End') return view.listEnd
  const move = moves[key]
  return move === undefined ? null : Math.min(Math.max(listOffset + move, 0), view.listEnd)
}
