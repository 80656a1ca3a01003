// Incremental analysis: after an import or sync, recompute only the flags of what changed (scope.ts)
// and replace exactly those in the flags table. Falls back to a full run when there is no previous run,
// when as_of or the rule pack differ from it, or when a global table (departments, officers, items,
// calendar) changed.
import type { Sqlite } from '../../db/client.ts'
import { centralSeq } from '../../db/records.ts'
import { replaceFlags } from '../flags/store.ts'
import { analyze } from '../rules/engine.ts'
import { loadAnalysisInput } from '../rules/load.ts'
import { builtinRulePack } from '../rules/packs.ts'
import { lastAnalysisRun, runFullAnalysis, type AnalysisRunResult, type ProgressReporter } from './runAnalysis.ts'
import { changedScope } from './scope.ts'

export function runIncrementalAnalysis(sqlite: Sqlite, options: { asOf: string; packName: string; onProgress?: ProgressReporter }): AnalysisRunResult {
  const last = lastAnalysisRun(sqlite)
  if (!last || last.asOf !== options.asOf || last.rulePack !== options.packName) return runFullAnalysis(sqlite, options)
  const inputSeq = centralSeq(sqlite)
  // Nothing changed: the run is still recorded (the officer asked for it), with nothing to recompute.
  const scope = inputSeq === last.inputSeq ? { enterpriseIds: [], planIds: [] } : changedScope(sqlite, last.inputSeq)
  if (scope === 'FULL') return runFullAnalysis(sqlite, options)
  const pack = builtinRulePack(options.packName)
  const startedAt = new Date().toISOString()
  const input = loadAnalysisInput(sqlite, scope)
  const output = analyze(input, pack, { asOf: options.asOf, idsUnique: true })
  const planIds = input.plans.map((p) => p.id)
  const warnings = output.warnings ?? []
  return sqlite.transaction(() => {
    const runId = Number(
      sqlite
        .prepare('INSERT INTO analysis_runs (as_of, rule_pack, started_at, finished_at, input_seq, flag_count, warnings) VALUES (?, ?, ?, ?, ?, 0, ?)')
        .run(options.asOf, pack.name, startedAt, new Date().toISOString(), inputSeq, JSON.stringify(warnings)).lastInsertRowid
    )
    replaceFlags(sqlite, output.flags, runId, { kind: 'subset', enterpriseIds: scope.enterpriseIds, planIds })
    const flagCount = sqlite.prepare('SELECT count(*) FROM flags').pluck().get() as number
    sqlite.prepare('UPDATE analysis_runs SET flag_count = ? WHERE id = ?').run(flagCount, runId)
    return { runId, asOf: options.asOf, rulePack: pack.name, flagCount, warnings, mode: 'incremental' as const, inputSeq }
  })()
}
