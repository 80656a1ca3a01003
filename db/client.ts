// Opening the workstation database: pragmas, the newer-version guard, then drizzle-kit's migrations.
// Nothing here knows about Electron: callers pass the path (the desktop app's user-data file, a CLI
// --db path, or ':memory:' in tests).
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import * as schema from './schema/index.ts'

export type Db = BetterSQLite3Database<typeof schema>
export type Sqlite = Database.Database
export type OpenedDb = { sqlite: Sqlite; db: Db; path: string }

export const DEFAULT_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

/** The database was written by a newer version of the app: opening it could corrupt it. */
export class DatabaseFromFutureError extends Error {
  constructor(path: string, dbMigration: number, appMigration: number) {
    super(
      `数据库 ${path} 由更新版本的监督工作台写入，请升级后再打开 / the database was written by a newer app version ` +
        `(its newest migration ${new Date(dbMigration).toISOString()} is after this app's ${new Date(appMigration).toISOString()})`
    )
    this.name = 'DatabaseFromFutureError'
  }
}

const journalSchema = z.object({ entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string() })) })

function newestJournalMigration(migrationsFolder: string): number {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')))
  return Math.max(0, ...journal.entries.map((e) => e.when))
}

function newestAppliedMigration(sqlite: Sqlite): number | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get()
  if (!table) return null
  const row = z.object({ newest: z.number().nullable() }).parse(sqlite.prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations').get())
  return row.newest
}

export type OpenOptions = { migrationsFolder?: string; readonly?: boolean }

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDb {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER
  if (path !== ':memory:' && !existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path, { readonly: options.readonly ?? false })
  try {
    if (path !== ':memory:' && !options.readonly) sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('cache_size = -65536')
    sqlite.pragma('temp_store = MEMORY')
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
