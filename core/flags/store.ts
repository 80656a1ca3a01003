// The flags inbox store (问题线索): the last analysis's flags, keyed by their identity (rule + task ids
// + plan ids), and the officer's decisions, which live in their own table so they survive re-analysis.
import type { Sqlite } from '../../db/client.ts'
import { flagKey, type FlagRecord } from '../contract/flags.ts'

/** Which flags a run replaces: all of them, or only those about some enterprises and plans (incremental). */
export type FlagScope = { kind: 'all' } | { kind: 'subset'; enterpriseIds: readonly string[]; planIds: readonly string[] }

/** The date a flag is about: the latest inspection date of its tasks, else its plan's window start. */
function eventDateResolver(sqlite: Sqlite): (flag: FlagRecord) => string | null {
  const taskDate = sqlite.prepare('SELECT first_visit_date FROM tasks WHERE id = ?').pluck()
  const planDate = sqlite.prepare('SELECT window_from FROM plans WHERE id = ?').pluck()
  return (flag) => {
    let latest: string | null = null
    for (const id of flag.task_ids) {
      const d = taskDate.get(id) as string | null | undefined
      if (d && (latest === null || d > latest)) latest = d
    }
    if (latest !== null) return latest
    const first = flag.plan_ids[0]
    return first ? ((planDate.get(first) as string | null | undefined) ?? null) : null
  }
}

/** Stores a run's flags in one transaction; returns how many were written. */
export function replaceFlags(sqlite: Sqlite, flags: readonly FlagRecord[], runId: number, scope: FlagScope): number {
  const insert = sqlite.prepare(
    `INSERT INTO flags (flag_key, rule, severity, task_ids, plan_ids, enterprise_id, department_id, event_date, evidence, message, run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(flag_key) DO UPDATE SET rule = excluded.rule, severity = excluded.severity, task_ids = excluded.task_ids,
       plan_ids = excluded.plan_ids, enterprise_id = excluded.enterprise_id, department_id = excluded.department_id,
       event_date = excluded.event_date, evidence = excluded.evidence, message = excluded.message, run_id = excluded.run_id`
  )
  const eventDate = eventDateResolver(sqlite)
  return sqlite.transaction(() => {
    if (scope.kind === 'all') {
      sqlite.prepare('DELETE FROM flags').run()
    } else {
      sqlite.prepare('DELETE FROM flags WHERE enterprise_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(scope.enterpriseIds))
      sqlite
        // Plan-level flags carry no enterprise: the enterprise index narrows the scan to them.
        .prepare("DELETE FROM flags WHERE enterprise_id IS NULL AND task_ids = '[]' AND EXISTS (SELECT 1 FROM json_each(flags.plan_ids) p WHERE p.value IN (SELECT value FROM json_each(?)))")
        .run(JSON.stringify(scope.planIds))
    }
    for (const f of flags) {
      insert.run(
        flagKey(f), f.rule, f.severity, JSON.stringify(f.task_ids), JSON.stringify(f.plan_ids), f.enterprise_id, f.department_id,
        eventDate(f), JSON.stringify(f.evidence), f.message, runId
      )
    }
    return flags.length
  })()
}
