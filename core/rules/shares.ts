// A full analysis in shares (parallel.ts): one share's enterprises with all their tasks, every plan,
// every rule. Its task flags are exactly the full run's flags for those enterprises (partition.ts says
// why); its plan-level flags (no enterprise) are the same in every share, so share 0 alone reports them.
import type { Sqlite } from '../../db/client.ts'
import { negativeEvaluationFilter } from './checks/results.ts'
import { analyze } from './engine.ts'
import { loadAnalysisInput } from './load.ts'
import type { RulePack } from './pack.ts'
import type { Partition } from './partition.ts'
import type { Flag } from './types.ts'

export type ShareResult = { flags: Flag[]; warnings: string[] }

export function analyzeShare(sqlite: Sqlite, partition: Partition, pack: RulePack, asOf: string): ShareResult {
  const input = loadAnalysisInput(sqlite, { partition }, negativeEvaluationFilter(pack))
  const output = analyze(input, pack, { asOf, idsUnique: true })
  const flags = partition.index === 0 ? output.flags : output.flags.filter((f) => f.enterprise_id !== null)
  return { flags, warnings: output.warnings ?? [] }
}
