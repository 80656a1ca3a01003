// Times the plans screen's queries on a database (median of several runs, warm cache), through the
// same `invoke` the hosts use. A developer's measuring tool, not a test: the benchmark suite owns
// the ratios. Usage: node scripts/time-plans-list.ts <db>   (e.g. a 100k-plan db from e2e/fixtures/seedDatabase.ts)
import { invoke } from '../core/api/registry.ts'
import { defaultSignedInUser } from '../core/users.ts'
import { openDatabase } from '../db/client.ts'

const path = process.argv[2]
if (!path) {
  process.stderr.write('usage: node scripts/time-plans-list.ts <db>\n')
  process.exit(2)
}
const db = openDatabase(path)
const ctx = { db, session: { userId: defaultSignedInUser(db.sqlite).id }, now: () => new Date() }
const plans = db.sqlite.prepare('SELECT count(*) FROM plans').pluck().get() as number
const sample = db.sqlite.prepare('SELECT id, department_id FROM plans ORDER BY id LIMIT 1 OFFSET ?').get(Math.floor(plans / 2)) as { id: string; department_id: string }

const cases: [string, string, unknown][] = [
  ['first page, no filter, with counts', 'plans.list', { offset: 0, limit: 100 }],
  ['first page, status SUBMITTED', 'plans.list', { status: 'SUBMITTED', offset: 0, limit: 100 }],
  ['first page, department', 'plans.list', { departmentId: sample.department_id, offset: 0, limit: 100 }],
  ['first page, domain FIRE + year 2026', 'plans.list', { domain: 'FIRE', year: 2026, offset: 0, limit: 100 }],
  ['first page, text 消防', 'plans.list', { text: '消防', offset: 0, limit: 100 }],
  ['first page, text (no match)', 'plans.list', { text: '不存在的计划', offset: 0, limit: 100 }],
  ['page at offset total-100, no counts', 'plans.list', { offset: Math.max(0, plans - 100), limit: 100, includeCounts: false }],
  ['facets', 'plans.facets', {}],
  ['plan detail', 'plans.get', { id: sample.id }],
  ['dashboard summary', 'dashboard.summary', {}]
]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
process.stdout.write(`${path}: ${plans} plans\n`)
for (const [name, channel, input] of cases) {
  const times: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const r = await invoke(ctx, channel, input)
    times.push(performance.now() - t0)
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  }
  process.stdout.write(`${name.padEnd(40)} ${median(times).toFixed(1).padStart(7)} ms\n`)
}
db.sqlite.close()
