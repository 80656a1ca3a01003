// Conformance probes of `import`, `export` and `demo` against ../shared/contract/interchange-v1.md and
// cli-v1.md, driven as a user drives them: child processes of the real CLI, temp dirs, real SQLite files.
// Only what cli/commands/*.test.ts and core/import/*.test.ts do not already check through the CLI.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importReportSchema, type ImportReport } from '../core/import/report.ts'
import { ENTERPRISE_A, ENTERPRISE_B, HEADER_V1, jsonl, record, snapshot, tempDir, uscc, validDataset, writeTemp } from '../core/import/testFixtures.ts'
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../db/client.ts'

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

type Run = { code: number | null; stdout: string; stderr: string }

/** The real CLI in a child process; the default database lives in `dataDir` unless JIANDU_DB is given. */
function jiandu(args: string[], env: Record<string, string> = {}): Run {
  const { JIANDU_DB: _db, ...base } = process.env
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...base, JIANDU_DATA_DIR: env['JIANDU_DATA_DIR'] ?? tempDir('jiandu-audit-home-'), ...env }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function importJson(files: string[], db: string, extra: string[] = []): Run & { report: ImportReport } {
  const run = jiandu(['import', ...files, '--db', db, '--format', 'json', ...extra])
  expect(run.stderr, run.stderr).toBe('')
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1)
  return { ...run, report: importReportSchema.parse(JSON.parse(run.stdout)) }
}

/** cli-v1.md: "Errors go to stderr as one readable line (Chinese first, English after), never a stack trace". */
function oneReadableLine(run: Run): void {
  expect(run.stdout).toBe('')
  expect(run.stderr.endsWith('\n')).toBe(true)
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1)
  expect(run.stderr).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/)
  expect(run.stderr).toMatch(/[a-zA-Z]{3,}/)
  expect(run.stderr).not.toMatch(/\n\s+at /)
}

function centralRows(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  try {
    const { import_batches: _b, audit_log: _a, ...central } = snapshot(db)
    return central
  } finally {
    db.close()
  }
}

function query(dbPath: string, sql: string): unknown[] {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}

function exportLines(dbPath: string, dir: string, name = 'export.jsonl'): Record<string, unknown>[] {
  const out = join(dir, name)
  const run = jiandu(['export', '--db', dbPath, '--out', out])
  expect(run.code, run.stderr).toBe(0)
  return readFileSync(out, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>)
}

const without = (o: object, ...keys: string[]): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...o }
  for (const k of keys) delete copy[k]
  return copy
}

/** Required fields per record type (fields without `?` in interchange-v1.md §Record types). */
const REQUIRED: Record<string, { make: () => object; fields: string[] }> = {
  department: { make: () => record.department(), fields: ['id', 'name', 'domain', 'level', 'district_code'] },
  officer: { make: () => record.officer(), fields: ['id', 'name', 'department_id', 'role'] },
  enterprise: { make: () => record.enterprise(), fields: ['id', 'name', 'district_code', 'sites'] },
  item: { make: () => record.item(), fields: ['id', 'name', 'domain', 'list'] },
  list_entry: { make: () => record.list_entry(), fields: ['id', 'list', 'enterprise_id', 'from'] },
  plan: { make: () => record.plan(), fields: ['id', 'department_id', 'title', 'plan_type', 'origin', 'year', 'window_from', 'window_to', 'item_ids', 'status'] },
  task: { make: () => record.task(), fields: ['id', 'department_ids', 'kind', 'special', 'enterprise_id', 'item_ids', 'mode', 'visits', 'status'] },
  evaluation: { make: () => record.evaluation(), fields: ['id', 'task_id', 'submitted_at', 'verdict'] },
  calendar_day: { make: () => record.calendar_day(), fields: ['date', 'kind'] }
}

