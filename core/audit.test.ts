import { describe, expect, it } from 'vitest'
import { openMemoryDatabase } from '../db/client.ts'
import { appendAudit, verifyAuditLog } from './audit.ts'

describe('audit log', () => {
  it('chains entries and verifies an untouched log', () => {
    const { sqlite } = openMemoryDatabase()
    appendAudit(sqlite, { userId: 'u1', action: 'plan.review', entity: 'plan', entityId: 'P-1', detail: { decision: 'FILE' } })
    appendAudit(sqlite, { userId: 'u2', action: 'flag.decide', entity: 'flag', entityId: 'k', detail: { decision: 'DISMISSED' } })
    const rows = sqlite.prepare('SELECT prev_hash, hash FROM audit_log ORDER BY seq').all() as { prev_hash: string; hash: string }[]
    expect(rows).toHaveLength(2)
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash)
    expect(verifyAuditLog(sqlite)).toEqual({ ok: true, entries: 2 })
  })

  it('detects an edited entry and names where the chain breaks', () => {
    const { sqlite } = openMemoryDatabase()
    for (let i = 1; i <= 3; i++) appendAudit(sqlite, { userId: 'u1', action: 'a', entity: 'e', entityId: String(i) })
    sqlite.prepare("UPDATE audit_log SET user_id = 'intruder' WHERE seq = 2").run()
    const result = verifyAuditLog(sqlite)
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.brokenAtSeq).toBe(2)
  })

  it('detects a deleted entry', () => {
    const { sqlite } = openMemoryDatabase()
    for (let i = 1; i <= 3; i++) appendAudit(sqlite, { userId: 'u1', action: 'a', entity: 'e', entityId: String(i) })
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run()
    const result = verifyAuditLog(sqlite)
    expect(result.ok === false && result.brokenAtSeq).toBe(3)
  })
})
