import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bundledCalendar, createCalendar, yearsScheduledBy } from './calendar.ts'
import { addMonths, civilFromDay, dayFromCivil, dayFromIso, isoFromDay, monthDayOfYear, weekdayOfDay } from './days.ts'

const plusMonth = (date: string, mode: 'calendar' | 'days30' = 'calendar') => isoFromDay(addMonths(dayFromIso(date), 1, mode))

describe('day numbers', () => {
  it('round-trips every day from 1999 to 2031 and agrees with Date', () => {
    for (let d = dayFromIso('1999-01-01'); d <= dayFromIso('2031-12-31'); d++) {
      const iso = isoFromDay(d)
      expect(dayFromIso(iso)).toBe(d)
      expect(new Date(`${iso}T00:00:00Z`).getTime() / 86_400_000).toBe(d)
    }
  })

  it('knows the weekday (2025-10-01 was a Wednesday, 2025-09-28 a Sunday)', () => {
    expect(weekdayOfDay(dayFromIso('2025-10-01'))).toBe(3)
    expect(weekdayOfDay(dayFromIso('2025-09-28'))).toBe(0)
    expect(weekdayOfDay(dayFromIso('1969-12-31'))).toBe(3)
  })

  it('civilFromDay inverts dayFromCivil around a leap day', () => {
    expect(civilFromDay(dayFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 })
    expect(isoFromDay(dayFromCivil(2024, 3, 1) - 1)).toBe('2024-02-29')
  })
})

describe('month arithmetic (T-MONTH, month_mode = calendar)', () => {
  it('keeps the day number in the next month', () => {
    expect(plusMonth('2025-03-15')).toBe('2025-04-15')
    expect(plusMonth('2025-12-31')).toBe('2026-01-31')
  })

  it('clamps to the last day of a shorter month', () => {
    expect(plusMonth('2025-01-31')).toBe('2025-02-28')
    expect(plusMonth('2024-01-31')).toBe('2024-02-29')
    expect(plusMonth('2025-05-31')).toBe('2025-06-30')
    expect(plusMonth('2025-01-29')).toBe('2025-02-28')
  })

  it('days30 adds thirty days', () => {
    expect(plusMonth('2025-01-31', 'days30')).toBe('2025-03-02')
  })

  it('adding months never goes backwards and lands in the right month', () => {
    fc.assert(fc.property(fc.integer({ min: dayFromIso('2000-01-01'), max: dayFromIso('2040-12-31') }), fc.integer({ min: 0, max: 30 }), (d, k) => {
      const r = addMonths(d, k)
      const a = civilFromDay(d)
      const b = civilFromDay(r)
      expect(r).toBeGreaterThanOrEqual(d)
      expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(k)
      expect(b.day).toBeLessThanOrEqual(a.day)
    }))
  })

  it('monthDayOfYear clamps 02-29 in common years', () => {
    expect(isoFromDay(monthDayOfYear(2025, '02-29'))).toBe('2025-02-28')
    expect(isoFromDay(monthDayOfYear(2024, '02-29'))).toBe('2024-02-29')
    expect(isoFromDay(monthDayOfYear(2025, '03-31'))).toBe('2025-03-31')
  })
})

