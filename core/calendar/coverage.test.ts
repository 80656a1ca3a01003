import { describe, expect, it } from 'vitest'
import { openMemoryDatabase } from '../../db/client.ts'
import { seedRecords } from '../../db/testing/seed.ts'
import { BUNDLED_CALENDAR_YEARS, bundledCalendarDays } from './bundled.ts'
import { calendarCoverage } from './coverage.ts'

const lastBundled = Math.max(...BUNDLED_CALENDAR_YEARS)
const next = lastBundled + 1

describe('the working-day calendar coverage shown to the officer', () => {
  it('lists the bundled years with their source and asks for next year’s schedule from November of the last bundled year', () => {
    const { sqlite } = openMemoryDatabase()
    const october = calendarCoverage(sqlite, `${lastBundled}-10-31`)
    expect(october.source).toMatch(/^chinese-days@\d/)
    expect(october.coveredYears).toEqual([...BUNDLED_CALENDAR_YEARS].sort((a, b) => a - b))
    expect(october.imported).toEqual([])
    expect(october.missingSoon).toEqual([])
    expect(calendarCoverage(sqlite, `${lastBundled}-11-01`).missingSoon).toEqual([next])
    // In an uncovered year, that year itself is missing too.
    expect(calendarCoverage(sqlite, `${next}-03-01`).missingSoon).toEqual([next])
    expect(calendarCoverage(sqlite, `${next}-12-01`).missingSoon).toEqual([next, next + 1])
  })

  it('counts the imported days that repeat the bundled calendar apart from those that change it', () => {
    const { sqlite } = openMemoryDatabase()
    const [holiday, workday] = [bundledCalendarDays().find((d) => d.kind === 'HOLIDAY')!, bundledCalendarDays().find((d) => d.kind === 'WORKDAY')!]
    seedRecords(sqlite, [
      { type: 'calendar_day', date: holiday.date, kind: 'HOLIDAY' },
      // A make-up working day the district does not observe.
      { type: 'calendar_day', date: workday.date, kind: 'HOLIDAY' }
    ])
    const years = calendarCoverage(sqlite, `${lastBundled}-06-01`).imported
    expect(years.reduce((n, y) => n + y.holidays, 0)).toBe(2)
    expect(years.reduce((n, y) => n + y.differing, 0)).toBe(1)
  })

  it('counts imported calendar days per year, and a year with its schedule imported is covered', () => {
    const { sqlite } = openMemoryDatabase()
    seedRecords(sqlite, [
      { type: 'calendar_day', date: `${next}-01-01`, kind: 'HOLIDAY' },
      { type: 'calendar_day', date: `${next}-02-06`, kind: 'HOLIDAY' },
      { type: 'calendar_day', date: `${next}-02-14`, kind: 'WORKDAY' },
      { type: 'calendar_day', date: `${lastBundled}-12-31`, kind: 'HOLIDAY' }
    ])
    const coverage = calendarCoverage(sqlite, `${lastBundled}-12-06`)
    expect(coverage.imported).toEqual([
      { year: lastBundled, holidays: 1, workdays: 0, differing: 1 },
      { year: next, holidays: 2, workdays: 1, differing: 3 }
    ])
    expect(coverage.coveredYears).toContain(next)
    expect(coverage.missingSoon).toEqual([])
    // A lone holiday imported for the year after is no schedule: still missing.
    seedRecords(sqlite, [{ type: 'calendar_day', date: `${next + 1}-01-01`, kind: 'HOLIDAY' }])
    const later = calendarCoverage(sqlite, `${next}-12-06`)
    expect(later.coveredYears).not.toContain(next + 1)
    expect(later.missingSoon).toEqual([next + 1])
  })
})
