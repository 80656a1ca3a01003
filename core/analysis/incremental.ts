// Incremental analysis: after an import or sync, recompute only the flags of what changed (scope.ts)
// and replace exactly those in the flags table. Falls back to a full run when there is no previous run,
// when as_of or the rule pack differ from it, or when a global table (departments, officers, items,
// calendar) changed.
import type { Sqlite } from '../../db/client.ts'
import { centralSeq } from '../../db/records.ts'
import { replaceFlags } from '../flags/store.ts'
import { firstVisitDates } from '../rules/taskTable.ts'
import { analyzeScope } from '../rules/scoped.ts'
import { lastAnalysisRun, ranWithOtherRules, runFullAnalysis, type AnalysisRunOptions, type AnalysisRunResult } from './runAnalysis.ts'
import { changedScope } from './scope.ts'

export function runIncrementalAnalysis(sqlite: Sqlite, options: AnalysisRunOptions): AnalysisRunResult {
  const last = lastAnalysisRun(sqlite)
  const { pack } = options
  // The stored flags are a run's of this as_of and this version of this pack (local rule switches give
  // another version, ruleSettings.ts), or they are all redone.
  if (!last || last.asOf !== options.asOf || ranWithOtherRules(last, pack)) return runFullAnalysis(sqlite, options)
  const report = options.onProgress ?? (() => undefined)
  report(0.05, '查找变更')
  const inputSeq = centralSeq(sqlite)
  // Nothing changed: the run is still recorded (the officer asked for it), with nothing to recompute.
  const changed = inputSeq === last.inputSeq ? { enterpriseIds: [], planIds: [] } : changedScope(sqlite, last.inputSeq)
  if (changed === 'FULL') return runFullAnalysis(sqlite, options)
  const startedAt = new Date().toISOString()
  report(0.1, `分析变更的 ${changed.enterpriseIds.length} 家企业、${changed.planIds.length} 个计划`)
  const { scope, input, flags, warnings } = analyzeScope(sqlite, changed, pack, options.asOf)
  report(0.7, '保存问题线索')
  const result = sqlite.transaction(() => {
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
  report(1, '完成')
  return result
}
