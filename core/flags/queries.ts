// Reading and deciding flags for the inbox: windowed lists with filters, group counts, the evidence
// of one flag, and decisions (single and bulk) recorded with who decided, the audit log and the outbox.
import { randomUUID } from 'node:crypto'
import type { Sqlite } from '../../db/client.ts'
import { appendAudit } from '../audit.ts'

export const FLAG_STATUSES = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const
export type FlagStatus = (typeof FLAG_STATUSES)[number]

export type FlagFilter = {
  rule?: string | undefined
  departmentId?: string | undefined
  severity?: string | undefined
  status?: FlagStatus | undefined
  dateFrom?: string | undefined
  dateTo?: string | undefined
  enterpriseId?: string | undefined
  text?: string | undefined
}

type Where = { sql: string; params: (string | number)[] }

function whereClause(f: FlagFilter): Where {
  const parts: string[] = []
  const params: (string | number)[] = []
  if (f.rule) { parts.push('f.rule = ?'); params.push(f.rule) }
  if (f.departmentId) { parts.push('f.department_id = ?'); params.push(f.departmentId) }
  if (f.severity) { parts.push('f.severity = ?'); params.push(f.severity) }
  if (f.enterpriseId) { parts.push('f.enterprise_id = ?'); params.push(f.enterpriseId) }
  if (f.status === 'OPEN') parts.push('d.decision IS NULL')
  else if (f.status) { parts.push('d.decision = ?'); params.push(f.status) }
  if (f.dateFrom) { parts.push('f.event_date >= ?'); params.push(f.dateFrom) }
  if (f.dateTo) { parts.push('f.event_date <= ?'); params.push(f.dateTo) }
  if (f.text) {
    parts.push("(f.message LIKE ? ESCAPE '\\' OR f.enterprise_id LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR f.task_ids LIKE ? ESCAPE '\\')")
    const like = `%${f.text.replace(/[%_]/g, (c) => `\\${c}`)}%`
    params.push(like, like, like, like)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const FROM = `FROM flags f
  LEFT JOIN flag_decisions d ON d.flag_key = f.flag_key
  LEFT JOIN enterprises e ON e.id = f.enterprise_id
  LEFT JOIN departments dep ON dep.id = f.department_id`

export type FlagRow = {
  flagKey: string
  rule: string
  severity: string
  taskIds: string[]
  planIds: string[]
  enterpriseId: string | null
  enterpriseName: string | null
  departmentId: string | null
  departmentName: string | null
  eventDate: string | null
  message: string
  status: FlagStatus
  decisionReason: string | null
  decidedBy: string | null
  decidedAt: string | null
}

type RawFlagRow = {
  flag_key: string; rule: string; severity: string; task_ids: string; plan_ids: string; enterprise_id: string | null
  enterprise_name: string | null; department_id: string | null; department_name: string | null; event_date: string | null
  message: string; decision: string | null; reason: string | null; decided_by: string | null; decided_at: string | null
}

function toFlagRow(r: RawFlagRow): FlagRow {
  return {
    flagKey: r.flag_key, rule: r.rule, severity: r.severity, taskIds: JSON.parse(r.task_ids) as string[],
    planIds: JSON.parse(r.plan_ids) as string[], enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name,
    departmentId: r.department_id, departmentName: r.department_name, eventDate: r.event_date, message: r.message,
    status: r.decision === 'CONFIRMED' || r.decision === 'DISMISSED' ? r.decision : 'OPEN',
    decisionReason: r.reason, decidedBy: r.decided_by, decidedAt: r.decided_at
  }
}

const SEVERITY_ORDER = "CASE f.severity WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END"

export function listFlags(sqlite: Sqlite, filter: FlagFilter, offset: number, limit: number): { total: number; rows: FlagRow[] } {
  const w = whereClause(filter)
  const total = sqlite.prepare(`SELECT count(*) ${FROM} ${w.sql}`).pluck().get(...w.params) as number
  const rows = sqlite
    .prepare(
      `SELECT f.flag_key, f.rule, f.severity, f.task_ids, f.plan_ids, f.enterprise_id, e.name AS enterprise_name, f.department_id,
        dep.name AS department_name, f.event_date, f.message, d.decision, d.reason, d.decided_by, d.decided_at
       ${FROM} ${w.sql}
       ORDER BY ${SEVERITY_ORDER}, f.event_date DESC, f.flag_key LIMIT ? OFFSET ?`
    )
    .all(...w.params, limit, offset) as RawFlagRow[]
  return { total, rows: rows.map(toFlagRow) }
}

export type FlagGroupCounts = {
  byRule: { key: string; severity: string; open: number; total: number }[]
  byDepartment: { key: string; name: string | null; open: number; total: number }[]
  byStatus: { key: FlagStatus; total: number }[]
}

/** Counts for the inbox's group sidebar, under the same filter minus the dimension being counted. */
export function flagGroupCounts(sqlite: Sqlite, filter: FlagFilter): FlagGroupCounts {
  const count = (groupSql: string, f: FlagFilter, extraCols: string) => {
    const w = whereClause(f)
    return sqlite
      .prepare(`SELECT ${groupSql} AS key ${extraCols}, sum(d.decision IS NULL) AS open, count(*) AS total ${FROM} ${w.sql} GROUP BY ${groupSql} ORDER BY total DESC`)
      .all(...w.params) as { key: string; open: number; total: number; severity?: string; name?: string | null }[]
  }
  const byRule = count('f.rule', { ...filter, rule: undefined }, ', min(f.severity) AS severity').map((r) => ({ key: r.key, severity: r.severity ?? '', open: r.open, total: r.total }))
  const byDepartment = count('f.department_id', { ...filter, departmentId: undefined }, ', dep.name AS name').map((r) => ({ key: r.key, name: r.name ?? null, open: r.open, total: r.total }))
  const statusRows = count("coalesce(d.decision, 'OPEN')", { ...filter, status: undefined }, '')
  const byStatus = FLAG_STATUSES.map((s) => ({ key: s, total: statusRows.find((r) => r.key === s)?.total ?? 0 }))
  return { byRule, byDepartment, byStatus }
}

export function getFlag(sqlite: Sqlite, key: string): (FlagRow & { evidence: Record<string, unknown> }) | null {
  const r = sqlite
    .prepare(
      `SELECT f.flag_key, f.rule, f.severity, f.task_ids, f.plan_ids, f.enterprise_id, e.name AS enterprise_name, f.department_id,
        dep.name AS department_name, f.event_date, f.message, f.evidence, d.decision, d.reason, d.decided_by, d.decided_at
       ${FROM} WHERE f.flag_key = ?`
    )
    .get(key) as (RawFlagRow & { evidence: string }) | undefined
  return r ? { ...toFlagRow(r), evidence: JSON.parse(r.evidence) as Record<string, unknown> } : null
}

export type FlagDecision = { flagKeys: readonly string[]; decision: 'CONFIRMED' | 'DISMISSED'; reason: string | null; userId: string; at: string }

/**
 * Records decisions for existing flags in one transaction, with an audit entry and an outbox item per
 * flag (central-api-v1 `POST /flag-decisions`). Unknown keys are returned, not decided.
 */
export function decideFlags(sqlite: Sqlite, d: FlagDecision): { decided: string[]; unknown: string[] } {
  const exists = sqlite.prepare('SELECT 1 FROM flags WHERE flag_key = ?').pluck()
  const upsert = sqlite.prepare(
    `INSERT INTO flag_decisions (flag_key, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(flag_key) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at`
  )
  const outbox = sqlite.prepare("INSERT INTO outbox (id, kind, entity_id, payload, created_at, status) VALUES (?, 'flag-decision', ?, ?, ?, 'PENDING')")
  const decided: string[] = []
  const unknown: string[] = []
  sqlite.transaction(() => {
    for (const key of new Set(d.flagKeys)) {
      if (!exists.get(key)) { unknown.push(key); continue }
      upsert.run(key, d.decision, d.reason, d.userId, d.at)
      const payload = { flag_key: key, decision: d.decision, reason: d.reason ?? undefined, decided_by: d.userId, decided_at: d.at }
      outbox.run(randomUUID(), key, JSON.stringify(payload), d.at)
      appendAudit(sqlite, { userId: d.userId, action: 'flag.decide', entity: 'flag', entityId: key, detail: { decision: d.decision, reason: d.reason }, at: d.at })
      decided.push(key)
    }
  })()
  return { decided, unknown }
}
