import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Sqlite } from '../../db/client.ts'
import { centralSeq, iterateRecords } from '../../db/records.ts'
import { verifyAuditLog } from '../audit.ts'
import { RECORD_SCHEMAS, RECORD_TYPES } from '../contract/records.ts'
import { usccCheckChar } from '../contract/scalars.ts'
import { ImportCancelledError, ImportInputError } from './errors.ts'
import { importFiles, type ImportOptions } from './importFiles.ts'
import { formatImportReport } from './formatReport.ts'
import { importReportSchema, type ImportReport } from './report.ts'
import { ENTERPRISE_A, HEADER_V1, jsonl, openTempDb, record, snapshot, tempDir, uscc, validDataset, writeTemp } from './testFixtures.ts'

type Setup = { dir: string; sqlite: Sqlite; file: (name: string, content: readonly (object | string)[] | string | Uint8Array) => string }

function setup(): Setup {
  const dir = tempDir()
  const { sqlite } = openTempDb(dir)
  return { dir, sqlite, file: (name, content) => writeTemp(dir, name, typeof content === 'string' || content instanceof Uint8Array ? content : jsonl(content)) }
}

async function importLines(lines: readonly (object | string)[], options: Partial<ImportOptions> = {}): Promise<Setup & { report: ImportReport; path: string }> {
  const s = setup()
  const path = s.file('data.jsonl', lines)
  const report = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'local-officer', ...options })
  return { ...s, report, path }
}

const ids = (sqlite: Sqlite, table: string) => sqlite.prepare(`SELECT ${table === 'calendar_days' ? 'date' : 'id'} FROM ${table} ORDER BY 1`).pluck().all()

