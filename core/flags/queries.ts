// Reading and deciding flags for the inbox: windowed lists with filters, group counts, the evidence
// of one flag, and decisions (single and bulk) recorded with who decided, the audit log and the outbox.
import { randomUUID } from 'node:crypto'
import type { Sqlite } from '../../db/client.ts'
import { MATCH_KEYS_MAX, remembered, rememberedCount, rememberedKeys } from '../../db/queries/remembered.ts'
import { containsPattern } from '../../db/queries/statements.ts'
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

/**
 * The inbox order: most serious first, latest first, then by key. The severity rank is written exactly as
 * in the flags_*order_idx indexes (db/schema/local.ts) so that SQLite walks an index instead of sorting.
 */
const SEVERITY_RANK = "(CASE f.severity WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 ELSE 2 END)"
const FLAG_ORDER = `${SEVERITY_RANK}, f.event_date DESC, f.flag_key`
/** The same order with the index kept out (unary +): the flags are scanned and the matches sorted. */
const FLAG_ORDER_SCANNING = `+${SEVERITY_RANK}, f.event_date DESC, f.flag_key`

/**
 * How many flags walking the ordered index may look at, reading each row to test the text, before a scan
 * of every flag and a sort of the matches is the cheaper way to a page. Measured at a million flags: a
 * walk costs ~20 µs a flag, the scan ~330 ms.
 */
const TEXT_WALK_MAX = 15_000
const RANK_SEVERITY = ['MUST', 'SHOULD', 'INFO'] as const

/**
 * Conditions on the flag itself (everything but the decision status); decisions are joined by the
 * callers, only when a status asks. The text filter finds the enterprises named like it first (one scan
 * of the enterprises, not a lookup for each of a million flags: at a million flags counting went
 * 757 → 336 ms).
 */
function flagConditions(f: FlagFilter): Where {
  const parts: string[] = []
  const params: (string | number)[] = []
  if (f.rule) { parts.push('f.rule = ?'); params.push(f.rule) }
  if (f.departmentId) { parts.push('f.department_id = ?'); params.push(f.departmentId) }
  if (f.severity) {
    // A known severity is matched by its rank, which the ordered indexes hold (no table reads to count).
    const rank = RANK_SEVERITY.findIndex((s) => s === f.severity)
    if (rank === -1) { parts.push('f.severity = ?'); params.push(f.severity) }
    else { parts.push(`${SEVERITY_RANK} = ?`); params.push(rank) }
  }
  if (f.enterpriseId) { parts.push('f.enterprise_id = ?'); params.push(f.enterpriseId) }
  if (f.dateFrom) { parts.push('f.event_date >= ?'); params.push(f.dateFrom) }
  if (f.dateTo) { parts.push('f.event_date <= ?'); params.push(f.dateTo) }
  if (f.text) {
    parts.push(
      "(f.message LIKE ? ESCAPE '\\' OR f.enterprise_id LIKE ? ESCAPE '\\' OR f.task_ids LIKE ? ESCAPE '\\'" +
        " OR f.enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE ? ESCAPE '\\'))"
    )
    const like = containsPattern(f.text)
    params.push(like, like, like, like)
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params }
}

/**
 * FROM … WHERE … selecting the flags of a filter, status included. Undecided flags (OPEN) are those
 * without a decision row; decided ones are found from the decisions table (small next to the flags), so
 * neither case looks up a decision for every one of 100,000 flags just to count them.
 */
function flagSource(f: FlagFilter): Where {
  const c = flagConditions(f)
  if (f.status === 'CONFIRMED' || f.status === 'DISMISSED') {
    return { sql: `FROM flag_decisions d0 CROSS JOIN flags f ON f.flag_key = d0.flag_key WHERE d0.decision = ? AND ${c.sql}`, params: [f.status, ...c.params] }
  }
  const open = f.status === 'OPEN' ? ' AND NOT EXISTS (SELECT 1 FROM flag_decisions d0 WHERE d0.flag_key = f.flag_key)' : ''
  return { sql: `FROM flags f WHERE ${c.sql}${open}`, params: c.params }
}

/**
 * How many flags a filter selects. OPEN is counted as all minus decided: both are cheap, the anti-join is
 * not. Remembered until the database changes: the list asks on every visit of the inbox.
 */
