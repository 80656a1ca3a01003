// Reading a task's visits column (JSON text) straight into the visit columns, without JSON.parse.
// The database holds visits as db/records.ts writes them: JSON.stringify of validated records, keys in
// schema order, no spaces. Parsing that text builds an array, an object per visit and an array of
// officer ids per visit, a few million objects over a full read that die at once; the scanner reads
// the few values the rules need from the text itself. Any text in another form (other key order,
// spaces, escapes, blank values) is left to JSON.parse: the scanner says so and writes nothing.
import { VISIT_OUTCOMES } from '../contract/records.ts'
import { dayFromCivil, type DayNumber } from '../calendar/days.ts'
import { timestampDay } from './values.ts'

/** Where scanned visits go: the builder's columns (taskTable.ts). */
export type VisitSink = {
  /** Number of visits and officer entries written so far (to undo a half-scanned text). */
  mark(): { visits: number; officers: number }
  undo(to: { visits: number; officers: number }): void
  /** An officer of the visit being scanned (they come before the visit itself). */
  officer(id: string): void
  /** Closes a visit: its values, and the officers given since the last one. */
  visit(date: DayNumber, entered: DayNumber | null, outcome: number): void
}

const QUOTE = 34
const BACKSLASH = 92
const ZERO = 48

/** 'YYYY-MM-DD' at `at` (checked for shape only: the database holds validated dates). */
function dayAt(s: string, at: number): DayNumber | null {
  if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return null
  let year = 0
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(at + i) - ZERO
    if (d < 0 || d > 9) return null
    year = year * 10 + d
  }
  const m1 = s.charCodeAt(at + 5) - ZERO
  const m2 = s.charCodeAt(at + 6) - ZERO
  const d1 = s.charCodeAt(at + 8) - ZERO
  const d2 = s.charCodeAt(at + 9) - ZERO
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null
  return dayFromCivil(year, m1 * 10 + m2, d1 * 10 + d2)
}

/**
 * Scans `text` into the sink. Returns false, having written nothing, when the text is not in the
 * canonical form (the caller then parses it as JSON).
 */
export function scanVisits(text: string, sink: VisitSink): boolean {
  const start = sink.mark()
  const fail = (): boolean => {
    sink.undo(start)
    return false
  }
  let p = 0
  const expect = (literal: string): boolean => {
    if (!text.startsWith(literal, p)) return false
    p += literal.length
    return true
  }
  /** A quoted string without escapes at p: its end (the closing quote), or -1. */
  const stringEnd = (): number => {
    if (text.charCodeAt(p) !== QUOTE) return -1
    for (let i = p + 1; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === QUOTE) return i
      if (c === BACKSLASH) return -1
    }
    return -1
  }
  if (!expect('[')) return fail()
  if (expect(']')) return p === text.length ? true : fail()
  for (;;) {
    if (!expect('{"date":"')) return fail()
    const date = dayAt(text, p)
    if (date === null) return fail()
    p += 10
    if (!expect('","officer_ids":[')) return fail()
    if (!expect(']')) {
      for (;;) {
        const end = stringEnd()
        if (end < 0) return fail()
        sink.officer(text.slice(p + 1, end))
        p = end + 1
        if (expect(']')) break
        if (!expect(',')) return fail()
      }
    }
    if (!expect(',"outcome":')) return fail()
    let outcome = -1
    if (!expect('null')) {
      const end = stringEnd()
      if (end < 0) return fail()
      outcome = VISIT_OUTCOMES.findIndex((o) => o.length === end - p - 1 && text.startsWith(o, p + 1))
      if (outcome < 0) return fail()
      p = end + 1
    }
    if (!expect(',"result_entered_at":')) return fail()
    let entered: DayNumber | null = null
    if (!expect('null')) {
      const end = stringEnd()
      // A timestamp is at least 'YYYY-MM-DDTHH:MM:SSZ'; anything shorter (blank, say) is not canonical.
      if (end < 0 || end - p - 1 < 20) return fail()
      entered = text.startsWith('+08:00', end - 6) ? dayAt(text, p + 1) : timestampDay(text.slice(p + 1, end))
      if (entered === null) return fail()
      p = end + 1
    }
    if (!expect('}')) return fail()
    sink.visit(date, entered, outcome)
    if (expect(']')) return p === text.length ? true : fail()
    if (!expect(',')) return fail()
  }
}
