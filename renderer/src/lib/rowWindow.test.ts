import { describe, expect, it } from 'vitest'
import { EMPTY_WINDOW, revealOffset, rowWindow, sameWindow } from './rowWindow.ts'

describe('rowWindow', () => {
  it('puts the rows in view and the overscan either side in the page, clamped to the list', () => {
    // 44 px rows, a 440 px view at the top: rows 0–9 in view, 0–14 in the page.
    expect(rowWindow(0, 440, 44, 1000, 5)).toEqual({ first: 0, last: 14, visibleFirst: 0, visibleLast: 9 })
    // Half a row scrolled: row 10 shows its top half.
    expect(rowWindow(22, 440, 44, 1000, 5)).toEqual({ first: 0, last: 15, visibleFirst: 0, visibleLast: 10 })
    expect(rowWindow(44 * 500, 440, 44, 1000, 5)).toEqual({ first: 495, last: 514, visibleFirst: 500, visibleLast: 509 })
    // At the end of the list.
    expect(rowWindow(44 * 990, 440, 44, 1000, 5)).toEqual({ first: 985, last: 999, visibleFirst: 990, visibleLast: 999 })
  })

  it('is arithmetic at a million rows, and past the end or before the start stays in the list', () => {
    expect(rowWindow(44 * 999_990, 440, 44, 1_000_000, 3)).toEqual({ first: 999_987, last: 999_999, visibleFirst: 999_990, visibleLast: 999_999 })
    expect(rowWindow(44 * 2_000_000, 440, 44, 1_000_000, 3)).toEqual({ first: 999_996, last: 999_999, visibleFirst: 999_999, visibleLast: 999_999 })
    expect(rowWindow(-100, 440, 44, 1_000_000, 3)).toEqual({ first: 0, last: 12, visibleFirst: 0, visibleLast: 9 })
  })

  it('has a row in view even before the view is measured, and nothing for an empty list', () => {
    expect(rowWindow(0, 0, 44, 10, 2)).toEqual({ first: 0, last: 2, visibleFirst: 0, visibleLast: 0 })
    expect(rowWindow(0, 440, 44, 0, 2)).toBe(EMPTY_WINDOW)
    expect(rowWindow(0, 440, 44, 3, 2)).toEqual({ first: 0, last: 2, visibleFirst: 0, visibleLast: 2 })
  })

  it('compares windows by their rows', () => {
    expect(sameWindow(rowWindow(0, 440, 44, 100, 2), rowWindow(10, 440, 44, 100, 2))).toBe(false)
    expect(sameWindow(rowWindow(1, 440, 44, 100, 2), rowWindow(2, 440, 44, 100, 2))).toBe(true)
  })
})

describe('revealOffset', () => {
  it('leaves a row wholly in view where it is', () => {
    // 58 px rows, a 580 px view scrolled to row 10: rows 10–19 are whole.
    expect(revealOffset(10, 58, 580, 580)).toBeNull()
    expect(revealOffset(19, 58, 580, 580)).toBeNull()
  })

  it('scrolls the least: a row above comes to the top, a row below to the bottom', () => {
    expect(revealOffset(9, 58, 580, 580)).toBe(9 * 58)
    expect(revealOffset(20, 58, 580, 580)).toBe(21 * 58 - 580)
    // A row cut by either edge counts as out of view.
    expect(revealOffset(10, 58, 590, 580)).toBe(580)
    expect(revealOffset(19, 58, 570, 580)).toBe(20 * 58 - 580)
    // Far away, at a million rows: arithmetic still.
    expect(revealOffset(999_999, 58, 0, 580)).toBe(1_000_000 * 58 - 580)
  })

  it('shows the top of a row taller than the view', () => {
    expect(revealOffset(1, 58, 0, 40)).toBe(58)
    expect(revealOffset(0, 58, 30, 40)).toBe(0)
  })
})
