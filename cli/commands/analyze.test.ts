// `jiandu analyze` as a real child process on a real SQLite file written with the record writer.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { analyze } from '../../core/rules/engine.ts'
import { builtinRulePack } from '../../core/rules/packs.ts'
import { baseWorld, ENT_A, ENT_B, ENT_C, plan, task, visit, withRecords } from '../../core/rules/testing.ts'
import type { AnalysisInput } from '../../core/rules/types.ts'

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.ts')

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, JIANDU_DATA_DIR: mkdtempSync(join(tmpdir(), 'jiandu-home-')) } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const input: AnalysisInput = withRecords(baseWorld(), {
  plans: [plan('P-Y', 'D-PSB', { plan_type: 'ANNUAL', year: 2025, published_at: null })],
  tasks: [
    task('T1', '2025-01-31'),
    task('T2', '2025-02-27'),
    task('T3', '2025-09-30', {
      department_ids: ['D-TRAN'], plan_id: 'P-TRAN', item_ids: ['I-TRAN'], enterprise_id: ENT_B,
      visits: [visit('2025-09-30', { result_entered_at: '2025-10-11T09:00:00+08:00' })]
    }),
    task('T4', '2025-01-24', { special: 'EMERGENCY', enterprise_id: ENT_C, code_applied_at: '2025-02-06T10:00:00+08:00' })
  ]
})

let db = ''
beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'jiandu-analyze-')), 'work.sqlite')
  const { sqlite } = openDatabase(db)
  sqlite.transaction(() => {
    const writer = createRecordWriter(sqlite, 1)
    for (const r of Object.values(input).flat()) writer.write(r)
  })()
  sqlite.close()
})

