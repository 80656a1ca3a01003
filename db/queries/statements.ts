// Prepared statements cached per connection: the screens run the same few queries on every scroll,
// and preparing is a measurable part of a 1 ms query.
import type Database from 'better-sqlite3'
import type { Sqlite } from '../client.ts'

type Statement = Database.Statement<unknown[]>

const cache = new WeakMap<Sqlite, Map<string, Statement>>()

export function statement(sqlite: Sqlite, sql: string): Statement {
  let perDb = cache.get(sqlite)
  if (!perDb) {
    perDb = new Map()
    cache.set(sqlite, perDb)
  }
  let stmt = perDb.get(sql)
  if (!stmt) {
    stmt = sqlite.prepare<unknown[]>(sql)
    perDb.set(sql, stmt)
  }
  return stmt
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally (use with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
