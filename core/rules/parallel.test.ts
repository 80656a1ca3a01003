import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, openMemoryDatabase, type Sqlite } from '../../db/client.ts'
import { centralSeq, createRecordWriter, ROW_TO_RECORD } from '../../db/records.ts'
import { createDemoDatabase } from '../demo/database.ts'
import { analyzeDatabase } from './analyzeDatabase.ts'
import { analyzeInShares, mergeSorted, shareCount } from './parallel.ts'
import { builtinRulePack } from './packs.ts'
import { partitionOf, partitionSql } from './partition.ts'
import { analyzeShare, unresolvedRechecks } from './shares.ts'
import { loadAnalysisInput } from './load.ts'
import { baseWorld, task, withRecords, ENT_A, ENT_B } from './testing.ts'

const AS_OF = '2026-11-20'

describe('shareCount', () => {
  it('keeps an in-memory database in this thread: helpers could not see it', () => {
    const { sqlite } = openMemoryDatabase()
    expect(shareCount(sqlite, 8, 0)).toBe(1)
    sqlite.close()
  })
})

describe('parallel full analysis', () => {
  let dir = ''
  let sqlite: Sqlite
  /** A task and its re-check on another enterprise, in different shares. */
  let linked: { original: string; recheck: string } = { original: '', recheck: '' }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jiandu-parallel-'))
    const path = join(dir, 'demo.sqlite')
    createDemoDatabase(path, { tasks: 4000, seed: 'parallel' }, { analyze: false })
    sqlite = openDatabase(path).sqlite
    // A re-check filed on another enterprise than the task it re-checks, with a new code (CODE_NOT_REUSED).
    const rows = sqlite.prepare("SELECT * FROM tasks WHERE code IS NOT NULL AND first_visit_date IS NOT NULL AND status <> 'CANCELLED' ORDER BY id").all() as Record<string, unknown>[]
    const tasks = rows.map((r) => ROW_TO_RECORD.task(r))
    const original = tasks[0]!
    const other = tasks.find((t) => partitionOf(t.enterprise_id, 2) !== partitionOf(original.enterprise_id, 2))
    if (!other) throw new Error('demo without enterprises in both shares')
    const recheck = { ...other, id: 'T-PAR-RECHECK', code: 'C-PAR-RECHECK', special: 'RECHECK' as const, recheck_of: original.id, visits: original.visits.map((v) => ({ ...v, date: '2026-10-10' })) }
    // And a re-check of a task the database does not have: no share finds it, nor does a single thread.
    const orphan = { ...recheck, id: 'T-PAR-ORPHAN', code: 'C-PAR-ORPHAN', recheck_of: 'T-PAR-GONE' }
    const writer = createRecordWriter(sqlite, centralSeq(sqlite) + 1)
    sqlite.transaction(() => { writer.write(recheck); writer.write(orphan) })()
    linked = { original: original.id, recheck: recheck.id }
  })

  afterAll(() => {
    sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('gives exactly the single-threaded output, in two and three shares', () => {
    const single = analyzeDatabase(sqlite, { asOf: AS_OF, shares: 1 })
    expect(single.flags.length).toBeGreaterThan(100)
    expect(single.flags.some((f) => f.rule === 'CODE_NOT_REUSED' && f.task_ids.includes(linked.recheck) && f.task_ids.includes(linked.original))).toBe(true)
    expect(single.flags.some((f) => f.enterprise_id === null)).toBe(true)
    expect(analyzeDatabase(sqlite, { asOf: AS_OF, shares: 2 })).toEqual(single)
    expect(analyzeDatabase(sqlite, { asOf: AS_OF, shares: 3 })).toEqual(single)
    expect(analyzeInShares(sqlite, builtinRulePack('yantai-2024'), AS_OF, 2)).toEqual(analyzeDatabase(sqlite, { asOf: AS_OF, pack: builtinRulePack('yantai-2024'), shares: 1 }))
  })

  it('reports its progress, never going back, up to done', () => {
    for (const shares of [1, 2]) {
      const seen: { fraction: number; stage: string }[] = []
      analyzeDatabase(sqlite, { asOf: AS_OF, shares, onProgress: (fraction, stage) => seen.push({ fraction, stage }) })
      expect(seen.length).toBeGreaterThan(1)
      expect(seen.every((p, i) => i === 0 || p.fraction >= seen[i - 1]!.fraction)).toBe(true)
      // Through the rules too: after the model and after each walk over the groups.
      expect(new Set(seen.filter((p) => p.stage === '运行检查规则').map((p) => p.fraction)).size).toBeGreaterThanOrEqual(5)
      expect(seen.at(-1)?.fraction).toBe(1)
    }
  })

  it('analyses a share itself when its helper does not answer, and passes a helper failure on', () => {
    const pack = builtinRulePack()
    const single = analyzeDatabase(sqlite, { asOf: AS_OF, shares: 1 })
    const silent = { workerUrl: new URL('./fixtures/silentShareWorker.ts', import.meta.url), minGraceMs: 300 }
    expect(analyzeInShares(sqlite, pack, AS_OF, 2, undefined, silent)).toEqual(single)
    const failing = { workerUrl: new URL('./fixtures/failingShareWorker.ts', import.meta.url), minGraceMs: 30_000 }
    expect(() => analyzeInShares(sqlite, pack, AS_OF, 2, undefined, failing)).toThrow(/database disk image is malformed/)
  })

  it('finds the re-check split from its original, which its share alone gets wrong', () => {
    const pack = builtinRulePack()
    const shares = [0, 1].map((index) => analyzeShare(sqlite, { index, count: 2 }, pack, AS_OF))
    const found = shares.flatMap((s) => s.flags).some((f) => f.rule === 'CODE_NOT_REUSED' && f.task_ids.includes(linked.recheck) && f.task_ids.includes(linked.original))
    expect(found).toBe(false)
    const recheckEnterprise = sqlite.prepare('SELECT enterprise_id FROM tasks WHERE id = ?').pluck().get(linked.recheck)
    expect(shares.flatMap((s) => s.unresolvedRechecks)).toContainEqual({ enterpriseId: recheckEnterprise, originalId: linked.original })
    expect(shares.flatMap((s) => s.unresolvedRechecks)).toContainEqual({ enterpriseId: recheckEnterprise, originalId: 'T-PAR-GONE' })
    // Over every task, only the orphan's original is missing: re-checks of the same enterprise resolve within their share.
    const all = loadAnalysisInput(sqlite).taskTable
    expect(unresolvedRechecks(all)).toEqual([{ enterpriseId: recheckEnterprise, originalId: 'T-PAR-GONE' }])
  })

  it('reports plan-level flags once, from share 0', () => {
    const pack = builtinRulePack()
    const [zero, one] = [0, 1].map((index) => analyzeShare(sqlite, { index, count: 2 }, pack, AS_OF))
    expect(zero!.flags.some((f) => f.enterprise_id === null)).toBe(true)
    expect(one!.flags.some((f) => f.enterprise_id === null)).toBe(false)
  })

  it('is chosen for a large database file, on the cores there are, outside a write', () => {
    expect(shareCount(sqlite, 4)).toBe(1)
    expect(shareCount(sqlite, 4, 1000)).toBe(4)
    expect(shareCount(sqlite, 8, 1000)).toBe(4)
    expect(shareCount(sqlite, 2, 1000)).toBe(2)
    expect(shareCount(sqlite, 1, 1000)).toBe(1)
    expect(sqlite.transaction(() => shareCount(sqlite, 4, 1000))()).toBe(1)
  })
})

