// The bundled official calendar (resources/calendar/cn-official.json, generated from `chinese-days`
// by scripts/generate-calendar.ts): statutory holidays (HOLIDAY) and make-up working days (WORKDAY).
// Imported `calendar_day` records override it date by date.
import { z } from 'zod'
import { calendarDaySchema, type CalendarDay } from '../contract/records.ts'
import bundled from '../../resources/calendar/cn-official.json' with { type: 'json' }

const bundledCalendarSchema = z.object({
  source: z.string(),
  covered_years: z.array(z.number().int()),
  days: z.array(calendarDaySchema.omit({ type: true }))
})

const parsed = bundledCalendarSchema.parse(bundled)

/** Years whose holidays and make-up days the bundled calendar knows. */
export const BUNDLED_CALENDAR_YEARS: readonly number[] = parsed.covered_years
export const BUNDLED_CALENDAR_SOURCE: string = parsed.source

export function bundledCalendarDays(): CalendarDay[] {
  return parsed.days.map((d) => ({ type: 'calendar_day', date: d.date, kind: d.kind }))
}
