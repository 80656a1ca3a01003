import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS, headerSchema, type RecordType } from '../../core/contract/records.ts'
import { INJECTABLE_RULES } from '../../core/demo/injections.ts'
import { openDatabase } from '../../db/client.ts'

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'jiandu-demo-cli-'))

function jiandu(...args: string[]) {
  return spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, JIANDU_DATA_DIR: dir } })
}

describe('jiandu demo', () => {
  it('--out writes a valid interchange file, header first, and prints the summary as JSON', () => {
    const out = join(dir, 'demo.jsonl')
    const manifestPath = join(dir, 'manifest.json')
    const run = jiandu('demo', '--out', out, '--tasks', '600', '--seed', 'cli', '--manifest', manifestPath, '--format', 'json')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const summary = JSON.parse(run.stdout)
    const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l !== '')
    const header = headerSchema.parse(JSON.parse(lines[0] ?? ''))
    expect(header).toMatchObject({ format: 'jiandu-interchange', version: 1, source: 'jiandu-demo' })
    const counts: Record<string, number> = {}
    lines.slice(1).forEach((line, i) => {
      const record = JSON.parse(line) as { type: RecordType }
      const parsed = RECORD_SCHEMAS[record.type].safeParse(record)
      if (!parsed.success) throw new Error(`line ${i + 2}: ${parsed.error.message}`)
      counts[record.type] = (counts[record.type] ?? 0) + 1
    })
    expect(summary.counts).toEqual(counts)
    expect(counts['task']).toBe(600)
    expect(summary.target).toEqual({ kind: 'file', path: out, bytes: readFileSync(out).length })
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    for (const rule of INJECTABLE_RULES) expect(summary.injected[rule]).toBe(manifest.rules[rule].length)
    // Same seed, same bytes.
    const again = join(dir, 'again.jsonl')
    expect(jiandu('demo', '--out', again, '--tasks', '600', '--seed', 'cli').status).toBe(0)
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')
    expect(hash(again)).toBe(hash(out))
  })

  it('prints a readable summary by default', () => {
    const run = jiandu('demo', '--out', join(dir, 'table.jsonl'), '--tasks', '200', '--enterprises', '40')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('注入的违规 / injected violations')
    expect(run.stdout).toMatch(/task\s+200/)
  })

  it('--db builds the demo database and refuses to overwrite it without --force', () => {
    const db = join(dir, 'demo.sqlite')
    const first = jiandu('demo', '--db', db, '--tasks', '400', '--format', 'json')
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout).local.documents).toEqual({ DRAFT: 2, PENDING_APPROVAL: 2, APPROVED: 2, ISSUED: 3, CLOSED: 3 })
    const before = readFileSync(db)
    const refused = jiandu('demo', '--db', db, '--tasks', '300')
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/--force/)
    expect(readFileSync(db).equals(before)).toBe(true)
    expect(jiandu('demo', '--db', db, '--tasks', '300', '--force').status).toBe(0)
    const { sqlite } = openDatabase(db)
    expect(sqlite.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(300)
    sqlite.close()
  })

  it('reports usage errors with exit code 2 and one line on stderr', () => {
    for (const args of [
      ['demo', '--out', join(dir, 'x.jsonl'), '--tasks', 'many'],
      ['demo', '--out', join(dir, 'x.jsonl'), '--db', join(dir, 'x.sqlite')],
      ['demo', '--out', join(dir, 'x.jsonl'), '--format', 'xml'],
      ['demo', '--out', dir],
      ['demo', '--out', join(dir, 'x.jsonl'), '--enterprises', '3'],
      ['demo', '--out', join(dir, 'x.jsonl'), '--bogus']
    ]) {
      const run = jiandu(...args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