describe.each([{ worker: true }, { worker: false }])('importFiles (worker: $worker)', ({ worker }) => {
  it('imports one valid record of every type, stamped with the batch seq, with batch row and audit entry', async () => {
    const { report, sqlite, path } = await importLines([HEADER_V1, ...validDataset()], { worker })
    expect(importReportSchema.parse(report)).toEqual(report)
    expect(report.parsed_in).toBe(worker ? 'worker' : 'thread')
    for (const type of RECORD_TYPES) expect(report.counts[type].inserted, type).toBe(type === 'department' ? 2 : 1)
    expect(report.totals).toMatchObject({ records: 10, inserted: 10, updated: 0, unchanged: 0, rejected: 0, warnings: 0, dangling: 0, unknown: 0, lines: 11 })
    expect(report.files[0]?.header).toEqual({ version: 1, exported_at: '2025-12-31T18:00:00+08:00', source: 'test' })
    // What is stored reads back as the validated record.
    const task = [...iterateRecords(sqlite, 'task')][0]
    expect(task).toEqual(RECORD_SCHEMAS.task.parse(record.task()))
    expect(sqlite.prepare('SELECT DISTINCT seq FROM tasks').pluck().all()).toEqual([report.batch_seq])
    const batch = sqlite.prepare('SELECT * FROM import_batches WHERE seq = ?').get(report.batch_seq) as { source: string; user_id: string; report: string }
    expect(batch.source).toBe('data.jsonl')
    expect(batch.user_id).toBe('local-officer')
    expect(JSON.parse(batch.report)).toMatchObject({ batch_seq: report.batch_seq, totals: { inserted: 10 } })
    const audit = sqlite.prepare('SELECT action, entity, entity_id, user_id FROM audit_log').all()
    expect(audit).toEqual([{ action: 'import', entity: 'import_batch', entity_id: String(report.batch_seq), user_id: 'local-officer' }])
    expect(verifyAuditLog(sqlite).ok).toBe(true)
    expect(path.endsWith('data.jsonl')).toBe(true)
  })

  it('names every rejected line in the report, however many; the readable report lists the first thousand', async () => {
    const bad = Array.from({ length: 1205 }, (_, i) => record.department({ id: `D-${i}`, level: 'NOWHERE' }))
    const { report } = await importLines([record.department({ id: 'D-OK' }), ...bad], { worker })
    expect(report.totals.rejected).toBe(1205)
    expect(report.rejected.map((r) => r.line)).toEqual(Array.from({ length: 1205 }, (_, i) => i + 2))
    const text = formatImportReport(report)
    expect(text).toContain('另有 205 条未列出')
    expect(text).not.toContain('data.jsonl:1207')
  })

  it('rejects a broken JSON line alone, naming its line and column; the lines around it are imported', async () => {
    const { report, sqlite } = await importLines([record.department({ id: 'D-1' }), '{"type":"department","id":"D-2",', record.department({ id: 'D-3' })], { worker })
    expect(report.totals.rejected).toBe(1)
    const r = report.rejected[0]
    expect(r).toMatchObject({ line: 2, field: '', type: null })
    expect(r?.reason).toMatch(/^JSON 格式错误（第 33 列）\/ invalid JSON at column 33/)
    expect(ids(sqlite, 'departments')).toEqual(['D-1', 'D-3'])
  })

  it('rejects a wrong enum value, naming the field and the allowed values', async () => {
    const { report, sqlite } = await importLines([record.task({ id: 'T-1' }), record.task({ id: 'T-2', status: 'FINISHED' }), record.task({ id: 'T-3' })], { worker })
    expect(report.rejected).toHaveLength(1)
    expect(report.rejected[0]).toMatchObject({ line: 2, type: 'task', id: 'T-2', field: 'status' })
    expect(report.rejected[0]?.reason).toBe('取值 "FINISHED" 无效，允许的值：PENDING、DONE、CANCELLED / "FINISHED" is not one of: PENDING, DONE, CANCELLED')
    expect(ids(sqlite, 'tasks')).toEqual(['T-1', 'T-3'])
  })

  it('reads blank strings in optional ids, dates, timestamps and enums as absent, keeps blank free text', async () => {
    const { report, sqlite } = await importLines([
      record.task({ id: 'T-1', plan_id: '', site_id: ' ', recheck_of: '', code_applied_at: '', code: '', trigger_source: '', visits: [{ date: '2025-03-04', officer_ids: [], outcome: '', result_entered_at: '  ' }] }),
      record.task({ id: 'T-2', plan_id: '', status: '' })
    ], { worker })
    // A blank required field is still wrong.
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[2, 'status']])
    const task = [...iterateRecords(sqlite, 'task')][0]
    expect(task).toMatchObject({ id: 'T-1', plan_id: null, site_id: null, recheck_of: null, code_applied_at: null, code: '', trigger_source: '' })
    expect(task?.visits).toEqual([{ date: '2025-03-04', officer_ids: [], outcome: null, result_entered_at: null }])
  })

  it('rejects an impossible date inside a visit, naming visits[0].date', async () => {
    const visits = [{ date: '2025-02-30', officer_ids: ['O-1'] }]
    const { report, sqlite } = await importLines([record.task({ id: 'T-1' }), record.task({ id: 'T-2', visits })], { worker })
    expect(report.rejected[0]).toMatchObject({ line: 2, id: 'T-2', field: 'visits[0].date' })
    expect(report.rejected[0]?.reason).toContain('"2025-02-30"')
    expect(report.rejected[0]?.reason).toMatch(/^日期须为/)
    expect(ids(sqlite, 'tasks')).toEqual(['T-1'])
  })

  it('rejects a timestamp without offset', async () => {
    const { report } = await importLines([record.task({ code_applied_at: '2025-03-04 09:30:00' }), record.evaluation({ submitted_at: '2025-03-06T12:00:00' })], { worker })
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[1, 'code_applied_at'], [2, 'submitted_at']])
    expect(report.rejected[0]?.reason).toMatch(/^时间须为带时区的 ISO 8601 时间.*\/ must be ISO 8601 with offset/)
  })

  it('rejects a USCC of wrong length or alphabet, but only warns about a wrong check character', async () => {
    const good = ENTERPRISE_A
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    const { report, sqlite } = await importLines([
      record.enterprise({ id: good.slice(0, 17) }),
      record.enterprise({ id: `${good.slice(0, 16)}I${good[17]}` }),
      record.enterprise({ id: wrongCheck }),
      record.task({ id: 'T-9', enterprise_id: 'abc' })
    ], { worker })
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[1, 'id'], [2, 'id'], [4, 'enterprise_id']])
    expect(report.rejected[0]?.reason).toContain('17 位')
    expect(report.rejected[0]?.reason).toContain('17 characters')
    expect(report.rejected[1]?.reason).toContain('含非法字符 "I"')
    expect(report.warnings).toEqual([expect.objectContaining({ line: 3, type: 'enterprise', id: wrongCheck, field: 'id', code: 'USCC_CHECK_CHAR', expected: usccCheckChar(good.slice(0, 17)) })])
    expect(report.warnings[0]?.expected).toBe(good[17])
    expect(ids(sqlite, 'enterprises')).toEqual([wrongCheck])
  })

  it('warns about wrong check characters in enterprise_id of list entries, tasks and plan targets', async () => {
    const bad = ENTERPRISE_A.slice(0, 17) + (ENTERPRISE_A[17] === 'X' ? 'Y' : 'X')
    const { report } = await importLines([
      record.list_entry({ enterprise_id: bad }), record.task({ enterprise_id: bad }), record.plan({ targets: [{ enterprise_id: ENTERPRISE_A }, { enterprise_id: bad }] })
    ], { worker })
    expect(report.warnings.map((w) => [w.line, w.type, w.field])).toEqual([[1, 'list_entry', 'enterprise_id'], [2, 'task', 'enterprise_id'], [3, 'plan', 'targets[1].enterprise_id']])
    expect(report.totals.rejected).toBe(0)
  })

  it('imports a plan window or list entry that ends before it starts, with a warning naming the field', async () => {
    const { report, sqlite } = await importLines([
      record.plan({ id: 'P-R', window_from: '2025-06-30', window_to: '2025-06-01' }), record.plan({ id: 'P-OK', window_from: '2025-06-01', window_to: '2025-06-01' }),
      record.list_entry({ id: 'L-R', from: '2025-03-01', to: '2025-02-28' }), record.list_entry({ id: 'L-OPEN', from: '2025-03-01', to: null })
    ], { worker })
    expect(report.warnings.map((w) => [w.line, w.code, w.id, w.field, w.value])).toEqual([
      [1, 'DATE_RANGE_REVERSED', 'P-R', 'window_to', '2025-06-30..2025-06-01'], [3, 'DATE_RANGE_REVERSED', 'L-R', 'to', '2025-03-01..2025-02-28']
    ])
    expect(report.totals).toMatchObject({ rejected: 0, warnings: 2, inserted: 4 })
    expect(ids(sqlite, 'plans')).toEqual(['P-OK', 'P-R'])
  })

  it('rejects a record missing a required field', async () => {
    const { name: _omitted, ...noName } = record.department({ id: 'D-2' })
    const { report, sqlite } = await importLines([record.department({ id: 'D-1' }), noName], { worker })
    expect(report.rejected[0]).toMatchObject({ line: 2, id: 'D-2', field: 'name', reason: '缺少必填字段 / missing required field' })
    expect(ids(sqlite, 'departments')).toEqual(['D-1'])
  })

  it('says "missing" for a left-out enum, "must not be null" for a null, and rejects impossible offsets', async () => {
    const { level: _omitted, ...noLevel } = record.department({ id: 'D-2' })
    const { report } = await importLines([
      noLevel, record.department({ id: 'D-3', name: null }), record.task({ id: 'T-1', code_applied_at: '2025-03-04T09:30:00+25:00' }),
      record.task({ id: 'T-2', code_applied_at: '2025-03-04T09:30:00-03:30' })
    ], { worker })
    expect(report.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [1, 'level', '缺少必填字段 / missing required field'],
      [2, 'name', '不能为 null，应为字符串 / must not be null: expected a string'],
      [3, 'code_applied_at', expect.stringContaining('2025-03-04T09:30:00+25:00')]
    ])
  })

  it('names every problem of a line, the first one as its field', async () => {
    const { report } = await importLines([record.task({ department_ids: [], mode: 'REMOTE', year: 1 })], { worker })
    expect(report.rejected[0]?.field).toBe('department_ids')
    expect(report.rejected[0]?.issues.map((i) => i.field)).toEqual(['department_ids', 'mode'])
  })

  it('rejects lines that are not objects or have no type', async () => {
    const { report, sqlite } = await importLines(['[1,2]', '"text"', '{"id":"D-9","name":"x"}', '{"type":7}', '{"type":" "}', record.department()], { worker })
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[1, ''], [2, ''], [3, 'type'], [4, 'type'], [5, 'type']])
    expect(report.rejected[2]).toMatchObject({ id: 'D-9', reason: '缺少记录类型字段 type / missing the record type field "type"' })
    expect(report.rejected[4]?.reason).toBe('记录类型 type 不能为空 / the record type "type" must not be empty')
    expect(report.totals.unknown).toBe(0)
    expect(ids(sqlite, 'departments')).toEqual(['D-MKT'])
  })

  it('lets the later line win for a duplicate id and counts the duplicate', async () => {
    const { report, sqlite } = await importLines([
      record.department({ id: 'D-1', name: '旧名称' }), record.department({ id: 'D-2' }), record.department({ id: 'D-1', name: '新名称' }),
      record.calendar_day({ date: '2025-10-01', kind: 'HOLIDAY' }), record.calendar_day({ date: '2025-10-01', kind: 'WORKDAY' })
    ], { worker })
    expect(report.counts.department).toEqual({ records: 3, inserted: 2, updated: 0, unchanged: 0, duplicates: 1 })
    expect(report.counts.calendar_day).toEqual({ records: 2, inserted: 1, updated: 0, unchanged: 0, duplicates: 1 })
    expect(report.totals.duplicates).toBe(2)
    expect(report.totals.rejected).toBe(0)
    expect(sqlite.prepare("SELECT name FROM departments WHERE id = 'D-1'").pluck().get()).toBe('新名称')
    expect(sqlite.prepare("SELECT kind FROM calendar_days WHERE date = '2025-10-01'").pluck().get()).toBe('WORKDAY')
  })

  it('counts unknown record types without rejecting them, and drops unknown fields', async () => {
    const { report, sqlite } = await importLines([{ type: 'inspection_photo', id: 'X' }, record.department({ extra_field: 'ignored' }), { type: 'inspection_photo' }, { type: 'constructor' }], { worker })
    expect(report.unknown_types).toEqual({ inspection_photo: 2, constructor: 1 })
    expect(report.totals).toMatchObject({ unknown: 3, rejected: 0, records: 1 })
    expect([...iterateRecords(sqlite, 'department')][0]).not.toHaveProperty('extra_field')
  })

  it('reads a BOM, CRLF line ends and blank lines, counting line numbers physically', async () => {
    const s = setup()
    const text = `\uFEFF${jsonl([HEADER_V1, record.department({ id: 'D-1' }), '', '   ', record.department({ id: 'D-2', level: 'COUNTY' }), record.department({ id: 'D-3' })], '\r\n')}\r\n`
    const path = s.file('crlf.jsonl', text)
    const report = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'u', worker })
    expect(report.files[0]?.header?.version).toBe(1)
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[5, 'level']])
    expect(ids(s.sqlite, 'departments')).toEqual(['D-1', 'D-3'])
    // CR never leaks into stored values.
    expect(s.sqlite.prepare("SELECT count(*) FROM departments WHERE district_code LIKE '%' || char(13) || '%'").pluck().get()).toBe(0)
  })

  it('refuses a whole file whose header names version 2, and the other files of the import too', async () => {
    const s = setup()
    const first = await importFiles({ sqlite: s.sqlite }, [s.file('ok.jsonl', [record.department({ id: 'D-0' })])], { userId: 'u', worker })
    expect(first.totals.inserted).toBe(1)
    const before = snapshot(s.sqlite)
    const good = s.file('good.jsonl', [record.department({ id: 'D-1' })])
    const v2 = s.file('v2.jsonl', [{ ...HEADER_V1, version: 2 }, record.department({ id: 'D-2' })])
    const error = await importFiles({ sqlite: s.sqlite }, [good, v2], { userId: 'u', worker }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportInputError)
    expect((error as ImportInputError).problem).toBe('UNSUPPORTED_VERSION')
    expect((error as Error).message).toContain(v2)
    expect((error as Error).message).toMatch(/^无法导入 .*版本为 2.*\/ cannot import .*version 2/)
    expect(snapshot(s.sqlite)).toEqual(before)
  })

  it('refuses a header of another format; a malformed v1 header or one past line 1 is a rejected line', async () => {
    const s = setup()
    const other = s.file('other.jsonl', [{ type: 'header', format: 'some-other-export', version: 1 }])
    await expect(importFiles({ sqlite: s.sqlite }, [other], { userId: 'u', worker })).rejects.toMatchObject({ problem: 'NOT_INTERCHANGE' })
    const { report, sqlite } = await importLines([{ type: 'header', version: 1 }, record.department(), HEADER_V1], { worker })
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[1, 'format'], [3, 'type']])
    expect(ids(sqlite, 'departments')).toEqual(['D-MKT'])
  })

  it('reads a header version written as text like the number', async () => {
    for (const version of ['1', '1.2']) {
      const { report } = await importLines([{ ...HEADER_V1, version }, record.department()], { worker })
      expect(report.rejected, version).toEqual([])
      expect(report.files[0]?.header?.version, version).toBe(Number(version))
    }
  })

  it('reports dangling references of every kind, and imports the records anyway', async () => {
    const { report, sqlite } = await importLines([
      record.department({ id: 'D-MKT' }),
      record.enterprise(),
      record.officer({ id: 'O-1', department_id: 'D-GONE' }),
      record.list_entry({ enterprise_id: uscc('91310116MA1JYYYY1') }),
      record.plan({ participant_department_ids: ['D-MKT', 'D-NONE'], item_ids: ['I-NONE'], targets: [{ enterprise_id: ENTERPRISE_A, site_id: 'S9' }] }),
      record.task({ department_ids: ['D-MKT', 'D-X'], plan_id: 'P-NONE', site_id: 'S7', item_ids: ['I-NONE'], recheck_of: 'T-NONE', visits: [{ date: '2025-03-04', officer_ids: ['O-1', 'O-NONE'] }] }),
      record.evaluation({ task_id: 'T-NONE', department_id: 'D-Y' })
    ], { worker })
    const found = report.dangling.map((d) => `${d.type}.${d.field}=${d.missing_id}`).sort()
    expect(found).toEqual([
      'evaluation.department_id=D-Y', 'evaluation.task_id=T-NONE', `list_entry.enterprise_id=${uscc('91310116MA1JYYYY1')}`, 'officer.department_id=D-GONE',
      'plan.item_ids=I-NONE', 'plan.participant_department_ids=D-NONE', 'plan.targets[].site_id=S9',
      'task.department_ids=D-X', 'task.item_ids=I-NONE', 'task.plan_id=P-NONE', 'task.recheck_of=T-NONE', 'task.site_id=S7', 'task.visits[].officer_ids=O-NONE'
    ].sort())
    expect(report.totals.dangling).toBe(13)
    expect(report.dangling.find((d) => d.field === 'site_id')).toMatchObject({ type: 'task', id: 'T-1', target: 'site' })
    expect(report.totals.rejected).toBe(0)
    expect(ids(sqlite, 'tasks')).toEqual(['T-1'])
    expect(ids(sqlite, 'evaluations')).toEqual(['E-1'])
  })

  it('resolves references in any order, across files, and against records already in the database', async () => {
    const s = setup()
    await importFiles({ sqlite: s.sqlite }, [s.file('a.jsonl', [record.officer(), record.item()])], { userId: 'u', worker })
    // Task first, its department later in the same file, its enterprise in a second file; officer and item from before.
    const f1 = s.file('b.jsonl', [record.task({ plan_id: null }), record.department()])
    const f2 = s.file('c.jsonl', [record.enterprise()])
    const report = await importFiles({ sqlite: s.sqlite }, [f1, f2], { userId: 'u', worker })
    expect(report.dangling).toEqual([])
    expect(report.files.map((f) => [f.path, f.records])).toEqual([[f1, 2], [f2, 1]])
    // The first import's officer named a department that did not exist then: it was reported then.
    const firstReport = JSON.parse(s.sqlite.prepare('SELECT report FROM import_batches ORDER BY seq LIMIT 1').pluck().get() as string) as ImportReport
    expect(firstReport.dangling.map((d) => d.missing_id)).toEqual(['D-MKT'])
  })

  it('re-importing the same file changes nothing: counts unchanged, seq untouched', async () => {
    const s = setup()
    const path = s.file('all.jsonl', [HEADER_V1, ...validDataset()])
    const first = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'u', worker })
    const seqBefore = centralSeq(s.sqlite)
    const rowsBefore = snapshot(s.sqlite)
    const second = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'u', worker })
    expect(second.totals).toMatchObject({ records: 10, inserted: 0, updated: 0, unchanged: 10 })
    expect(second.batch_seq).toBe(first.batch_seq + 1)
    expect(centralSeq(s.sqlite)).toBe(seqBefore)
    const { import_batches: batchesAfter, audit_log: auditAfter, ...centralAfter } = snapshot(s.sqlite)
    const { import_batches: _b, audit_log: _a, ...centralBefore } = rowsBefore
    expect(centralAfter).toEqual(centralBefore)
    expect(batchesAfter).toHaveLength(2)
    expect(auditAfter).toHaveLength(2)
  })

  it('re-importing a file that names a record twice, differently, still changes nothing', async () => {
    const s = setup()
    const path = s.file('dup.jsonl', [
      record.department({ id: 'D-1', name: '甲' }), record.department({ id: 'D-1', name: '乙' }),
      { type: 'calendar_day', date: '2025-10-01', kind: 'WORKDAY' }, { type: 'calendar_day', date: '2025-10-01', kind: 'HOLIDAY' },
      record.department({ id: 'D-2' }), record.department({ id: 'D-2', name: '丙' }), record.department({ id: 'D-2', name: '丙' })
    ])
    const first = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'u', worker })
    expect(first.totals).toMatchObject({ records: 7, inserted: 3, updated: 0, duplicates: 4 })
    const rowsBefore = s.sqlite.prepare('SELECT id, name, seq FROM departments ORDER BY id').all()
    expect(rowsBefore).toEqual([{ id: 'D-1', name: '乙', seq: first.batch_seq }, { id: 'D-2', name: '丙', seq: first.batch_seq }])
    const second = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'u', worker })
    expect(second.totals).toMatchObject({ records: 7, inserted: 0, updated: 0, unchanged: 3, duplicates: 4 })
    expect(s.sqlite.prepare('SELECT id, name, seq FROM departments ORDER BY id').all()).toEqual(rowsBefore)
    expect(s.sqlite.prepare('SELECT kind, seq FROM calendar_days').all()).toEqual([{ kind: 'HOLIDAY', seq: first.batch_seq }])
    // A later batch that really changes a duplicated record still stamps it.
    const third = await importFiles({ sqlite: s.sqlite }, [s.file('dup2.jsonl', [record.department({ id: 'D-1', name: '甲' }), record.department({ id: 'D-1', name: '丁' })])], { userId: 'u', worker })
    expect(third.counts.department).toMatchObject({ updated: 1, unchanged: 0 })
    expect(s.sqlite.prepare("SELECT name, seq FROM departments WHERE id = 'D-1'").get()).toEqual({ name: '丁', seq: third.batch_seq })
  })

  it('counts a changed record as updated and stamps it with the new batch', async () => {
    const s = setup()
    await importFiles({ sqlite: s.sqlite }, [s.file('a.jsonl', [record.department({ id: 'D-1' }), record.department({ id: 'D-2' })])], { userId: 'u', worker })
    const report = await importFiles({ sqlite: s.sqlite }, [s.file('b.jsonl', [record.department({ id: 'D-1', name: '改名后' }), record.department({ id: 'D-2' }), record.department({ id: 'D-3' })])], { userId: 'u', worker })
    expect(report.counts.department).toEqual({ records: 3, inserted: 1, updated: 1, unchanged: 1, duplicates: 0 })
    expect(s.sqlite.prepare('SELECT id, seq FROM departments ORDER BY id').all()).toEqual([
      { id: 'D-1', seq: report.batch_seq }, { id: 'D-2', seq: report.batch_seq - 1 }, { id: 'D-3', seq: report.batch_seq }
    ])
  })

  it('rolls everything back when writing fails mid-way', async () => {
    const s = setup()
    await importFiles({ sqlite: s.sqlite }, [s.file('base.jsonl', [record.department({ id: 'D-0' })])], { userId: 'u', worker })
    s.sqlite.exec("CREATE TRIGGER fail_mid BEFORE INSERT ON tasks WHEN NEW.id = 'T-BOOM' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    const before = snapshot(s.sqlite)
    const lines: object[] = [record.department({ id: 'D-1' })]
    for (let i = 0; i < 5000; i++) lines.push(record.task({ id: `T-${i}` }))
    lines.push(record.task({ id: 'T-BOOM' }), record.task({ id: 'T-AFTER' }))
    await expect(importFiles({ sqlite: s.sqlite }, [s.file('big.jsonl', lines)], { userId: 'u', worker })).rejects.toThrow('disk on fire')
    expect(snapshot(s.sqlite)).toEqual(before)
    expect(s.sqlite.inTransaction).toBe(false)
  })

  it('cancels on request and leaves the database unchanged', async () => {
    const s = setup()
    const before = snapshot(s.sqlite)
    const lines: object[] = []
    for (let i = 0; i < 40_000; i++) lines.push(record.department({ id: `D-${i}` }))
    const controller = new AbortController()
    const promise = importFiles({ sqlite: s.sqlite }, [s.file('many.jsonl', lines)], {
      userId: 'u', worker, onProgress: (p) => { if (p.line >= 16_384) controller.abort() }, signal: controller.signal
    })
    await expect(promise).rejects.toBeInstanceOf(ImportCancelledError)
    expect(snapshot(s.sqlite)).toEqual(before)
  })

  it('reports progress with growing byte counts up to the total', async () => {
    const lines: object[] = []
    for (let i = 0; i < 40_000; i++) lines.push(record.department({ id: `D-${i}` }))
    const seen: number[] = []
    const { report } = await importLines(lines, { worker, onProgress: (p) => seen.push(p.bytesRead) })
    expect(report.totals.inserted).toBe(40_000)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })

  it('refuses files that cannot be read at all, changing nothing', async () => {
    const s = setup()
    mkdirSync(join(s.dir, 'folder.jsonl'))
    const valid = s.file('valid.jsonl', [record.department()])
    const gbk = s.file('gbk.jsonl', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xbd, 0xf0, 0xc9, 0xbd, 0x22, 0x7d, 0x0a]))
    const binary = s.file('binary.jsonl', Buffer.from('SQLite format 3\u0000\u0001\u0002'))
    const before = snapshot(s.sqlite)
    const cases: [string, string][] = [[join(s.dir, 'missing.jsonl'), 'NOT_FOUND'], [join(s.dir, 'folder.jsonl'), 'NOT_A_FILE'], [gbk, 'NOT_UTF8'], [binary, 'BINARY']]
    for (const [path, problem] of cases) {
      const error = await importFiles({ sqlite: s.sqlite }, [valid, path], { userId: 'u', worker }).catch((e: unknown) => e)
      expect(error, path).toBeInstanceOf(ImportInputError)
      expect((error as ImportInputError).problem).toBe(problem)
      expect((error as Error).message).toContain(path)
    }
    expect(snapshot(s.sqlite)).toEqual(before)
  })

  it('rejects a damaged (not UTF-8) line far into a UTF-8 file alone, importing every other line', async () => {
    const s = setup()
    const lines: string[] = []
    for (let i = 0; i < 3000; i++) lines.push(JSON.stringify(record.department({ id: `D-${i}` })))
    const head = Buffer.from(`${lines.join('\n')}\n`)
    expect(head.length).toBeGreaterThan(1 << 16) // past the up-front probe
    const tail = Buffer.from(`${JSON.stringify(record.department({ id: 'D-LAST' }))}\n`)
    const path = s.file('late.jsonl', Buffer.concat([head, Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), tail]))
    const report = await importFiles({ sqlite: s.sqlite }, [path], { userId: 'u', worker })
    expect(report.totals).toMatchObject({ lines: 3002, records: 3001, rejected: 1 })
    expect(report.rejected).toEqual([expect.objectContaining({ file: path, line: 3001, type: null, id: null, field: '', reason: expect.stringMatching(/UTF-8/) })])
    expect(s.sqlite.prepare("SELECT count(*) FROM departments WHERE id LIKE 'D-%'").pluck().get()).toBe(3001)
  })

  it('rejects a line whose string holds a lone surrogate escape, naming the field, and keeps a well-formed pair', async () => {
    const { report, sqlite, path } = await importLines([
      record.department({ id: 'D-OK' }),
      JSON.stringify(record.department({ id: 'D-LONE' })).replace(/"name":"[^"]*"/, '"name":"监督\\ud800科"'),
      JSON.stringify(record.department({ id: 'D-PAIR' })).replace(/"name":"[^"]*"/, '"name":"笑脸\\ud83d\\ude00科"'),
      JSON.stringify(record.department({ id: 'D-LOW' })).replace(/"name":"[^"]*"/, '"name":"\\udc00"'),
      // A backslash before "u" is not an escape of a surrogate: imported as written.
      JSON.stringify(record.department({ id: 'D-SLASH', name: 'C:\\ud800' }))
    ], { worker })
    expect(report.totals).toMatchObject({ records: 3, rejected: 2 })
    expect(report.rejected).toEqual([
      expect.objectContaining({ file: path, line: 2, type: 'department', id: 'D-LONE', field: 'name', reason: expect.stringMatching(/代理项.*surrogate/) }),
      expect.objectContaining({ file: path, line: 4, type: 'department', id: 'D-LOW', field: 'name' })
    ])
    expect(ids(sqlite, 'departments')).toEqual(['D-OK', 'D-PAIR', 'D-SLASH'])
    expect(sqlite.prepare("SELECT name FROM departments WHERE id = 'D-PAIR'").pluck().get()).toBe('笑脸😀科')
    expect(sqlite.prepare("SELECT name FROM departments WHERE id = 'D-SLASH'").pluck().get()).toBe('C:\\ud800')
  })

  it('imports an empty file as an empty batch', async () => {
    const s = setup()
    const report = await importFiles({ sqlite: s.sqlite }, [s.file('empty.jsonl', '')], { userId: 'u', worker })
    expect(report.totals).toMatchObject({ lines: 0, records: 0, rejected: 0 })
    expect(report.files).toEqual([{ path: join(s.dir, 'empty.jsonl'), lines: 0, records: 0, rejected: 0, header: null }])
  })
})

