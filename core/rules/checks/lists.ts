// Lists and joint inspection (R-LIST, R-JOINT, R-SCOPE-07): 无感 objects (D-10) and 无事不扰 items (D-11)
// inspected actively, joint inspection missed without a reason (D-13) or held on an object that does not
// welcome it (D-14), items outside the filed item library or without a legal basis (D-19).
import { isoFromDay, type DayNumber } from '../../calendar/days.ts'
import type { Domain } from '../../contract/scalars.ts'
import { ITEM_OTHER_DOMAIN, ITEM_UNKNOWN, ITEM_WUSHI, type AnalysisModel, type ListEntryFact, type TaskFact } from '../context.ts'
import { day, deptName, deptNames, entName, taskRef } from '../describe.ts'
import type { RuleImpl } from '../rule.ts'
import { compareStrings, present } from '../values.ts'

const covering = (e: ListEntryFact, d: DayNumber): boolean => e.from <= d && (e.to === null || d <= e.to)

const entryEvidence = (e: ListEntryFact) => ({ id: e.entry.id, list: e.entry.list, domain: e.domain, from: e.entry.from, to: e.entry.to })

function planOrigin(m: AnalysisModel, f: TaskFact) {
  const p = m.resolvedPlan(f)
  return p ? { plan_id: p.id, origin: p.plan.origin, covers: m.covered(f) } : null
}

export const wuganObjectInspected: RuleImpl<'WUGAN_OBJECT_INSPECTED'> = (m, cfg, out) => {
  return (f) => {
    if (!f.planned || !m.onList(f, 'WUGAN')) return
    const entries = f.ent.lists.WUGAN.filter((e) => (e.domain === null || e.domain === f.leadDomain) && covering(e, f.inspDay))
    if (entries.length === 0 || m.exemptByOrigin(f)) return
    out.emit('WUGAN_OBJECT_INSPECTED', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), list_entries: entries.map(entryEvidence), plan: planOrigin(m, f) },
      message: `${entName(m, f.enterpriseId)}自${day(entries[0]!.from)}起列入无感监管对象清单，${deptName(m, f.lead)}仍于${day(f.inspDay)}主动对其开展有计划现场检查（${taskRef(f)}），且不属于上级部署的检查。`
    })
  }
}

