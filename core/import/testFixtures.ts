// Test helpers for the importer and export tests: valid records of every type (override any field),
// JSONL text, temp files and databases, and a snapshot of everything an import could change.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type OpenedDb, type Sqlite } from '../../db/client.ts'
import { TABLE_MAPPINGS } from '../../db/records.ts'
import { RECORD_TYPES, type RecordInput, type RecordType } from '../contract/records.ts'
import { usccCheckChar } from '../contract/scalars.ts'

/** A USCC with the right check character for its first 17 characters. */
export function uscc(first17: string): string {
  return first17 + usccCheckChar(first17)
}

export const ENTERPRISE_A = uscc('91310116MA1J8K9L0')
export const ENTERPRISE_B = uscc('91310116MA1JBC3D2')

/** A record as a test writes it: valid by default, but any field may be overridden with anything. */
type Fields<T extends RecordType> = { type: T } & Record<string, unknown>
type Overrides<T extends RecordType> = Partial<RecordInput<T>> | Record<string, unknown>

function make<T extends RecordType>(base: RecordInput<T>, o: Overrides<T>): Fields<T> {
  const fields: Record<string, unknown> = { ...base, ...o }
  return fields as Fields<T>
}

export const record = {
  department: (o: Overrides<'department'> = {}): Fields<'department'> => make<'department'>({ type: 'department', id: 'D-MKT', name: '金山区市场监督管理局', domain: 'MKT', level: 'DISTRICT', district_code: '310116' }, o),
  officer: (o: Overrides<'officer'> = {}): Fields<'officer'> => make<'officer'>({ type: 'officer', id: 'O-1', name: '张三', department_id: 'D-MKT', role: 'OFFICER', cert_no: '31011620001', cert_valid_until: '2027-06-30' }, o),
  enterprise: (o: Overrides<'enterprise'> = {}): Fields<'enterprise'> => make<'enterprise'>({
    type: 'enterprise', id: ENTERPRISE_A, name: '上海金山示例实业有限公司', district_code: '310116', industry: 'C13',
    sites: [{ id: 'S1', address: '金山区卫零路1号' }, { id: 'S2', address: '金山区卫零路2号' }], grades: { MKT: 'B', FIRE: 'A' },
    fire_key_unit: true, crowded_place: false, in_library_since: '2024-03-01'
  }, o),
  item: (o: Overrides<'item'> = {}): Fields<'item'> => make<'item'>({ type: 'item', id: 'I-1', name: '食品经营许可检查', domain: 'MKT', list: 'RANDOM', legal_basis: '《食品安全法》', fire_matter: false }, o),
  list_entry: (o: Overrides<'list_entry'> = {}): Fields<'list_entry'> => make<'list_entry'>({ type: 'list_entry', id: 'L-1', list: 'WUGAN', domain: 'MKT', enterprise_id: ENTERPRISE_A, from: '2025-01-01', to: null }, o),
  plan: (o: Overrides<'plan'> = {}): Fields<'plan'> => make<'plan'>({
    type: 'plan', id: 'P-1', plan_code: 'JH-2025-001', department_id: 'D-MKT', participant_department_ids: ['D-FIRE'], title: '2025年度食品经营检查计划',
    plan_type: 'ANNUAL', origin: 'SELF', year: 2025, window_from: '2025-03-01', window_to: '2025-11-30', item_ids: ['I-1'],
    targets: [{ enterprise_id: ENTERPRISE_A, site_id: 'S1' }], sampling_ratio: 0.05, method: '现场检查', status: 'FILED',
    submitted_at: '2025-02-10T10:00:00+08:00', filed_at: '2025-02-15T15:30:00+08:00'
  }, o),
  task: (o: Overrides<'task'> = {}): Fields<'task'> => make<'task'>({
    type: 'task', id: 'T-1', code: 'JC3101160001', department_ids: ['D-MKT'], kind: 'PLANNED', special: 'NONE', plan_id: 'P-1', plan_code: 'JH-2025-001',
    enterprise_id: ENTERPRISE_A, site_id: 'S1', item_ids: ['I-1'], mode: 'ON_SITE', code_applied_at: '2025-03-03T09:30:00+08:00',
    visits: [{ date: '2025-03-04', officer_ids: ['O-1'], outcome: 'NO_ISSUE', result_entered_at: '2025-03-05T10:00:00+08:00' }], status: 'DONE'
  }, o),
  evaluation: (o: Overrides<'evaluation'> = {}): Fields<'evaluation'> => make<'evaluation'>({ type: 'evaluation', id: 'E-1', task_id: 'T-1', department_id: 'D-MKT', submitted_at: '2025-03-06T12:00:00+08:00', verdict: 'APPROVE', tags: null, comment: '态度很好' }, o),
  calendar_day: (o: Overrides<'calendar_day'> = {}): Fields<'calendar_day'> => make<'calendar_day'>({ type: 'calendar_day', date: '2025-10-01', kind: 'HOLIDAY' }, o)
}

/** One valid record of every type, all references resolving. */
export function validDataset(): object[] {
  return [
    record.department(), record.department({ id: 'D-FIRE', name: '金山区消防救援支队', domain: 'FIRE' }), record.officer(), record.enterprise(),
    record.item(), record.list_entry(), record.plan(), record.task(), record.evaluation(), record.calendar_day()
  ]
}

export const HEADER_V1 = { type: 'header', format: 'jiandu-interchange', version: 1, exported_at: '2025-12-31T18:00:00+08:00', source: 'test' }

/** JSONL text: objects are serialised, strings are taken as raw lines. */
export function jsonl(lines: readonly (object | string)[], eol = '\n'): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join(eol) + eol
}

export function tempDir(prefix = 'jiandu-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

export function openTempDb(dir: string, name = 'w.sqlite'): OpenedDb {
  return openDatabase(join(dir, name))
}

/** Every row an import can touch (central tables, batches, audit log), for "nothing changed" checks. */
export function snapshot(sqlite: Sqlite): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  const tables = [...RECORD_TYPES.map((t: RecordType) => TABLE_MAPPINGS[t].table), 'import_batches', 'audit_log']
  for (const table of tables) out[table] = sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()
  return out
}
