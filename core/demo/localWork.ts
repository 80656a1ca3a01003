// The local work of the demo database: what a district justice bureau's workstation holds after about
// two years of use — its users, plan reviews (备案 and 退回, a few still waiting to sync), supervision
// documents (监督文书) in every state with document numbers, an outbox, and the audit log of it all.
// Everything is built from the central records already written and from the manifest of planted cases,
// so each document is about a real finding in the data.
import type { Sqlite } from '../../db/client.ts'
import { ROW_TO_RECORD } from '../../db/records.ts'
import { appendAudit } from '../audit.ts'
import { flagDecisionOutbox, type FlagDecision } from '../flags/queries.ts'
import type { Plan } from '../contract/records.ts'
import { dateOf, dayOf, timestampOf, type WorkingDays } from './days.ts'
import { INJECTABLE_RULES, type InjectableRule, type InjectedCase, type InjectionManifest } from './injections.ts'
import type { Random } from './random.ts'

export const DEMO_USERS = [
  { id: 'u-officer-1', name: '陈静怡', role: 'OFFICER', departmentName: '金山区司法局行政执法协调监督科' },
  { id: 'u-officer-2', name: '沈志刚', role: 'OFFICER', departmentName: '金山区司法局行政执法协调监督科' },
  { id: 'u-staff-1', name: '顾晓雯', role: 'STAFF', departmentName: '金山区司法局办公室' },
  { id: 'u-auditor-1', name: '陆建华', role: 'AUDITOR', departmentName: '金山区审计局' }
] as const

export const DOCUMENT_STATUSES = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'ISSUED', 'CLOSED'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]
export type DocumentKind = 'SUGGESTION' | 'DECISION' | 'NOTICE'

/** 发文字号 prefixes per kind: 金司监建〔2026〕3号 (建议书), 决 (决定书), 通 (通知). */
export const DOC_PREFIX: Record<DocumentKind, string> = { SUGGESTION: '金司监建', DECISION: '金司监决', NOTICE: '金司监通' }
const KIND_NAME: Record<DocumentKind, string> = { SUGGESTION: '行政执法监督建议书', DECISION: '行政执法监督决定书', NOTICE: '通知' }

/** Settings key holding which planted case each demo document is about (for attachDemoFlagWork). */
export const DOCUMENT_CASES_SETTING = 'demo.document_cases'

export type LocalWorkSummary = { users: number; plan_reviews: number; documents: Record<DocumentStatus, number>; outbox: number; audit_entries: number; flags?: number; flag_decisions?: number }

export type AuditEvent = { at: string; userId: string; action: string; entity: string; entityId: string | null; detail: unknown }

type Ctx = { sqlite: Sqlite; random: Random; wd: WorkingDays; lastDay: number; events: AuditEvent[] }

