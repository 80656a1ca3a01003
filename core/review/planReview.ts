// Plan review (计划审核): everything an officer needs to decide a submitted plan — the plan-time checks
// (required fields, frequency and interval pre-warnings, 无感/无事不扰 hits, items outside the filed
// library), the recent inspection history of every target across all departments (D-25), and joint
// inspection proposals with other departments' plans on the same objects (D-26).
import type { Sqlite } from '../../db/client.ts'
import { ROW_TO_RECORD } from '../../db/records.ts'
import type { Enterprise, Plan, Task } from '../contract/records.ts'
import { addCalendarMonths } from '../contract/scalars.ts'
import { missingPlanFields, planFieldNames, requiredPlanFields } from '../rules/planFields.ts'
import type { PlanReviewParams } from './params.ts'
import { specialScopeChecks } from './specialScope.ts'

export type ReviewSeverity = 'MUST' | 'SHOULD' | 'INFO'
export type ReviewCheck = { code: string; severity: ReviewSeverity; message: string; basis: string; enterpriseId?: string | undefined }

export type HistoryHighlight = 'SAME_DEPARTMENT_THIS_YEAR' | 'WITHIN_MIN_INTERVAL' | 'RECOGNISABLE_RESULT' | 'PENDING'
export type HistoryEntry = {
  taskId: string; code: string | null; departmentIds: string[]; departmentNames: string[]; kind: string; special: string; mode: string
  status: string; inspectionDate: string | null; lastVisitDate: string | null; itemNames: string[]; highlights: HistoryHighlight[]
}
export type TargetHistory = {
  enterpriseId: string; enterpriseName: string | null; siteId: string | null; siteAddress: string | null
  lists: { list: string; domain: string | null; from: string; to: string | null }[]
  grade: string | null
  entries: HistoryEntry[]
}
export type JointProposal = {
  planId: string; planCode: string | null; title: string; departmentId: string; departmentName: string | null; status: string
  windowFrom: string; windowTo: string; sharedEnterpriseIds: string[]; suggestedLeadDepartmentId: string
}
export type PlanReview = {
  plan: Plan
  departmentName: string | null
  domain: string | null
  historyFrom: string
  /** Why the review shows the targets' history (the pack's plan_review.history_basis), as officers cite it. */
  historyBasis: string
  checks: ReviewCheck[]
  history: TargetHistory[]
  proposals: JointProposal[]
}

type Dept = { id: string; name: string; domain: string; level: string }

function lastVisit(task: Task): string | null {
  let max: string | null = null
  for (const v of task.visits) if (max === null || v.date > max) max = v.date
  return max
}

function firstVisit(task: Task): string | null {
  let min: string | null = null
  for (const v of task.visits) if (min === null || v.date < min) min = v.date
  return min
}

const COUNTED_EXCLUDED_SPECIALS = new Set(['SURVEY', 'COMMITMENT_VERIFY', 'RECHECK'])
const isCountedOnSite = (t: Task) => t.mode === 'ON_SITE' && t.status !== 'CANCELLED' && t.visits.length > 0 && !COUNTED_EXCLUDED_SPECIALS.has(t.special)

export function loadPlan(sqlite: Sqlite, planId: string): Plan | null {
  const row = sqlite.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as Record<string, unknown> | undefined
  return row ? ROW_TO_RECORD.plan(row) : null
}

