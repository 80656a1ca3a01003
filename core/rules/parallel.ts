// A full analysis of a large database on every core: the enterprises are split into shares
// (partition.ts), helper threads each read and analyse one share through their own read-only
// connection while this thread does share 0, and the flags are merged into the one sorted output a
// single-threaded run gives. Reading rows into JavaScript is most of an analysis, and each share reads
// only its own rows, so the work divides. Re-checks whose original fell into another share are rare:
// their enterprises are analysed again together (core/rules/scoped.ts) and their flags replaced.
//
// The caller stays synchronous (the CLI, the analysis job, the demo builder call this in sequence): this
// thread waits on a shared flag that each helper raises when its result is on its port. A helper that
// does not answer in time (it failed to start, or died) is not waited for forever: its share is
// analysed here instead, so the result is always complete.
import { availableParallelism } from 'node:os'
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { z } from 'zod'
import type { Sqlite } from '../../db/client.ts'
import { compareStrings } from './context.ts'
import { compareFlags } from './emit.ts'
import type { RulePack } from './pack.ts'
import type { Partition } from './partition.ts'
import { analysisOutput } from './engine.ts'
import { analyzeScope } from './scoped.ts'
import { analyzeShare, STAGE_MERGE, type AnalysisProgress, type ShareResult } from './shares.ts'
import type { AnalysisOutput, Flag } from './types.ts'

/** Below this many tasks a helper thread's start-up costs more than its share saves. */
export const PARALLEL_MIN_TASKS = 100_000
/** More shares than this gain little: the rows come from one file. */
const MAX_SHARES = 4
/** The least time a helper is given after this thread's own share is done, whatever that share took. */
const MIN_HELPER_GRACE_MS = 30_000

const WORKER_URL = new URL('./shareWorker.ts', import.meta.url)

export const shareWorkerDataSchema = z.object({
  dbPath: z.string().min(1),
  asOf: z.string(),
  pack: z.unknown(),
  partition: z.object({ index: z.number().int().min(1), count: z.number().int().min(2) }),
  port: z.instanceof(MessagePort),
  done: z.instanceof(SharedArrayBuffer)
})
type ShareWorkerData = z.infer<typeof shareWorkerDataSchema>

const flagListSchema = z.custom<Flag[]>((v) => Array.isArray(v), { message: 'flags must be an array' })
const shareMessageSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true), flags: flagListSchema, warnings: z.array(z.string()),
    unresolvedRechecks: z.array(z.object({ enterpriseId: z.string(), originalId: z.string() }))
  }),
  z.object({ ok: z.literal(false), error: z.string() })
])
export type ShareMessage = z.infer<typeof shareMessageSchema>