function countFlags(sqlite: Sqlite, f: FlagFilter): number {
  const count = (w: Where) => rememberedCount(sqlite, `SELECT count(*) ${w.sql}`, w.params)
  if (f.status !== 'OPEN') return count(flagSource(f))
  const c = flagConditions(f)
  const all = count({ sql: `FROM flags f WHERE ${c.sql}`, params: c.params })
  const decided = count({ sql: `FROM flag_decisions d0 CROSS JOIN flags f ON f.flag_key = d0.flag_key WHERE ${c.sql}`, params: c.params })
  return all - decided
}

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

/** The columns of a listed flag, its names and its decision, for rows already chosen (`f` is the flag). */
const ROW_COLUMNS = `f.flag_key, f.rule, f.severity, f.task_ids, f.plan_ids, f.enterprise_id, e.name AS enterprise_name, f.department_id,
  dep.name AS department_name, f.event_date, f.message, d.decision, d.reason, d.decided_by, d.decided_at`
const ROW_JOINS = `LEFT JOIN flag_decisions d ON d.flag_key = f.flag_key
  LEFT JOIN enterprises e ON e.id = f.enterprise_id
  LEFT JOIN departments dep ON dep.id = f.department_id`

/**
 * Whether the page is found faster by a scan than by walking the ordered index: only a text filter can
 * make the walk long, by matching few of the flags the other filters leave (a text matching nothing
 * walked all of a million flags, 4.4 s). The walk looks at about (offset + limit) × filtered ÷ matching.
 */
function scanForPage(sqlite: Sqlite, filter: FlagFilter, matching: number, end: number): boolean {
  if (!filter.text) return false
  const filtered = countFlags(sqlite, { ...filter, text: undefined })
  return (end * filtered) / matching > TEXT_WALK_MAX
}

export function listFlags(sqlite: Sqlite, filter: FlagFilter, offset: number, limit: number): { total: number; rows: FlagRow[] } {
  const total = countFlags(sqlite, filter)
  // Nothing matches, or the page lies past the end: there is no page to look for.
  if (total === 0 || offset >= total) return { total, rows: [] }
  const source = flagSource(filter)
  const scans = scanForPage(sqlite, filter, total, offset + limit)
  if (scans && total <= MATCH_KEYS_MAX) {
    // Each page would scan every flag again: the keys of all matches are read once and remembered until
    // the database changes, so scrolling on through them reads only each page's rows.
    const keys = rememberedKeys(sqlite, `SELECT f.flag_key ${source.sql} ORDER BY ${FLAG_ORDER_SCANNING}`, source.params)
    const page = JSON.stringify(keys.slice(offset, offset + limit))
    const rows = sqlite
      .prepare(`SELECT ${ROW_COLUMNS} FROM json_each(?) page CROSS JOIN flags f ON f.flag_key = page.value ${ROW_JOINS} ORDER BY ${FLAG_ORDER}`)
      .all(page) as RawFlagRow[]
    return { total, rows: rows.map(toFlagRow) }
  }
  // Choose the page's keys first (walking an ordered index, no joins), then read those rows in full.
  // CROSS JOIN keeps the page as the outer loop: with the limit a bound parameter the planner cannot
  // see that the page is 100 rows, and at a million flags it chose to walk every flag in order and
  // probe the page for each (84 ms instead of 0.3).
  const rows = sqlite
    .prepare(
      `SELECT ${ROW_COLUMNS}
       FROM (SELECT f.flag_key AS page_key ${source.sql} ORDER BY ${scans ? FLAG_ORDER_SCANNING : FLAG_ORDER} LIMIT ? OFFSET ?) page
       CROSS JOIN flags f ON f.flag_key = page.page_key ${ROW_JOINS}
       ORDER BY ${FLAG_ORDER}`
    )
    .all(...source.params, limit, offset) as RawFlagRow[]
  return { total, rows: rows.map(toFlagRow) }
}

export type FlagGroupCounts = {
  byRule: { key: string; severity: string; open: number; total: number }[]
  byDepartment: { key: string; name: string | null; open: number; total: number }[]
  byStatus: { key: FlagStatus; total: number }[]
}

type StatusTally = { all: number; CONFIRMED: number; DISMISSED: number; rank: number | null }

/**
 * Flags of a filter (status aside) counted by `groupSql`: all of them, and the decided ones by decision
 * (found from the decisions table). Undecided = all − decided.
 */
