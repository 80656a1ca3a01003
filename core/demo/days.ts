// Day arithmetic for the generator, on integer day numbers (days since 1970-01-01), because a
// million-task run does tens of millions of date comparisons. The semantics follow
// ../shared/domain/rules-core-v1.md §Definitions: calendar months clamp to the month's last day, and
// working days count from the day after the event, Monday–Friday unless the calendar says otherwise.
import type { CalendarDay } from '../contract/records.ts'
import { daysInMonth } from '../contract/scalars.ts'

const MS_PER_DAY = 86_400_000

export function dayOf(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY)
}

const dateCache = new Map<number, string>()

export function dateOf(day: number): string {
  let s = dateCache.get(day)
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    if (dateCache.size < 20_000) dateCache.set(day, s)
  }
  return s
}

export function yearOf(day: number): number {
  return Number(dateOf(day).slice(0, 4))
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

/** `day + months` calendar months, clamped to the last day of the target month (01-31 + 1 month = 02-28/29). */
export function addMonths(day: number, months: number): number {
  const d = dateOf(day)
  const y = Number(d.slice(0, 4)), m = Number(d.slice(5, 7)), dd = Number(d.slice(8, 10))
  const total = y * 12 + (m - 1) + months
  const ty = Math.floor(total / 12), tm = (total % 12) + 1
  return Math.round(Date.UTC(ty, tm - 1, Math.min(dd, daysInMonth(ty, tm))) / MS_PER_DAY)
}

/** A timestamp with the Shanghai offset, as the central system writes them. */
export function timestampOf(day: number, hour: number, minute: number): string {
  return `${dateOf(day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`
}

export type WorkingDays = {
  isWorkingDay(day: number): boolean
  /** The n-th working day after `day` (n ≥ 1), counting from the day after. */
  nthWorkingDayAfter(day: number, n: number): number
}

/** Working-day arithmetic over the official calendar (HOLIDAY on a weekday, WORKDAY on a weekend). */
export function createWorkingDays(calendar: readonly CalendarDay[]): WorkingDays {
  const overrides = new Map<number, boolean>()
  for (const c of calendar) overrides.set(dayOf(c.date), c.kind === 'WORKDAY')
  const isWorkingDay = (day: number): boolean => {
    const o = overrides.get(day)
    if (o !== undefined) return o
    const w = weekdayOf(day)
    return w !== 0 && w !== 6
  }
  return {
    isWorkingDay,
    nthWorkingDayAfter(day, n) {
      let d = day
      let found = 0
      while (found < n) {
        d++
        if (isWorkingDay(d)) found++
      }
      return d
    }
  }
}
