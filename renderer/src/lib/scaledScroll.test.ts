import { describe, expect, it } from 'vitest'
import { bodyHeightFor, keyScrollTarget, listOffsetOf, MAX_BODY_HEIGHT, rowTopInBody, scrollTopOf, type ScrollGeometry } from './scaledScroll.ts'

const HEADER = 40
const VIEWPORT = 700
const ROW = 44

/** The scroll element of a list of `rows` rows under a 40 px sticky header, as a browser lays it out. */
function geometryOf(rows: number): ScrollGeometry {
  const listHeight = rows * ROW
  const bodyHeight = bodyHeightFor(listHeight)
  return { scrollHeight: HEADER + bodyHeight, clientHeight: VIEWPORT, bodyHeight, listHeight }
}

const maxScrollTop = (g: ScrollGeometry) => g.scrollHeight - g.clientHeight

describe('scaled scrolling', () => {
  it('lays out a list that fits as it is, and maps every position to itself', () => {
    const g = geometryOf(100_000)
    expect(g.bodyHeight).toBe(4_400_000)
    for (const top of [0, 1, 12_345.5, maxScrollTop(g)]) {
      expect(listOffsetOf(top, g)).toBe(top)
      expect(scrollTopOf(top, g)).toBe(top)
      expect(rowTopInBody(ROW * 7, { scrollTop: top, listOffset: listOffsetOf(top, g) })).toBe(ROW * 7)
    }
  })

  it('caps the body of a million rows below what browsers can lay out (Firefox ~17.9M px, Chromium ~33.5M px)', () => {
    const g = geometryOf(1_000_000)
    expect(g.listHeight).toBe(44_000_000)
    expect(g.bodyHeight).toBe(MAX_BODY_HEIGHT)
    expect(g.scrollHeight).toBeLessThan(17_000_000)
  })

  it('maps the top to the first row and the bottom to the last, exactly as an uncapped list would end', () => {
    const g = geometryOf(1_000_000)
    expect(listOffsetOf(0, g)).toBe(0)
    // At the bottom the list is scrolled as far as it would be if laid out whole: header + list - viewport.
    expect(listOffsetOf(maxScrollTop(g), g)).toBeCloseTo(HEADER + 1_000_000 * ROW - VIEWPORT, 3)
    // Halfway down the scroll bar is halfway down the list.
    expect(listOffsetOf(maxScrollTop(g) / 2, g)).toBeCloseTo((HEADER + 1_000_000 * ROW - VIEWPORT) / 2, 3)
  })

  it('scrolls back to the same place it maps from (scrolling to a row)', () => {
    const g = geometryOf(2_000_000)
    for (const offset of [0, 1, 44 * 999_999, 44 * 1_999_990]) expect(listOffsetOf(scrollTopOf(offset, g), g)).toBeCloseTo(offset, 4)
  })

  it('puts the rows in view in the viewport, in order, a row height apart, wherever the list is scrolled', () => {
    const g = geometryOf(1_000_000)
    for (const fraction of [0, 0.25, 0.6, 1]) {
      const scrollTop = maxScrollTop(g) * fraction
      const at = { scrollTop, listOffset: listOffsetOf(scrollTop, g) }
      const firstInView = Math.floor(at.listOffset / ROW)
      const top = rowTopInBody(firstInView * ROW, at)
      // The body scrolls by scrollTop: the first row in view starts at most one row above the body's visible top.
      expect(top).toBeLessThanOrEqual(scrollTop)
      expect(top).toBeGreaterThan(scrollTop - ROW)
      expect(rowTopInBody((firstInView + 1) * ROW, at) - top).toBeCloseTo(ROW, 6)
      // And inside the laid-out body.
      expect(top).toBeGreaterThanOrEqual(0)
      expect(top).toBeLessThan(g.bodyHeight)
    }
    // At the very bottom the last row ends at the bottom of the viewport.
    const bottom = { scrollTop: maxScrollTop(g), listOffset: listOffsetOf(maxScrollTop(g), g) }
    expect(rowTopInBody(999_999 * ROW, bottom) + ROW + HEADER - bottom.scrollTop).toBeCloseTo(VIEWPORT, 3)
  })

  it('moves more than a pixel of list per pixel scrolled only when capped', () => {
    const capped = geometryOf(1_000_000)
    const step = listOffsetOf(1001, capped) - listOffsetOf(1000, capped)
    expect(step).toBeGreaterThan(2.9)
    expect(step).toBeLessThan(3)
    const empty: ScrollGeometry = { scrollHeight: 300, clientHeight: 700, bodyHeight: 0, listHeight: 0 }
    expect(listOffsetOf(0, empty)).toBe(0)
    expect(bodyHeightFor(-5)).toBe(0)
  })
})

describe('keys in a scaled list', () => {
  const view = { viewportHeight: 700, rowHeight: ROW, listEnd: 44_000_000 - 700 }
  it('moves a row per arrow and a view less one row per page, in list pixels', () => {
    expect(keyScrollTarget('ArrowDown', 1000, view)).toBe(1000 + ROW)
    expect(keyScrollTarget('ArrowUp', 1000, view)).toBe(1000 - ROW)
    expect(keyScrollTarget('PageDown', 1000, view)).toBe(1000 + 700 - ROW)
    expect(keyScrollTarget('PageUp', 5000, view)).toBe(5000 - 700 + ROW)
  })
  it('goes to the ends and stops there', () => {
    expect(keyScrollTarget('Home', 123_456, view)).toBe(0)
    expect(keyScrollTarget('End', 0, view)).toBe(view.listEnd)
    expect(keyScrollTarget('PageUp', 10, view)).toBe(0)
    expect(keyScrollTarget('PageDown', view.listEnd - 5, view)).toBe(view.listEnd)
  })
  it('leaves every other key to the browser', () => {
    for (const key of ['Enter', ' ', 'a', 'Tab', 'ArrowLeft']) expect(keyScrollTarget(key, 1000, view)).toBeNull()
  })
})
