// The append-only, hash-chained audit log (审计日志): every officer action lands here.
// hash = sha256(prev_hash | at | user | action | entity | entity_id | detail); editing or deleting any
// row breaks the chain from that row on, which `verifyAuditLog` reports.
import { createHash } from 'node:crypto'
import type { Sqlite } from '../db/client.ts'

export type AuditEntry = { userId: string; action: string; entity: string; entityId?: string | null; detail?: unknown; at?: string }

const GENESIS = '0'.repeat(64)

function chainHash(prev: string, at: string, userId: string, action: string, entity: string, entityId: string | null, detail: string): string {
  return createHash('sha256').update([prev, at, userId, action, entity, entityId ?? '', detail].join('\u001f')).digest('hex')
}

/** Appends one entry; call inside the transaction of the action it records. */
export function appendAudit(sqlite: Sqlite, entry: AuditEntry): void {
  const prev = (sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS
  const at = entry.at ?? new Date().toISOString()
  const detail = JSON.stringify(entry.detail ?? {})
  const hash = chainHash(prev, at, entry.userId, entry.action, entry.entity, entry.entityId ?? null, detail)
  sqlite
    .prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(at, entry.userId, entry.action, entry.entity, entry.entityId ?? null, detail, prev, hash)
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; brokenAtSeq: number; reason: string }

export function verifyAuditLog(sqlite: Sqlite): AuditVerification {
  let prev = GENESIS
  let count = 0
  const rows = sqlite.prepare('SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY seq').iterate()
  for (const raw of rows) {
    const r = raw as { seq: number; at: string; user_id: string; action: string; entity: string; entity_id: string | null; detail: string; prev_hash: string; hash: string }
    count++
    if (r.prev_hash !== prev) return { ok: false, entries: count, brokenAtSeq: r.seq, reason: '前一条记录缺失或被修改 / previous entry missing or altered' }
    const expected = chainHash(prev, r.at, r.user_id, r.action, r.entity, r.entity_id, r.detail)
    if (expected !== r.hash) return { ok: false, entries: count, brokenAtSeq: r.seq, reason: '记录内容被修改 / entry altered' }
    prev = r.hash
  }
  return { ok: true, entries: count }
}
