// Dangling references (悬空引用): ids a record of the batch names that exist neither in the batch nor
// in the database. Records may come in any order, so they are resolved after the whole batch has been
// written, inside its transaction. Cheap in the common case: while reading, each referenced id goes into
// a set per target; afterwards only ids outside the batch are looked up. Only when some id is missing
// does a set-based query per field find the records naming it (restricted to this batch's records).
import type { Sqlite } from '../../db/client.ts'
import type { Evaluation, ListEntry, Officer, Plan, RecordType, Task } from '../contract/records.ts'
import type { DanglingReference } from './report.ts'

export type Target = 'department' | 'officer' | 'enterprise' | 'item' | 'plan' | 'task'
const TARGETS: readonly Target[] = ['department', 'officer', 'enterprise', 'item', 'plan', 'task']
const TARGET_TABLES: Record<Target, string> = {
  department: 'departments', officer: 'officers', enterprise: 'enterprises', item: 'items', plan: 'plans', task: 'tasks'
}

/** Plain data (it crosses from the parse worker to the main thread). */
export type ReferenceSets = {
  referenced: Record<Target, Set<string>>
  /** enterprise id → the site ids records name for it (checked against that enterprise's `sites`). */
  sites: Map<string, Set<string>>
}

export type ReferenceCollector = ReferenceSets & { note(record: Officer | Plan | Task | Evaluation | ListEntry): void }

export function createReferenceCollector(): ReferenceCollector {
  const referenced: Record<Target, Set<string>> = {
    department: new Set(), officer: new Set(), enterprise: new Set(), item: new Set(), plan: new Set(), task: new Set()
  }
  const sites = new Map<string, Set<string>>()
  const site = (enterpriseId: string, siteId: string) => {
    let set = sites.get(enterpriseId)
    if (!set) sites.set(enterpriseId, (set = new Set()))
    set.add(siteId)
  }
  const { department, officer, enterprise, item, plan, task } = referenced
  return {
    referenced,
    sites,
    note(r) {
      switch (r.type) {
        case 'officer':
          department.add(r.department_id)
          return
        case 'plan':
          department.add(r.department_id)
          if (r.participant_department_ids) for (const id of r.participant_department_ids) department.add(id)
          for (const id of r.item_ids) item.add(id)
          if (r.targets) {
            for (const t of r.targets) {
              enterprise.add(t.enterprise_id)
              if (t.site_id !== null) site(t.enterprise_id, t.site_id)
            }
          }
          return
        case 'task':
          for (const id of r.department_ids) department.add(id)
          if (r.plan_id !== null) plan.add(r.plan_id)
          enterprise.add(r.enterprise_id)
          if (r.site_id !== null) site(r.enterprise_id, r.site_id)
          for (const id of r.item_ids) item.add(id)
          if (r.recheck_of !== null) task.add(r.recheck_of)
          for (const v of r.visits) for (const id of v.officer_ids) officer.add(id)
          return
        case 'evaluation':
          task.add(r.task_id)
          if (r.department_id !== null) department.add(r.department_id)
          return
        case 'list_entry':
          enterprise.add(r.enterprise_id)
      }
    }
  }
}

/** A reference field and the query listing, for the given missing ids (a JSON array, the one parameter), who names them. */
type FieldSpec = { type: RecordType; field: string; target: Target; sql: string }

const IN_MISSING = 'IN (SELECT value FROM json_each(?))'

const FIELD_SPECS: readonly FieldSpec[] = [
  { type: 'officer', field: 'department_id', target: 'department', sql: `SELECT id, department_id AS ref FROM officers WHERE department_id ${IN_MISSING} ORDER BY id` },
  { type: 'list_entry', field: 'enterprise_id', target: 'enterprise', sql: `SELECT id, enterprise_id AS ref FROM list_entries WHERE enterprise_id ${IN_MISSING} ORDER BY id` },
  { type: 'plan', field: 'department_id', target: 'department', sql: `SELECT id, department_id AS ref FROM plans WHERE department_id ${IN_MISSING} ORDER BY id` },
  { type: 'plan', field: 'participant_department_ids', target: 'department', sql: `SELECT DISTINCT p.id, j.value AS ref FROM plans p, json_each(p.participant_department_ids) j WHERE j.value ${IN_MISSING} ORDER BY p.id, j.value` },
  { type: 'plan', field: 'item_ids', target: 'item', sql: `SELECT DISTINCT p.id, j.value AS ref FROM plans p, json_each(p.item_ids) j WHERE j.value ${IN_MISSING} ORDER BY p.id, j.value` },
  { type: 'plan', field: 'targets[].enterprise_id', target: 'enterprise', sql: `SELECT DISTINCT p.id, j.value ->> '$.enterprise_id' AS ref FROM plans p, json_each(p.targets) j WHERE j.value ->> '$.enterprise_id' ${IN_MISSING} ORDER BY p.id, ref` },
  { type: 'task', field: 'department_ids', target: 'department', sql: `SELECT DISTINCT t.id, j.value AS ref FROM tasks t, json_each(t.department_ids) j WHERE j.value ${IN_MISSING} ORDER BY t.id, j.value` },
  { type: 'task', field: 'plan_id', target: 'plan', sql: `SELECT id, plan_id AS ref FROM tasks WHERE plan_id ${IN_MISSING} ORDER BY id` },
  { type: 'task', field: 'enterprise_id', target: 'enterprise', sql: `SELECT id, enterprise_id AS ref FROM tasks WHERE enterprise_id ${IN_MISSING} ORDER BY id` },
  { type: 'task', field: 'item_ids', target: 'item', sql: `SELECT DISTINCT t.id, j.value AS ref FROM tasks t, json_each(t.item_ids) j WHERE j.value ${IN_MISSING} ORDER BY t.id, j.value` },
  { type: 'task', field: 'recheck_of', target: 'task', sql: `SELECT id, recheck_of AS ref FROM tasks WHERE recheck_of ${IN_MISSING} ORDER BY id` },
  { type: 'task', field: 'visits[].officer_ids', target: 'officer', sql: `SELECT DISTINCT t.id, o.value AS ref FROM tasks t, json_each(t.visits) v, json_each(v.value, '$.officer_ids') o WHERE o.value ${IN_MISSING} ORDER BY t.id, o.value` },
  { type: 'evaluation', field: 'task_id', target: 'task', sql: `SELECT id, task_id AS ref FROM evaluations WHERE task_id ${IN_MISSING} ORDER BY id` },
  { type: 'evaluation', field: 'department_id', target: 'department', sql: `SELECT id, department_id AS ref FROM evaluations WHERE department_id ${IN_MISSING} ORDER BY id` }
]

