// The `import` and `export` commands as a user runs them: real child processes of `node cli/main.ts`
// (Node 24 first on PATH), real files, real databases; exit codes, stdout and stderr as cli-v1.md says.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importReportSchema } from '../../core/import/report.ts'
import { HEADER_V1, jsonl, record, snapshot, tempDir, validDataset, writeTemp } from '../../core/import/testFixtures.ts'

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.ts')
const NODE_BIN = dirname(process.execPath)

type Run = { code: number | null; stdout: string; stderr: string }

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [MAIN, ...args], {
      env: { ...process.env, PATH: `${NODE_BIN}${delimiter}${process.env.PATH ?? ''}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const oneChineseLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true)
  expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(stderr).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/)
}

function dbSnapshot(path: string) {
  const db = new Database(path, { readonly: true })
  try {
    return snapshot(db)
  } finally {
    db.close()
  }
}

describe('jiandu import', () => {
  it('imports a valid file into a new database (exit 0) and prints the report as JSON', async () => {
    const dir = tempDir('jiandu-cli-')
    const file = writeTemp(dir, 'ok.jsonl', jsonl([HEADER_V1, ...validDataset()]))
    const db = join(dir, 'nested', 'new.sqlite')
    const run = await cli(['import', file, '--db', db, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = importReportSchema.parse(JSON.parse(run.stdout))
    expect(report.totals).toMatchObject({ records: 10, inserted: 10, rejected: 0 })
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1)
    const again = await cli(['import', file, '--db', db, '--format', 'json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).totals).toMatchObject({ inserted: 0, updated: 0, unchanged: 10 })
  })

  it('exits 3 when lines were rejected, having imported every valid one', async () => {
    const dir = tempDir('jiandu-cli-')
    const file = writeTemp(dir, 'mixed.jsonl', jsonl([record.department({ id: 'D-1' }), record.department({ id: 'D-2', domain: 'XXX' }), '{oops', record.department({ id: 'D-3' })]))
    const db = join(dir, 'w.sqlite')
    const run = await cli(['import', file, '--db', db, '--format', 'json'])
    expect(run.code).toBe(3)
    const report = importReportSchema.parse(JSON.parse(run.stdout))
    expect(report.rejected.map((r) => [r.file, r.line, r.field])).toEqual([[file, 2, 'domain'], [file, 3, '']])
    expect(report.totals.inserted).toBe(2)
    expect(dbSnapshot(db).departments?.map((r) => (r as { id: string }).id)).toEqual(['D-1', 'D-3'])
  })

  it('prints a readable Chinese table by default', async () => {
    const dir = tempDir('jiandu-cli-')
    const file = writeTemp(dir, 'mixed.jsonl', jsonl([record.department(), record.task({ status: 'LATER' })]))
    const run = await cli(['import', file, '--db', join(dir, 'w.sqlite')])
    expect(run.code).toBe(3)
    expect(run.stdout).toContain('导入完成，1 行被拒绝 / import finished, 1 line(s) rejected')
    expect(run.stdout).toMatch(/执法主体 department\s+1\s+1\s+0\s+0\s+0/)
    expect(run.stdout).toContain(`${file}:2 [task T-1]  status: 取值 "LATER" 无效`)
  })

  it('exits 2 without creating the database when an input cannot be read', async () => {
    const dir = tempDir('jiandu-cli-')
    mkdirSync(join(dir, 'a-folder'))
    const good = writeTemp(dir, 'good.jsonl', jsonl([record.department()]))
    for (const input of [join(dir, 'missing.jsonl'), join(dir, 'a-folder'), writeTemp(dir, 'gbk.jsonl', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]))]) {
      const db = join(dir, 'never.sqlite')
      const run = await cli(['import', good, input, '--db', db])
      expect(run.code, input).toBe(2)
      expect(run.stdout).toBe('')
      oneChineseLine(run.stderr)
      expect(run.stderr).toContain(input)
      expect(existsSync(db)).toBe(false)
    }
  })

  it('exits 2 without leaving a database behind when the refusal is found only while reading (a header past the probe)', async () => {
    const dir = tempDir('jiandu-cli-')
    const db = join(dir, 'never.sqlite')
    // The header line is longer than the 64 KB read up front: its version is seen once the import reads it.
    const longHeader = writeTemp(dir, 'long.jsonl', jsonl([{ ...HEADER_V1, version: 2, source: 's'.repeat(100_000) }, record.department()]))
    const run = await cli(['import', longHeader, '--db', db])
    expect(run.code).toBe(2)
    oneChineseLine(run.stderr)
    expect(run.stderr).toContain('version 2')
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(db + suffix), suffix).toBe(false)
  })

  it('exits 2 and changes nothing for a file whose header names version 2', async () => {
    const dir = tempDir('jiandu-cli-')
    const db = join(dir, 'w.sqlite')
    expect((await cli(['import', writeTemp(dir, 'base.jsonl', jsonl([record.department()])), '--db', db])).code).toBe(0)
    const before = dbSnapshot(db)
    const v2 = writeTemp(dir, 'v2.jsonl', jsonl([{ ...HEADER_V1, version: 2 }, record.department({ id: 'D-NEW' })]))
    const run = await cli(['import', v2, '--db', db, '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    oneChineseLine(run.stderr)
    expect(run.stderr).toContain(v2)
    expect(run.stderr).toContain('version 2')
    expect(dbSnapshot(db)).toEqual(before)
  })

  it('exits 2 on usage errors: no file, a bad --format, an unknown option, a --db that is not a database', async () => {
    const dir = tempDir('jiandu-cli-')
    const file = writeTemp(dir, 'ok.jsonl', jsonl([record.department()]))
    const notDb = writeTemp(dir, 'not.sqlite', 'this is not a database file, just text that is long enough to be read')
    for (const args of [['import', '--db', join(dir, 'w.sqlite')], ['import', file, '--format', 'xml', '--db', join(dir, 'w.sqlite')], ['import', file, '--dbb', 'x'], ['import', file, '--db', notDb]]) {
      const run = await cli(args)
      expect(run.code, args.join(' ')).toBe(2)
      oneChineseLine(run.stderr)
    }
  })

  it('uses the default database path when --db is not given', async () => {
    const dir = tempDir('jiandu-cli-')
    const db = join(dir, 'default.sqlite')
    const run = await cli(['import', writeTemp(dir, 'ok.jsonl', jsonl([record.department()])), '--format', 'json'], { JIANDU_DB: db })
    expect(run.code).toBe(0)
    expect(existsSync(db)).toBe(true)
  })
})

describe('jiandu export', () => {
  it('round-trips through the command line: import → export → import fresh → export is identical', async () => {
    const dir = tempDir('jiandu-cli-')
    const source = writeTemp(dir, 'source.jsonl', jsonl([HEADER_V1, ...validDataset(), record.task({ id: 'T-2', code: null, visits: [] })]))
    expect((await cli(['import', source, '--db', join(dir, 'a.sqlite')])).code).toBe(0)
    const exportA = await cli(['export', '--db', join(dir, 'a.sqlite'), '--out', join(dir, 'a.jsonl')])
    expect(exportA.code).toBe(0)
    expect(exportA.stdout).toContain('已导出 11 条记录')
    expect((await cli(['import', join(dir, 'a.jsonl'), '--db', join(dir, 'b.sqlite')])).code).toBe(0)
    const exportB = await cli(['export', '--db', join(dir, 'b.sqlite'), '--out', join(dir, 'b.jsonl'), '--format', 'json'])
    expect(exportB.code).toBe(0)
    expect(JSON.parse(exportB.stdout)).toMatchObject({ records: 11, counts: { task: 2, department: 2, calendar_day: 1 } })
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'a.jsonl'), 'utf8'))
  })

  it('exits 2 for a missing --out or a database that does not exist (and does not create it)', async () => {
    const dir = tempDir('jiandu-cli-')
    const missingOut = await cli(['export', '--db', join(dir, 'x.sqlite')])
    expect(missingOut.code).toBe(2)
    oneChineseLine(missingOut.stderr)
    const noDb = await cli(['export', '--db', join(dir, 'none.sqlite'), '--out', join(dir, 'o.jsonl')])
    expect(noDb.code).toBe(2)
    oneChineseLine(noDb.stderr)
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false)
    expect(existsSync(join(dir, 'o.jsonl'))).toBe(false)
  })

  it('exits 1 naming the output file when it cannot be written', async () => {
    const dir = tempDir('jiandu-cli-')
    expect((await cli(['import', writeTemp(dir, 'one.jsonl', jsonl([record.department()])), '--db', join(dir, 'a.sqlite')])).code).toBe(0)
    const blocked = join(writeTemp(dir, 'plain-file', 'x'), 'out.jsonl')
    const run = await cli(['export', '--db', join(dir, 'a.sqlite'), '--out', blocked])
    expect(run.code).toBe(1)
    oneChineseLine(run.stderr)
    expect(run.stderr).toContain(`无法写入导出文件 ${blocked}`)
  })

  it('says the database is held by another program when its write lock does not come free, and changes nothing', async () => {
    const dir = tempDir('jiandu-cli-')
    const path = join(dir, 'a.sqlite')
    expect((await cli(['import', writeTemp(dir, 'one.jsonl', jsonl([record.department()])), '--db', path])).code).toBe(0)
    const before = dbSnapshot(path)
    const holder = new Database(path)
    holder.exec('BEGIN EXCLUSIVE')
    try {
      // The import waits out its busy timeout (5 s), then gives up.
      const run = await cli(['import', writeTemp(dir, 'two.jsonl', jsonl([record.department({ id: 'D-OTHER' })])), '--db', path])
      expect(run.code).toBe(1)
      oneChineseLine(run.stderr)
      expect(run.stderr).toContain('数据库正被其他程序占用，请稍后再试')
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(dbSnapshot(path)).toEqual(before)
  }, 30_000)
})
