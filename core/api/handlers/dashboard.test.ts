import { beforeEach, describe, expect, it } from 'vitest'
import type { Plan } from '../../contract/records.ts'
import { openMemoryDatabase, type OpenedDb } from '../../../db/client.ts'
import { createRecordWriter } from '../../../db/records.ts'
import { DEFAULT_USER_ID, ensureDefaultUser } from '../../users.ts'
import type { DashboardSummary, DataFreshness } from '../channels.ts'
import { invoke } from '../registry.ts'
import { BUNDLED_CALENDAR_YEARS } from '../../calendar/bundled.ts'

let db: OpenedDb
let now = new Date()
const ctx = () => ({ db, session: { userId: DEFAULT_USER_ID }, now: () => now })

function plan(id: string, status: Plan['status'], submittedAt: string | null): Plan {
  return {
    type: 'plan', id, plan_code: null, department_id: 'D1', participant_department_ids: null, title: id, plan_type: 'ANNUAL', origin: 'SELF',
    year: 2026, window_from: '2026-01-01', window_to: '2026-12-31', item_ids: [], targets: null, scope: null, sampling_ratio: null, method: null,
    frequency: null, legal_basis: null, status, submitted_at: submittedAt, filed_at: null, published_at: null
  }
}

const review = (planId: string, decidedAt: string) =>
  db.sqlite
    .prepare("INSERT INTO plan_reviews (id, plan_id, decision, reviewer_id, decided_at, plan_snapshot) VALUES (?, ?, 'RETURN', ?, ?, '{}')")
    .run(`R-${planId}-${decidedAt}`, planId, DEFAULT_USER_ID, decidedAt)

async function summary(): Promise<DashboardSummary> {
  const r = await invoke(ctx(), 'dashboard.summary', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as DashboardSummary
}

beforeEach(() => {
  now = new Date()
  db = openMemoryDatabase()
  ensureDefaultUser(db.sqlite)
})

describe('dashboard.summary', () => {
  it('asks for next year’s holiday schedule near the end of the last year the calendar covers, until its schedule is imported', async () => {
    const last = Math.max(...BUNDLED_CALENDAR_YEARS)
    now = new Date(`${last}-10-31T12:00:00+08:00`)
    expect((await summary()).calendarMissing).toEqual([])
    now = new Date(`${last}-12-06T12:00:00+08:00`)
    expect((await summary()).calendarMissing).toEqual([last + 1])
    const writer = createRecordWriter(db.sqlite, 1)
    writer.write({ type: 'calendar_day', date: `${last + 1}-01-01`, kind: 'HOLIDAY' })
    // One holiday is not the year's schedule; with a make-up working day it is.
    expect((await summary()).calendarMissing).toEqual([last + 1])
    writer.write({ type: 'calendar_day', date: `${last + 1}-02-20`, kind: 'WORKDAY' })
    expect((await summary()).calendarMissing).toEqual([])
  })

  it('counts plans per status and the submitted plans still waiting for a review decision', async () => {
    const writer = createRecordWriter(db.sqlite, 1)
    for (const p of [
      plan('P-OLD', 'SUBMITTED', '2026-03-01T09:00:00+08:00'),
      plan('P-NEW', 'SUBMITTED', '2026-05-01T09:00:00+08:00'),
      plan('P-DECIDED', 'SUBMITTED', '2026-04-01T09:00:00+08:00'),
      plan('P-RESUBMITTED', 'SUBMITTED', '2026-04-10T09:00:00+08:00'),
      plan('P-FILED', 'FILED', '2026-02-01T09:00:00+08:00'),
      plan('P-DRAFT', 'DRAFT', null)
    ]) writer.write(p)
    // Decided after submission (the decision at 02:00Z is 10:00 in Shanghai, after 09:00+08:00): no longer waiting.
    review('P-DECIDED', '2026-04-01T02:00:00Z')
    // Returned once, then resubmitted later: waiting again.
    review('P-RESUBMITTED', '2026-04-05T10:00:00+08:00')
    const s = await summary()
    expect(s.plans.total).toBe(6)
    expect(s.plans.byStatus).toEqual({ SUBMITTED: 4, FILED: 1, DRAFT: 1 })
    expect(s.plans.waitingReview).toBe(3)
    expect(s.plans.oldestWaiting.map((p) => p.id)).toEqual(['P-OLD', 'P-RESUBMITTED', 'P-NEW'])
    // The figures are remembered between visits, and follow every change.
    review('P-OLD', '2026-03-02T09:00:00+08:00')
    writer.write(plan('P-LATE', 'SUBMITTED', '2026-06-01T09:00:00+08:00'))
    const after = await summary()
    expect(after.plans.total).toBe(7)
    expect(after.plans.oldestWaiting.map((p) => p.id)).toEqual(['P-RESUBMITTED', 'P-NEW', 'P-LATE'])
  })

  it('reports an empty database as zeros and no freshness', async () => {
    const s = await summary()
    expect(s).toMatchObject({ plans: { total: 0, waitingReview: 0, oldestWaiting: [] }, tasks: { total: 0 }, enterprises: 0, flags: { total: 0, undecided: 0 } })
    expect(s.freshness).toEqual({ lastImportAt: null, lastSyncAt: null })
  })
})

describe('data.freshness', () => {
  it('gives the last import batch and the last successful sync', async () => {
    const batch = db.sqlite.prepare("INSERT INTO import_batches (at, source, user_id, report) VALUES (?, 'file', 'u', '{}')")
    batch.run('2026-11-20T09:00:00+08:00')
    batch.run('2026-11-21T09:00:00+08:00')
    db.sqlite.prepare("INSERT INTO sync_cursors (collection, last_success_at) VALUES ('plans', '2026-11-22T08:00:00+08:00'), ('tasks', '2026-11-22T08:05:00+08:00')").run()
    const r = await invoke(ctx(), 'data.freshness', {})
    expect(r.ok && (r.value as DataFreshness)).toEqual({ lastImportAt: '2026-11-21T09:00:00+08:00', lastSyncAt: '2026-11-22T08:05:00+08:00' })
  })
})
