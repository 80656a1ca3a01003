// Benchmark `analysis_incremental_vs_full`: after a full analysis has stored its flags, a sync brings
// 1,000 new tasks (copies of existing tasks with new ids and codes, on the same enterprises); the time of
// the incremental analysis that follows ÷ the time of that full analysis (architecture.md target ≤ 1 %).
// Both are the runs the app makes, measured alike: work out what to analyse, load it, run every rule,
// store the flags (a full run replaces them all, an incremental one writes only those that changed).
import type { Sqlite } from '../../db/client.ts'
import { centralSeq, createRecordWriter, ROW_TO_RECORD } from '../../db/records.ts'
import { runIncrementalAnalysis } from '../../core/analysis/incremental.ts'
import { runFullAnalysis } from '../../core/analysis/runAnalysis.ts'
import { builtinRulePack } from '../../core/rules/packs.ts'
import { timeMs, type BenchResultRow } from './result.ts'

export const NEW_TASKS = 1000

export function addSyncedTasks(sqlite: Sqlite, count: number): void {
  const rows = sqlite.prepare('SELECT * FROM tasks WHERE first_visit_date IS NOT NULL ORDER BY id LIMIT ? OFFSET ?').all(count, 7) as Record<string, unknown>[]
  const writer = createRecordWriter(sqlite, centralSeq(sqlite) + 1)
  sqlite.transaction(() => {
    rows.forEach((row, i) => {
      const task = ROW_TO_RECORD.task(row)
      writer.write({ ...task, id: `T-SYNC-${String(i).padStart(6, '0')}`, code: task.code ? `${task.code}-S${i}` : null })
    })
  })()
}

export function benchIncremental(sqlite: Sqlite, asOf: string): BenchResultRow {
  const fullRunMs = timeMs(() => runFullAnalysis(sqlite, { asOf, pack: builtinRulePack() }))
  addSyncedTasks(sqlite, NEW_TASKS)
  let mode = ''
  const ms = timeMs(() => { mode = runIncrementalAnalysis(sqlite, { asOf, pack: builtinRulePack() }).mode })
  if (mode !== 'incremental') throw new Error(`增量分析退化为全量 / incremental analysis fell back to ${mode}`)
  return { name: 'analysis_incremental_vs_full', value: ms, unit: 'ms', baseline: fullRunMs, ratio: ms / fullRunMs }
}