export const wushiItemInspected: RuleImpl<'WUSHI_ITEM_INSPECTED'> = (m, cfg, out) => {
  return (f) => {
    if (!f.planned || (m.itemBits(f) & ITEM_WUSHI) === 0) return
    const wushi = [...new Set(f.itemIds)].filter((id) => m.items.get(id)?.list === 'WUSHI').sort()
    if (wushi.length === 0 || m.exemptByOrigin(f)) return
    out.emit('WUSHI_ITEM_INSPECTED', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), wushi_item_ids: wushi, plan: planOrigin(m, f) },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}开展有计划现场检查（${taskRef(f)}），检查了无事不扰清单内的事项（${wushi.map((id) => m.items.get(id)?.name ?? id).join('、')}），且不属于上级部署的检查。`
    })
  }
}

function domainsOf(m: AnalysisModel, depts: readonly string[], into: Set<Domain>): Set<Domain> {
  for (const d of depts) {
    const domain = m.domainOf(d)
    if (domain !== null) into.add(domain)
  }
  return into
}

export const jointMissedNoReason: RuleImpl<'JOINT_MISSED_NO_REASON'> = (m, cfg, out) => {
  const k = cfg.params.matchmaking_window_months
  // Reused from enterprise to enterprise.
  const facts: TaskFact[] = []
  const ends: DayNumber[] = []
  const enterpriseRun = (run: readonly TaskFact[], from: number, to: number): void => {
    facts.length = 0
    for (let i = from; i < to; i++) if (run[i]!.planned) facts.push(run[i]!)
    if (facts.length < 2) return
    const enterpriseId = facts[0]!.enterpriseId
    const noJoint = facts[0]!.ent.lists.NO_JOINT
    // p.inspection + 1 month never decreases along task order, so the window start only moves forward.
    ends.length = 0
    for (const f of facts) ends.push(m.plusMonths(f.inspDay, k))
    let start = 0
    for (let i = 1; i < facts.length; i++) {
      const t = facts[i]!
      while (start < i && ends[start]! <= t.inspDay) start++
      if (start === i || t.jointDeclined) continue
      const listed = noJoint.length === 0 ? noJoint : noJoint.filter((e) => covering(e, t.inspDay))
      for (let j = start; j < i; j++) {
        const p = facts[j]!
        // Single-department tasks (most) compare interned indexes; joint ones compare ids.
        if (p.depts.length === 1 && t.depts.length === 1 ? p.leadIndex === t.leadIndex : p.depts.some((d) => t.depts.includes(d))) continue
        if (listed.length > 0) {
          const domains = domainsOf(m, t.depts, domainsOf(m, p.depts, new Set()))
          if (listed.some((e) => e.domain === null || domains.has(e.domain))) continue
        }
        out.emit('JOINT_MISSED_NO_REASON', cfg, {
          task_ids: [p.id, t.id], enterprise_id: enterpriseId, department_id: t.lead, domain: t.leadDomain,
          evidence: {
            earlier: { id: p.id, department_ids: p.depts, inspection_date: isoFromDay(p.inspDay) },
            later: { id: t.id, department_ids: t.depts, inspection_date: isoFromDay(t.inspDay), joint_declined_reason: null },
            window_ends_before: isoFromDay(ends[j]!), matchmaking_window_months: k
          },
          message: `${deptNames(m, t.depts)}于${day(t.inspDay)}对${entName(m, enterpriseId)}开展有计划现场检查（${taskRef(t)}），而${deptNames(m, p.depts)}已于${day(p.inspDay)}对该企业开展有计划现场检查（${taskRef(p)}），两者相隔不足${k}个月却分别入企，未联合检查，也未填报不参加联合检查的理由。`
        })
      }
    }
  }
  return { enterpriseRun }
}

export const jointOnDiscouragedObject: RuleImpl<'JOINT_ON_DISCOURAGED_OBJECT'> = (m, cfg, out) => {
  return (f) => {
    if (!f.onSite || f.depts.length < 2 || !m.onList(f, 'NO_JOINT')) return
    const candidates = f.ent.lists.NO_JOINT
    const domains = domainsOf(m, f.depts, new Set())
    const entries = candidates.filter((e) => covering(e, f.inspDay) && (e.domain === null || domains.has(e.domain)))
    if (entries.length === 0) return
    out.emit('JOINT_ON_DISCOURAGED_OBJECT', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), department_ids: f.depts, list_entries: entries.map(entryEvidence) },
      message: `${entName(m, f.enterpriseId)}在不鼓励开展联合检查的对象名单内，${deptNames(m, f.depts)}仍于${day(f.inspDay)}对其开展联合现场检查（${taskRef(f)}）。`
    })
  }
}

export const itemNotFiled: RuleImpl<'ITEM_NOT_FILED'> = (m, cfg, out) => {
  const ofDepts = (f: TaskFact, domain: Domain): boolean | null => {
    let known = false
    for (const d of f.depts) {
      const dd = m.domainOf(d)
      if (dd === domain) return true
      if (dd !== null) known = true
    }
    // With no known department there is nothing to compare the item's domain with.
    return known ? false : null
  }
  // An id missing from the library says something only when the library of an inspecting department's
  // domain is there at all: data holding no item of that domain (a partial export) proves nothing.
  const libraryDomains = new Set<Domain>()
  for (const item of m.items.values()) libraryDomains.add(item.domain)
  const libraryKnown = (f: TaskFact): boolean => f.depts.some((d) => { const domain = m.domainOf(d); return domain !== null && libraryDomains.has(domain) })
  return (f) => {
    if (!f.onSite || (m.itemBits(f) & (ITEM_UNKNOWN | ITEM_OTHER_DOMAIN)) === 0) return
    let bad: { id: string; reason: string }[] | null = null
    for (const id of f.itemIds) {
      const item = m.items.get(id)
      const reason = !item ? (libraryKnown(f) ? 'NOT_IN_LIBRARY' : null) : ofDepts(f, item.domain) === false ? 'OTHER_DOMAIN' : null
      if (reason !== null && !(bad ??= []).some((b) => b.id === id)) bad.push({ id, reason })
    }
    if (bad === null || bad.length === 0) return
    bad.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    out.emit('ITEM_NOT_FILED', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), items: bad, department_ids: f.depts },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}现场检查（${taskRef(f)}）的检查事项${bad.map((b) => m.items.get(b.id)?.name ?? b.id).join('、')}` +
        '不在本部门已备案的检查事项库中。'
    })
  }
}

/**
 * D-19's second half (R-SCOPE-08, 无权不查): an inspection of an item that has no legal basis in the
 * library (blank legal_basis). Such inspections are to be cancelled outright. Only where the library
 * states the legal basis of some items at all: data without any (an export that leaves the field out)
 * proves nothing about an item.
 */
export const noLegalBasis: RuleImpl<'NO_LEGAL_BASIS'> = (m, cfg, out) => {
  let libraryHasBases = false
  for (const item of m.items.values()) if (present(item.legal_basis) !== null) libraryHasBases = true
  if (!libraryHasBases) return
  return (f) => {
    let bare: string[] | null = null
    for (const id of f.itemIds) {
      const item = m.items.get(id)
      if (item && present(item.legal_basis) === null && !(bare ??= []).includes(id)) bare.push(id)
    }
    if (bare === null || bare.length === 0) return
    bare.sort(compareStrings)
    out.emit('NO_LEGAL_BASIS', cfg, {
      task_ids: [f.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
      evidence: { inspection_date: isoFromDay(f.inspDay), mode: f.mode, item_ids: bare, department_ids: f.depts },
      message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}的检查（${taskRef(f)}）中，检查事项` +
        `${bare.map((id) => m.items.get(id)?.name ?? id).join('、')}没有法律、法规、规章依据，此类检查应当一律取消。`
    })
  }
}