/** Optional fields per record type (`?` in the contract). */
const OPTIONAL: Record<string, { make: (id: string) => object; fields: string[] }> = {
  officer: { make: (id) => record.officer({ id }), fields: ['cert_no', 'cert_valid_until'] },
  enterprise: { make: (id) => record.enterprise({ id }), fields: ['industry', 'grades', 'fire_key_unit', 'crowded_place', 'in_library_since'] },
  item: { make: (id) => record.item({ id }), fields: ['legal_basis', 'fire_matter'] },
  list_entry: { make: (id) => record.list_entry({ id }), fields: ['domain', 'to'] },
  plan: {
    make: (id) => record.plan({ id }),
    fields: ['plan_code', 'participant_department_ids', 'targets', 'scope', 'sampling_ratio', 'method', 'frequency', 'legal_basis', 'submitted_at', 'filed_at', 'published_at']
  },
  task: { make: (id) => record.task({ id }), fields: ['code', 'plan_id', 'plan_code', 'trigger_source', 'trigger_ref', 'recheck_of', 'site_id', 'code_applied_at', 'joint_declined_reason'] },
  evaluation: { make: (id) => record.evaluation({ id }), fields: ['department_id', 'tags', 'comment'] }
}

const CENTRAL_TABLES = ['departments', 'officers', 'enterprises', 'items', 'list_entries', 'plans', 'tasks', 'evaluations', 'calendar_days']

