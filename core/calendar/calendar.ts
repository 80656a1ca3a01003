// The working-day calendar (工作日历) behind every "N 个工作日" deadline (T-WD in rules-catalogue §1.2;
// rules-core-v1 §Definitions "Working days"): Monday–Friday work unless a calendar day says HOLIDAY,
// Saturday–Sunday rest unless it says WORKDAY (调休上班日). Imported `calendar_day` records override the
// bundled official calendar date by date. For a year the calendar does not cover, weekends alone decide,
// and the calendar remembers that year so the analysis output can carry a warning.
import type { CalendarDay } from '../contract/records.ts'
import { BUNDLED_CALENDAR_YEARS, bundledCalendarDays } from './bundled.ts'
import { dayFromIso, isoFromDay, weekdayOfDay, yearOfDay, type DayNumber } from './days.ts'

export type CalendarSource = { years: readonly number[]; days: readonly Pick<CalendarDay, 'date' | 'kind'>[] }

/** Where counting starts: the day after the event (Civil Code art. 201 convention), or the event day itself. */
export type WorkingDayCountFrom = 'next_day' | 'same_day'

export type WorkingCalendar = {
  isWorkingDay(day: DayNumber): boolean
  /** The N-th working day counted from the day after `day` (or from `day` itself with `same_day`). */
  addWorkingDaysToDay(day: DayNumber, n: number, countFrom?: WorkingDayCountFrom): DayNumber
  /** Same on 'YYYY-MM-DD' strings. */
  addWorkingDays(date: string, n: number, countFrom?: WorkingDayCountFrom): string
  coversYear(year: number): boolean
  /** Years a computation stepped into that the calendar does not cover (weekends alone were used), ascending. */
  uncoveredYearsUsed(): number[]
}

export function bundledCalendar(): CalendarSource {
  return { years: BUNDLED_CALENDAR_YEARS, days: bundledCalendarDays() }
}

/**
 * Whether the days imported for a year give its official schedule: holidays and make-up working days
 * (调休上班日) both, as every year's State Council notice has. A day or two imported for a year (a local
 * holiday, a correction) leave it uncovered: its other holidays are still unknown, and the output keeps
 * warning (rules-core-v1 §Working days).
 */
export function isYearSchedule(counts: { holidays: number; workdays: number }): boolean {
  return counts.holidays > 0 && counts.workdays > 0
}

/** The years whose official schedule the imported days supply (isYearSchedule). */
export function yearsScheduledBy(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): Set<number> {
  const byYear = new Map<number, { holidays: number; workdays: number }>()
  for (const d of days) {
    const year = Number(d.date.slice(0, 4))
    const counts = byYear.get(year) ?? { holidays: 0, workdays: 0 }
    if (d.kind === 'HOLIDAY') counts.holidays++
    else counts.workdays++
    byYear.set(year, counts)
  }
  return new Set([...byYear].filter(([, counts]) => isYearSchedule(counts)).map(([year]) => year))
}

/**
 * Builds the calendar from the bundled official days and the imported ones (imported win for the same
 * date). A year counts as covered when the bundled calendar covers it or the imported days give its
 * schedule (yearsScheduledBy).
 */
export function createCalendar(bundled: CalendarSource = bundledCalendar(), imported: readonly Pick<CalendarDay, 'date' | 'kind'>[] = []): WorkingCalendar {
  const kinds = new Map<DayNumber, 'HOLIDAY' | 'WORKDAY'>()
  for (const d of bundled.days) kinds.set(dayFromIso(d.date), d.kind)
  for (const d of imported) kinds.set(dayFromIso(d.date), d.kind)
  const covered = new Set<number>([...bundled.years, ...yearsScheduledBy(imported)])
  const uncoveredUsed = new Set<number>()
  // Deadlines repeat a lot (a million visits fall on a few thousand dates): memoise per (start, n, mode).
  const memo = new Map<number, DayNumber>()

  const isWorkingDay = (day: DayNumber): boolean => {
    const kind = kinds.get(day)
    if (kind !== undefined) return kind === 'WORKDAY'
    const weekday = weekdayOfDay(day)
    return weekday !== 0 && weekday !== 6
  }

  const addWorkingDaysToDay = (day: DayNumber, n: number, countFrom: WorkingDayCountFrom = 'next_day'): DayNumber => {
    const key = (day * 64 + Math.min(n, 31)) * 2 + (countFrom === 'same_day' ? 1 : 0)
    const cached = n < 32 ? memo.get(key) : undefined
    if (cached !== undefined) return cached
    let d = countFrom === 'next_day' ? day : day - 1
    let counted = 0
    let lastYear = Number.NaN
    while (counted < n) {
      d++
      const year = yearOfDay(d)
      if (year !== lastYear) {
        if (!covered.has(year)) uncoveredUsed.add(year)
        lastYear = year
      }
      if (isWorkingDay(d)) counted++
    }
    if (n <= 0) {
      const year = yearOfDay(d)
      if (!covered.has(year)) uncoveredUsed.add(year)
    }
    if (n < 32) memo.set(key, d)
    return d
  }

  return {
    isWorkingDay,
    addWorkingDaysToDay,
    addWorkingDays: (date, n, countFrom) => isoFromDay(addWorkingDaysToDay(dayFromIso(date), n, countFrom)),
    coversYear: (year) => covered.has(year),
    uncoveredYearsUsed: () => [...uncoveredUsed].sort((a, b) => a - b)
  }
}
