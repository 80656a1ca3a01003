import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sqlite } from '../client.ts'
import { remembered, rememberedCount, rememberedKeys } from './remembered.ts'

// The count's SQL calls probe() once per row it reads, so a test sees whether the rows were read again.
const COUNT = 'SELECT count(*) FROM t WHERE probe(x) AND x >= ?'

describe('remembered query results', () => {
  let dir: string
  let path: string
  let sqlite: Sqlite
  let reads: number

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jiandu-count-'))
    path = join(dir, 'count.sqlite')
    sqlite = new Database(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.exec('CREATE TABLE t (x INTEGER NOT NULL)')
    sqlite.prepare('INSERT INTO t (x) SELECT value FROM json_each(?)').run(JSON.stringify([1, 2, 3, 4, 5]))
    reads = 0
    sqlite.function('probe', (x: unknown) => {
      reads++
      return x === null ? 0 : 1
    })
  })
  afterEach(() => {
    sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('reads the rows once while nothing changes, and per parameter set', () => {
    expect(rememberedCount(sqlite, COUNT, [2])).toBe(4)
    const afterFirst = reads
    expect(afterFirst).toBeGreaterThan(0)
    expect(rememberedCount(sqlite, COUNT, [2])).toBe(4)
    expect(reads).toBe(afterFirst)
    expect(rememberedCount(sqlite, COUNT, [4])).toBe(2)
    expect(reads).toBeGreaterThan(afterFirst)
  })

  it('counts again after a write on the same connection', () => {
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(5)
    sqlite.prepare('INSERT INTO t (x) VALUES (9)').run()
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(6)
    sqlite.prepare('DELETE FROM t').run()
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(0)
  })

  it('counts again after another connection committed', () => {
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(5)
    const other = new Database(path)
    try {
      other.prepare('DELETE FROM t WHERE x > 3').run()
    } finally {
      other.close()
    }
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(3)
  })

  it('does not keep a count taken inside a transaction that is rolled back', () => {
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(5)
    sqlite.exec('BEGIN')
    sqlite.prepare('INSERT INTO t (x) VALUES (7), (8)').run()
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(7)
    sqlite.exec('ROLLBACK')
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(5)
    // That count, read again after the rollback, is remembered from then on.
    const before = reads
    expect(rememberedCount(sqlite, COUNT, [0])).toBe(5)
    expect(reads).toBe(before)
  })

  it('keeps any result under its key until a write', () => {
    let computed = 0
    const largest = () => remembered(sqlite, 'largest', () => {
      computed++
      return sqlite.prepare('SELECT max(x) FROM t').pluck().get()
    })
    expect([largest(), largest()]).toEqual([5, 5])
    expect(computed).toBe(1)
    sqlite.prepare('UPDATE t SET x = 50 WHERE x = 5').run()
    expect(largest()).toBe(50)
    expect(computed).toBe(2)
  })

  it('keeps a few key lists, starting again when full but keeping the one just read', () => {
    const KEYS = 'SELECT x FROM t WHERE probe(x) AND x >= ? ORDER BY x DESC'
    expect(rememberedKeys(sqlite, KEYS, [3])).toEqual([5, 4, 3])
    const once = reads
    expect(rememberedKeys(sqlite, KEYS, [3])).toEqual([5, 4, 3])
    expect(reads).toBe(once)
    // Three more lists fill the pool; a fifth starts it again, so the first is read anew …
    for (const least of [1, 2, 4, 5]) rememberedKeys(sqlite, KEYS, [least])
    const afterFifth = reads
    expect(rememberedKeys(sqlite, KEYS, [5])).toEqual([5])
    expect(reads).toBe(afterFifth)
    expect(rememberedKeys(sqlite, KEYS, [3])).toEqual([5, 4, 3])
    expect(reads).toBeGreaterThan(afterFifth)
    // … and a write is seen.
    sqlite.prepare('INSERT INTO t (x) VALUES (6)').run()
    expect(rememberedKeys(sqlite, KEYS, [3])).toEqual([6, 5, 4, 3])
  })

  it('takes named parameters', () => {
    expect(rememberedCount(sqlite, 'SELECT count(*) FROM t WHERE probe(x) AND x <= @most', { most: 2 })).toBe(2)
  })
})