function tallyBy(sqlite: Sqlite, groupSql: string, f: FlagFilter): Map<string | null, StatusTally> {
  const c = flagConditions(f)
  const tallies = new Map<string | null, StatusTally>()
  const all = sqlite
    .prepare(`SELECT ${groupSql} AS key, count(*) AS n, min(${SEVERITY_RANK}) AS rank FROM flags f WHERE ${c.sql} GROUP BY ${groupSql}`)
    .all(...c.params) as { key: string | null; n: number; rank: number | null }[]
  for (const r of all) tallies.set(r.key, { all: r.n, CONFIRMED: 0, DISMISSED: 0, rank: r.rank })
  const decided = sqlite
    .prepare(`SELECT ${groupSql} AS key, d0.decision AS decision, count(*) AS n FROM flag_decisions d0 CROSS JOIN flags f ON f.flag_key = d0.flag_key WHERE ${c.sql} GROUP BY ${groupSql}, d0.decision`)
    .all(...c.params) as { key: string | null; decision: string; n: number }[]
  for (const r of decided) {
    const t = tallies.get(r.key)
    if (t && (r.decision === 'CONFIRMED' || r.decision === 'DISMISSED')) t[r.decision] += r.n
  }
  return tallies
}

const openOf = (t: StatusTally) => t.all - t.CONFIRMED - t.DISMISSED

/** The count a group shows under a status filter: all of it, or only its flags with that status. */
function shown(t: StatusTally, status: FlagStatus | undefined): number {
  if (status === undefined) return t.all
  return status === 'OPEN' ? openOf(t) : t[status]
}

type GroupTallies = { byRule: Map<string | null, StatusTally>; byDepartment: Map<string | null, StatusTally>; overall: StatusTally }

const emptyTally = (): StatusTally => ({ all: 0, CONFIRMED: 0, DISMISSED: 0, rank: null })

function addTally(into: Map<string | null, StatusTally>, key: string | null, t: StatusTally): void {
  const sum = into.get(key) ?? emptyTally()
  sum.all += t.all
  sum.CONFIRMED += t.CONFIRMED
  sum.DISMISSED += t.DISMISSED
  sum.rank = sum.rank === null ? t.rank : t.rank === null ? sum.rank : Math.min(sum.rank, t.rank)
  into.set(key, sum)
}

/**
 * The flags of the whole filter, from the tallies by rule (counted under the filter without its rule):
 * the chosen rule's, or the sum of all rules' (every flag has a rule). Counting them again in SQL would
 * read every row of the table (no index holds what the filter and the count need together): at a
 * million flags that took longer than both grouped scans, and pushed the list's pages out of the cache.
 */
function overallFromRules(byRule: ReadonlyMap<string | null, StatusTally>, rule: string | undefined): StatusTally {
  if (rule) return byRule.get(rule) ?? emptyTally()
  const sum = new Map<string | null, StatusTally>()
  for (const t of byRule.values()) addTally(sum, '', t)
  return sum.get('') ?? emptyTally()
}

/**
 * The three tallies of the sidebar. The rule and department tallies are each counted under the filter
 * without their own dimension; with the indexes those are two cheap grouped scans, and the overall tally
 * follows from the rule one. A text filter cannot use an index, so then the flags are scanned once,
 * grouped by (rule, department), and the three tallies are summed from those pairs.
 */
function groupTallies(sqlite: Sqlite, filter: FlagFilter): GroupTallies {
  const f = { ...filter, status: undefined }
  if (!f.text) {
    const byRule = tallyBy(sqlite, 'f.rule', { ...f, rule: undefined })
    return { byRule, byDepartment: tallyBy(sqlite, 'f.department_id', { ...f, departmentId: undefined }), overall: overallFromRules(byRule, f.rule) }
  }
  const pairs = tallyBy(sqlite, "json_array(f.rule, f.department_id)", { ...f, rule: undefined, departmentId: undefined })
  const byRule = new Map<string | null, StatusTally>()
  const byDepartment = new Map<string | null, StatusTally>()
  const overall = new Map<string | null, StatusTally>()
  for (const [pair, t] of pairs) {
    const [rule = null, department = null] = JSON.parse(pair ?? '[]') as (string | null)[]
    const ruleMatches = !f.rule || f.rule === rule
    const departmentMatches = !f.departmentId || f.departmentId === department
    if (departmentMatches) addTally(byRule, rule, t)
    if (ruleMatches) addTally(byDepartment, department, t)
    if (ruleMatches && departmentMatches) addTally(overall, '', t)
  }
  return { byRule, byDepartment, overall: overall.get('') ?? emptyTally() }
}