describe('analyzeShare on a toy world', () => {
  it('splits the world by enterprise', () => {
    const { sqlite } = openMemoryDatabase()
    const input = withRecords(baseWorld(), { tasks: [task('T1', '2025-03-03', { enterprise_id: ENT_A }), task('T2', '2025-03-05', { enterprise_id: ENT_B })] })
    sqlite.transaction(() => { const w = createRecordWriter(sqlite, 1); for (const r of Object.values(input).flat()) w.write(r) })()
    const shareOf = (id: string) => partitionOf(id, 2)
    const all = analyzeDatabase(sqlite, { asOf: '2025-12-31', shares: 1 }).flags.filter((f) => f.enterprise_id !== null)
    for (const index of [0, 1]) {
      const mine = analyzeShare(sqlite, { index, count: 2 }, builtinRulePack(), '2025-12-31').flags.filter((f) => f.enterprise_id !== null)
      expect(mine).toEqual(all.filter((f) => shareOf(f.enterprise_id!) === index))
    }
    sqlite.close()
  })
})

describe('partitionOf', () => {
  it('gives the calling thread (share 0) a little more than an even share, and the helpers even shares of the rest', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `91310116MA1F${String(i).padStart(6, '0')}`)
    const sizes = (count: number) => {
      const counts = new Array<number>(count).fill(0)
      for (const id of ids) counts[partitionOf(id, count)]!++
      return counts.map((n) => n / ids.length)
    }
    expect(sizes(1)).toEqual([1])
    const [zero, one] = sizes(2)
    expect(zero).toBeGreaterThan(0.53)
    expect(zero).toBeLessThan(0.57)
    expect(one).toBeCloseTo(1 - zero!, 10)
    const four = sizes(4)
    expect(four[0]).toBeGreaterThan(0.255)
    expect(four[0]).toBeLessThan(0.295)
    for (const share of four.slice(1)) expect(Math.abs(share - (1 - four[0]!) / 3)).toBeLessThan(0.02)
  })
})

describe('partitionSql', () => {
  it('puts every id in the share partitionOf gives it, whatever the id holds', () => {
    const { sqlite } = openMemoryDatabase()
    const ids = [
      '', 'a', 'ab', '91310116MA1FL0099Y', '91310116MABD000013', '统一社会信用代码', 'E-😀-1', '😀😀😀😀😀😀😀', 'x\u0000y',
      ...Array.from({ length: 300 }, (_, i) => `91310116MA1F${String(i * 7919).padStart(6, '0')}`)
    ]
    for (const count of [1, 2, 3, 4]) {
      for (let index = 0; index < count; index++) {
        const inShare = sqlite.prepare(`SELECT value FROM json_each(?) WHERE ${partitionSql('value', { index, count })}`).pluck().all(JSON.stringify(ids))
        expect(inShare, `share ${index} of ${count}`).toEqual(ids.filter((id) => partitionOf(id, count) === index))
      }
    }
    sqlite.close()
  })
})

describe('mergeSorted', () => {
  it('merges sorted lists into the order sorting their concatenation gives, taking ties from the earlier list', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 50; round++) {
      const lists = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, list) =>
        Array.from({ length: Math.floor(random() * 30) }, () => ({ key: Math.floor(random() * 20), list })).sort((a, b) => a.key - b.key))
      const merged = mergeSorted(lists, (a, b) => a.key - b.key)
      // Array.prototype.sort is stable: on equal keys the concatenation's order, i.e. the earlier list first.
      expect(merged).toEqual(lists.flat().sort((a, b) => a.key - b.key))
    }
    expect(mergeSorted([[], []], (a: number, b: number) => a - b)).toEqual([])
  })
})
