// Query results remembered until the database changes. A list's total or its tab counts at a million rows
// read every page of an index (tens of ms, more once other queries have pushed those pages out of the
// cache), and the screens ask for them on every visit though they change only when data does. A result is
// kept per connection under the database's version: PRAGMA data_version moves when another connection
// commits (an import, an analysis job's worker), total_changes() when this one writes a row.
import type { Sqlite } from '../client.ts'
import { statement } from './statements.ts'

type Params = Record<string, unknown> | readonly unknown[]

/**
 * Results are kept in pools, each starting again when it holds more than its capacity (filters typed one
 * after another make new keys): counts and small rows by the hundred, the key lists of searched lists
 * (up to MATCH_KEYS_MAX keys each, megabytes) only a few.
 */
const POOL_CAPACITY = { results: 256, keyLists: 4 } as const
type Pool = keyof typeof POOL_CAPACITY

/** A searched list's matching keys are remembered only up to this many (beyond, its pages are queried). */
export const MATCH_KEYS_MAX = 100_000

type Memo = { version: string; results: Map<string, unknown> }

const memos: Record<Pool, WeakMap<Sqlite, Memo>> = { results: new WeakMap(), keyLists: new WeakMap() }

/** The version a remembered result belongs to. */
function databaseVersion(sqlite: Sqlite): string {
  // One prepared statement for both numbers: this runs on every remembered read.
  const [dataVersion, ownChanges] = statement(sqlite, 'SELECT data_version, total_changes() FROM pragma_data_version').raw(true).get() as [number, number]
  return `${dataVersion}:${ownChanges}`
}

/**
 * What `compute` reads from the database, computed again only after the database changed. `key` names
 * the query and its parameters; callers share the value, so they must not change it. Inside a
 * transaction it is always computed: a rollback returns the data to an earlier state without moving
 * either version number, so a value taken there could outlive its data.
 */
export function remembered<T>(sqlite: Sqlite, key: string, compute: () => T, pool: Pool = 'results'): T {
  if (sqlite.inTransaction) return compute()
  const version = databaseVersion(sqlite)
  let memo = memos[pool].get(sqlite)
  if (!memo || memo.version !== version) {
    memo = { version, results: new Map() }
    memos[pool].set(sqlite, memo)
  }
  if (memo.results.has(key)) return memo.results.get(key) as T
  const value = compute()
  // Full: the pool starts again, keeping only what was just computed (the screen asks for it next).
  if (memo.results.size >= POOL_CAPACITY[pool]) memo.results.clear()
  memo.results.set(key, value)
  return value
}

/** The key of what a query with these parameters gives, read as `kind` (a count, rows grouped …). */
export function queryKey(kind: string, sql: string, params: Params): string {
  return `${kind}\u0000${sql}\u0000${JSON.stringify(params)}`
}

/** The single number `sql` gives for `params` (a SELECT count(*) …), remembered as above. */
export function rememberedCount(sqlite: Sqlite, sql: string, params: Params): number {
  return remembered(sqlite, queryKey('count', sql, params), () => {
    const stmt = statement(sqlite, sql).pluck()
    return (Array.isArray(params) ? stmt.get(...params) : stmt.get(params)) as number
  })
}

/**
 * The keys `sql` gives for `params` (one column, in the list's order), remembered as above in the small
 * pool of key lists: a text search must scan every row for each page of its matches (~0.25 s a page at a
 * million plans), and scrolling asks for page after page of the same search. The caller bounds the
 * list's length (MATCH_KEYS_MAX) by the count it already knows.
 */
export function rememberedKeys(sqlite: Sqlite, sql: string, params: Params): readonly string[] {
  return remembered(sqlite, queryKey('keys', sql, params), () => {
    const stmt = statement(sqlite, sql).pluck()
    return (Array.isArray(params) ? stmt.all(...params) : stmt.all(params)) as string[]
  }, 'keyLists')
}