describe('import: every record type validated as interchange-v1.md §Record types says', () => {
  it('rejects a record missing any required field, naming its line and the field; exit 3 and nothing of it stored', () => {
    const dir = tempDir('jiandu-audit-')
    const lines: object[] = []
    const expected: [number, string, string][] = []
    for (const [type, { make, fields }] of Object.entries(REQUIRED)) {
      for (const field of fields) {
        lines.push(without(make(), field))
        expected.push([lines.length, type, field])
      }
    }
    const db = join(dir, 'w.sqlite')
    const run = importJson([writeTemp(dir, 'missing.jsonl', jsonl(lines))], db)
    expect(run.code).toBe(3)
    expect(run.report.rejected.map((r) => [r.line, r.type, r.field])).toEqual(expected)
    for (const r of run.report.rejected) expect(r.reason, JSON.stringify(r)).toMatch(/[\u4e00-\u9fff].* \/ [a-zA-Z]/)
    expect(run.report.totals).toMatchObject({ records: 0, inserted: 0, rejected: expected.length })
    for (const table of CENTRAL_TABLES) expect(query(db, `SELECT * FROM ${table}`), table).toEqual([])
  })

  it('treats null in a required field as a rejection of that field', () => {
    const dir = tempDir('jiandu-audit-')
    const lines: object[] = []
    const expected: [number, string][] = []
    for (const { make, fields } of Object.values(REQUIRED)) {
      for (const field of fields) {
        lines.push({ ...make(), [field]: null })
        expected.push([lines.length, field])
      }
    }
    const run = importJson([writeTemp(dir, 'nulls.jsonl', jsonl(lines))], join(dir, 'w.sqlite'))
    expect(run.code).toBe(3)
    expect(run.report.rejected.map((r) => [r.line, r.field])).toEqual(expected)
  })

  it('accepts every optional field absent or null (exit 0) and exports it left out', () => {
    const dir = tempDir('jiandu-audit-')
    const lines: object[] = [...validDataset()]
    const checks: { type: string; id: string; fields: string[] }[] = []
    for (const [type, { make, fields }] of Object.entries(OPTIONAL)) {
      const absentId = type === 'enterprise' ? ENTERPRISE_B : `${type}-absent`
      const nullId = type === 'enterprise' ? uscc('91310116MA1JCC3D2') : `${type}-null`
      lines.push(without(make(absentId), ...fields))
      lines.push({ ...make(nullId), ...Object.fromEntries(fields.map((f) => [f, null])) })
      checks.push({ type, id: absentId, fields }, { type, id: nullId, fields })
    }
    // A visit's optional fields too.
    lines.push(record.task({ id: 'task-visits', visits: [{ date: '2025-03-04', officer_ids: ['O-1'] }, { date: '2025-03-05', officer_ids: [], outcome: null, result_entered_at: null }] }))
    const db = join(dir, 'w.sqlite')
    const run = importJson([writeTemp(dir, 'optional.jsonl', jsonl(lines))], db)
    expect(run.report.rejected).toEqual([])
    expect(run.code).toBe(0)
    const exported = exportLines(db, dir)
    for (const { type, id, fields } of checks) {
      const found = exported.find((r) => r['type'] === type && r['id'] === id)
      expect(found, `${type} ${id}`).toBeDefined()
      for (const f of fields) expect(found, `${type} ${id} ${f}`).not.toHaveProperty(f)
    }
    expect(exported.find((r) => r['id'] === 'task-visits')?.['visits']).toEqual([{ date: '2025-03-04', officer_ids: ['O-1'] }, { date: '2025-03-05', officer_ids: [] }])
  })

  it('rejects a value outside the enumeration of every enum field (case-sensitive), naming the field', () => {
    const dir = tempDir('jiandu-audit-')
    const cases: [object, string][] = [
      [record.department({ id: 'e1', domain: 'mkt' }), 'domain'],
      [record.department({ id: 'e2', level: 'COUNTY' }), 'level'],
      [record.officer({ id: 'e3', role: 'officer' }), 'role'],
      [record.enterprise({ id: ENTERPRISE_B, grades: { MKT: 'E' } }), 'grades.MKT'],
      [record.item({ id: 'e5', domain: 'XXX' }), 'domain'],
      [record.item({ id: 'e6', list: 'OTHER' }), 'list'],
      [record.list_entry({ id: 'e7', list: 'BLACK' }), 'list'],
      [record.list_entry({ id: 'e8', domain: 'ALL' }), 'domain'],
      [record.plan({ id: 'e9', plan_type: 'WEEKLY' }), 'plan_type'],
      [record.plan({ id: 'e10', origin: 'OTHER' }), 'origin'],
      [record.plan({ id: 'e11', status: 'filed' }), 'status'],
      [record.task({ id: 'e12', kind: 'ADHOC' }), 'kind'],
      [record.task({ id: 'e13', special: 'SPECIAL' }), 'special'],
      [record.task({ id: 'e14', trigger_source: 'PHONE' }), 'trigger_source'],
      [record.task({ id: 'e15', mode: 'REMOTE' }), 'mode'],
      [record.task({ id: 'e16', status: 'OPEN' }), 'status'],
      [record.task({ id: 'e17', visits: [{ date: '2025-03-04', officer_ids: ['O-1'], outcome: 'FINE' }] }), 'visits[0].outcome'],
      [record.evaluation({ id: 'e18', verdict: 'approve' }), 'verdict'],
      [record.evaluation({ id: 'e19', tags: ['REPEAT', 'RUDE'] }), 'tags[1]'],
      [record.calendar_day({ date: '2025-10-02', kind: 'holiday' }), 'kind']
    ]
    const run = importJson([writeTemp(dir, 'enums.jsonl', jsonl(cases.map(([r]) => r)))], join(dir, 'w.sqlite'))
    expect(run.code).toBe(3)
    expect(run.report.rejected.map((r) => [r.line, r.field])).toEqual(cases.map(([, field], i) => [i + 1, field]))
    expect(run.report.totals.records).toBe(0)
  })

  it('checks the scalar conventions: id length, calendar dates, timestamps with offset, USCC length and alphabet, types', () => {
    const dir = tempDir('jiandu-audit-')
    const lines: [object, string | null][] = [
      [record.department({ id: '' }), 'id'],
      [record.department({ id: 'X'.repeat(65) }), 'id'],
      [record.department({ id: 'Y'.repeat(64) }), null],
      [record.department({ id: 123 }), 'id'],
      [record.calendar_day({ date: '2025-02-29' }), 'date'],
      [record.calendar_day({ date: '2025-2-3' }), 'date'],
      [record.calendar_day({ date: '2025-03-04T00:00:00+08:00' }), 'date'],
      [record.calendar_day({ date: '2024-02-29' }), null],
      [record.evaluation({ id: 'ts1', submitted_at: '2025-03-06T12:00:00' }), 'submitted_at'],
      [record.evaluation({ id: 'ts2', submitted_at: '2025-03-06' }), 'submitted_at'],
      [record.evaluation({ id: 'ts3', submitted_at: '2025-03-06T04:00:00Z' }), null],
      [record.evaluation({ id: 'ts4', submitted_at: '2025-03-06T12:00:00.250+08:00' }), null],
      [record.enterprise({ id: ENTERPRISE_A.toLowerCase() }), 'id'],
      [record.enterprise({ id: ENTERPRISE_A.slice(0, 17) }), 'id'],
      [record.enterprise({ id: `${ENTERPRISE_A}0` }), 'id'],
      [record.task({ id: 'u1', enterprise_id: `${ENTERPRISE_A.slice(0, 16)}O${ENTERPRISE_A[17]}` }), 'enterprise_id'],
      [record.plan({ id: 'n1', year: 2025.5 }), 'year'],
      [record.plan({ id: 'n2', year: '2025' }), 'year'],
      [record.plan({ id: 'n3', sampling_ratio: 1.5 }), 'sampling_ratio'],
      [record.plan({ id: 'n4', sampling_ratio: 0 }), null],
      [record.plan({ id: 'n5', sampling_ratio: 1 }), null],
      [record.enterprise({ id: ENTERPRISE_B, sites: [] }), 'sites'],
      [record.enterprise({ id: ENTERPRISE_B, fire_key_unit: 'true' }), 'fire_key_unit'],
      [record.task({ id: 'd1', department_ids: [] }), 'department_ids'],
      [record.task({ id: 'd2', visits: [{ date: '2025-03-04' }] }), 'visits[0].officer_ids']
    ]
    const run = importJson([writeTemp(dir, 'scalars.jsonl', jsonl(lines.map(([r]) => r)))], join(dir, 'w.sqlite'))
    expect(run.code).toBe(3)
    const expected = lines.flatMap(([, field], i) => (field === null ? [] : [[i + 1, field]]))
    expect(run.report.rejected.map((r) => [r.line, r.field])).toEqual(expected)
    expect(run.report.totals.records).toBe(lines.length - expected.length)
  })
})

