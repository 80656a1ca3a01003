// Splitting a full analysis by enterprise, so that several threads can each read and analyse a share.
// Every task rule looks at one enterprise's tasks, except where a re-check (recheck_of) names a task of
// another enterprise; core/analysis/scope.ts makes the same argument for incremental runs. Such a
// re-check and its original may land in different shares: the shares report them
// (unresolvedRechecks), and parallel.ts analyses their enterprises again, together, afterwards.
// Plan-level flags depend on the plan alone.
//
// A share is a function of the enterprise id computed by SQLite itself (partitionSql): the loader's
// filter runs on every task row of every share, and a JavaScript function there cost each share
// ~0.2 s of calls at city scale.

/** Share `index` of `count`: the enterprises whose id hashes to it. */
export type Partition = { index: number; count: number }

/**
 * The hash: the last three characters' code points (where credit codes and serial ids vary most),
 * weighted by large primes, modulo a prime. Three characters cost SQLite ~0.15 s per million rows, six
 * twice that (more than calling a JavaScript function); these weights spread serial numbers, credit
 * codes and short ids alike (share 0 gets 55.0 ± 0.1 % of each in tests).
 */
const MODULUS = 10007
const WEIGHTS = [7919, 104729, 1299709] as const
const HASHED_CHARS = WEIGHTS.length

/**
 * How much more than an even share share 0 takes. Share 0 is the calling thread's: it starts at once,
 * while each helper first starts a thread and loads its modules, and the caller then receives the
 * helpers' flags (~0.4 s for 60,000 flags at city scale). Measured with two shares at city scale:
 * with 50 % against 50 % the caller then waited ~1.5 s of ~11 s for its helper, with 55 % against 45 %
 * 0–0.6 s, with 57.5 % never; 56 % against 44 % is between.
 */
const CALLER_EXTRA = 0.12

/** Hash values below this go to share 0; the rest is split evenly among the helpers. */
function firstShareEnd(count: number): number {
  return Math.min(MODULUS, Math.floor(((1 + CALLER_EXTRA) / count) * MODULUS))
}

/** The share of a hash value: the same arithmetic as the SQL of partitionSql (integer division). */
function shareOfHash(h: number, count: number): number {
  const first = firstShareEnd(count)
  return h < first ? 0 : 1 + Math.floor(((h - first) * (count - 1)) / (MODULUS - first))
}

/**
 * The share of an enterprise id, in JavaScript (the loader filters in SQL; this says in advance where
 * an id goes). Code points, not UTF-16 units, as SQLite's substr() and unicode() count them, and only
 * up to a NUL character, where SQLite's text functions stop.
 */
export function partitionOf(enterpriseId: string, count: number): number {
  const chars = [...enterpriseId.split('\u0000', 1)[0]!]
  let h = 0
  for (let k = 0; k < HASHED_CHARS; k++) h += (chars[chars.length - 1 - k]?.codePointAt(0) ?? 0) * WEIGHTS[k]!
  return shareOfHash(h % MODULUS, count)
}

/** The hash values of a share: one run, [from, to] inclusive, found from shareOfHash itself. */
function hashRange(partition: Partition): [number, number] | null {
  let from = -1
  let to = -1
  for (let h = 0; h < MODULUS; h++) {
    if (shareOfHash(h, partition.count) !== partition.index) continue
    if (from < 0) from = h
    to = h
  }
  return from < 0 ? null : [from, to]
}

/**
 * SQL that holds for the rows whose `column` (an enterprise id) is in `partition`: those partitionOf
 * puts there. A BETWEEN, so that SQLite works the hash out once per row. Built from numbers only; the
 * column name is the caller's own text, never input.
 */
export function partitionSql(column: string, partition: Partition): string {
  const range = hashRange(partition)
  if (!range) return '0'
  const terms = WEIGHTS.map((w, k) => `coalesce(unicode(substr(${column}, ${-(k + 1)}, 1)), 0) * ${w}`)
  return `((${terms.join(' + ')}) % ${MODULUS}) BETWEEN ${range[0]} AND ${range[1]}`
}
