// Test helper for query-plan tests: the SQL text of the statements code prepares, and the plan SQLite
// chooses for one (EXPLAIN QUERY PLAN, one step per line).
import type { Sqlite } from '../client.ts'

/**
 * From now on, every statement prepared on `sqlite` whose text `matches` is added to the list returned
 * (queryPlan's own EXPLAIN statements are not).
 */
export function recordStatements(sqlite: Sqlite, matches: (source: string) => boolean): string[] {
  const statements: string[] = []
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    if (!source.startsWith('EXPLAIN') && matches(source)) statements.push(source)
    return prepare(source)
  }) as typeof sqlite.prepare
  return statements
}

/** The steps of the plan SQLite chooses for `source` with these parameters. */
export function queryPlan(sqlite: Sqlite, source: string, ...params: unknown[]): string[] {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail)
}
