import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from './client.ts'
import { DatabaseFromFutureError, DatabaseNotMigratedError, openMigratedDatabase } from './connection.ts'

describe('openMigratedDatabase (a worker thread’s connection)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jiandu-conn-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('opens a file the app has migrated, with the app’s pragmas, and writes to it', () => {
    const path = join(dir, 'w.sqlite')
    const host = openDatabase(path)
    const worker = openMigratedDatabase(path)
    expect(worker.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(worker.pragma('journal_mode', { simple: true })).toBe('wal')
    worker.prepare("INSERT INTO settings(key, value) VALUES ('from-worker', '1')").run()
    expect(host.sqlite.prepare("SELECT value FROM settings WHERE key = 'from-worker'").pluck().get()).toBe('1')
    worker.close()
    host.sqlite.close()
  })

  it('refuses a file that is missing, never migrated, behind or ahead of this app — changing nothing', () => {
    expect(() => openMigratedDatabase(join(dir, 'missing.sqlite'))).toThrow()
    const blank = join(dir, 'blank.sqlite')
    new Database(blank).close()
    expect(() => openMigratedDatabase(blank)).toThrow(DatabaseNotMigratedError)

    const path = join(dir, 'w.sqlite')
    openDatabase(path).sqlite.close()
    const raw = new Database(path)
    const newest = raw.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number
    raw.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(newest)
    expect(() => openMigratedDatabase(path)).toThrow(DatabaseNotMigratedError)
    raw.prepare("INSERT INTO __drizzle_migrations(hash, created_at) VALUES ('future', ?)").run(newest + 86_400_000)
    expect(() => openMigratedDatabase(path)).toThrow(DatabaseFromFutureError)
    expect(raw.prepare('SELECT count(*) FROM __drizzle_migrations WHERE hash = ?').pluck().get('future')).toBe(1)
    raw.close()
  })
})