export function reviewPlan(sqlite: Sqlite, planId: string, params: PlanReviewParams, asOf: string): PlanReview | null {
  const plan = loadPlan(sqlite, planId)
  if (!plan) return null
  const depts = new Map((sqlite.prepare('SELECT id, name, domain, level FROM departments').all() as Dept[]).map((d) => [d.id, d]))
  const lead = depts.get(plan.department_id)
  const domain = lead?.domain ?? null
  const checks: ReviewCheck[] = []

  const required = requiredPlanFields(params.required_fields, domain, plan.plan_type)
  const missing = missingPlanFields(plan, required.fields)
  if (missing.length > 0) {
    checks.push({ code: 'PLAN_INCOMPLETE', severity: 'MUST', basis: params.basis('fields', required.citedDomain), message: `计划缺少必备要素：${planFieldNames(missing)}` })
  }

  const items = new Map(
    (sqlite.prepare('SELECT id, name, domain, list FROM items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(plan.item_ids)) as { id: string; name: string; domain: string; list: string }[]).map((i) => [i.id, i])
  )
  const unknownItems = plan.item_ids.filter((id) => !items.has(id))
  if (unknownItems.length > 0) {
    checks.push({ code: 'ITEM_NOT_FILED', severity: 'MUST', basis: params.basis('library', domain), message: `检查事项不在检查事项库内：${unknownItems.join('、')}` })
  }
  const foreignItems = [...items.values()].filter((i) => domain !== null && i.domain !== domain)
  if (foreignItems.length > 0) {
    checks.push({ code: 'ITEM_OUTSIDE_DOMAIN', severity: 'SHOULD', basis: params.basis('library', domain), message: `检查事项不属于本部门执法领域：${foreignItems.map((i) => i.name).join('、')}` })
  }
  const exemptByOrigin = plan.origin === 'SUPERIOR'
  const wushi = [...items.values()].filter((i) => i.list === 'WUSHI')
  if (wushi.length > 0 && !exemptByOrigin) {
    checks.push({ code: 'WUSHI_ITEM_PLANNED', severity: 'SHOULD', basis: params.basis('wushi', domain), message: `计划包含无事不扰事项：${wushi.map((i) => i.name).join('、')}，非上级部署不应主动检查` })
  }

  const reference = plan.window_from < asOf ? plan.window_from : asOf
  const historyFrom = addCalendarMonths(reference, -params.history_months)
  const targets = plan.targets ?? []
  const enterpriseIds = [...new Set(targets.map((t) => t.enterprise_id))]
  const enterprises = new Map(
    (sqlite.prepare('SELECT * FROM enterprises WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(enterpriseIds)) as Record<string, unknown>[]).map((r) => {
      const e = ROW_TO_RECORD.enterprise(r)
      return [e.id, e] as [string, Enterprise]
    })
  )
  const listRows = sqlite
    .prepare('SELECT list, domain, enterprise_id, from_date, to_date FROM list_entries WHERE enterprise_id IN (SELECT value FROM json_each(?)) ORDER BY from_date')
    .all(JSON.stringify(enterpriseIds)) as { list: string; domain: string | null; enterprise_id: string; from_date: string; to_date: string | null }[]
  const tasksByEnterprise = new Map<string, Task[]>()
  for (const r of sqlite
    .prepare("SELECT * FROM tasks WHERE enterprise_id IN (SELECT value FROM json_each(?)) AND (first_visit_date >= ? OR (first_visit_date IS NULL AND status = 'PENDING')) ORDER BY first_visit_date, id")
    .all(JSON.stringify(enterpriseIds), historyFrom) as Record<string, unknown>[]) {
    const t = ROW_TO_RECORD.task(r)
    const list = tasksByEnterprise.get(t.enterprise_id) ?? []
    list.push(t)
    tasksByEnterprise.set(t.enterprise_id, list)
  }
  const allItemNames = new Map(
    (sqlite.prepare('SELECT id, name FROM items').all() as { id: string; name: string }[]).map((i) => [i.id, i.name])
  )
  const cap = domain ? params.annual_cap_planned_onsite[domain as keyof PlanReviewParams['annual_cap_planned_onsite']] : undefined

  const history: TargetHistory[] = targets.map((target) => {
    const enterprise = enterprises.get(target.enterprise_id)
    const siteId = target.site_id ?? enterprise?.sites[0]?.id ?? null
    const lists = listRows.filter((l) => l.enterprise_id === target.enterprise_id).map((l) => ({ list: l.list, domain: l.domain, from: l.from_date, to: l.to_date }))
    const name = enterprise?.name ?? target.enterprise_id
    const atSite = (t: Task) => (t.site_id ?? enterprise?.sites[0]?.id ?? null) === siteId
    const byLead = (t: Task) => t.department_ids.includes(plan.department_id)
    const leadOnSite = (tasksByEnterprise.get(target.enterprise_id) ?? []).filter((t) => byLead(t) && atSite(t) && isCountedOnSite(t) && t.plan_id !== plan.id)
    const last = leadOnSite.map(lastVisit).filter((d): d is string => d !== null).sort().at(-1)
    if (last && plan.window_from < addCalendarMonths(last, params.min_interval_months)) {
      checks.push({
        code: 'REPEAT_WITHIN_MONTH_RISK', severity: 'SHOULD', basis: params.basis('interval', domain), enterpriseId: target.enterprise_id,
        message: `${name}：本部门上次现场检查为 ${last}，计划窗口自 ${plan.window_from} 起，间隔可能不足 ${params.min_interval_months} 个月`
      })
    }
    if (cap !== undefined) {
      const sameYear = leadOnSite.filter((t) => t.kind === 'PLANNED' && firstVisit(t)?.startsWith(String(plan.year)))
      if (sameYear.length >= cap) {
        checks.push({
          code: 'REPEAT_PLANNED_ANNUAL_RISK', severity: 'SHOULD', basis: params.basis('annual', domain), enterpriseId: target.enterprise_id,
          message: `${name}：本部门 ${plan.year} 年已在该场所开展有计划现场检查 ${sameYear.length} 次（上限 ${cap} 次）`
        })
      }
    }
    const wugan = lists.filter((l) => l.list === 'WUGAN' && (l.domain === null || l.domain === domain) && l.from <= plan.window_to && (l.to === null || l.to >= plan.window_from))
    if (wugan.length > 0 && !exemptByOrigin) {
      checks.push({ code: 'WUGAN_OBJECT_PLANNED', severity: 'SHOULD', basis: params.basis('wugan', domain), enterpriseId: target.enterprise_id, message: `${name} 在无感监管对象名单内（${wugan[0]?.from} 起），非上级部署不应主动现场检查` })
    }
    const planItems = new Set(plan.item_ids)
    const entries: HistoryEntry[] = (tasksByEnterprise.get(target.enterprise_id) ?? []).map((t) => {
      const highlights: HistoryHighlight[] = []
      const first = firstVisit(t), lastV = lastVisit(t)
      if (t.status === 'PENDING' && t.visits.length === 0) highlights.push('PENDING')
      const leadAtSite = byLead(t) && atSite(t) && isCountedOnSite(t)
      if (leadAtSite && first?.startsWith(String(plan.year))) highlights.push('SAME_DEPARTMENT_THIS_YEAR')
      if (leadAtSite && lastV && plan.window_from < addCalendarMonths(lastV, params.min_interval_months)) highlights.push('WITHIN_MIN_INTERVAL')
      const otherLevelSameDomain = domain !== null && params.recognition_domains.includes(domain as never) &&
        t.department_ids.some((id) => { const d = depts.get(id); return d !== undefined && d.domain === domain && d.level !== lead?.level && d.level !== 'TOWN' })
      if (otherLevelSameDomain && lastV && t.item_ids.some((i) => planItems.has(i)) && plan.window_from < addCalendarMonths(lastV, params.recognition_window_months)) highlights.push('RECOGNISABLE_RESULT')
      return {
        taskId: t.id, code: t.code, departmentIds: t.department_ids, departmentNames: t.department_ids.map((id) => depts.get(id)?.name ?? id),
        kind: t.kind, special: t.special, mode: t.mode, status: t.status, inspectionDate: first, lastVisitDate: lastV,
        itemNames: t.item_ids.map((i) => allItemNames.get(i) ?? i), highlights
      }
    })
    return {
      enterpriseId: target.enterprise_id, enterpriseName: enterprise?.name ?? null, siteId,
      siteAddress: enterprise?.sites.find((s) => s.id === siteId)?.address ?? null, lists,
      grade: domain && enterprise?.grades ? (enterprise.grades[domain as keyof typeof enterprise.grades] ?? null) : null, entries
    }
  })
  checks.push(...specialScopeChecks(sqlite, plan, lead, enterprises, params))
  if (targets.length === 0) {
    checks.push({ code: 'NO_NAMED_TARGETS', severity: 'INFO', basis: params.basis('fields', domain), message: '计划未列明具体检查对象，频次与名单预警将在申领检查码时进行' })
  }
  const recognisable = history.filter((h) => h.entries.some((e) => e.highlights.includes('RECOGNISABLE_RESULT')))
  for (const h of recognisable) {
    checks.push({ code: 'RESULT_RECOGNITION_RISK', severity: 'SHOULD', basis: params.basis('recognition', domain), enterpriseId: h.enterpriseId, message: `${h.enterpriseName ?? h.enterpriseId}：另一层级同领域部门近期已检查相同事项，应互认其结果` })
  }

  return { plan, departmentName: lead?.name ?? null, domain, historyFrom, historyBasis: params.basis('history', domain), checks, history, proposals: jointProposals(sqlite, plan, enterpriseIds, enterprises, listRows, depts, params) }
}

function jointProposals(
  sqlite: Sqlite, plan: Plan, enterpriseIds: string[], enterprises: Map<string, Enterprise>,
  listRows: { list: string; domain: string | null; enterprise_id: string; from_date: string; to_date: string | null }[],
  depts: Map<string, Dept>, params: PlanReviewParams
): JointProposal[] {
  if (enterpriseIds.length === 0) return []
  const ownDepartments = new Set([plan.department_id, ...(plan.participant_department_ids ?? [])])
  const windowStart = addCalendarMonths(plan.window_from, -params.matchmaking_window_months)
  const windowEnd = addCalendarMonths(plan.window_to, params.matchmaking_window_months)
  const candidates = sqlite
    .prepare(
      `SELECT DISTINCT p.* FROM plans p, json_each(p.targets) t
       WHERE p.id <> ? AND p.status IN ('SUBMITTED', 'FILED', 'PUBLISHED') AND p.window_from < ? AND p.window_to > ?
         AND json_extract(t.value, '$.enterprise_id') IN (SELECT value FROM json_each(?))`
    )
    .all(plan.id, windowEnd, windowStart, JSON.stringify(enterpriseIds)) as Record<string, unknown>[]
  const proposals: JointProposal[] = []
  for (const row of candidates) {
    const other = ROW_TO_RECORD.plan(row)
    if (ownDepartments.has(other.department_id)) continue
    const otherDomain = depts.get(other.department_id)?.domain ?? null
    const shared = [...new Set((other.targets ?? []).map((t) => t.enterprise_id))].filter((id) => enterpriseIds.includes(id)).filter((id) =>
      !listRows.some((l) => l.enterprise_id === id && l.list === 'NO_JOINT' && (l.domain === null || l.domain === otherDomain || l.domain === depts.get(plan.department_id)?.domain) && l.from_date <= plan.window_to && (l.to_date === null || l.to_date >= plan.window_from))
    )
    if (shared.length === 0) continue
    // Fire key units are led by the fire department (002:L437); otherwise the plan under review leads.
    const fireLed = shared.some((id) => enterprises.get(id)?.fire_key_unit) && otherDomain === 'FIRE'
    proposals.push({
      planId: other.id, planCode: other.plan_code, title: other.title, departmentId: other.department_id,
      departmentName: depts.get(other.department_id)?.name ?? null, status: other.status, windowFrom: other.window_from,
      windowTo: other.window_to, sharedEnterpriseIds: shared, suggestedLeadDepartmentId: fireLed ? other.department_id : plan.department_id
    })
  }
  return proposals.sort((a, b) => b.sharedEnterpriseIds.length - a.sharedEnterpriseIds.length || a.planId.localeCompare(b.planId))
}
