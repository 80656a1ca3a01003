// What changed since the last analysis, as the set of enterprises and plans whose flags must be
// recomputed. Every task rule looks at one enterprise's tasks (sites are within an enterprise; joint
// matching is per enterprise; code reuse follows recheck_of, whose original's enterprise is pulled in
// too) and every plan rule at one plan, so recomputing those sets gives exactly the full run's flags
// for them. Changes to departments, officers, items or the calendar touch everything: a full run.
import type { Sqlite } from '../../db/client.ts'

export type AnalysisScope = { enterpriseIds: string[]; planIds: string[] }

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
  return { enterpriseIds: closeOverRechecks(sqlite, enterprises), planIds }
}

/** Adds the enterprises of re-check originals and of re-checks pointing into the set, until nothing new. */
function closeOverRechecks(sqlite: Sqlite, start: Set<string>): string[] {
  const outward = sqlite.prepare(
    `SELECT DISTINCT o.enterprise_id FROM tasks t JOIN tasks o ON o.id = t.recheck_of
     WHERE t.enterprise_id IN (SELECT value FROM json_each(?)) AND o.enterprise_id NOT IN (SELECT value FROM json_each(?))`
  ).pluck()
  const inward = sqlite.prepare(
    `SELECT DISTINCT t.enterprise_id FROM tasks o JOIN tasks t ON t.recheck_of = o.id
     WHERE o.enterprise_id IN (SELECT value FROM json_each(?)) AND t.enterprise_id NOT IN (SELECT value FROM json_each(?))`
  ).pluck()
  const all = new Set(start)
  let frontier = [...start]
  for (let round = 0; frontier.length > 0 && round < 10; round++) {
    const f = JSON.stringify(frontier), a = JSON.stringify([...all])
    const next = [...(outward.all(f, a) as string[]), ...(inward.all(f, a) as string[])].filter((id) => !all.has(id))
    for (const id of next) all.add(id)
    frontier = [...new Set(next)]
  }
  return [...all].sort()
}
