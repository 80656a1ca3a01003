import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DatabaseFromFutureError, openDatabase, openMemoryDatabase } from './client.ts'

describe('openDatabase', () => {
  it('creates every table, sets WAL and foreign keys on a new file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jiandu-db-')), 'w.sqlite')
    const { sqlite } = openDatabase(path)
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all()
    for (const t of ['tasks', 'plans', 'enterprises', 'audit_log', 'outbox', 'flag_decisions', 'documents']) {
      expect(tables).toContain(t)
    }
    sqlite.close()
  })

  it('re-opening an up-to-date database applies nothing and keeps the data', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jiandu-db-')), 'w.sqlite')
    const first = openDatabase(path)
    first.sqlite.prepare("INSERT INTO settings(key, value) VALUES ('k', '1')").run()
    const migrations = first.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()
    first.sqlite.close()
    const second = openDatabase(path)
    expect(second.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(migrations)
    expect(second.sqlite.prepare("SELECT value FROM settings WHERE key='k'").pluck().get()).toBe('1')
    second.sqlite.close()
  })

  it('refuses a database written by a newer app version and leaves it untouched', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jiandu-db-')), 'w.sqlite')
    openDatabase(path).sqlite.close()
    const raw = new Database(path)
    raw.prepare("INSERT INTO __drizzle_migrations(hash, created_at) VALUES ('future', ?)").run(Date.now() + 10 * 365 * 86_400_000)
    const before = raw.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()
    raw.close()
    expect(() => openDatabase(path)).toThrow(DatabaseFromFutureError)
    const after = new Database(path)
    expect(after.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(before)
    after.close()
  })

  it('in-memory databases are migrated too', () => {
    const { sqlite } = openMemoryDatabase()
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name='tasks'").pluck().get()).toBe(1)
  })
})
