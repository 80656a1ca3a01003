// What changed since the last analysis, as the set of enterprises and plans whose flags must be
// recomputed. Every task rule looks at one enterprise's tasks (sites are within an enterprise; joint
// matching is per enterprise; code reuse follows recheck_of, whose other end's enterprise is pulled in
// too, see core/rules/scoped.ts) and every plan rule at one plan, so recomputing those sets gives exactly
// the full run's flags for them. Changes to departments, officers, items or the calendar touch everything: a full run.
import type { Sqlite } from '../../db/client.ts'
import type { AnalysisScope } from '../rules/scoped.ts'

const GLOBAL_TABLES = ['departments', 'officers', 'items', 'calendar_days'] as const

/** The affected scope since `sinceSeq`, or 'FULL' when a global table changed. */
export function changedScope(sqlite: Sqlite, sinceSeq: number): AnalysisScope | 'FULL' {
  for (const table of GLOBAL_TABLES) {
    if (sqlite.prepare(`SELECT 1 FROM ${table} WHERE seq > ? LIMIT 1`).get(sinceSeq)) return 'FULL'
  }
  const enterprises = new Set<string>()
  const add = (ids: unknown[]) => { for (const id of ids) if (typeof id === 'string') enterprises.add(id) }
  add(sqlite.prepare('SELECT enterprise_id FROM tasks WHERE seq > ?').pluck().all(sinceSeq))
  add(sqlite.prepare('SELECT id FROM enterprises WHERE seq > ?').pluck().all(sinceSeq))
  add(sqlite.prepare('SELECT enterprise_id FROM list_entries WHERE seq > ?').pluck().all(sinceSeq))
  add(sqlite.prepare('SELECT t.enterprise_id FROM evaluations e JOIN tasks t ON t.id = e.task_id WHERE e.seq > ?').pluck().all(sinceSeq))
  const planIds = sqlite.prepare('SELECT id FROM plans WHERE seq > ?').pluck().all(sinceSeq) as string[]
  if (planIds.length > 0) {
    const plans = JSON.stringify(planIds)
    add(sqlite.prepare('SELECT DISTINCT enterprise_id FROM tasks WHERE plan_id IN (SELECT value FROM json_each(?))').pluck().all(plans))
    add(sqlite.prepare('SELECT DISTINCT enterprise_id FROM tasks WHERE plan_code IN (SELECT plan_code FROM plans WHERE id IN (SELECT value FROM json_each(?)) AND plan_code IS NOT NULL)').pluck().all(plans))
  }
  // Enterprises a task, list entry or evaluation left (enterprise_leaves, filled by triggers).
  add(sqlite.prepare('SELECT enterprise_id FROM enterprise_leaves WHERE seq > ?').pluck().all(sinceSeq))
  // Tasks citing a code a plan gave up resolved to that plan before, and may not now.
  add(sqlite.prepare('SELECT DISTINCT enterprise_id FROM tasks WHERE plan_code IN (SELECT plan_code FROM plan_code_changes WHERE seq > ?)').pluck().all(sinceSeq))
  return { enterpriseIds: [...enterprises].sort(), planIds }
}
