// SQL of the home screen (工作台) and the header's data freshness. Each figure is one indexed count
// or a GROUP BY over a covering index, so the home screen stays instant on a city-scale database.
import type { Sqlite } from '../client.ts'
import { decidedOnCurrentSubmission } from './reviewDecisions.ts'
import { statement } from './statements.ts'

export function plansByStatus(sqlite: Sqlite): Record<string, number> {
  const rows = statement(sqlite, 'SELECT status, count(*) AS n FROM plans GROUP BY status').all() as { status: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

// A submitted plan waits for review (待审核) until this workstation records a decision on its (latest)
// submission (reviewDecisions.ts).
const WAITING_REVIEW = `p.status = 'SUBMITTED' AND NOT EXISTS (
  SELECT 1 FROM plan_reviews r WHERE r.plan_id = p.id AND ${decidedOnCurrentSubmission('p', 'r')})`

export function countPlansWaitingReview(sqlite: Sqlite): number {
  return statement(sqlite, `SELECT count(*) FROM plans p WHERE ${WAITING_REVIEW}`).pluck().get() as number
}

export type WaitingPlanRow = { id: string; planCode: string | null; title: string; departmentName: string | null; submittedAt: string | null }

export function oldestPlansWaitingReview(sqlite: Sqlite, limit: number): WaitingPlanRow[] {
  return statement(
    sqlite,
    `SELECT p.id, p.plan_code AS planCode, p.title, d.name AS departmentName, p.submitted_at AS submittedAt
       FROM plans p LEFT JOIN departments d ON d.id = p.department_id
      WHERE ${WAITING_REVIEW}
      ORDER BY julianday(p.submitted_at) IS NULL, julianday(p.submitted_at), p.id
      LIMIT ?`
  ).all(limit) as WaitingPlanRow[]
}

export function countRows(sqlite: Sqlite, table: 'tasks' | 'enterprises' | 'departments' | 'plans' | 'flags'): number {
  return statement(sqlite, `SELECT count(*) FROM ${table}`).pluck().get() as number
}

export function countUndecidedFlags(sqlite: Sqlite): number {
  return statement(sqlite, 'SELECT count(*) FROM flags f WHERE NOT EXISTS (SELECT 1 FROM flag_decisions d WHERE d.flag_key = f.flag_key)')
    .pluck()
    .get() as number
}

export type FreshnessRow = { lastImportAt: string | null; lastSyncAt: string | null }

export function dataFreshness(sqlite: Sqlite): FreshnessRow {
  const lastImportAt = statement(sqlite, 'SELECT at FROM import_batches ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined
  const lastSyncAt = statement(sqlite, 'SELECT max(last_success_at) FROM sync_cursors').pluck().get() as string | null
  return { lastImportAt: lastImportAt ?? null, lastSyncAt }
}
