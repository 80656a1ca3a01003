// Connections to the workstation database without drizzle: the pragmas every read-write connection takes,
// what the migrations say about a file, and opening a file the host has already migrated. db/client.ts
// migrates on top of this. Worker threads (an analysis or import job) use openMigratedDatabase: drizzle's
// module graph took ~1.2 s of each job's start when running from source (Node's resolver reads
// drizzle-orm's 179 KB package.json again for each of its files), for a run that often takes 10 ms.
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export type Sqlite = Database.Database

/** db/migrations beside this module (bundled builds pass their own folder, electron/build/copyMigrations.ts). */
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

/** A worker was handed a database the app has not migrated to its own version. */
export class DatabaseNotMigratedError extends Error {
  constructor(path: string) {
    super(`数据库 ${path} 尚未升级到本版本的结构，请先用监督工作台打开 / the database has not been migrated to this app's version: open it in the app first`)
    this.name = 'DatabaseNotMigratedError'
  }
}

const journalSchema = z.object({ entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string() })) })

/** The time stamp of this app's newest migration (drizzle-kit's journal). */
export function newestJournalMigration(migrationsFolder: string): number {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')))
  return Math.max(0, ...journal.entries.map((e) => e.when))
}

/** The time stamp of the newest migration applied to the file, or null when none ever was. */
export function newestAppliedMigration(sqlite: Sqlite): number | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get()
  if (!table) return null
  const row = z.object({ newest: z.number().nullable() }).parse(sqlite.prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations').get())
  return row.newest
}

/** The pragmas of every connection that may write (WAL is a property of the file, set once it exists). */
export function applyConnectionPragmas(sqlite: Sqlite, options: { wal: boolean }): void {
  if (options.wal) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('cache_size = -65536')
  sqlite.pragma('temp_store = MEMORY')
}

/**
 * A read-write connection to a file the app has already opened and migrated (db/client.ts openDatabase),
 * for a worker thread: the same pragmas, no migrations, and a refusal when the file is not at exactly this
 * app's newest migration (older: never migrated by this version; newer: written by a newer app).
 */
export function openMigratedDatabase(path: string, migrationsFolder: string = DEFAULT_MIGRATIONS_FOLDER): Sqlite {
  const sqlite = new Database(path, { fileMustExist: true })
  try {
    applyConnectionPragmas(sqlite, { wal: false })
    const appNewest = newestJournalMigration(migrationsFolder)
    const dbNewest = newestAppliedMigration(sqlite)
    if (dbNewest !== null && dbNewest > appNewest) throw new DatabaseFromFutureError(path, dbNewest, appNewest)
    if (dbNewest !== appNewest) throw new DatabaseNotMigratedError(path)
    return sqlite
  } catch (error) {
    sqlite.close()
    throw error
  }
}
