// Opening the workstation database: pragmas, the newer-version guard, then drizzle-kit's migrations.
// Nothing here knows about Electron: callers pass the path (the desktop app's user-data file, a CLI
// --db path, or ':memory:' in tests).
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  applyConnectionPragmas, DatabaseFromFutureError, DEFAULT_MIGRATIONS_FOLDER, newestAppliedMigration, newestJournalMigration, type Sqlite
} from './connection.ts'
import * as schema from './schema/index.ts'

export { DatabaseFromFutureError, DEFAULT_MIGRATIONS_FOLDER, type Sqlite } from './connection.ts'

export type Db = BetterSQLite3Database<typeof schema>
export type OpenedDb = { sqlite: Sqlite; db: Db; path: string }

export type OpenOptions = { migrationsFolder?: string; readonly?: boolean }

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDb {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER
  if (path !== ':memory:' && !existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path, { readonly: options.readonly ?? false })
  try {
    applyConnectionPragmas(sqlite, { wal: path !== ':memory:' && !options.readonly })
    const appNewest = newestJournalMigration(migrationsFolder)
    const dbNewest = newestAppliedMigration(sqlite)
    if (dbNewest !== null && dbNewest > appNewest) throw new DatabaseFromFutureError(path, dbNewest, appNewest)
    const db = drizzle(sqlite, { schema })
    if (!options.readonly) migrate(db, { migrationsFolder })
    return { sqlite, db, path }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/** A fresh in-memory database with every migration applied (tests). */
export function openMemoryDatabase(): OpenedDb {
  return openDatabase(':memory:')
}

/** Deletes a database file with its WAL, shared-memory and rollback-journal companions (absent ones are fine). */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}
