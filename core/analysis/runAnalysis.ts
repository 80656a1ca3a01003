// Running the rule engine on the workstation database and storing its flags for the inbox: the run
// is recorded in analysis_runs with the highest central `seq` it saw, so the next run knows what changed.
import type { Sqlite } from '../../db/client.ts'
import { centralSeq } from '../../db/records.ts'
import { replaceFlags } from '../flags/store.ts'
import { analyzeDatabase } from '../rules/analyzeDatabase.ts'
import type { RulePack } from '../rules/pack.ts'

export type AnalysisRunResult = { runId: number; asOf: string; rulePack: string; flagCount: number; warnings: string[]; mode: 'full' | 'incremental'; inputSeq: number }

export type ProgressReporter = (progress: number, stage: string) => void

/** A run's options: the date to judge by, and the pack (with any local switches, ruleSettings.ts). */
export type AnalysisRunOptions = { asOf: string; pack: RulePack; onProgress?: ProgressReporter }

export function runFullAnalysis(sqlite: Sqlite, options: AnalysisRunOptions): AnalysisRunResult {
  const report = options.onProgress ?? (() => undefined)
  const { pack } = options
  const startedAt = new Date().toISOString()
  report(0.05, '读取数据')
  const inputSeq = centralSeq(sqlite)
  // The analysis is 5 % … 70 % of the run; storing the flags the rest.
  const output = analyzeDatabase(sqlite, { asOf: options.asOf, pack, onProgress: (fraction, stage) => report(0.05 + 0.65 * fraction, stage) })
  report(0.7, '保存问题线索')
  const warnings = output.warnings ?? []
  const runId = sqlite.transaction(() => {
    const id = Number(
      sqlite
        .prepare('INSERT INTO analysis_runs (as_of, rule_pack, rule_pack_version, started_at, finished_at, input_seq, flag_count, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(options.asOf, pack.name, pack.pack_version, startedAt, new Date().toISOString(), inputSeq, output.flags.length, JSON.stringify(warnings)).lastInsertRowid
    )
    replaceFlags(sqlite, output.flags, id, { kind: 'all' })
    return id
  })()
  report(1, '完成')
  return { runId, asOf: options.asOf, rulePack: pack.name, flagCount: output.flags.length, warnings, mode: 'full', inputSeq }
}

export type LastRun = {
  id: number; asOf: string; rulePack: string; rulePackVersion: string | null; startedAt: string; finishedAt: string | null; inputSeq: number; flagCount: number; warnings: string[]
}

/** The run's flags were found with another pack, or another setting of its rules, than `pack`. */
export function ranWithOtherRules(run: Pick<LastRun, 'rulePack' | 'rulePackVersion'>, pack: RulePack): boolean {
  return run.rulePack !== pack.name || run.rulePackVersion !== pack.pack_version
}

export function lastAnalysisRun(sqlite: Sqlite): LastRun | null {
  const r = sqlite.prepare('SELECT id, as_of, rule_pack, rule_pack_version, started_at, finished_at, input_seq, flag_count, warnings FROM analysis_runs ORDER BY id DESC LIMIT 1').get() as
    | { id: number; as_of: string; rule_pack: string; rule_pack_version: string | null; started_at: string; finished_at: string | null; input_seq: number; flag_count: number; warnings: string | null }
    | undefined
  if (!r) return null
  return {
    id: r.id, asOf: r.as_of, rulePack: r.rule_pack, rulePackVersion: r.rule_pack_version, startedAt: r.started_at, finishedAt: r.finished_at, inputSeq: r.input_seq,
    flagCount: r.flag_count, warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : []
  }
}