/** A UUID (v4 layout) drawn from the seeded generator, so the demo database is reproducible. */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16))
  hex[12] = '4'
  hex[16] = ((random.int(0, 15) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

function workdayOnOrAfter(wd: WorkingDays, day: number): number {
  let d = day
  while (!wd.isWorkingDay(d)) d++
  return d
}

function officeTime(ctx: Ctx, day: number): string {
  return timestampOf(day, ctx.random.int(9, 17), ctx.random.int(0, 11) * 5)
}

/** 2026年3月5日: the date style of official documents (no leading zeros). */
function chineseDate(day: number): string {
  const d = dateOf(day)
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
}

function insertUsers(ctx: Ctx): void {
  const insert = ctx.sqlite.prepare('INSERT INTO users (id, name, role, department_name, created_at) VALUES (?, ?, ?, ?, ?)')
  for (const u of DEMO_USERS) {
    insert.run(u.id, u.name, u.role, u.departmentName, '2025-01-02T09:00:00+08:00')
    ctx.events.push({ at: '2025-01-02T09:00:00+08:00', userId: 'u-officer-1', action: 'user.create', entity: 'user', entityId: u.id, detail: { role: u.role } })
  }
  ctx.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('last_user_id', 'u-officer-1') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run()
}

// ---- plan reviews -----------------------------------------------------------------------------------

const RETURN_REASONS = [
  '检查比例未填写，请按年度抽查比例补充后重新报送。',
  '检查事项中含无事不扰清单事项，非上级部署不应纳入计划。',
  '计划列明的部分检查对象本年度已接受同领域有计划现场检查，请核减。',
  '与区消防救援支队同期检查计划涉及相同对象，请协商开展联合检查。',
  '检查依据引用的规章已修订，请更新检查依据。'
] as const

/** The plan as it was when submitted: what the reviewing officer saw. */
function asSubmitted(plan: Plan): Plan {
  return { ...plan, status: 'SUBMITTED', plan_code: null, filed_at: null, published_at: null }
}

function insertReviews(ctx: Ctx): { reviews: number; outbox: number } {
  const { sqlite, random } = ctx
  // Plans of the district's own bodies (city bodies file with the city), a sample spread over the data.
  const load = (where: string, limit: number) => {
    const all = (sqlite.prepare(`SELECT p.* FROM plans p JOIN departments d ON d.id = p.department_id WHERE d.level <> 'CITY' AND ${where} ORDER BY p.id`).all() as Record<string, unknown>[])
    return random.sample(all, limit).sort((a, b) => String(a['id']).localeCompare(String(b['id']))).map((r) => ROW_TO_RECORD.plan(r))
  }
  const insert = sqlite.prepare('INSERT INTO plan_reviews (id, plan_id, decision, reason, reviewer_id, decided_at, plan_snapshot, sync_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const outbox = sqlite.prepare('INSERT INTO outbox (id, kind, entity_id, payload, created_at, status, attempts, next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  let reviews = 0, queued = 0
  const record = (plan: Plan, decision: 'FILE' | 'RETURN', reason: string | null, at: string, sync: 'SENT' | 'PENDING' | 'REJECTED', reviewer: string) => {
    insert.run(uuid(random), plan.id, decision, reason, reviewer, at, JSON.stringify(asSubmitted(plan)), sync)
    ctx.events.push({ at, userId: reviewer, action: 'plan.review', entity: 'plan', entityId: plan.id, detail: { decision, reason } })
    reviews++
    if (sync === 'SENT') return
    const payload = { plan_id: plan.id, decision, ...(reason ? { reason } : {}), reviewer_id: reviewer, decided_at: at }
    const rejected = sync === 'REJECTED'
    outbox.run(
      uuid(random), 'plan-review', plan.id, JSON.stringify(payload), at, rejected ? 'REJECTED' : 'PENDING', rejected ? 1 : 0, null,
      rejected ? '409 plan_changed: 该计划在审核后已被报送部门修改，请对照两个版本重新审核 / the plan changed since it was reviewed' : null
    )
    queued++
  }
  const reviewer = () => random.pick(['u-officer-1', 'u-officer-2'] as const)
  // 备案: the district's plans filed on this workstation.
  for (const plan of load("p.status IN ('FILED', 'PUBLISHED') AND p.filed_at IS NOT NULL AND p.submitted_at IS NOT NULL", 60)) {
    record(plan, 'FILE', null, plan.filed_at ?? '', 'SENT', reviewer())
  }
  // 退回, with the reason the officer gave.
  for (const plan of load("p.status = 'RETURNED' AND p.submitted_at IS NOT NULL", 25)) {
    const day = Math.min(ctx.wd.nthWorkingDayAfter(dayOf((plan.submitted_at ?? '').slice(0, 10)), random.int(1, 3)), ctx.lastDay)
    record(plan, 'RETURN', random.pick(RETURN_REASONS), officeTime(ctx, day), 'SENT', reviewer())
  }
  // Decided here today but not yet synced (two waiting, one refused by the central system).
  const waiting = load("p.status = 'SUBMITTED' AND p.submitted_at IS NOT NULL", 1_000_000).sort((a, b) => (b.submitted_at ?? '').localeCompare(a.submitted_at ?? '')).slice(0, 3)
  waiting.forEach((plan, i) => {
    const at = timestampOf(ctx.lastDay, 15 + i, 10 * i)
    if (i < 2) record(plan, 'FILE', null, at, 'PENDING', 'u-officer-1')
    else record(plan, 'RETURN', random.pick(RETURN_REASONS), at, 'REJECTED', 'u-officer-1')
  })
  return { reviews, outbox: queued }
}

// ---- supervision documents ----------------------------------------------------------------------------

type CaseFacts = { rule: InjectableRule; c: InjectedCase; day: number; departmentId: string; departmentName: string; level: string; facts: string }

const ISSUE: Record<InjectableRule, string> = {
  UNFILED_PLANNED_INSPECTION: '未经计划备案开展有计划现场检查',
  NO_CODE_INSPECTION: '未使用检查码开展现场检查',
  SURVEY_EXEMPTION_MISUSED: '对已入库对象以摸底名义免码检查',
  LATE_BACKFILL: '先检查后补码超过期限',
  REPEAT_WITHIN_MONTH: '一个月内对同一经营场所重复开展有计划现场检查',
  REPEAT_PLANNED_ANNUAL: '同一年度内对同一经营场所多次开展有计划现场检查',
  RESULT_RECOGNITION_IGNORED: '未互认市区两级检查结果重复检查',
  WUGAN_OBJECT_INSPECTED: '对无感监管对象主动开展现场检查',
  WUSHI_ITEM_INSPECTED: '主动检查无事不扰清单事项',
  JOINT_MISSED_NO_REASON: '未参与联合检查且未说明理由',
  CODE_NOT_REUSED: '同一检查任务未沿用原检查码',
  RESULT_LATE: '未按时录入检查结果',
  PLAN_PUBLICATION_LATE: '年度检查计划未按期公布',
  TRIGGER_UNSUPPORTED: '触发式检查未记录检查事由',
  CONDUCT_VIOLATION: '现场检查执法人员不足两名或执法证件失效',
  NEGATIVE_EVALUATION: '企业扫码评价反映的检查问题',
  FIRE_B_OVER: '对B级消防安全重点单位超频次检查'
}

type TaskRow = { id: string; code: string | null; first_visit_date: string | null; lead_department_id: string; enterprise_id: string; enterprise_name: string | null; department_name: string | null; level: string | null }

function caseFacts(ctx: Ctx, rule: InjectableRule, c: InjectedCase): CaseFacts | null {
  const { sqlite } = ctx
  if (c.task_ids.length === 0) {
    const planId = c.plan_ids[0]
    const row = sqlite.prepare('SELECT p.id, p.title, p.year, p.department_id, d.name AS department_name, d.level FROM plans p LEFT JOIN departments d ON d.id = p.department_id WHERE p.id = ?').get(planId) as
      { id: string; title: string; year: number; department_id: string; department_name: string | null; level: string | null } | undefined
    if (!row) return null
    return {
      rule, c, day: dayOf(`${row.year}-04-01`), departmentId: row.department_id, departmentName: row.department_name ?? row.department_id, level: row.level ?? '',
      facts: `你单位《${row.title}》至${row.year}年3月31日仍未向社会公布。`
    }
  }
  const tasks = c.task_ids.map((id) => sqlite.prepare(
    'SELECT t.id, t.code, t.first_visit_date, t.lead_department_id, t.enterprise_id, e.name AS enterprise_name, d.name AS department_name, d.level FROM tasks t LEFT JOIN enterprises e ON e.id = t.enterprise_id LEFT JOIN departments d ON d.id = t.lead_department_id WHERE t.id = ?'
  ).get(id) as TaskRow | undefined).filter((t): t is TaskRow => !!t && !!t.first_visit_date)
  const last = tasks[tasks.length - 1]
  if (!last || !last.first_visit_date) return null
  const describe = (t: TaskRow) => `${chineseDate(dayOf(t.first_visit_date ?? ''))}（${t.code ? `检查码 ${t.code}` : '未申请检查码'}，任务 ${t.id}）`
  const enterprise = last.enterprise_name ?? last.enterprise_id
  const facts = tasks.length > 1
    ? `${tasks.map(describe).join('和')}先后对${enterprise}开展现场检查，存在${ISSUE[rule]}的情况。`
    : `你单位于${describe(last)}对${enterprise}开展检查，存在${ISSUE[rule]}的情况。`
  return { rule, c, day: dayOf(last.first_visit_date), departmentId: last.lead_department_id, departmentName: last.department_name ?? last.lead_department_id, level: last.level ?? '', facts }
}

function documentBody(kind: DocumentKind, f: CaseFacts, dueDay: number | null, signDay: number): string {
  const due = dueDay === null ? '规定期限内' : `${chineseDate(dueDay)}前`
  const request = {
    SUGGESTION: ['现提出如下监督建议：', `一、对上述检查逐项核查，查明原因并依法予以纠正；`, '二、加强检查计划统筹和检查码使用管理，防止同类问题再次发生；', `三、请于${due}将整改情况书面报送我局。`],
    DECISION: ['经研究，现作出如下决定：', `一、责令你单位对上述问题予以改正；`, `二、请于${due}将改正情况书面报告我局。`, '如对本决定有异议，可依法提出。'],
    NOTICE: ['请你单位对上述情况进行核查处理，', `并于${due}将核查处理情况反馈我局。`]
  }[kind]
  return [
    `${f.departmentName}：`,
    `　　我局在开展涉企行政检查执法监督中，通过统一综合执法系统数据比对发现：${f.facts}`,
    `　　上述情况不符合涉企行政检查的有关规定。${request.join('\n　　')}`,
    '',
    '金山区司法局',
    chineseDate(signDay)
  ].join('\n')
}

type DocPlan = { status: DocumentStatus; kind: DocumentKind; rules: readonly InjectableRule[]; year?: number }

/** The demo's documents: every state, every kind, each about a planted case. */
const DOCUMENTS: readonly DocPlan[] = [
  { status: 'CLOSED', kind: 'SUGGESTION', rules: ['REPEAT_WITHIN_MONTH', 'REPEAT_PLANNED_ANNUAL'], year: 2025 },
  { status: 'CLOSED', kind: 'NOTICE', rules: ['PLAN_PUBLICATION_LATE'], year: 2025 },
  { status: 'CLOSED', kind: 'SUGGESTION', rules: ['UNFILED_PLANNED_INSPECTION', 'NO_CODE_INSPECTION'] },
  { status: 'ISSUED', kind: 'SUGGESTION', rules: ['REPEAT_PLANNED_ANNUAL', 'REPEAT_WITHIN_MONTH'] },
  { status: 'ISSUED', kind: 'DECISION', rules: ['NO_CODE_INSPECTION', 'UNFILED_PLANNED_INSPECTION'] },
  { status: 'ISSUED', kind: 'NOTICE', rules: ['LATE_BACKFILL', 'RESULT_LATE'] },
  { status: 'APPROVED', kind: 'SUGGESTION', rules: ['JOINT_MISSED_NO_REASON', 'REPEAT_WITHIN_MONTH'] },
  { status: 'APPROVED', kind: 'NOTICE', rules: ['CONDUCT_VIOLATION', 'RESULT_LATE'] },
  { status: 'PENDING_APPROVAL', kind: 'SUGGESTION', rules: ['WUGAN_OBJECT_INSPECTED', 'WUSHI_ITEM_INSPECTED'] },
  { status: 'PENDING_APPROVAL', kind: 'DECISION', rules: ['UNFILED_PLANNED_INSPECTION', 'NO_CODE_INSPECTION'] },
  { status: 'DRAFT', kind: 'SUGGESTION', rules: ['RESULT_LATE', 'CONDUCT_VIOLATION'] },
  { status: 'DRAFT', kind: 'NOTICE', rules: ['TRIGGER_UNSUPPORTED', 'CODE_NOT_REUSED'] }
]

/** Days a document needs after its finding to reach each state (created, submitted, approved, issued, replied). */
const SPAN: Record<DocumentStatus, number> = { DRAFT: 12, PENDING_APPROVAL: 16, APPROVED: 20, ISSUED: 24, CLOSED: 50 }
/** Reply deadline written into issued documents, in days (a demo value; the real one is the bureau's setting). */
const REPLY_DAYS = 20

function pickCase(ctx: Ctx, manifest: InjectionManifest, plan: DocPlan, used: Set<string>): CaseFacts | null {
  const rules = [...plan.rules, ...INJECTABLE_RULES.filter((r) => !plan.rules.includes(r))]
  const current = plan.status === 'DRAFT' || plan.status === 'PENDING_APPROVAL' || plan.status === 'APPROVED'
  for (const rule of rules) {
    // Latest suitable case first for current work, an older one for finished work.
    const cases = [...manifest.rules[rule]].reverse()
    for (const c of cases) {
      const key = JSON.stringify(c)
      if (used.has(key)) continue
      const f = caseFacts(ctx, rule, c)
      // The district bureau supervises the district's and 街镇 bodies, not the city's.
      if (!f || f.level === 'CITY' || f.day + SPAN[plan.status] > ctx.lastDay) continue
      if (plan.year !== undefined && dateOf(f.day).slice(0, 4) !== String(plan.year)) continue
      if (!current && plan.year === undefined && f.day > ctx.lastDay - 120) continue
      used.add(key)
      return f
    }
  }
  return null
}

function insertDocuments(ctx: Ctx, manifest: InjectionManifest): Record<DocumentStatus, number> {
  const { sqlite, random, wd } = ctx
  const counts = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>
  const used = new Set<string>()
  type Built = { id: string; plan: DocPlan; f: CaseFacts; created: number; submitted: number; approved: number; issued: number; replied: number }
  const built: Built[] = []
  DOCUMENTS.forEach((plan, i) => {
    const f = pickCase(ctx, manifest, plan, used)
    if (!f) return
    const created = Math.min(workdayOnOrAfter(wd, f.day + random.int(5, 8)), ctx.lastDay)
    const submitted = Math.min(wd.nthWorkingDayAfter(created, random.int(1, 2)), ctx.lastDay)
    const approved = Math.min(wd.nthWorkingDayAfter(submitted, random.int(1, 2)), ctx.lastDay)
    const issued = Math.min(wd.nthWorkingDayAfter(approved, 1), ctx.lastDay)
    const replied = Math.min(issued + random.int(8, 18), ctx.lastDay)
    built.push({ id: `DOC-${String(i + 1).padStart(4, '0')}`, plan, f, created, submitted, approved, issued, replied })
  })
  // Numbers go to issued documents in issuing order, one counter per prefix and year.
  const numbers = new Map<string, string>()
  const counters = new Map<string, number>()
  for (const b of [...built].filter((b) => b.plan.status === 'ISSUED' || b.plan.status === 'CLOSED').sort((a, b) => a.issued - b.issued)) {
    const prefix = DOC_PREFIX[b.plan.kind], year = Number(dateOf(b.issued).slice(0, 4))
    const n = (counters.get(`${prefix}|${year}`) ?? 0) + 1
    counters.set(`${prefix}|${year}`, n)
    numbers.set(b.id, `${prefix}〔${year}〕${n}号`)
  }
  const seq = sqlite.prepare('INSERT INTO doc_number_sequences (prefix, year, last_no) VALUES (?, ?, ?)')
  for (const [key, n] of counters) {
    const [prefix, year] = key.split('|')
    seq.run(prefix, Number(year), n)
  }
  const insert = sqlite.prepare(
    `INSERT INTO documents (id, kind, doc_no, status, department_id, title, body_text, flag_refs, created_by, created_at, approved_by, approved_at,
      issued_by, issued_at, reply_due_date, replied_at, pdf_sha256, verify_url, central_id) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`
  )
  const cases: Record<string, { rule: InjectableRule; task_ids: string[]; plan_ids: string[] }> = {}
  for (const b of built) {
    const { status, kind } = b.plan
    const reached = DOCUMENT_STATUSES.indexOf(status)
    const isIssued = reached >= DOCUMENT_STATUSES.indexOf('ISSUED')
    const author = random.pick(['u-officer-1', 'u-officer-2'] as const)
    const approver = author === 'u-officer-1' ? 'u-officer-2' : 'u-officer-1'
    const due = isIssued ? b.issued + REPLY_DAYS : null
    const title = kind === 'NOTICE' ? `关于核查处理${b.f.departmentName}${ISSUE[b.f.rule]}问题的通知` : `关于${b.f.departmentName}${ISSUE[b.f.rule]}的${KIND_NAME[kind]}`
    const at = (day: number) => officeTime(ctx, day)
    const createdAt = at(b.created), approvedAt = reached >= 2 ? at(b.approved) : null, issuedAt = isIssued ? at(b.issued) : null
    insert.run(
      b.id, kind, numbers.get(b.id) ?? null, status, b.f.departmentId, title, documentBody(kind, b.f, due, isIssued ? b.issued : b.created),
      author, createdAt, approvedAt ? approver : null, approvedAt, issuedAt ? 'u-staff-1' : null, issuedAt,
      due === null ? null : dateOf(due), status === 'CLOSED' ? at(b.replied) : null
    )
    cases[b.id] = { rule: b.f.rule, task_ids: b.f.c.task_ids, plan_ids: b.f.c.plan_ids }
    const ev = (action: string, when: string, userId: string, detail: unknown = {}) => ctx.events.push({ at: when, userId, action, entity: 'document', entityId: b.id, detail })
    ev('document.create', createdAt, author, { kind, rule: b.f.rule })
    if (reached >= 1) ev('document.submit', at(b.submitted), author)
    if (approvedAt) ev('document.approve', approvedAt, approver)
    if (issuedAt) ev('document.issue', issuedAt, 'u-staff-1', { doc_no: numbers.get(b.id) })
    if (status === 'CLOSED') ev('document.close', at(b.replied), author, { reply: '被监督单位已书面反馈整改情况' })
    counts[status]++
  }
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DOCUMENT_CASES_SETTING, JSON.stringify(cases))
  return counts
}

/**
 * Writes the local work into a database whose central records are already there. `importEvent` is the
 * demo import's audit entry, appended in time order with everything else. Call inside a transaction.
 */
export function seedLocalWork(sqlite: Sqlite, manifest: InjectionManifest, options: { random: Random; wd: WorkingDays; lastDate: string; importEvent: AuditEvent }): LocalWorkSummary {
  const ctx: Ctx = { sqlite, random: options.random, wd: options.wd, lastDay: dayOf(options.lastDate), events: [options.importEvent] }
  insertUsers(ctx)
  const { reviews, outbox } = insertReviews(ctx)
  const documents = insertDocuments(ctx, manifest)
  ctx.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  for (const e of ctx.events) appendAudit(sqlite, e)
  return { users: DEMO_USERS.length, plan_reviews: reviews, documents, outbox, audit_entries: ctx.events.length }
}

export type FlagKeyOf = (flag: { rule: string; task_ids: string[]; plan_ids: string[] }) => string

/**
 * The officer's decisions on flags (问题线索处理) and the documents' flag references, which need the rule
 * engine's flag keys. Not called by createDemoDatabase yet: wire it in with the engine's key function
 * (`flagKey` of core/contract/flags.ts) once that is settled. Confirms a few planted cases of each rule,
 * dismisses one per rule with a reason, and points every document at the flag it was written about.
 */
export function attachDemoFlagWork(sqlite: Sqlite, manifest: InjectionManifest, keyOf: FlagKeyOf, random: Random, lastDate: string): { decisions: number; documents: number } {
  const insert = sqlite.prepare('INSERT OR REPLACE INTO flag_decisions (flag_key, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)')
  // Made on the data's last day and not yet synced: queued as the inbox queues an officer's decision.
  const queued: [string, Omit<FlagDecision, 'flagKeys'>][] = []
  let decisions = 0
  for (const rule of INJECTABLE_RULES) {
    const cases = manifest.rules[rule].slice(0, 4)
    cases.forEach((c, i) => {
      const dismissed = i === cases.length - 1 && cases.length > 1
      const key = keyOf({ rule, task_ids: c.task_ids, plan_ids: c.plan_ids })
      const at = `${lastDate}T${String(9 + random.int(0, 7)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}:00+08:00`
      const reason = dismissed ? '经核实，该检查系应企业申请开展，已补充说明材料。' : null
      insert.run(key, dismissed ? 'DISMISSED' : 'CONFIRMED', reason, 'u-officer-1', at)
      queued.push([key, { decision: dismissed ? 'DISMISSED' : 'CONFIRMED', reason, userId: 'u-officer-1', at }])
      appendAudit(sqlite, { userId: 'u-officer-1', action: 'flag.decide', entity: 'flag', entityId: key, detail: { decision: dismissed ? 'DISMISSED' : 'CONFIRMED', reason }, at })
      decisions++
    })
  }
  // Ids drawn after the decisions, so that adding the outbox left the decisions' times as they were.
  // Attached again (the tests do), a decision replaces its earlier one, and so does its queued item.
  const unqueue = sqlite.prepare("DELETE FROM outbox WHERE kind = 'flag-decision' AND entity_id = ? AND status = 'PENDING'")
  const queue = flagDecisionOutbox(sqlite)
  for (const [key, decision] of queued) {
    unqueue.run(key)
    queue(uuid(random), key, decision)
  }
  const stored = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(DOCUMENT_CASES_SETTING) as string | undefined
  const cases = stored ? (JSON.parse(stored) as Record<string, { rule: string; task_ids: string[]; plan_ids: string[] }>) : {}
  const update = sqlite.prepare('UPDATE documents SET flag_refs = ? WHERE id = ?')
  let documents = 0
  for (const [id, c] of Object.entries(cases)) documents += update.run(JSON.stringify([keyOf(c)]), id).changes
  return { decisions, documents }
}
