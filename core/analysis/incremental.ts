// Incremental analysis: after an import or sync, recompute only the flags of what changed (scope.ts)
// and replace exactly those in the flags table. Falls back to a full run when there is no previous run,
// when as_of or the rule pack differ from it, or when a global table (departments, officers, items,
// calendar) changed.
import type { Sqlite } from '../../db/client.ts'
import { centralSeq } from '../../db/records.ts'
import { replaceFlags } from '../flags/store.ts'
import { analyze } from '../rules/engine.ts'
import { loadAnalysisInput, type EvaluationFilter } from '../rules/load.ts'
import type { LoadedInput } from '../rules/types.ts'
import { firstVisitDates, type TaskTable } from '../rules/taskTable.ts'
import { builtinRulePack } from '../rules/packs.ts'
import { lastAnalysisRun, runFullAnalysis, type AnalysisRunResult, type ProgressReporter } from './runAnalysis.ts'
import { changedScope, recheckNeighbours, type AnalysisScope } from './scope.ts'
import { negativeEvaluationFilter } from '../rules/checks/results.ts'
import type { FlagRecord } from '../contract/flags.ts'

/**
 * The flags this run answers for: those about the scope's enterprises, and plan-level flags (no task)
 * of the scope's changed plans. Plans loaded only because a task names them are context: their
 * plan-level flags depend on the plan record alone (and on global tables, whose change means a full
 * run), so they are unchanged and stay as stored.
 */
function flagsOfScope(flags: readonly FlagRecord[], scope: AnalysisScope): FlagRecord[] {
  const enterprises = new Set(scope.enterpriseIds)
  const plans = new Set(scope.planIds)
  return flags.filter((f) =>
    f.enterprise_id !== null ? enterprises.has(f.enterprise_id) : f.task_ids.length === 0 && f.plan_ids.some((id) => plans.has(id)))
}

/** Loads the scope, widened by the enterprises re-check links lead to, until none is left out. */
function loadClosedScope(sqlite: Sqlite, changed: AnalysisScope, filter: EvaluationFilter): { scope: AnalysisScope; input: LoadedInput & { taskTable: TaskTable } } {
  let scope = changed
  for (;;) {
    const input = loadAnalysisInput(sqlite, scope, filter)
    const more = recheckNeighbours(sqlite, input.taskTable, scope.enterpriseIds)
    if (more.length === 0) return { scope, input }
    scope = { ...scope, enterpriseIds: [...scope.enterpriseIds, ...more].sort() }
  }
}

export function runIncrementalAnalysis(sqlite: Sqlite, options: { asOf: string; packName: string; onProgress?: ProgressReporter }): AnalysisRunResult {
  const last = lastAnalysisRun(sqlite)
  const pack = builtinRulePack(options.packName)
  // The stored flags are a run's of this as_of and this version of this pack, or they are all redone.
  if (!last || last.asOf !== options.asOf || last.rulePack !== pack.name || last.rulePackVersion !== pack.pack_version) return runFullAnalysis(sqlite, options)
  const inputSeq = centralSeq(sqlite)
  // Nothing changed: the run is still recorded (the officer asked for it), with nothing to recompute.
  const changed = inputSeq === last.inputSeq ? { enterpriseIds: [], planIds: [] } : changedScope(sqlite, last.inputSeq)
  if (changed === 'FULL') return runFullAnalysis(sqlite, options)
  const startedAt = new Date().toISOString()
  const { scope, input } = loadClosedScope(sqlite, changed, negativeEvaluationFilter(pack))
  const output = analyze(input, pack, { asOf: options.asOf, idsUnique: true })
  const flags = flagsOfScope(output.flags, scope)
  const warnings = output.warnings ?? []
  return sqlite.transaction(() => {
    const runId = Number(
      sqlite
        .prepare('INSERT INTO analysis_runs (as_of, rule_pack, rule_pack_version, started_at, finished_at, input_seq, flag_count, warnings) VALUES (?, ?, ?, ?, ?, ?, 0, ?)')
        .run(options.asOf, pack.name, pack.pack_version, startedAt, new Date().toISOString(), inputSeq, JSON.stringify(warnings)).lastInsertRowid
    )
    // The flags' tasks are among those loaded: their dates come from the table, not from another read.
    replaceFlags(sqlite, flags, runId, { kind: 'subset', enterpriseIds: scope.enterpriseIds, planIds: scope.planIds }, (wanted) => firstVisitDates(input.taskTable, wanted))
    const flagCount = sqlite.prepare('SELECT count(*) FROM flags').pluck().get() as number
    sqlite.prepare('UPDATE analysis_runs SET flag_count = ? WHERE id = ?').run(flagCount, runId)
    return { runId, asOf: options.asOf, rulePack: pack.name, flagCount, warnings, mode: 'incremental' as const, inputSeq }
  })()
}
