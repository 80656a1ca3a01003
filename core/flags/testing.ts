// A small inbox for the flags tests: one department, one enterprise in the library (E1) and one only
// named by a task (E2), a task of each, and a flag builder with the common fields filled in.
import { openMemoryDatabase } from '../../db/client.ts'
import type { Sqlite } from '../../db/client.ts'
import { seedRecords } from '../../db/testing/seed.ts'
import type { FlagRecord } from '../contract/flags.ts'
import { ensureDefaultUser } from '../users.ts'

export const E1 = '91310116MA1FL0001A'
export const E2 = '91310116MA1FL0002A'

/** A flag on task T-1 of E1, with `over` replacing any field. */
export function testFlag(over: Partial<FlagRecord>, message = '无码检查'): FlagRecord {
  return {
    rule: 'NO_CODE_INSPECTION', severity: 'MUST', task_ids: ['T-1'], plan_ids: [], enterprise_id: E1, department_id: 'D-MKT',
    evidence: { code: null }, message, ...over
  }
}

/** A memory database with the default user, D-MKT, E1, and tasks T-1 (E1, 2025-05-06) and T-2 (E2, 2025-06-01). */
export function flagsTestDatabase(): Sqlite {
  const db = openMemoryDatabase()
  ensureDefaultUser(db.sqlite)
  seedRecords(db.sqlite, [
    { type: 'department', id: 'D-MKT', name: '金山区市场监督管理局', domain: 'MKT', level: 'DISTRICT', district_code: '310116' },
    { type: 'enterprise', id: E1, name: '上海金山甲食品有限公司', district_code: '310116', sites: [{ id: 'S1', address: 'a' }] },
    { type: 'task', id: 'T-1', department_ids: ['D-MKT'], kind: 'PLANNED', special: 'NONE', enterprise_id: E1, item_ids: [], mode: 'ON_SITE', visits: [{ date: '2025-05-06', officer_ids: [] }], status: 'DONE' },
    { type: 'task', id: 'T-2', department_ids: ['D-MKT'], kind: 'PLANNED', special: 'NONE', enterprise_id: E2, item_ids: [], mode: 'ON_SITE', visits: [{ date: '2025-06-01', officer_ids: [] }], status: 'DONE' }
  ])
  return db.sqlite
}
