import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Sqlite } from '../../db/client.ts'
import { TABLE_MAPPINGS, iterateRecords } from '../../db/records.ts'
import { verifyAuditLog } from '../audit.ts'
import { planSchema } from '../contract/records.ts'
import { createDemoDatabase, DemoDatabaseExistsError, ensureDemoDatabase, holdsData, DEMO_SETTINGS, type DemoDatabaseResult } from './database.ts'
import { createDemo } from './generate.ts'
import { INJECTABLE_RULES } from './injections.ts'
import { attachDemoFlagWork, DOCUMENT_STATUSES } from './localWork.ts'
import { createRandom } from './random.ts'

const SMALL = { tasks: 1500, seed: 'db-test' }
const dir = mkdtempSync(join(tmpdir(), 'jiandu-demo-db-'))
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('demo database', () => {
  const path = join(dir, 'demo.sqlite')
  let result: DemoDatabaseResult
  let sqlite: Sqlite

  beforeAll(() => {
    result = createDemoDatabase(path, SMALL)
    sqlite = openDatabase(path).sqlite
  })
  afterAll(() => sqlite.close())

  const count = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).pluck().get(...params) as number

  it('leaves only the finished database behind (no temporary files)', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('.demo.sqlite'))).toEqual([])
    expect(existsSync(path)).toBe(true)
  })

  it('holds every central record of the generated set, stamped with one import batch', () => {
    for (const [type, m] of Object.entries(TABLE_MAPPINGS)) {
      expect(count(`SELECT count(*) FROM ${m.table}`), m.table).toBe(result.counts[type as keyof typeof result.counts])
      expect(count(`SELECT count(*) FROM ${m.table} WHERE seq <> ?`, result.batchSeq), m.table).toBe(0)
    }
    const batch = sqlite.prepare('SELECT source, user_id, report FROM import_batches WHERE seq = ?').get(result.batchSeq) as { source: string; user_id: string; report: string }
    expect(batch.source).toBe('jiandu-demo')
    expect(JSON.parse(batch.report).counts.task).toBe(1500)
    // The database holds exactly what the generator yields: same seed, same records.
    const again = createDemo(SMALL)
    const tasks = [...again.records()].filter((r) => r.type === 'task')
    expect([...iterateRecords(sqlite, 'task')]).toEqual(tasks)
  })

  it('has the four local users and signs in the first officer by default', () => {
    const users = sqlite.prepare('SELECT id, role FROM users ORDER BY id').all()
    expect(users).toEqual([
      { id: 'u-auditor-1', role: 'AUDITOR' }, { id: 'u-officer-1', role: 'OFFICER' }, { id: 'u-officer-2', role: 'OFFICER' }, { id: 'u-staff-1', role: 'STAFF' }
    ])
    expect(sqlite.prepare("SELECT value FROM settings WHERE key = 'last_user_id'").pluck().get()).toBe('u-officer-1')
  })

  it('has plan reviews (备案 and 退回 with reasons) with the plan as submitted, and an outbox for the unsynced ones', () => {
    const reviews = sqlite.prepare('SELECT plan_id, decision, reason, plan_snapshot, sync_status FROM plan_reviews').all() as
      { plan_id: string; decision: string; reason: string | null; plan_snapshot: string; sync_status: string }[]
    expect(reviews.some((r) => r.decision === 'FILE')).toBe(true)
    expect(reviews.filter((r) => r.decision === 'RETURN').every((r) => (r.reason ?? '').length > 0)).toBe(true)
    expect(reviews.some((r) => r.decision === 'RETURN')).toBe(true)
    for (const r of reviews) {
      const snapshot = planSchema.parse(JSON.parse(r.plan_snapshot))
      expect(snapshot.id).toBe(r.plan_id)
      expect(snapshot.status).toBe('SUBMITTED')
    }
    const outbox = sqlite.prepare("SELECT kind, entity_id, payload, status FROM outbox WHERE kind = 'plan-review'").all() as { kind: string; entity_id: string; payload: string; status: string }[]
    expect(outbox.length).toBe(reviews.filter((r) => r.sync_status !== 'SENT').length)
    expect(outbox.length).toBeGreaterThan(0)
    expect(new Set(outbox.map((o) => o.status))).toEqual(new Set(['PENDING', 'REJECTED']))
    for (const o of outbox) expect(JSON.parse(o.payload)).toMatchObject({ plan_id: o.entity_id, reviewer_id: expect.any(String), decided_at: expect.any(String) })
  })

  it('has documents in every state, numbered from the sequences once issued', () => {
    const docs = sqlite.prepare('SELECT id, kind, status, doc_no, department_id, body_text, approved_at, issued_at, replied_at FROM documents').all() as
      { id: string; kind: string; status: string; doc_no: string | null; department_id: string; body_text: string; approved_at: string | null; issued_at: string | null; replied_at: string | null }[]
    expect(new Set(docs.map((d) => d.status))).toEqual(new Set(DOCUMENT_STATUSES))
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['SUGGESTION', 'DECISION', 'NOTICE']))
    for (const d of docs) {
      const issued = d.status === 'ISSUED' || d.status === 'CLOSED'
      if (issued) expect(d.doc_no, d.id).toMatch(/^金司监(建|决|通)〔20\d\d〕[1-9]\d*号$/)
      else expect(d.doc_no, d.id).toBeNull()
      expect(d.issued_at !== null).toBe(issued)
      expect(d.replied_at !== null).toBe(d.status === 'CLOSED')
      expect(d.approved_at !== null).toBe(['APPROVED', 'ISSUED', 'CLOSED'].includes(d.status))
      expect(count('SELECT count(*) FROM departments WHERE id = ? AND level <> ?', d.department_id, 'CITY')).toBe(1)
      expect(d.body_text).toContain('金山区司法局')
    }
    const sequences = sqlite.prepare('SELECT prefix, year, last_no FROM doc_number_sequences').all() as { prefix: string; year: number; last_no: number }[]
    for (const s of sequences) {
      const numbers = docs.filter((d) => d.doc_no?.startsWith(`${s.prefix}〔${s.year}〕`)).map((d) => Number(/〕(\d+)号/.exec(d.doc_no ?? '')?.[1]))
      expect(Math.max(...numbers)).toBe(s.last_no)
    }
  })

  it('keeps an intact audit chain of the import and every local action', () => {
    const verification = verifyAuditLog(sqlite)
    expect(verification.ok).toBe(true)
    const actions = new Set(sqlite.prepare('SELECT action FROM audit_log').pluck().all() as string[])
    for (const a of ['import', 'plan.review', 'document.create', 'document.issue', 'document.close']) expect(actions).toContain(a)
    expect(verification.entries).toBe(result.local.audit_entries)
  })

  it('stores the manifest of planted cases in its settings', () => {
    const manifest = JSON.parse(sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(DEMO_SETTINGS.manifest) as string)
    expect(manifest).toEqual(result.manifest)
    for (const rule of INJECTABLE_RULES) expect(manifest.rules[rule].length, rule).toBeGreaterThan(0)
  })

  it('refuses to overwrite a database holding data, and replaces it with force', () => {
    const before = sha(path)
    expect(() => createDemoDatabase(path, { tasks: 200, seed: 'other' })).toThrow(DemoDatabaseExistsError)
    expect(sha(path)).toBe(before)
    const other = join(dir, 'other.sqlite')
    createDemoDatabase(other, { tasks: 200, seed: 'other' })
    const replaced = createDemoDatabase(other, { tasks: 300, seed: 'other' }, { force: true })
    const check = openDatabase(other).sqlite
    expect(check.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(300)
    expect(replaced.counts.task).toBe(300)
    check.close()
  })

  it('treats a missing file, an empty file and a migrated but empty database as free to fill; other files as data', () => {
    expect(holdsData(join(dir, 'nothing.sqlite'))).toBe(false)
    writeFileSync(join(dir, 'empty.sqlite'), '')
    expect(holdsData(join(dir, 'empty.sqlite'))).toBe(false)
    openDatabase(join(dir, 'migrated.sqlite')).sqlite.close()
    expect(holdsData(join(dir, 'migrated.sqlite'))).toBe(false)
    writeFileSync(join(dir, 'notes.txt'), 'not a database')
    expect(holdsData(join(dir, 'notes.txt'))).toBe(true)
    expect(holdsData(path)).toBe(true)
  })

  it('ensureDemoDatabase creates the default demo database only when the file does not exist', () => {
    const fresh = join(dir, 'sub', 'first-start.sqlite')
    const before = sha(path)
    expect(ensureDemoDatabase(path)).toBe(false)
    expect(sha(path)).toBe(before)
    expect(ensureDemoDatabase(fresh)).toBe(true)
    const db = openDatabase(fresh).sqlite
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(20_000)
    db.close()
  })

  it('attaches flag decisions and document flag references once given the engine\'s flag keys', () => {
    const key = (f: { rule: string; task_ids: string[]; plan_ids: string[] }) => `${f.rule}|${f.task_ids.join(',')}|${f.plan_ids.join(',')}`
    const attached = attachDemoFlagWork(sqlite, result.manifest, key, createRandom(1), '2026-11-20')
    expect(attached.documents).toBe(count('SELECT count(*) FROM documents'))
    expect(count('SELECT count(*) FROM flag_decisions')).toBe(attached.decisions)
    expect(count("SELECT count(*) FROM flag_decisions WHERE decision = 'DISMISSED' AND reason IS NOT NULL")).toBeGreaterThan(0)
    // Each decision is queued for the central system, as the inbox queues an officer's.
    const queued = sqlite.prepare(`SELECT o.payload, o.status, d.flag_key, d.decision, d.reason, d.decided_by, d.decided_at
      FROM outbox o JOIN flag_decisions d ON d.flag_key = o.entity_id WHERE o.kind = 'flag-decision'`).all() as Record<string, string | null>[]
    expect(queued).toHaveLength(attached.decisions)
    for (const q of queued) {
      expect(q['status']).toBe('PENDING')
      expect(JSON.parse(q['payload'] ?? '')).toEqual({
        flag_key: q['flag_key'], decision: q['decision'], ...(q['reason'] === null ? {} : { reason: q['reason'] }), decided_by: q['decided_by'], decided_at: q['decided_at']
      })
    }
    const refs = sqlite.prepare('SELECT flag_refs FROM documents').pluck().all() as string[]
    const manifestKeys = new Set(INJECTABLE_RULES.flatMap((r) => result.manifest.rules[r].map((c) => key({ rule: r, ...c }))))
    for (const r of refs) for (const k of JSON.parse(r) as string[]) expect(manifestKeys.has(k)).toBe(true)
    expect(verifyAuditLog(sqlite).ok).toBe(true)
  })
})
