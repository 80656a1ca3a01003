import { describe, expect, it } from 'vitest'
import { daysBetween, formatCount, formatRatio, formatTimestamp, formatWindowShort } from './format.ts'

describe('formatting for Shanghai officers', () => {
  it('shows timestamps in Shanghai time whatever offset they were written with', () => {
    expect(formatTimestamp('2026-03-01T09:05:00+08:00')).toBe('2026-03-01 09:05')
    expect(formatTimestamp('2026-03-01T01:05:00Z')).toBe('2026-03-01 09:05')
    expect(formatTimestamp('2026-02-28T20:30:00-05:00')).toBe('2026-03-01 09:30')
    expect(formatTimestamp(null)).toBe('—')
    expect(formatTimestamp('not a time')).toBe('not a time')
  })

  it('formats counts, ratios, windows and waiting days', () => {
    expect(formatCount(100000)).toBe('100,000')
    expect(formatRatio(0.125)).toBe('12.5%')
    expect(formatRatio(null)).toBe('—')
    expect(formatWindowShort('2026-01-01', '2026-12-31')).toBe('2026-01-01 至 12-31')
    expect(formatWindowShort('2026-12-01', '2027-02-28')).toBe('2026-12-01 至 2027-02-28')
    expect(daysBetween('2026-11-01T10:00:00+08:00', new Date('2026-11-22T09:00:00+08:00'))).toBe(20)
  })
})
