// A full analysis in shares (parallel.ts): one share's enterprises with all their tasks, every plan,
// every rule. Its task flags are exactly the full run's flags for those enterprises, except where a
// re-check's original lies in another share: the share lists those (unresolvedRechecks) for the caller
// to analyse again (partition.ts says why). Its plan-level flags (no enterprise) are the same in every
// share, so share 0 alone reports them.
import type { Sqlite } from '../../db/client.ts'
import { negativeEvaluationFilter } from './checks/results.ts'
import { analyze } from './engine.ts'
import { loadAnalysisInput } from './load.ts'
import type { RulePack } from './pack.ts'
import type { Partition } from './partition.ts'
import type { TaskTable } from './taskTable.ts'
import type { AnalysisOutput, Flag } from './types.ts'

/** A re-check whose original is not among the share's tasks: in another share, or in no share at all. */
export type UnresolvedRecheck = { enterpriseId: string; originalId: string }

export type ShareResult = { flags: Flag[]; warnings: string[]; unresolvedRechecks: UnresolvedRecheck[] }

/** How far an analysis has got (0 … 1) and what it is doing, in words for the officer. */
export type AnalysisProgress = (fraction: number, stage: string) => void

/** The part of an analysis's time that reading the tasks takes, roughly: the rest is building the model and the rules. */
const READING_SHARE = 0.45

export const STAGE_READING = '读取检查任务'
export const STAGE_RULES = '运行检查规则'
export const STAGE_MERGE = '合并各线程的结果'

/** Reading with progress, then the rules: the steps of analysing one share, or everything in one thread. */
function loadAndRun(
  sqlite: Sqlite, partition: Partition | undefined, pack: RulePack, asOf: string, onProgress?: AnalysisProgress
): { output: AnalysisOutput; table: TaskTable } {
  const onRead = onProgress ? (fraction: number) => onProgress(fraction * READING_SHARE, STAGE_READING) : undefined
  const input = loadAnalysisInput(sqlite, partition ? { partition } : undefined, negativeEvaluationFilter(pack), onRead)
  onProgress?.(READING_SHARE, STAGE_RULES)
  // Ids are primary keys in the database: no de-duplication needed.
  const onStep = onProgress ? (fraction: number) => onProgress(READING_SHARE + (1 - READING_SHARE) * fraction, STAGE_RULES) : undefined
  const output = analyze(input, pack, { asOf, idsUnique: true, ...(onStep ? { onStep } : {}) })
  onProgress?.(1, STAGE_RULES)
  return { output, table: input.taskTable }
}

/** The whole database in this thread. */
export function loadAndAnalyze(sqlite: Sqlite, pack: RulePack, asOf: string, onProgress?: AnalysisProgress): AnalysisOutput {
  return loadAndRun(sqlite, undefined, pack, asOf, onProgress).output
}

/**
 * The tasks' re-checks of tasks not in the table, once per (enterprise, original): one pass over the
 * ids, looking each up among the (few) originals wanted.
 */
export function unresolvedRechecks(table: Pick<TaskTable, 'count' | 'ids' | 'recheckOfs' | 'enterprise' | 'enterprises'>): UnresolvedRecheck[] {
  const waiting = new Map<string, Set<number>>()
  for (let i = 0; i < table.count; i++) {
    const original = table.recheckOfs[i]
    if (original === null || original === undefined) continue
    const enterprises = waiting.get(original)
    if (enterprises) enterprises.add(table.enterprise[i]!)
    else waiting.set(original, new Set([table.enterprise[i]!]))
  }
  for (let i = 0; i < table.count && waiting.size > 0; i++) waiting.delete(table.ids[i]!)
  const found: UnresolvedRecheck[] = []
  for (const [originalId, enterprises] of waiting) {
    for (const e of enterprises) found.push({ enterpriseId: table.enterprises.list[e]!.id, originalId })
  }
  return found
}

export function analyzeShare(sqlite: Sqlite, partition: Partition, pack: RulePack, asOf: string, onProgress?: AnalysisProgress): ShareResult {
  const { output, table } = loadAndRun(sqlite, partition, pack, asOf, onProgress)
  const { flags, warnings = [] } = output
  return {
    flags: partition.index === 0 ? flags : flags.filter((f) => f.enterprise_id !== null),
    warnings,
    unresolvedRechecks: unresolvedRechecks(table)
  }
}