/** Site references: rows naming a site of one of the given enterprises (a JSON array, the one parameter); filtered in JS. */
const SITE_SPECS: readonly { type: RecordType; field: string; sql: string }[] = [
  { type: 'plan', field: 'targets[].site_id', sql: `SELECT DISTINCT p.id, j.value ->> '$.enterprise_id' AS enterprise, j.value ->> '$.site_id' AS ref FROM plans p, json_each(p.targets) j WHERE j.value ->> '$.enterprise_id' ${IN_MISSING} AND j.value ->> '$.site_id' IS NOT NULL ORDER BY p.id, ref` },
  { type: 'task', field: 'site_id', sql: `SELECT id, enterprise_id AS enterprise, site_id AS ref FROM tasks WHERE enterprise_id ${IN_MISSING} AND site_id IS NOT NULL ORDER BY id` }
]

export type DanglingResult = {
  samples: DanglingReference[]
  total: number
  counts: { type: RecordType; field: string; target: string; count: number }[]
}

type RefRow = { id: string; ref: string }
type SiteRow = { id: string; enterprise: string; ref: string }

/**
 * Finds the dangling references of the batch (call after all its records are written, in the same
 * transaction). `batchKeys` are the ids of the batch's records per type: only their references count.
 */
export function resolveDangling(sqlite: Sqlite, collector: ReferenceSets, batchKeys: Record<RecordType, Set<string>>, sampleLimit: number): DanglingResult {
  const missing = {} as Record<Target, string[]>
  let anyMissing = false
  for (const target of TARGETS) {
    const exists = sqlite.prepare(`SELECT 1 FROM ${TARGET_TABLES[target]} WHERE id = ?`).pluck()
    const inBatch = batchKeys[target]
    const list: string[] = []
    for (const id of collector.referenced[target]) if (!inBatch.has(id) && exists.get(id) === undefined) list.push(id)
    missing[target] = list
    if (list.length > 0) anyMissing = true
  }

  // Sites are checked only for enterprises that exist (a missing enterprise is reported once, by its id).
  const missingEnterprises = new Set(missing.enterprise)
  const missingSites = new Map<string, Set<string>>()
  const sitesOf = sqlite.prepare('SELECT sites FROM enterprises WHERE id = ?').pluck()
  for (const [enterpriseId, siteIds] of collector.sites) {
    if (missingEnterprises.has(enterpriseId)) continue
    const json = sitesOf.get(enterpriseId)
    const known = new Set<string>()
    if (typeof json === 'string') for (const s of JSON.parse(json) as { id: string }[]) known.add(s.id)
    const absent = [...siteIds].filter((s) => !known.has(s))
    if (absent.length > 0) missingSites.set(enterpriseId, new Set(absent))
  }

  const result: DanglingResult = { samples: [], total: 0, counts: [] }
  if (!anyMissing && missingSites.size === 0) return result
  const add = (type: RecordType, field: string, target: string, id: string, ref: string) => {
    result.total++
    if (result.samples.length < sampleLimit) result.samples.push({ type, id, field, missing_id: ref, target })
  }

  for (const spec of FIELD_SPECS) {
    const ids = missing[spec.target]
    if (ids.length === 0) continue
    const inBatch = batchKeys[spec.type]
    let count = 0
    for (const raw of sqlite.prepare(spec.sql).iterate(JSON.stringify(ids))) {
      const row = raw as RefRow
      if (!inBatch.has(row.id)) continue
      count++
      add(spec.type, spec.field, spec.target, row.id, row.ref)
    }
    if (count > 0) result.counts.push({ type: spec.type, field: spec.field, target: spec.target, count })
  }

  if (missingSites.size > 0) {
    const enterprises = JSON.stringify([...missingSites.keys()])
    for (const spec of SITE_SPECS) {
      const inBatch = batchKeys[spec.type]
      let count = 0
      for (const raw of sqlite.prepare(spec.sql).iterate(enterprises)) {
        const row = raw as SiteRow
        if (!inBatch.has(row.id) || !missingSites.get(row.enterprise)?.has(row.ref)) continue
        count++
        add(spec.type, spec.field, 'site', row.id, row.ref)
      }
      if (count > 0) result.counts.push({ type: spec.type, field: spec.field, target: 'site', count })
    }
  }
  return result
}