describe('importFiles in a worker and in-thread', () => {
  it('give the same report and the same rows for a file with every kind of problem', async () => {
    const lines = [
      HEADER_V1, ...validDataset(), '{broken', record.task({ id: 'T-2', status: 'X' }), record.department({ id: 'D-MKT', name: '重复' }), { type: 'unknown_kind' },
      record.task({ id: 'T-3', department_ids: ['D-NONE'] }), record.enterprise({ id: ENTERPRISE_A.slice(0, 17) + (ENTERPRISE_A[17] === '1' ? '2' : '1') }), ''
    ]
    const inWorker = await importLines(lines, { worker: true, now: () => new Date('2025-12-31T10:00:00Z') })
    const inThread = await importLines(lines, { worker: false, now: () => new Date('2025-12-31T10:00:00Z') })
    expect([inWorker.report.parsed_in, inThread.report.parsed_in]).toEqual(['worker', 'thread'])
    const strip = (r: ImportReport) => ({
      ...r, duration_ms: 0, parsed_in: null, files: r.files.map((f) => ({ ...f, path: 'x' })), rejected: r.rejected.map((x) => ({ ...x, file: 'x' })),
      warnings: r.warnings.map((x) => ({ ...x, file: 'x' }))
    })
    expect(strip(inWorker.report)).toEqual(strip(inThread.report))
    expect(inWorker.report.totals).toMatchObject({ rejected: 2, duplicates: 1, unknown: 1, warnings: 1, dangling: 1 })
    for (const type of RECORD_TYPES) expect([...iterateRecords(inWorker.sqlite, type)]).toEqual([...iterateRecords(inThread.sqlite, type)])
  })
})

describe('importFiles without a usable worker', () => {
  it('falls back to parsing in-thread when the worker module cannot be loaded', async () => {
    const { report, sqlite } = await importLines(validDataset(), { workerUrl: new URL('./noSuchWorker.ts', import.meta.url) })
    expect(report.parsed_in).toBe('thread')
    expect(report.totals.inserted).toBe(10)
    expect(ids(sqlite, 'departments')).toEqual(['D-FIRE', 'D-MKT'])
  })
})
