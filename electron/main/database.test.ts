import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureDemoDatabase } from '../../core/demo/index.ts'
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../db/client.ts'
import { openDesktopDatabase } from './database.ts'

let dir: string
let path: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiandu-desktop-db-'))
  path = join(dir, 'data', 'jiandu.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** An existing database written by this version. */
function createMarkedDatabase(at: string): void {
  const opened = openDatabase(at)
  opened.sqlite
    .prepare("INSERT INTO users (id, name, role, department_name, created_at) VALUES ('demo-officer', '演示监督员', 'OFFICER', NULL, '2026-11-22T00:00:00Z')")
    .run()
  opened.sqlite.close()
}

describe('openDesktopDatabase', () => {
  it('creates the bundled demo database on first start only, then opens it with the given migrations', async () => {
    const created: string[] = []
    const createDemo = (at: string) => {
      created.push(at)
      return ensureDemoDatabase(at)
    }
    const first = await openDesktopDatabase({ path, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, createDemo })
    expect(first.ok && first.createdDemo).toBe(true)
    if (!first.ok) return
    const tasks = first.db.sqlite.prepare('SELECT count(*) FROM tasks').pluck().get() as number
    expect(tasks).toBeGreaterThan(0)
    // The officer's own work since then must survive the next start.
    first.db.sqlite.prepare('DELETE FROM tasks WHERE rowid IN (SELECT rowid FROM tasks LIMIT 1)').run()
    first.db.sqlite.close()
    const second = await openDesktopDatabase({ path, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, createDemo })
    expect(second.ok && second.createdDemo).toBe(false)
    if (second.ok) {
      expect(second.db.sqlite.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(tasks - 1)
      second.db.sqlite.close()
    }
    expect(created).toEqual([path])
  })

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    createMarkedDatabase(path)
    const writer = openDatabase(path)
    writer.sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 4102444800000)").run()
    writer.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    writer.sqlite.close()
    const before = readFileSync(path)
    const result = await openDesktopDatabase({ path, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, createDemo: () => {} })
    expect(result).toMatchObject({ ok: false, reason: 'from-future', title: expect.stringContaining('数据库版本过新') })
    if (!result.ok) expect(result.message).toContain('请升级')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('reports a file that is not a database instead of throwing', async () => {
    createMarkedDatabase(path)
    writeFileSync(path, 'this is not SQLite')
    const result = await openDesktopDatabase({ path, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, createDemo: () => {} })
    expect(result).toMatchObject({ ok: false, reason: 'cannot-open' })
    if (!result.ok) expect(result.message).toContain(path)
  })

  it('reports a failing demo creation', async () => {
    const result = await openDesktopDatabase({
      path,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      createDemo: () => {
        throw new Error('demo data missing')
      }
    })
    expect(result).toMatchObject({ ok: false, reason: 'cannot-open' })
    if (!result.ok) expect(result.message).toContain('demo data missing')
    expect(existsSync(path)).toBe(false)
  })
})
