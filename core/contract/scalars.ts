// Scalar conventions of the interchange format (../shared/contract/interchange-v1.md §Scalar conventions).
import { z } from 'zod'

export const DOMAINS = [
  'MKT', 'PSB', 'FIRE', 'DRUG', 'HLTH', 'CULT', 'ENV', 'TRAN', 'URB', 'HRSS', 'CONS', 'EMER', 'AGRI', 'MEDI'
] as const
export type Domain = (typeof DOMAINS)[number]

/** Chinese names of the 14 enforcement domains (执法领域). */
export const DOMAIN_NAMES = {
  MKT: '市场监管', PSB: '公安', FIRE: '消防救援', DRUG: '药品监督', HLTH: '卫生健康', CULT: '文化旅游',
  ENV: '生态环境', TRAN: '交通运输', URB: '城市管理', HRSS: '人社', CONS: '建设管理', EMER: '应急管理',
  AGRI: '农业农村', MEDI: '医疗保障'
} as const satisfies Record<Domain, string>

// Dates and timestamps are checked with character codes rather than regex captures: the importer
// runs these for every date of every record (millions), and the captures' allocations showed up.

/** The number written by `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digitsAt(s: string, start: number, count: number): number {
  let v = 0
  for (let i = start; i < start + count; i++) {
    const digit = s.charCodeAt(i) - 48
    if (!(digit >= 0 && digit <= 9)) return -1
    v = v * 10 + digit
  }
  return v
}

/** True when s[start, start+10) is YYYY-MM-DD naming a real calendar day. */
function isCalendarDateAt(s: string, start: number): boolean {
  if (s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) return false
  const y = digitsAt(s, start, 4), mo = digitsAt(s, start + 5, 2), d = digitsAt(s, start + 8, 2)
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

/** True when `s` is YYYY-MM-DD naming a real calendar day. */
export function isCalendarDate(s: string): boolean {
  return s.length === 10 && isCalendarDateAt(s, 0)
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Plain arithmetic (no Date object): it runs for every date of every imported record. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return MONTH_DAYS[month - 1] ?? 31
}

export const dateSchema = z.string().refine(isCalendarDate, { message: '日期须为 YYYY-MM-DD 的有效日期 / must be a valid YYYY-MM-DD date' })

const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

export function isTimestamp(s: string): boolean {
  if (!TIMESTAMP_RE.test(s) || !isCalendarDateAt(s, 0)) return false
  // The pattern fixes the positions: HH at 11, MM at 14, and seconds at 17 when a ':' follows the minutes.
  const seconds = s.charCodeAt(16) === 58 ? digitsAt(s, 17, 2) : 0
  if (!(digitsAt(s, 11, 2) < 24 && digitsAt(s, 14, 2) < 60 && seconds < 60)) return false
  if (s.endsWith('Z')) return true
  // The offset, ±HH:MM or ±HHMM at the end: real offsets run from −12:00 to +14:00.
  const n = s.length
  const offsetHours = digitsAt(s, s.charCodeAt(n - 3) === 58 ? n - 5 : n - 4, 2)
  return offsetHours <= 14 && digitsAt(s, n - 2, 2) < 60
}

export const timestampSchema = z.string().refine(isTimestamp, {
  message: '时间须为带时区的 ISO 8601 时间，如 2025-03-04T09:30:00+08:00 / must be ISO 8601 with offset'
})

/**
 * The calendar date of a timestamp in Asia/Shanghai (UTC+8, no DST), whatever offset it is written with.
 * Pure string arithmetic: this runs a million times in an analysis.
 */
export function shanghaiDate(ts: string): string {
  const m = TIMESTAMP_RE.exec(ts)
  if (!m) throw new Error(`not a timestamp: ${ts}`)
  const zone = m[5] ?? 'Z'
  const offsetMin = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
  if (offsetMin === 480) return m[1] ?? ''
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`) - offsetMin * 60_000 + 480 * 60_000
  return new Date(ms).toISOString().slice(0, 10)
}

/** Today's calendar date in Asia/Shanghai (UTC+8, no DST) at the instant `now`. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export const idSchema = z.string().min(1, { message: '编号不能为空 / must not be empty' }).max(64, { message: '编号最长 64 字符 / at most 64 characters' })

// GB 32100-2015: 18 characters from this 31-character alphabet (no I, O, Z, S, V).
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/

export const usccSchema = z.string().regex(USCC_RE, {
  message: '统一社会信用代码须为 18 位（数字及除 I、O、Z、S、V 外的大写字母）/ USCC must be 18 characters of the GB 32100 alphabet'
})

/** The check character (18th) that GB 32100-2015 gives for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i] ?? '0') * (USCC_WEIGHTS[i] ?? 0)
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '0'
}

export function hasValidUsccCheckChar(code: string): boolean {
  return USCC_RE.test(code) && usccCheckChar(code.slice(0, 17)) === code[17]
}

export const domainSchema = z.enum(DOMAINS)

export function isDomain(s: string): s is Domain {
  return (DOMAINS as readonly string[]).includes(s)
}

/**
 * Calendar-month arithmetic on YYYY-MM-DD (month_mode = calendar): the same day number `n` months later,
 * clamped to that month's last day (01-31 + 1 month = 02-28 or 02-29).
 */
export function addCalendarMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4)), m = Number(date.slice(5, 7)), d = Number(date.slice(8, 10))
  const total = y * 12 + (m - 1) + n
  const ny = Math.floor(total / 12), nm = (total % 12) + 1
  const day = Math.min(d, daysInMonth(ny, nm))
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
