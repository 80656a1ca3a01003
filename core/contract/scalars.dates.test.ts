// The character-code date and timestamp checks (fast, for the importer) against the plain regex
// definitions they replaced: same verdict on every string.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCalendarDate, isTimestamp } from './scalars.ts'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

function referenceDate(s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  // Proleptic Gregorian leap years (Date.UTC would map years 0–99 to 1900–1999).
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!
}

function referenceTimestamp(s: string): boolean {
  const m = TIMESTAMP_RE.exec(s)
  if (!m || !referenceDate(m[1] ?? '')) return false
  return Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60
}

const digit = fc.constantFrom('0', '1', '2', '3', '5', '9')
const nearDate = fc.tuple(fc.string({ unit: digit, minLength: 3, maxLength: 5 }), fc.constantFrom('-', '/'), fc.string({ unit: digit, minLength: 1, maxLength: 2 }), fc.constant('-'), fc.string({ unit: digit, minLength: 1, maxLength: 3 }))
  .map((parts) => parts.join(''))
const realDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const anyDate = fc.oneof(realDate, nearDate, fc.string({ maxLength: 12 }))
const zone = fc.constantFrom('Z', '+08:00', '-0500', '+8:00', '', '+08', 'z')
const time = fc.tuple(fc.string({ unit: digit, minLength: 1, maxLength: 2 }), fc.string({ unit: digit, minLength: 2, maxLength: 2 }), fc.constantFrom('', ':00', ':59', ':60', ':5', '.123', ':07.5', ':07.1234567891'))
  .map(([h, m, rest]) => `${h}:${m}${rest}`)

describe('date and timestamp checks', () => {
  it('agree with the regex definitions on dates', () => {
    fc.assert(fc.property(anyDate, (s) => {
      expect(isCalendarDate(s), s).toBe(referenceDate(s))
    }), { numRuns: 20_000 })
    for (const s of ['2024-02-29', '2025-02-29', '2000-02-29', '1900-02-29', '0000-02-29', '2025-04-31', '2025-00-10', '2025-01-00', '２０２５-01-01']) {
      expect(isCalendarDate(s), s).toBe(referenceDate(s))
    }
  })

  it('agree with the regex definitions on timestamps', () => {
    fc.assert(
      fc.property(anyDate, fc.constantFrom('T', ' ', 't'), time, zone, (d, sep, t, z) => {
        const s = `${d}${sep}${t}${z}`
        expect(isTimestamp(s), s).toBe(referenceTimestamp(s))
      }),
      { numRuns: 20_000 }
    )
  })
})
