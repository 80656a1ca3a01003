import { describe, expect, it } from 'vitest'
import { addCalendarMonths, hasValidUsccCheckChar, isCalendarDate, isTimestamp, shanghaiDate, shanghaiToday, usccCheckChar } from './scalars.ts'

describe('scalars', () => {
  it('validates calendar dates including leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2025-13-01')).toBe(false)
    expect(isCalendarDate('2025-1-01')).toBe(false)
  })

  it('accepts ISO timestamps with an offset only', () => {
    expect(isTimestamp('2025-03-04T09:30:00+08:00')).toBe(true)
    expect(isTimestamp('2025-03-04T09:30:00Z')).toBe(true)
    expect(isTimestamp('2025-03-04T09:30:00.123-05:00')).toBe(true)
    expect(isTimestamp('2025-03-04T09:30:00')).toBe(false)
    expect(isTimestamp('2025-03-04 09:30:00+08:00')).toBe(false)
    expect(isTimestamp('2025-02-30T09:30:00+08:00')).toBe(false)
  })

  it('takes the Asia/Shanghai calendar date whatever the offset', () => {
    expect(shanghaiDate('2025-03-04T23:30:00+08:00')).toBe('2025-03-04')
    expect(shanghaiDate('2025-03-04T16:30:00Z')).toBe('2025-03-05')
    expect(shanghaiDate('2025-03-04T15:59:59Z')).toBe('2025-03-04')
    expect(shanghaiDate('2025-12-31T20:00:00-05:00')).toBe('2026-01-01')
  })

  it('computes the GB 32100 check character', () => {
    // A published example code: 91350100M000100Y43 (check character 3).
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(hasValidUsccCheckChar('91350100M000100Y43')).toBe(true)
    expect(hasValidUsccCheckChar('91350100M000100Y44')).toBe(false)
  })

  it('adds calendar months with month-end clamping', () => {
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addCalendarMonths('2025-03-15', 1)).toBe('2025-04-15')
    expect(addCalendarMonths('2025-12-31', 1)).toBe('2026-01-31')
    expect(addCalendarMonths('2025-08-31', -6)).toBe('2025-02-28')
  })
})

describe('shanghaiToday', () => {
  it('is the UTC+8 calendar date', () => {
    expect(shanghaiToday(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21')
    expect(shanghaiToday(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22')
  })
})