describe('jiandu analyze', () => {
  it('prints exactly the flags object as one JSON document', () => {
    const r = cli('analyze', '--db', db, '--as-of', '2025-12-31', '--format', 'json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['format', 'version', 'as_of', 'rule_pack', 'flags'])
    expect(out).toMatchObject({ format: 'jiandu-flags', version: 1, as_of: '2025-12-31', rule_pack: 'shanghai-2025' })
    const identities = out.flags.map((f: Record<string, unknown>) => [f['rule'], f['severity'], f['task_ids'], f['plan_ids'], f['enterprise_id'], f['department_id']])
    expect(identities).toEqual([
      // T4: EMERGENCY on Fri 01-24; the 3rd working day after is 02-05 (Spring Festival, Sunday 01-26 worked).
      ['LATE_BACKFILL', 'MUST', ['T4'], [], ENT_C, 'D-MKT'],
      ['PLAN_PUBLICATION_LATE', 'MUST', [], ['P-Y'], null, 'D-PSB'],
      ['REPEAT_PLANNED_ANNUAL', 'SHOULD', ['T1', 'T2'], [], ENT_A, 'D-MKT'],
      // 01-31 + 1 month = 02-28, so 02-27 is within the month.
      ['REPEAT_WITHIN_MONTH', 'SHOULD', ['T1', 'T2'], [], ENT_A, 'D-MKT'],
      // TRAN: the 2nd working day after 09-30 is 10-10 (National Day); entered 10-11; MUST for TRAN.
      ['RESULT_LATE', 'MUST', ['T3'], [], ENT_B, 'D-TRAN']
    ])
    expect(out.flags[0].evidence).toMatchObject({ inspection_date: '2025-01-24', deadline: '2025-02-05', code_applied_date: '2025-02-06' })
    expect(out.flags[4].evidence.late_visits).toEqual([{ date: '2025-09-30', deadline: '2025-10-10', result_entered_date: '2025-10-11' }])
    expect(out.flags[3].message).toMatch(/2025年2月27日.*2025年1月31日.*附件1《市场监管领域…实施方案》四、（一）1\./)
    // The CLI reads the database exactly as the engine reads the records.
    expect(out).toEqual(analyze(input, builtinRulePack(), { asOf: '2025-12-31' }))
  })

  it('carries a warning when the calendar does not cover a year, in the output and on stderr', () => {
    const later = join(mkdtempSync(join(tmpdir(), 'jiandu-analyze-')), 'work.sqlite')
    const { sqlite } = openDatabase(later)
    sqlite.transaction(() => {
      const writer = createRecordWriter(sqlite, 1)
      for (const r of Object.values(input).flat()) writer.write(r)
      writer.write(task('T9', '2031-03-03', { visits: [visit('2031-03-03', { result_entered_at: '2031-03-20T09:00:00+08:00' })] }))
    })()
    sqlite.close()
    const r = cli('analyze', '--db', later, '--as-of', '2031-12-31', '--format', 'json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { warnings?: string[] }
    expect(Object.keys(out)).toEqual(['format', 'version', 'as_of', 'rule_pack', 'flags', 'warnings'])
    expect(out.warnings).toEqual([expect.stringMatching(/^2031 年不在节假日日历范围内/)])
    expect(r.stderr).toMatch(/^注意 \/ warning: 2031 年不在节假日日历范围内/)
  })

  it('honours --as-of: nothing missing is flagged before its deadline', () => {
    const out = JSON.parse(cli('analyze', '--db', db, '--as-of', '2025-03-31', '--format', 'json').stdout)
    expect(out.flags.map((f: { rule: string }) => f.rule)).not.toContain('PLAN_PUBLICATION_LATE')
    expect(out.as_of).toBe('2025-03-31')
  })

  it('selects a pack by name or by file', () => {
    expect(JSON.parse(cli('analyze', '--db', db, '--as-of', '2025-12-31', '--rules', 'yantai-2024', '--format', 'json').stdout).rule_pack).toBe('yantai-2024')
    const file = join(mkdtempSync(join(tmpdir(), 'jiandu-pack-')), 'p.json')
    writeFileSync(file, JSON.stringify({ extends: 'shanghai-2025', name: 'no-repeat', rules: { REPEAT_WITHIN_MONTH: { enabled: false } } }))
    const out = JSON.parse(cli('analyze', '--db', db, '--as-of', '2025-12-31', '--rules', file, '--format', 'json').stdout)
    expect(out.rule_pack).toBe('no-repeat')
    expect(out.flags.map((f: { rule: string }) => f.rule)).not.toContain('REPEAT_WITHIN_MONTH')
  })

  it('prints a readable Chinese summary by default', () => {
    const r = cli('analyze', '--db', db, '--as-of', '2025-12-31')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('问题线索分析')
    expect(r.stdout).toContain('共 5 条')
    expect(r.stdout).toMatch(/REPEAT_WITHIN_MONTH\s+有计划现场检查间隔不足一个月/)
  })

  it('exits 2 on usage errors, with one line on stderr', () => {
    for (const args of [
      ['--as-of', '2025-02-30'], ['--as-of', '20250101'], ['--rules', 'no-such-pack'], ['--format', 'xml'], ['--bogus']
    ]) {
      const r = cli('analyze', '--db', db, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    // The same one-line usage errors outside any one command, and for an empty --db anywhere (SQLite
    // would take '' for a throw-away temporary database).
    const file = join(mkdtempSync(join(tmpdir(), 'jiandu-usage-')), 'one.jsonl')
    writeFileSync(file, `${JSON.stringify({ type: 'calendar_day', date: '2025-10-01', kind: 'HOLIDAY' })}\n`)
    for (const args of [[], ['frobnicate'], ['analyze', '--db', ''], ['import', file, '--db', ''], ['export', '--db', ' ', '--out', join(tmpdir(), 'x.jsonl')]]) {
      const r = cli(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout, args.join(' ')).toBe('')
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    expect(cli('--help').stdout).toMatch(/^用法 \/ usage: jiandu <command>/)
    const missing = cli('analyze', '--db', join(tmpdir(), 'no-such-dir-jiandu', 'x.sqlite'), '--as-of', '2025-12-31')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('数据库文件不存在')
  })

  it('reports a pack file that is not JSON on one line, even when the parser quotes its broken text', () => {
    const pack = join(mkdtempSync(join(tmpdir(), 'jiandu-pack-')), 'broken.json')
    writeFileSync(pack, 'not json\nat all\n')
    const r = cli('analyze', '--db', db, '--rules', pack)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^无法读取规则包文件 \/ cannot read rule pack file .*broken\.json: /)])
  })

  it('refuses a database written by a newer version as import and export do: exit 1, the same message', () => {
    const newer = join(mkdtempSync(join(tmpdir(), 'jiandu-newer-')), 'newer.sqlite')
    const { sqlite } = openDatabase(newer)
    sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-a-later-release', ?)").run(Date.UTC(2099, 0, 1))
    sqlite.close()
    const runs = [cli('analyze', '--db', newer), cli('export', '--db', newer, '--out', join(tmpdir(), 'jiandu-newer-export.jsonl'))]
    for (const r of runs) {
      expect(r.code).toBe(1)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/^数据库 .*newer\.sqlite 由更新版本的监督工作台写入/)
    }
  })
})
