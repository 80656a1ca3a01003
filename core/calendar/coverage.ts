// Which years the working-day calendar knows (工作日历覆盖情况), for the officer: the bundled official
// calendar's years and source, the days imported as `calendar_day` records per year, and the years
// that need a schedule soon. A deadline in a year the calendar does not cover is counted on weekends
// alone (calendar.ts), so a missing schedule quietly moves deadlines across the Spring Festival: the
// officer should see it coming, not only in the warnings of a run that already stepped into it.
import type { Sqlite } from '../../db/client.ts'
import { BUNDLED_CALENDAR_SOURCE, BUNDLED_CALENDAR_YEARS, bundledCalendarDays } from './bundled.ts'
import { isYearSchedule } from './calendar.ts'

/**
 * The days imported for one year: how many holidays and make-up working days (调休上班日), and how many
 * of them say something the bundled calendar does not (another kind, or a date it does not list).
 */
export type ImportedCalendarYear = { year: number; holidays: number; workdays: number; differing: number }

export type CalendarCoverage = {
  /** Where the bundled days come from (package and version). */
  source: string
  bundledYears: number[]
  imported: ImportedCalendarYear[]
  /** Every year covered: bundled, or with its schedule imported (holidays and make-up days), ascending. */
  coveredYears: number[]
  /** Years without a schedule that deadlines will soon fall in: this year, and next year near the year's end. */
  missingSoon: number[]
}

/**
 * From this month on, next year's schedule is wanted: the State Council publishes it around November,
 * and deadlines of late-December inspections (a few working days) already fall in January.
 */
export const NEXT_YEAR_WANTED_FROM_MONTH = 11

export function importedCalendarYears(sqlite: Sqlite): ImportedCalendarYear[] {
  const bundled = new Map(bundledCalendarDays().map((d) => [d.date, d.kind]))
  const years = new Map<number, ImportedCalendarYear>()
  // A few hundred rows at most: one per holiday or make-up day.
  for (const [date, kind] of sqlite.prepare('SELECT date, kind FROM calendar_days ORDER BY date').raw(true).all() as [string, string][]) {
    const year = Number(date.slice(0, 4))
    let y = years.get(year)
    if (!y) years.set(year, (y = { year, holidays: 0, workdays: 0, differing: 0 }))
    if (kind === 'HOLIDAY') y.holidays++
    else y.workdays++
    if (bundled.get(date) !== kind) y.differing++
  }
  return [...years.values()]
}

/** The coverage as of `today` ('YYYY-MM-DD', Shanghai). */
export function calendarCoverage(sqlite: Sqlite, today: string): CalendarCoverage {
  const imported = importedCalendarYears(sqlite)
  // As the analysis's calendar decides: a year's schedule imported (holidays and make-up days both).
  const covered = new Set([...BUNDLED_CALENDAR_YEARS, ...imported.filter(isYearSchedule).map((y) => y.year)])
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const wanted = month >= NEXT_YEAR_WANTED_FROM_MONTH ? [year, year + 1] : [year]
  return {
    source: BUNDLED_CALENDAR_SOURCE,
    bundledYears: [...BUNDLED_CALENDAR_YEARS],
    imported,
    coveredYears: [...covered].sort((a, b) => a - b),
    missingSoon: wanted.filter((y) => !covered.has(y))
  }
}
