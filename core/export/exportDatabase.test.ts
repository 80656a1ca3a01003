import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeSyntheticInterchange } from '../../scripts/bench/importBenchData.ts'
import { RECORD_SCHEMAS, RECORD_TYPES, type RecordType } from '../contract/records.ts'
import { importFiles } from '../import/importFiles.ts'
import { ENTERPRISE_A, ENTERPRISE_B, HEADER_V1, jsonl, openTempDb, record, tempDir, validDataset, writeTemp } from '../import/testFixtures.ts'
import { EXPORT_ORDER, exportDatabase } from './exportDatabase.ts'

/** Records with every shape the contract allows: absent and null optionals, empty arrays, fractions, unicode. */
function variedDataset(): object[] {
  return [
    ...validDataset(),
    record.department({ id: 'D-A', name: '金山区"引号"与\\反斜杠\t制表符' }),
    record.officer({ id: 'O-2', cert_no: undefined, cert_valid_until: null, role: 'AUXILIARY' }),
    record.enterprise({ id: ENTERPRISE_B, industry: undefined, grades: null, fire_key_unit: null, crowded_place: true, in_library_since: undefined, sites: [{ id: 'S1', address: '' }] }),
    record.enterprise({ id: `${ENTERPRISE_A.slice(0, 17)}${ENTERPRISE_A[17] === 'Y' ? 'X' : 'Y'}`, grades: {} }),
    record.item({ id: 'I-2', legal_basis: null, fire_matter: true, list: 'WUSHI', domain: 'FIRE' }),
    record.list_entry({ id: 'L-2', domain: null, to: '2025-12-31', list: 'NO_JOINT' }),
    record.plan({ id: 'P-2', plan_code: null, participant_department_ids: [], targets: null, sampling_ratio: 0.123456789, scope: '辖区内全部餐饮单位', item_ids: [] }),
    record.task({ id: 'T-2', code: null, kind: 'TRIGGERED', plan_id: null, plan_code: null, trigger_source: '', trigger_ref: 'XS-1', visits: [], status: 'PENDING', item_ids: [] }),
    record.task({ id: 'T-10', special: 'RECHECK', recheck_of: 'T-1', department_ids: ['D-MKT', 'D-FIRE'], joint_declined_reason: '人手不足', visits: [{ date: '2025-05-01', officer_ids: [] }, { date: '2025-04-01', officer_ids: ['O-1', 'O-2'], outcome: 'CASE_OPENED' }] }),
    record.evaluation({ id: 'E-2', department_id: null, tags: ['REPEAT', 'NO_CODE_SHOWN'], comment: null, verdict: 'DISAPPROVE' }),
    record.calendar_day({ date: '2025-09-28', kind: 'WORKDAY' })
  ]
}

async function importInto(dir: string, dbName: string, file: string) {
  const opened = openTempDb(dir, dbName)
  const report = await importFiles(opened, [file], { userId: 'u' })
  return { opened, report }
}

describe('exportDatabase', () => {
  it('round-trips: import → export → import into a fresh db → export gives an identical file', async () => {
    const dir = tempDir('jiandu-export-')
    const source = writeTemp(dir, 'source.jsonl', jsonl([HEADER_V1, ...variedDataset()]))
    const first = await importInto(dir, 'a.sqlite', source)
    expect(first.report.totals.rejected).toBe(0)
    const a = exportDatabase(first.opened.sqlite, join(dir, 'a.jsonl'))
    const second = await importInto(dir, 'b.sqlite', join(dir, 'a.jsonl'))
    expect(second.report.totals).toMatchObject({ rejected: 0, inserted: a.records })
    const b = exportDatabase(second.opened.sqlite, join(dir, 'b.jsonl'))
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'a.jsonl'), 'utf8'))
    expect(b).toEqual({ ...a, path: join(dir, 'b.jsonl') })
    expect(a.records).toBe(variedDataset().length)
  })

  it('writes a header, then records by type and id, each valid, with null optionals left out', async () => {
    const dir = tempDir('jiandu-export-')
    const { opened } = await importInto(dir, 'a.sqlite', writeTemp(dir, 's.jsonl', jsonl([...variedDataset()].reverse())))
    const summary = exportDatabase(opened.sqlite, join(dir, 'out.jsonl'), { exportedAt: '2025-12-31T18:00:00+08:00' })
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n')
    expect(lines.pop()).toBe('')
    expect(JSON.parse(lines[0] ?? '')).toEqual({ type: 'header', format: 'jiandu-interchange', version: 1, exported_at: '2025-12-31T18:00:00+08:00', source: 'jiandu-workstation' })
    const records = lines.slice(1).map((l) => JSON.parse(l) as { type: RecordType; id?: string; date?: string })
    expect(records).toHaveLength(summary.records)
    const order = records.map((r) => [EXPORT_ORDER.indexOf(r.type), r.id ?? r.date ?? ''] as const)
    expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0)))
    for (const line of lines.slice(1)) expect(line).not.toContain('null')
    for (const r of records) expect(RECORD_SCHEMAS[r.type].safeParse(r).success, JSON.stringify(r)).toBe(true)
    for (const type of RECORD_TYPES) expect(summary.counts[type]).toBe(records.filter((r) => r.type === type).length)
    // The exported task keeps what was imported, e.g. visits in their original order and the empty trigger_source.
    const t2 = records.find((r) => r.id === 'T-2')
    expect(t2).toMatchObject({ trigger_source: '', visits: [], item_ids: [] })
    expect(t2).not.toHaveProperty('code')
  })

  it('round-trips a larger synthetic data set', async () => {
    const dir = tempDir('jiandu-export-')
    const source = join(dir, 'synthetic.jsonl')
    const counts = writeSyntheticInterchange(source, 6000, 7)
    const first = await importInto(dir, 'a.sqlite', source)
    expect(first.report.totals).toMatchObject({ records: counts.total, rejected: 0, dangling: 0, warnings: 0 })
    exportDatabase(first.opened.sqlite, join(dir, 'a.jsonl'))
    const second = await importInto(dir, 'b.sqlite', join(dir, 'a.jsonl'))
    exportDatabase(second.opened.sqlite, join(dir, 'b.jsonl'))
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'a.jsonl'), 'utf8'))
  })

  it('records the export in the audit log when a user is given, and leaves no partial file on failure', async () => {
    const dir = tempDir('jiandu-export-')
    const { opened } = await importInto(dir, 'a.sqlite', writeTemp(dir, 's.jsonl', jsonl(validDataset())))
    exportDatabase(opened.sqlite, join(dir, 'out.jsonl'), { userId: 'local-officer' })
    expect(opened.sqlite.prepare("SELECT user_id, entity FROM audit_log WHERE action = 'export'").all()).toEqual([{ user_id: 'local-officer', entity: 'central_records' }])
    const blocked = writeTemp(dir, 'blocker', 'not a directory')
    expect(() => exportDatabase(opened.sqlite, join(blocked, 'out.jsonl'))).toThrow()
    opened.sqlite.exec('DROP TABLE evaluations')
    expect(() => exportDatabase(opened.sqlite, join(dir, 'broken.jsonl'))).toThrow()
    expect(existsSync(join(dir, 'broken.jsonl'))).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([])
    expect(opened.sqlite.inTransaction).toBe(false)
  })
})