/** How many shares to analyse this database in: 1 (in this thread) unless it is a large file and there are cores to spare. */
export function shareCount(sqlite: Sqlite, cores: number = availableParallelism(), minTasks: number = PARALLEL_MIN_TASKS): number {
  // Helpers read the file through their own connections: they cannot see an in-memory database or
  // this connection's uncommitted writes.
  if (sqlite.memory || sqlite.inTransaction || cores < 2) return 1
  // max(rowid) is one index step; it overestimates only after deletions, which is good enough here.
  const tasks = Number(sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM tasks').pluck().get())
  if (tasks < minTasks) return 1
  return Math.min(cores, MAX_SHARES, Math.floor(tasks / minTasks))
}

type Helper = { index: number; worker: Worker | null; port: MessagePort }

/** How helpers are started and waited for; tests swap in helpers that fail or never answer. */
export type HelperOptions = { workerUrl: URL; minGraceMs: number }
const DEFAULT_HELPERS: HelperOptions = { workerUrl: WORKER_URL, minGraceMs: MIN_HELPER_GRACE_MS }

function startHelper(data: Omit<ShareWorkerData, 'port'>, workerUrl: URL): Helper {
  const { port1, port2 } = new MessageChannel()
  let worker: Worker | null = null
  try {
    worker = new Worker(workerUrl, { workerData: { ...data, port: port2 } satisfies ShareWorkerData, transferList: [port2] })
  } catch {
    // Could not even start (e.g. no worker support): its share is done in this thread.
  }
  return { index: data.partition.index, worker, port: port1 }
}

/** The helper's result, or null when it did not raise its flag by `deadline` (ms since the epoch). */
function awaitHelper(helper: Helper, done: Int32Array, deadline: number): ShareMessage | null {
  if (!helper.worker) return null
  while (Atomics.load(done, helper.index) === 0) {
    const left = deadline - Date.now()
    if (left <= 0) return null
    Atomics.wait(done, helper.index, 0, left)
  }
  const received = receiveMessageOnPort(helper.port)
  return received ? shareMessageSchema.parse(received.message) : null
}

/**
 * The full analysis in `count` shares (count ≥ 2; see shareCount). Gives exactly the output of
 * analyze(loadAnalysisInput(sqlite), pack, {asOf}) on the same database.
 */
export function analyzeInShares(
  sqlite: Sqlite, pack: RulePack, asOf: string, count: number, onProgress?: AnalysisProgress, helpers: HelperOptions = DEFAULT_HELPERS
): AnalysisOutput {
  const done = new Int32Array(new SharedArrayBuffer(4 * count))
  const started: Helper[] = []
  try {
    for (let index = 1; index < count; index++) {
      started.push(startHelper({ dbPath: sqlite.name, asOf, pack, partition: { index, count }, done: done.buffer }, helpers.workerUrl))
    }
    const ownStart = Date.now()
    // The shares are of a size: this thread's progress stands for all of them.
    const results: ShareResult[] = [analyzeShare(sqlite, { index: 0, count }, pack, asOf, onProgress)]
    const deadline = Date.now() + Math.max(helpers.minGraceMs, 2 * (Date.now() - ownStart))
    for (const helper of started) {
      const message = awaitHelper(helper, done, deadline)
      if (!message) void helper.worker?.terminate()
      if (message && !message.ok) throw new Error(`并行分析失败 / a parallel analysis share failed: ${message.error}`)
      const partition: Partition = { index: helper.index, count }
      results.push(message ? message : analyzeShare(sqlite, partition, pack, asOf))
    }
    onProgress?.(1, STAGE_MERGE)
    return withSplitRechecksRedone(sqlite, mergeShares(results, pack, asOf), results, pack, asOf)
  } finally {
    for (const helper of started) {
      helper.port.close()
      void helper.worker?.terminate()
    }
  }
}

/**
 * The shares' flags as one list in compareFlags order. Each share's list is already in that order
 * (the emitter sorts its flags), so merging costs one comparison per flag, where sorting the
 * concatenation would cost ~17 at city scale (~0.25 s for 137,000 flags).
 */
export function mergeSorted<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): T[] {
  const out: T[] = []
  const at = lists.map(() => 0)
  for (;;) {
    let best = -1
    for (let k = 0; k < lists.length; k++) {
      const item = lists[k]![at[k]!]
      if (item !== undefined && (best < 0 || compare(item, lists[best]![at[best]!]!) < 0)) best = k
    }
    if (best < 0) return out
    out.push(lists[best]![at[best]!++]!)
  }
}

function mergeShares(results: readonly ShareResult[], pack: RulePack, asOf: string): AnalysisOutput {
  const flags = mergeSorted(results.map((r) => r.flags), compareFlags)
  return analysisOutput(asOf, pack.name, flags, unionOfWarnings(results.map((r) => r.warnings)))
}

/** Each warning names a year and reads the same in every share: the union, in year order. */
function unionOfWarnings(lists: readonly (readonly string[])[]): string[] {
  const year = (warning: string) => Number.parseInt(warning, 10)
  return [...new Set(lists.flat())].sort((a, b) => year(a) - year(b) || compareStrings(a, b))
}

/**
 * The output with the enterprises of re-checks split across shares analysed again, together: such a
 * re-check's share had no original to compare codes with, and the original's share no re-check. Their
 * flags replace those the shares gave them. An original that is in no share (not in the database)
 * needs nothing: a single-threaded run does not find it either.
 */
function withSplitRechecksRedone(sqlite: Sqlite, output: AnalysisOutput, results: readonly ShareResult[], pack: RulePack, asOf: string): AnalysisOutput {
  const unresolved = results.flatMap((r) => r.unresolvedRechecks)
  if (unresolved.length === 0) return output
  const originalIds = [...new Set(unresolved.map((u) => u.originalId))]
  const originals = new Map(
    sqlite.prepare('SELECT id, enterprise_id FROM tasks WHERE id IN (SELECT value FROM json_each(?))').raw(true).all(JSON.stringify(originalIds)) as [string, string][]
  )
  const enterprises = new Set<string>()
  for (const u of unresolved) {
    const original = originals.get(u.originalId)
    if (original === undefined) continue
    enterprises.add(u.enterpriseId)
    enterprises.add(original)
  }
  if (enterprises.size === 0) return output
  const redone = analyzeScope(sqlite, { enterpriseIds: [...enterprises].sort(), planIds: [] }, pack, asOf)
  const replaced = new Set(redone.scope.enterpriseIds)
  const kept = output.flags.filter((f) => f.enterprise_id === null || !replaced.has(f.enterprise_id))
  const flags = mergeSorted([kept, redone.flags], compareFlags)
  return analysisOutput(asOf, pack.name, flags, unionOfWarnings([output.warnings ?? [], redone.warnings]))
}
