// Analysing a scope of the database: some enterprises (all their tasks, list entries and evaluations)
// and plans, with exactly the flags a full run gives them. Every task rule looks at one enterprise's
// tasks, except where a re-check (recheck_of) links two enterprises; the scope is widened along such
// links until it is closed. Used by incremental analysis (core/analysis/incremental.ts) and by the
// parallel full analysis for re-checks whose two ends fell into different shares (parallel.ts).
import type { Sqlite } from '../../db/client.ts'
import { negativeEvaluationFilter } from './checks/results.ts'
import { analyze } from './engine.ts'
import { loadAnalysisInput, type EvaluationFilter, type LoadScope } from './load.ts'
import type { RulePack } from './pack.ts'
import type { TaskTable } from './taskTable.ts'
import type { Flag, LoadedInput } from './types.ts'

export type AnalysisScope = { enterpriseIds: string[]; planIds: string[] }

/**
 * The enterprises outside `enterpriseIds` linked to the loaded tasks by a re-check (recheck_of), either
 * way: the originals these tasks re-check, and the re-checks of these tasks. A re-check normally concerns
 * the same enterprise, so this is almost always empty; the caller widens the scope and reloads until it is.
 * Worked out from the tasks already loaded, with two index searches, not by re-reading them in SQL.
 */
export function recheckNeighbours(sqlite: Sqlite, tasks: Pick<TaskTable, 'ids' | 'recheckOfs'>, enterpriseIds: readonly string[]): string[] {
  const loaded = new Set(tasks.ids)
  const originals = [...new Set(tasks.recheckOfs.filter((id): id is string => id !== null && !loaded.has(id)))]
  const inScope = new Set(enterpriseIds)
  const found = new Set<string>()
  const add = (ids: unknown[]) => { for (const id of ids) if (typeof id === 'string' && !inScope.has(id)) found.add(id) }
  if (originals.length > 0) add(sqlite.prepare('SELECT enterprise_id FROM tasks WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(originals)))
  if (loaded.size > 0) add(sqlite.prepare('SELECT enterprise_id FROM tasks WHERE recheck_of IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...loaded])))
  return [...found].sort()
}

/** Loads the scope, widened by the enterprises re-check links lead to, until none is left out. */
export function loadClosedScope(
  sqlite: Sqlite, start: LoadScope, filter: EvaluationFilter
): { scope: AnalysisScope; input: LoadedInput & { taskTable: TaskTable } } {
  let scope: AnalysisScope = { enterpriseIds: [...start.enterpriseIds], planIds: [...start.planIds] }
  for (;;) {
    const input = loadAnalysisInput(sqlite, scope, filter)
    const more = recheckNeighbours(sqlite, input.taskTable, scope.enterpriseIds)
    if (more.length === 0) return { scope, input }
    scope = { ...scope, enterpriseIds: [...scope.enterpriseIds, ...more].sort() }
  }
}

/**
 * The flags a scope answers for: those about its enterprises, and plan-level flags (no task) of its
 * plans. Plans loaded only because a task names them are context: their plan-level flags depend on the
 * plan record alone (and on global tables), so they are not the scope's to report.
 */
export function flagsOfScope<F extends Pick<Flag, 'enterprise_id' | 'task_ids' | 'plan_ids'>>(flags: readonly F[], scope: AnalysisScope): F[] {
  const enterprises = new Set(scope.enterpriseIds)
  const plans = new Set(scope.planIds)
  return flags.filter((f) =>
    f.enterprise_id !== null ? enterprises.has(f.enterprise_id) : f.task_ids.length === 0 && f.plan_ids.some((id) => plans.has(id)))
}

/** A scope's flags (in the engine's order) and warnings, with the scope as closed and the input it read. */
export type ScopedAnalysis = { scope: AnalysisScope; input: LoadedInput & { taskTable: TaskTable }; flags: Flag[]; warnings: string[] }

export function analyzeScope(sqlite: Sqlite, start: LoadScope, pack: RulePack, asOf: string): ScopedAnalysis {
  const { scope, input } = loadClosedScope(sqlite, start, negativeEvaluationFilter(pack))
  const output = analyze(input, pack, { asOf, idsUnique: true })
  return { scope, input, flags: flagsOfScope(output.flags, scope), warnings: output.warnings ?? [] }
}