describe('import: the container (interchange-v1.md §Container)', () => {
  it('accepts a header of another minor version of 1; refuses "2.0" as a whole (exit 2) even after a BOM and with CRLF', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    const minor = importJson([writeTemp(dir, 'v1_5.jsonl', jsonl([{ ...HEADER_V1, version: 1.5 }, record.department()]))], db)
    expect(minor.code).toBe(0)
    expect(minor.report.files[0]?.header?.version).toBe(1.5)
    const before = centralRows(db)
    const v2 = writeTemp(dir, 'v2.jsonl', `\uFEFF${jsonl([{ ...HEADER_V1, version: '2.0' }, record.department({ id: 'D-NEW' })], '\r\n')}`)
    const refused = jiandu(['import', v2, '--db', db, '--format', 'json'])
    expect(refused.code).toBe(2)
    oneReadableLine(refused)
    expect(refused.stderr).toContain(v2)
    expect(centralRows(db)).toEqual(before)
  })

  it('a file holding only a header, or only blank lines, imports nothing and exits 0', () => {
    const dir = tempDir('jiandu-audit-')
    const run = importJson([writeTemp(dir, 'header.jsonl', jsonl([HEADER_V1])), writeTemp(dir, 'blank.jsonl', '\n  \r\n\n')], join(dir, 'w.sqlite'))
    expect(run.code).toBe(0)
    expect(run.report.totals).toMatchObject({ records: 0, rejected: 0, lines: 4 })
  })

  it('unknown record types and unknown fields, nested ones too, cause no error (exit 0) and are kept nowhere', () => {
    const dir = tempDir('jiandu-audit-')
    const enterprise = record.enterprise({ sites: [{ id: 'S1', address: '金山区卫零路1号', geo: [121.3, 30.7] }], future: { x: 1 } })
    const task = record.task({ visits: [{ date: '2025-03-04', officer_ids: ['O-1'], outcome: 'NO_ISSUE', photo: 'p.jpg' }], risk_score: 7 })
    const plan = record.plan({ targets: [{ enterprise_id: ENTERPRISE_A, site_id: 'S1', note: 'n' }] })
    const lines = [...validDataset().filter((r) => !['enterprise', 'task', 'plan'].includes((r as { type: string }).type)), enterprise, task, plan, { type: 'inspection_photo', id: 'X-1' }, { type: 'inspection_photo' }, { type: 'Department', id: 'D-UPPER' }]
    const db = join(dir, 'w.sqlite')
    const run = importJson([writeTemp(dir, 'future.jsonl', jsonl(lines))], db)
    expect(run.code).toBe(0)
    expect(run.report.unknown_types).toEqual({ inspection_photo: 2, Department: 1 })
    expect(run.report.totals).toMatchObject({ rejected: 0, unknown: 3, records: 10 })
    const exported = JSON.stringify(exportLines(db, dir))
    for (const key of ['geo', 'future', 'photo', 'risk_score', '"note"', 'inspection_photo', 'D-UPPER']) expect(exported).not.toContain(key)
  })

  it('names the file and its own physical line for rejected lines across several files', () => {
    const dir = tempDir('jiandu-audit-')
    const a = writeTemp(dir, 'a.jsonl', jsonl([record.department({ id: 'D-1' }), '{"type":"department",']))
    const b = writeTemp(dir, 'b.jsonl', `\uFEFF${jsonl(['', record.department({ id: 'D-2' }), record.department({ id: 'D-3', level: 'X' })], '\r\n')}`)
    const run = importJson([a, b], join(dir, 'w.sqlite'))
    expect(run.code).toBe(3)
    expect(run.report.rejected.map((r) => [r.file, r.line, r.field])).toEqual([[a, 2, ''], [b, 3, 'level']])
    expect(run.report.files.map((f) => [f.path, f.lines, f.records, f.rejected])).toEqual([[a, 2, 1, 1], [b, 3, 1, 1]])
  })
})

