// Regenerates resources/calendar/cn-official.json, the bundled official calendar (国务院办公厅 holiday
// notices: statutory holidays and make-up working days), from the well-kept `chinese-days` package.
// Run after upgrading chinese-days: node scripts/generate-calendar.ts
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { z } from 'zod'

const require = createRequire(import.meta.url)
const source = z
  .object({ holidays: z.record(z.string(), z.string()), workdays: z.record(z.string(), z.string()) })
  .parse(JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')))
const version = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8'))).version

const FIRST_YEAR = 2020
const days = [
  ...Object.keys(source.holidays).map((date) => ({ date, kind: 'HOLIDAY' as const })),
  ...Object.keys(source.workdays).map((date) => ({ date, kind: 'WORKDAY' as const }))
]
  .filter((d) => Number(d.date.slice(0, 4)) >= FIRST_YEAR)
  .sort((a, b) => a.date.localeCompare(b.date))
const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b)

writeFileSync(
  new URL('../resources/calendar/cn-official.json', import.meta.url),
  `${JSON.stringify({ source: `chinese-days@${version}`, covered_years: years, days }, null, 1)}\n`
)
console.log(`wrote ${days.length} days for ${years.join(', ')}`)
