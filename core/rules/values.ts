// Small value helpers every part of the engine shares: blank strings as absent, a timestamp's day,
// the order of ids, records by id.
import { shanghaiDate } from '../contract/scalars.ts'
import { dayFromIso, type DayNumber } from '../calendar/days.ts'

/** Blank strings count as absent (rules-core-v1 §Definitions "Empty values"). No allocation: runs millions of times. */
export function present(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null
  const n = s.length
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === 32 || (c >= 9 && c <= 13)) continue
    if (c < 128) return s
    // Rare: a non-ASCII character; let the engine's notion of white space (e.g. U+3000) decide.
    return s.trim() === '' ? null : s
  }
  return null
}

/** The Asia/Shanghai calendar day of a timestamp. The common "+08:00" case needs no arithmetic. */
export function timestampDay(ts: string): DayNumber {
  return dayFromIso(ts.endsWith('+08:00') ? ts : shanghaiDate(ts))
}

/** Plain code-unit string order (not locale): the order of ids everywhere in the output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Records by id; a later record with the same id replaces the earlier one (interchange-v1 upsert). */
export function lastById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const m = new Map<string, T>()
  for (const r of records) m.set(r.id, r)
  return m
}