/**
 * Counts for the inbox's group sidebar, under the same filter minus the dimension being counted.
 * Remembered until the database changes (a decision is a change): the inbox asks on every visit.
 */
export function flagGroupCounts(sqlite: Sqlite, filter: FlagFilter): Readonly<FlagGroupCounts> {
  return remembered(sqlite, `flag-groups\u0000${JSON.stringify(filter)}`, () => countFlagGroups(sqlite, filter))
}

function countFlagGroups(sqlite: Sqlite, filter: FlagFilter): FlagGroupCounts {
  const status = filter.status
  const openShown = (t: StatusTally) => (status === undefined || status === 'OPEN' ? openOf(t) : 0)
  const byDesc = <T extends { total: number }>(a: T, b: T) => b.total - a.total
  const tallies = groupTallies(sqlite, filter)

  const byRule = [...tallies.byRule]
    .flatMap(([key, t]) => (key === null ? [] : [{ key, severity: t.rank === null ? '' : (RANK_SEVERITY[t.rank] ?? 'INFO'), open: openShown(t), total: shown(t, status) }]))
    .filter((g) => g.total > 0)
    .sort(byDesc)

  // Flags without a department cannot be filtered by one, so they have no group here.
  const departmentTallies = [...tallies.byDepartment].flatMap(([key, t]) => (key === null ? [] : [{ key, t }]))
  const names = new Map(
    (sqlite.prepare('SELECT id, name FROM departments WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(departmentTallies.map((d) => d.key))) as { id: string; name: string }[]).map((d) => [d.id, d.name])
  )
  const byDepartment = departmentTallies
    .map(({ key, t }) => ({ key, name: names.get(key) ?? null, open: openShown(t), total: shown(t, status) }))
    .filter((g) => g.total > 0)
    .sort(byDesc)

  const byStatus = FLAG_STATUSES.map((s) => ({ key: s, total: shown(tallies.overall, s) }))
  return { byRule, byDepartment, byStatus }
}

export function getFlag(sqlite: Sqlite, key: string): (FlagRow & { evidence: Record<string, unknown> }) | null {
  const r = sqlite
    .prepare(
      `SELECT f.flag_key, f.rule, f.severity, f.task_ids, f.plan_ids, f.enterprise_id, e.name AS enterprise_name, f.department_id,
        dep.name AS department_name, f.event_date, f.message, f.evidence, d.decision, d.reason, d.decided_by, d.decided_at
       FROM flags f ${ROW_JOINS} WHERE f.flag_key = ?`
    )
    .get(key) as (RawFlagRow & { evidence: string }) | undefined
  return r ? { ...toFlagRow(r), evidence: JSON.parse(r.evidence) as Record<string, unknown> } : null
}

export type FlagDecision = { flagKeys: readonly string[]; decision: 'CONFIRMED' | 'DISMISSED'; reason: string | null; userId: string; at: string }

/**
 * Queues one flag decision for central-api-v1 `POST /flag-decisions`: the statement, and the call that
 * writes an item (`id` given by the caller: the demo builder draws reproducible ones).
 */
export function flagDecisionOutbox(sqlite: Sqlite): (id: string, key: string, d: Omit<FlagDecision, 'flagKeys'>) => void {
  const insert = sqlite.prepare("INSERT INTO outbox (id, kind, entity_id, payload, created_at, status) VALUES (?, 'flag-decision', ?, ?, ?, 'PENDING')")
  return (id, key, d) => {
    const payload = { flag_key: key, decision: d.decision, reason: d.reason ?? undefined, decided_by: d.userId, decided_at: d.at }
    insert.run(id, key, JSON.stringify(payload), d.at)
  }
}

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
  const queue = flagDecisionOutbox(sqlite)
  const decided: string[] = []
  const unknown: string[] = []
  sqlite.transaction(() => {
    for (const key of new Set(d.flagKeys)) {
      if (!exists.get(key)) { unknown.push(key); continue }
      upsert.run(key, d.decision, d.reason, d.userId, d.at)
      queue(randomUUID(), key, d)
      appendAudit(sqlite, { userId: d.userId, action: 'flag.decide', entity: 'flag', entityId: key, detail: { decision: d.decision, reason: d.reason }, at: d.at })
      decided.push(key)
    }
  })()
  return { decided, unknown }
}
