// Opening the desktop app's database: the same file the CLI uses by default (core/paths.ts), created
// with the bundled demo data on first start, migrated with the migrations shipped beside the app.
// A database written by a newer version is refused (db/client.ts) and reported for a dialog, never
// opened. No Electron import: index.ts shows the dialog.
import { existsSync } from 'node:fs'
import { DatabaseFromFutureError, openDatabase, type OpenedDb } from '../../db/client.ts'

export type DesktopDatabaseOptions = {
  path: string
  migrationsFolder: string
  /** Creates the demo database at `path` (first start only). */
  createDemo: (path: string) => unknown
}

export type DesktopDatabase =
  | { ok: true; db: OpenedDb; createdDemo: boolean }
  | { ok: false; reason: 'from-future' | 'cannot-open'; title: string; message: string }

export async function openDesktopDatabase(options: DesktopDatabaseOptions): Promise<DesktopDatabase> {
  const firstStart = !existsSync(options.path)
  try {
    if (firstStart) await options.createDemo(options.path)
    return { ok: true, db: openDatabase(options.path, { migrationsFolder: options.migrationsFolder }), createdDemo: firstStart }
  } catch (error) {
    if (error instanceof DatabaseFromFutureError) {
      return { ok: false, reason: 'from-future', title: '数据库版本过新 / Database from a newer version', message: error.message }
    }
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'cannot-open', title: '无法打开数据库 / Cannot open the database', message: `${options.path}\n${message}` }
  }
}