describe('working days (T-WD, wd_count_from = next_day)', () => {
  const cal = () => createCalendar()

  it('counts from the day after: Monday + 3 = Thursday, Friday + 3 = Wednesday', () => {
    const c = cal()
    expect(c.addWorkingDays('2025-06-09', 3)).toBe('2025-06-12')
    expect(c.addWorkingDays('2025-06-13', 3)).toBe('2025-06-18')
    expect(c.addWorkingDays('2025-06-14', 1)).toBe('2025-06-16')
  })

  it('skips the 2025 National Day holiday and counts the Saturday make-up day 10-11', () => {
    const c = cal()
    // Oct 1–8 are holidays; Oct 9 (Thu) is the 1st working day, Oct 10 the 2nd, Sat Oct 11 (调休) the 3rd.
    expect(c.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11')
    expect(c.addWorkingDays('2025-09-30', 2)).toBe('2025-10-10')
    expect(c.isWorkingDay(dayFromIso('2025-10-06'))).toBe(false)
  })

  it('counts the Sunday make-up workday 2025-09-28', () => {
    const c = cal()
    expect(c.isWorkingDay(dayFromIso('2025-09-28'))).toBe(true)
    expect(c.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28')
    expect(c.addWorkingDays('2025-09-26', 2)).toBe('2025-09-29')
  })

  it('skips the 2025 Spring Festival and counts Sunday 01-26', () => {
    const c = cal()
    // Sat 01-25 rest, Sun 01-26 make-up (1), Mon 01-27 (2), 01-28 … 02-04 holiday, Wed 02-05 (3).
    expect(c.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05')
    expect(c.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26')
  })

  it('same_day counts the event day itself when it is a working day', () => {
    expect(cal().addWorkingDays('2025-06-09', 3, 'same_day')).toBe('2025-06-11')
    expect(cal().addWorkingDays('2025-06-14', 1, 'same_day')).toBe('2025-06-16')
  })

  it('imported calendar days override the bundled calendar and the weekday default', () => {
    const c = createCalendar(bundledCalendar(), [
      { date: '2025-06-10', kind: 'HOLIDAY' },
      { date: '2025-06-21', kind: 'WORKDAY' },
      { date: '2025-10-11', kind: 'HOLIDAY' }
    ])
    expect(c.addWorkingDays('2025-06-09', 3)).toBe('2025-06-13')
    expect(c.addWorkingDays('2025-06-19', 2)).toBe('2025-06-21')
    // The bundled make-up day 10-11 is now a rest day: Oct 9, Oct 10, then Monday Oct 13.
    expect(c.addWorkingDays('2025-09-30', 3)).toBe('2025-10-13')
  })

  it('outside the covered years uses weekends alone and reports the year', () => {
    const c = cal()
    expect(c.coversYear(2025)).toBe(true)
    expect(c.coversYear(2027)).toBe(false)
    // 2027-01-01 is a Friday; no holidays known: Mon 01-04 is the 1st working day after 12-31.
    expect(c.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(c.uncoveredYearsUsed()).toEqual([2027])
    const d = cal()
    d.addWorkingDays('2025-06-09', 3)
    expect(d.uncoveredYearsUsed()).toEqual([])
  })

  it('a year whose schedule is imported (holidays and make-up working days) counts as covered; a lone imported day is used but does not', () => {
    const lone = createCalendar(bundledCalendar(), [{ date: '2027-01-01', kind: 'HOLIDAY' }])
    expect(lone.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
    expect(lone.uncoveredYearsUsed()).toEqual([2027])
    const schedule = createCalendar(bundledCalendar(), [{ date: '2027-01-01', kind: 'HOLIDAY' }, { date: '2027-02-20', kind: 'WORKDAY' }])
    expect(schedule.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
    expect(schedule.uncoveredYearsUsed()).toEqual([])
    expect([...yearsScheduledBy([{ date: '2028-01-01', kind: 'HOLIDAY' }, { date: '2027-05-01', kind: 'HOLIDAY' }, { date: '2027-04-25', kind: 'WORKDAY' }])]).toEqual([2027])
  })

  it('the N-th working day is always a working day after the start, with N-1 working days between', () => {
    const c = cal()
    fc.assert(fc.property(fc.integer({ min: dayFromIso('2024-01-01'), max: dayFromIso('2026-11-30') }), fc.integer({ min: 1, max: 10 }), (d, n) => {
      const r = c.addWorkingDaysToDay(d, n)
      expect(c.isWorkingDay(r)).toBe(true)
      let between = 0
      for (let x = d + 1; x < r; x++) if (c.isWorkingDay(x)) between++
      expect(between).toBe(n - 1)
    }))
  })
})
