// Dates, times and numbers as officers in Shanghai read them, whatever the machine's time zone.
const SHANGHAI = 'Asia/Shanghai'

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
})
const numberFormat = new Intl.NumberFormat('zh-CN')

/** `2026-03-01T01:00:00Z` → `2026-03-01 09:00` (Shanghai time); unparseable text is shown as is. */
export function formatTimestamp(ts: string | null | undefined): string {
  if (!ts) return '—'
  const ms = Date.parse(ts)
  if (Number.isNaN(ms)) return ts
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n)
}

export function formatRatio(r: number | null | undefined): string {
  if (r === null || r === undefined) return '—'
  return `${Math.round(r * 1000) / 10}%`
}

export function formatWindow(from: string, to: string): string {
  return `${from} 至 ${to}`
}

/** The same window for a narrow column: the end's year is dropped when it is the start's (`2026-01-01 至 12-31`). */
export function formatWindowShort(from: string, to: string): string {
  return from.slice(0, 4) === to.slice(0, 4) && to.length === 10 ? `${from} 至 ${to.slice(5)}` : formatWindow(from, to)
}

/** Whole days from one instant to another (for "已等待 N 天"). */
export function daysBetween(fromTs: string, to: Date): number | null {
  const ms = Date.parse(fromTs)
  return Number.isNaN(ms) ? null : Math.max(0, Math.floor((to.getTime() - ms) / 86_400_000))
}