describe('import: upsert, idempotence, references', () => {
  it('upsert by id replaces the whole record: an optional field left out is cleared, not kept from before', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    expect(importJson([writeTemp(dir, 'all.jsonl', jsonl(validDataset()))], db).code).toBe(0)
    const run = importJson([writeTemp(dir, 'changed.jsonl', jsonl([without(record.officer(), 'cert_no'), record.plan({ targets: null, sampling_ratio: null })]))], db)
    expect(run.code).toBe(0)
    expect(run.report.totals).toMatchObject({ updated: 2, inserted: 0 })
    expect(query(db, 'SELECT cert_no, cert_valid_until FROM officers')).toEqual([{ cert_no: null, cert_valid_until: '2027-06-30' }])
    const plan = exportLines(db, dir).find((r) => r['type'] === 'plan')
    expect(plan).not.toHaveProperty('targets')
    expect(plan).not.toHaveProperty('sampling_ratio')
  })

  it('the later line wins across files; a later duplicate that is invalid is rejected and the earlier valid line stands', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    const first = writeTemp(dir, 'first.jsonl', jsonl([record.department({ id: 'D-1', name: '甲' }), record.department({ id: 'D-2', name: '乙' })]))
    const second = writeTemp(dir, 'second.jsonl', jsonl([record.department({ id: 'D-1', name: '丙' }), record.department({ id: 'D-2', name: '丁', level: 'COUNTY' })]))
    const run = importJson([first, second], db)
    expect(run.code).toBe(3)
    expect(run.report.counts.department).toMatchObject({ records: 3, inserted: 2, duplicates: 1 })
    expect(query(db, 'SELECT id, name FROM departments ORDER BY id')).toEqual([{ id: 'D-1', name: '丙' }, { id: 'D-2', name: '乙' }])
  })

  it('re-importing the same records written differently (null vs absent, other key order) changes nothing', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    expect(importJson([writeTemp(dir, 'all.jsonl', jsonl(validDataset()))], db).code).toBe(0)
    const before = centralRows(db)
    const rewritten = validDataset().map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null).reverse()))
    const run = importJson([writeTemp(dir, 'rewritten.jsonl', jsonl(rewritten))], db)
    expect(run.code).toBe(0)
    expect(run.report.totals).toMatchObject({ inserted: 0, updated: 0, unchanged: 10 })
    expect(centralRows(db)).toEqual(before)
  })

  it('a record naming the id of a rejected line is still imported and reported as a dangling reference', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    const run = importJson([writeTemp(dir, 'refs.jsonl', jsonl([record.department({ level: 'X' }), record.officer(), record.task({ status: 'X' }), record.evaluation({ department_id: null })]))], db)
    expect(run.code).toBe(3)
    expect(run.report.dangling.map((d) => [d.type, d.id, d.field, d.missing_id, d.target])).toEqual([
      ['officer', 'O-1', 'department_id', 'D-MKT', 'department'],
      ['evaluation', 'E-1', 'task_id', 'T-1', 'task']
    ])
    expect(query(db, 'SELECT id FROM officers')).toEqual([{ id: 'O-1' }])
    expect(query(db, 'SELECT id FROM evaluations')).toEqual([{ id: 'E-1' }])
  })

  it('exits 0 with only warnings, dangling references and unknown types, and the default table lists each', () => {
    const dir = tempDir('jiandu-audit-')
    const wrong = ENTERPRISE_A.slice(0, 17) + (ENTERPRISE_A[17] === '0' ? '1' : '0')
    const file = writeTemp(dir, 'soft.jsonl', jsonl([record.enterprise({ id: wrong }), record.officer({ department_id: 'D-GONE' }), { type: 'inspection_photo' }]))
    const run = jiandu(['import', file, '--db', join(dir, 'w.sqlite')])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${file}:1 [enterprise ${wrong}]  id:`)
    expect(run.stdout).toContain(`officer O-1  department_id = D-GONE`)
    expect(run.stdout).toContain('inspection_photo × 1')
    expect(run.stdout).not.toContain('拒绝的行')
  })
})

describe('import: the database (cli-v1.md: "creating and migrating it if needed"; exit codes)', () => {
  it('migrates a database created by an older version, then imports into it', () => {
    const dir = tempDir('jiandu-audit-')
    const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
    expect(journal.entries.length).toBeGreaterThan(1)
    const oldFolder = join(dir, 'old-migrations')
    mkdirSync(join(oldFolder, 'meta'), { recursive: true })
    const firstTag = journal.entries[0]?.tag ?? ''
    writeFileSync(join(oldFolder, `${firstTag}.sql`), readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, `${firstTag}.sql`)))
    writeFileSync(join(oldFolder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }))
    const db = join(dir, 'old.sqlite')
    openDatabase(db, { migrationsFolder: oldFolder }).sqlite.close()
    expect(query(db, 'SELECT count(*) AS n FROM __drizzle_migrations')).toEqual([{ n: 1 }])
    const run = importJson([writeTemp(dir, 'all.jsonl', jsonl(validDataset()))], db)
    expect(run.code).toBe(0)
    expect(query(db, 'SELECT count(*) AS n FROM __drizzle_migrations')).toEqual([{ n: journal.entries.length }])
    expect(query(db, 'SELECT count(*) AS n FROM tasks')).toEqual([{ n: 1 }])
  })

  it('exits 1 with one line and nothing written when writing fails; the stack only with --verbose', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    expect(importJson([writeTemp(dir, 'base.jsonl', jsonl([record.department({ id: 'D-0' })]))], db).code).toBe(0)
    const raw = new Database(db)
    raw.exec("CREATE TRIGGER audit_boom BEFORE INSERT ON tasks BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    raw.close()
    const before = centralRows(db)
    const batches = query(db, 'SELECT count(*) AS n FROM import_batches')
    const file = writeTemp(dir, 'all.jsonl', jsonl(validDataset()))
    const run = jiandu(['import', file, '--db', db, '--format', 'json'])
    expect(run.code).toBe(1)
    oneReadableLine(run)
    expect(run.stderr).toContain('disk on fire')
    expect(centralRows(db)).toEqual(before)
    expect(query(db, 'SELECT count(*) AS n FROM import_batches')).toEqual(batches)
    const verbose = jiandu(['import', file, '--db', db, '--verbose'])
    expect(verbose.code).toBe(1)
    expect(verbose.stdout).toBe('')
    expect(verbose.stderr).toMatch(/\n\s+at /)
  })

  it('exits 1 for a database written by a newer version, leaving it untouched', () => {
    const dir = tempDir('jiandu-audit-')
    const db = join(dir, 'w.sqlite')
    expect(importJson([writeTemp(dir, 'base.jsonl', jsonl([record.department()]))], db).code).toBe(0)
    const raw = new Database(db)
    raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Date.now() + 10 * 365 * 86_400_000)
    raw.close()
    const before = centralRows(db)
    const run = jiandu(['import', writeTemp(dir, 'more.jsonl', jsonl([record.department({ id: 'D-NEW' })])), '--db', db])
    expect(run.code).toBe(1)
    oneReadableLine(run)
    expect(centralRows(db)).toEqual(before)
  })

  it('exits 2 when --db names a directory, and an unknown command exits 2 with nothing on stdout', () => {
    const dir = tempDir('jiandu-audit-')
    mkdirSync(join(dir, 'folder'))
    const run = jiandu(['import', writeTemp(dir, 'ok.jsonl', jsonl([record.department()])), '--db', join(dir, 'folder')])
    expect(run.code).toBe(2)
    oneReadableLine(run)
    expect(run.stderr).toContain('路径是文件夹')
    const unknown = jiandu(['impor', 'x.jsonl'])
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/)
  })
})

describe('export', () => {
  it('an empty database exports just the v1 header; without --db the default database is used', () => {
    const home = tempDir('jiandu-audit-home-')
    const env = { JIANDU_DATA_DIR: home }
    const dir = tempDir('jiandu-audit-')
    expect(jiandu(['import', writeTemp(dir, 'empty.jsonl', ''), '--format', 'json'], env).code).toBe(0)
    const out = join(dir, 'deep', 'out.jsonl')
    const run = jiandu(['export', '--out', out, '--format', 'json'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ path: out, records: 0 })
    const lines = readFileSync(out, 'utf8').split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ type: 'header', format: 'jiandu-interchange', version: 1 })
  })
})

describe('demo', () => {
  it('--db holds exactly the central records that --out writes for the same options and seed, and the file imports cleanly', () => {
    const dir = tempDir('jiandu-audit-')
    const file = join(dir, 'demo.jsonl')
    const demoDb = join(dir, 'demo.sqlite')
    const opts = ['--tasks', '300', '--seed', 'audit']
    const out = jiandu(['demo', '--out', file, ...opts, '--format', 'json'])
    expect(out.code, out.stderr).toBe(0)
    const made = jiandu(['demo', '--db', demoDb, ...opts, '--format', 'json'])
    expect(made.code, made.stderr).toBe(0)
    expect(JSON.parse(made.stdout).counts).toEqual(JSON.parse(out.stdout).counts)

    const records = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r['type'] !== 'header')
    const canonical = (rs: Record<string, unknown>[]) => rs.map((r) => JSON.stringify(r, (_k, v: unknown) => (v === null ? undefined : v))).sort()
    const fromFile = records(readFileSync(file, 'utf8'))
    const fromDb = exportLines(demoDb, dir).filter((r) => r['type'] !== 'header')
    expect(canonical(fromDb)).toEqual(canonical(fromFile))

    const run = importJson([file], join(dir, 'imported.sqlite'))
    expect(run.code).toBe(0)
    expect(run.report.totals).toMatchObject({ records: fromFile.length, inserted: fromFile.length, rejected: 0, warnings: 0, dangling: 0, duplicates: 0, unknown: 0 })
  })
})
