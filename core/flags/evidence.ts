// The evidence behind one flag, laid out for the officer side by side: its tasks (codes, departments,
// items with their list, visits with officers and certificates), the plans involved, the enterprise's
// list entries, and the evaluations of those tasks.
import type { Sqlite } from '../../db/client.ts'
import { ROW_TO_RECORD } from '../../db/records.ts'
import type { Enterprise, Plan, Task } from '../contract/records.ts'

type Row = Record<string, unknown>

export type EvidenceTask = {
  id: string; code: string | null; departments: { id: string; name: string | null; domain: string | null; level: string | null }[]
  kind: string; special: string; mode: string; status: string; planId: string | null; planCode: string | null
  triggerSource: string | null; triggerRef: string | null; siteId: string | null; siteAddress: string | null
  codeAppliedAt: string | null; jointDeclinedReason: string | null
  items: { id: string; name: string | null; list: string | null }[]
  visits: { date: string; officers: { id: string; name: string | null; certNo: string | null; certValidUntil: string | null; role: string | null }[]; outcome: string | null; resultEnteredAt: string | null }[]
}

export type FlagEvidence = {
  tasks: EvidenceTask[]
  plans: { id: string; planCode: string | null; title: string; status: string; origin: string; windowFrom: string; windowTo: string; filedAt: string | null; publishedAt: string | null; departmentName: string | null }[]
  listEntries: { id: string; list: string; domain: string | null; from: string; to: string | null }[]
  evaluations: { id: string; taskId: string; verdict: string; tags: string[]; comment: string | null; submittedAt: string }[]
}

const inList = (ids: readonly string[]) => JSON.stringify(ids)

export function loadFlagEvidence(sqlite: Sqlite, taskIds: readonly string[], planIds: readonly string[], enterpriseId: string | null): FlagEvidence {
  const tasks = (sqlite.prepare('SELECT * FROM tasks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY first_visit_date, id').all(inList(taskIds)) as Row[]).map((r) => ROW_TO_RECORD.task(r))
  const planIdSet = new Set(planIds)
  for (const t of tasks) if (t.plan_id) planIdSet.add(t.plan_id)
  const planRows = sqlite
    .prepare('SELECT p.*, d.name AS department_name FROM plans p LEFT JOIN departments d ON d.id = p.department_id WHERE p.id IN (SELECT value FROM json_each(?)) OR (p.plan_code IS NOT NULL AND p.plan_code IN (SELECT value FROM json_each(?))) ORDER BY p.id')
    .all(inList([...planIdSet]), inList(tasks.map((t) => t.plan_code).filter((c): c is string => !!c))) as Row[]
  const plans = planRows.map((r) => ({ plan: ROW_TO_RECORD.plan(r), departmentName: (r.department_name as string | null) ?? null }))

  const deptIds = new Set(tasks.flatMap((t) => t.department_ids))
  const depts = new Map((sqlite.prepare('SELECT id, name, domain, level FROM departments WHERE id IN (SELECT value FROM json_each(?))').all(inList([...deptIds])) as { id: string; name: string; domain: string; level: string }[]).map((d) => [d.id, d]))
  const itemIds = new Set(tasks.flatMap((t) => t.item_ids))
  const items = new Map((sqlite.prepare('SELECT id, name, list FROM items WHERE id IN (SELECT value FROM json_each(?))').all(inList([...itemIds])) as { id: string; name: string; list: string }[]).map((i) => [i.id, i]))
  const officerIds = new Set(tasks.flatMap((t) => t.visits.flatMap((v) => v.officer_ids)))
  const officers = new Map((sqlite.prepare('SELECT id, name, role, cert_no, cert_valid_until FROM officers WHERE id IN (SELECT value FROM json_each(?))').all(inList([...officerIds])) as { id: string; name: string; role: string; cert_no: string | null; cert_valid_until: string | null }[]).map((o) => [o.id, o]))
  const enterpriseIds = new Set(tasks.map((t) => t.enterprise_id))
  if (enterpriseId) enterpriseIds.add(enterpriseId)
  const enterprises = new Map((sqlite.prepare('SELECT * FROM enterprises WHERE id IN (SELECT value FROM json_each(?))').all(inList([...enterpriseIds])) as Row[]).map((r) => {
    const e = ROW_TO_RECORD.enterprise(r)
    return [e.id, e] as [string, Enterprise]
  }))

  const toEvidenceTask = (t: Task): EvidenceTask => {
    const sites = enterprises.get(t.enterprise_id)?.sites ?? []
    const siteId = t.site_id ?? sites[0]?.id ?? null
    return {
      id: t.id, code: t.code, kind: t.kind, special: t.special, mode: t.mode, status: t.status, planId: t.plan_id, planCode: t.plan_code,
      departments: t.department_ids.map((id) => ({ id, name: depts.get(id)?.name ?? null, domain: depts.get(id)?.domain ?? null, level: depts.get(id)?.level ?? null })),
      triggerSource: t.trigger_source, triggerRef: t.trigger_ref, siteId, siteAddress: sites.find((s) => s.id === siteId)?.address ?? null,
      codeAppliedAt: t.code_applied_at, jointDeclinedReason: t.joint_declined_reason,
      items: t.item_ids.map((id) => ({ id, name: items.get(id)?.name ?? null, list: items.get(id)?.list ?? null })),
      visits: [...t.visits].sort((a, b) => a.date.localeCompare(b.date)).map((v) => ({
        date: v.date, outcome: v.outcome, resultEnteredAt: v.result_entered_at,
        officers: v.officer_ids.map((id) => { const o = officers.get(id); return { id, name: o?.name ?? null, certNo: o?.cert_no ?? null, certValidUntil: o?.cert_valid_until ?? null, role: o?.role ?? null } })
      }))
    }
  }

  const listEntries = enterpriseId
    ? (sqlite.prepare('SELECT id, list, domain, from_date, to_date FROM list_entries WHERE enterprise_id = ? ORDER BY from_date, id').all(enterpriseId) as { id: string; list: string; domain: string | null; from_date: string; to_date: string | null }[]).map((l) => ({ id: l.id, list: l.list, domain: l.domain, from: l.from_date, to: l.to_date }))
    : []
  const evaluations = (sqlite.prepare('SELECT * FROM evaluations WHERE task_id IN (SELECT value FROM json_each(?)) ORDER BY submitted_at, id').all(inList(taskIds)) as Row[]).map((r) => ROW_TO_RECORD.evaluation(r)).map((e) => ({ id: e.id, taskId: e.task_id, verdict: e.verdict, tags: e.tags ?? [], comment: e.comment, submittedAt: e.submitted_at }))

  const planView = ({ plan, departmentName }: { plan: Plan; departmentName: string | null }) => ({
    id: plan.id, planCode: plan.plan_code, title: plan.title, status: plan.status, origin: plan.origin, windowFrom: plan.window_from,
    windowTo: plan.window_to, filedAt: plan.filed_at, publishedAt: plan.published_at, departmentName
  })
  return { tasks: tasks.map(toEvidenceTask), plans: plans.map(planView), listEntries, evaluations }
}
