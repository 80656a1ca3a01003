// Calendar dates as integers (days since 1970-01-01), so the rule engine compares and steps dates with
// plain arithmetic: a million tasks are analysed without creating a single Date object.
// Conversions use Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
import { daysInMonth } from '../contract/scalars.ts'

/** A calendar date as days since 1970-01-01 (negative before it). */
export type DayNumber = number

// Day numbers of 1 January for 1900–2199, and of each month's first day, for the common case.
const TABLE_FROM = 1900
const TABLE_TO = 2199
const YEAR_STARTS = new Int32Array(TABLE_TO - TABLE_FROM + 1)
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  if (year >= TABLE_FROM && year <= TABLE_TO && month >= 1 && month <= 12) {
    return YEAR_STARTS[year - TABLE_FROM]! + MONTH_STARTS[month - 1]! + (month > 2 && isLeap(year) ? 1 : 0) + day - 1
  }
  return dayFromCivilSlow(year, month, day)
}

function dayFromCivilSlow(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

for (let y = TABLE_FROM; y <= TABLE_TO; y++) YEAR_STARTS[y - TABLE_FROM] = dayFromCivilSlow(y, 1, 1)

export type Civil = { year: number; month: number; day: number }

export function civilFromDay(n: DayNumber): Civil {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const ZERO = 48

/** 'YYYY-MM-DD' → day number. The string must already be a valid date (records are validated on import). */
export function dayFromIso(s: string): DayNumber {
  const year = (s.charCodeAt(0) - ZERO) * 1000 + (s.charCodeAt(1) - ZERO) * 100 + (s.charCodeAt(2) - ZERO) * 10 + (s.charCodeAt(3) - ZERO)
  const month = (s.charCodeAt(5) - ZERO) * 10 + (s.charCodeAt(6) - ZERO)
  const day = (s.charCodeAt(8) - ZERO) * 10 + (s.charCodeAt(9) - ZERO)
  return dayFromCivil(year, month, day)
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

export function isoFromDay(n: DayNumber): string {
  const c = civilFromDay(n)
  return `${String(c.year).padStart(4, '0')}-${pad2(c.month)}-${pad2(c.day)}`
}

export function yearOfDay(n: DayNumber): number {
  return civilFromDay(n).year
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7
}

/** Month arithmetic (T-MONTH): how "one month after d" is computed. */
export type MonthMode = 'calendar' | 'days30'

/**
 * `d + k months`. calendar: the same day number k months later, clamped to that month's last day
 * (01-31 + 1 month = 02-28, or 02-29 in a leap year). days30: k × 30 days (the catalogue's alternative).
 */
export function addMonths(n: DayNumber, months: number, mode: MonthMode = 'calendar'): DayNumber {
  if (mode === 'days30') return n + 30 * months
  const c = civilFromDay(n)
  const index = c.year * 12 + (c.month - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return dayFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)))
}

/** The day `MM-DD` of `year`, with the day clamped to the month's end ("02-29" is 02-28 in other years). */
export function monthDayOfYear(year: number, monthDay: string): DayNumber {
  const month = Number(monthDay.slice(0, 2))
  const day = Number(monthDay.slice(3, 5))
  return dayFromCivil(year, month, Math.min(day, daysInMonth(year, month)))
}

/** First day of the year and of the half-year (H1 = Jan–Jun, H2 = Jul–Dec) containing `n`. */
export function halfYearOfDay(n: DayNumber): { year: number; half: 1 | 2 } {
  const c = civilFromDay(n)
  return { year: c.year, half: c.month <= 6 ? 1 : 2 }
}
