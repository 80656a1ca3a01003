// Test helpers for query tests: the SQL text of the statements code prepares, the plan SQLite
// chooses for one (EXPLAIN QUERY PLAN, one step per line), and how often statements are run.
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

type Execution = 'all' | 'get' | 'iterate' | 'run'
const EXECUTIONS: readonly Execution[] = ['all', 'get', 'iterate', 'run']

/**
 * Counts how often statements of this connection whose SQL matches are run (all, get, iterate, run),
 * prepared or cached alike, until stop() puts the methods back. Statements share one prototype.
 */
export function countExecutions(sqlite: Sqlite, matches: (source: string) => boolean): { readonly count: number; stop(): void } {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<Execution, (...args: unknown[]) => unknown>
  const originals = EXECUTIONS.map((name) => [name, proto[name]] as const)
  let count = 0
  for (const [name, original] of originals) {
    proto[name] = function (this: { database: Sqlite; source: string }, ...args: unknown[]) {
      if (this.database === sqlite && matches(this.source)) count++
      return original.apply(this, args)
    }
  }
  return {
    get count() { return count },
    stop() { for (const [name, original] of originals) proto[name] = original }
  }
}
