import { describe, expect, it } from 'vitest'
import type { FlagRowView } from '../../../../core/api/channels.ts'
import { addRows, coverage, EMPTY_SELECTION, MAX_BULK, removeRows, toggleRow, withoutKeys } from './flagSelection.ts'

function row(n: number): FlagRowView {
  return {
    flagKey: `RULE|T-${n}|`, rule: 'RULE', ruleName: '规则', severity: 'MUST', taskIds: [`T-${n}`], planIds: [], enterpriseId: null, enterpriseName: null,
    departmentId: null, departmentName: null, eventDate: '2026-01-01', message: 'm', status: 'OPEN', decisionReason: null, decidedBy: null, decidedAt: null
  }
}

describe('bulk selection of flags', () => {
  it('toggles one row on and off', () => {
    const a = toggleRow(EMPTY_SELECTION, row(1))
    expect([...a.keys()]).toEqual(['RULE|T-1|'])
    expect(toggleRow(a, row(1)).size).toBe(0)
  })

  it('never holds more than flags.decide accepts, and says how many did not fit', () => {
    const many = Array.from({ length: MAX_BULK + 25 }, (_, i) => row(i))
    const { selection, skipped } = addRows(EMPTY_SELECTION, many)
    expect(selection.size).toBe(MAX_BULK)
    expect(skipped).toBe(25)
    // A full selection refuses one more row instead of silently dropping another.
    expect(toggleRow(selection, row(MAX_BULK + 1)).size).toBe(MAX_BULK)
    expect(toggleRow(selection, row(0)).size).toBe(MAX_BULK - 1)
  })

  it('reports the header checkbox state for the loaded rows', () => {
    const rows = [row(1), row(2), row(3)]
    expect(coverage(EMPTY_SELECTION, rows)).toBe('none')
    expect(coverage(addRows(EMPTY_SELECTION, rows.slice(0, 1)).selection, rows)).toBe('some')
    const all = addRows(EMPTY_SELECTION, rows).selection
    expect(coverage(all, rows)).toBe('all')
    expect(coverage(all, [])).toBe('none')
    expect(removeRows(all, rows.slice(1)).size).toBe(1)
    expect([...withoutKeys(all, ['RULE|T-2|', 'unknown']).keys()]).toEqual(['RULE|T-1|', 'RULE|T-3|'])
  })
})
