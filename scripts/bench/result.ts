// The benchmark result row of cli-v1.md `bench`: {name, value, unit, baseline, ratio}.
import { performance } from 'node:perf_hooks'

export type BenchResultRow = { name: string; value: number; unit: string; baseline: number | null; ratio: number | null }

export function timeMs(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Rounds for the report: 3 significant decimals for ratios, 0.1 ms for times. */
export function rounded(row: BenchResultRow): BenchResultRow {
  const r3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000)
  const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10)
  return { ...row, value: r1(row.value) ?? 0, baseline: r1(row.baseline), ratio: r3(row.ratio) }
}
