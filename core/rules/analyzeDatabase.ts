// The full analysis of the workstation database: every enabled rule of the pack over every record.
// A large database file is analysed in shares on every core (parallel.ts); anything else in this thread.
import type { Sqlite } from '../../db/client.ts'
import type { RulePack } from './pack.ts'
import { builtinRulePack } from './packs.ts'
import { analyzeInShares, shareCount } from './parallel.ts'
import { loadAndAnalyze, type AnalysisProgress } from './shares.ts'
import type { AnalysisOutput } from './types.ts'

export type AnalyzeDatabaseOptions = {
  asOf: string
  /** Default: the shipped shanghai-2025 pack. */
  pack?: RulePack
  /** Shares to analyse in (default: shareCount's choice for this database and machine); 1 = this thread only. */
  shares?: number
  onProgress?: AnalysisProgress
}

export function analyzeDatabase(sqlite: Sqlite, options: AnalyzeDatabaseOptions): AnalysisOutput {
  const pack = options.pack ?? builtinRulePack()
  const shares = options.shares ?? shareCount(sqlite)
  if (shares > 1) return analyzeInShares(sqlite, pack, options.asOf, shares, options.onProgress)
  return loadAndAnalyze(sqlite, pack, options.asOf, options.onProgress)
}
