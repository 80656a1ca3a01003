// Counts remembered until the database changes. A list's total at a million rows reads every page of an
// index (tens of ms once other queries have pushed those pages out of the cache), and the lists ask for it
// on every visit of their screen though it changes only when data does. A count is kept per connection
// under the database's version: PRAGMA data_version moves when another connection commits (an import, an
// analysis job's worker), total_changes() when this one writes a row.
import type { Sqlite } from '../client.ts'
import { statement } from './statements.ts'

type Params = Record<string, unknown> | readonly unknown[]

/** More distinct counts than this (filters typed one after another) and the memo starts again. */
const MAX_REMEMBERED = 256

type Memo = { version: string; counts: Map<string, number> }

const memos = new WeakMap<Sqlite, Memo>()

/** The version a remembered count belongs to. */
function databaseVersion(sqlite: Sqlite): string {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number
  const ownChanges = statement(sqlite, 'SELECT total_changes()').pluck().get() as number
  return `${dataVersion}:${ownChanges}`
}

/**
 * The single number `sql` gives for `params` (a SELECT count(*) …), read again only after the database
 * changed. Inside a transaction it is always read: a rollback returns the data to an earlier state
 * without moving either version number, so a count taken there could outlive its data.
 */
export function rememberedCount(sqlite: Sqlite, sql: string, params: Params): number {
  const read = () => {
    const stmt = statement(sqlite, sql).pluck()
    return (Array.isArray(params) ? stmt.get(...params) : stmt.get(params)) as number
  }
  if (sqlite.inTransaction) return read()
  const version = databaseVersion(sqlite)
  let memo = memos.get(sqlite)
  if (!memo || memo.version !== version || memo.counts.size >= MAX_REMEMBERED) {
    memo = { version, counts: new Map() }
    memos.set(sqlite, memo)
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`
  const known = memo.counts.get(key)
  if (known !== undefined) return known
  const count = read()
  memo.counts.set(key, count)
  return count
}
