// A synthetic, valid interchange file for the import benchmark and the importer's volume tests:
// a district's departments, officers, enterprises, items, plans, tasks with visits, evaluations and
// a few calendar days, seeded so every run writes the same bytes. Deliberately independent of the demo
// generator (core/demo/): the benchmark must measure the importer, not depend on the demo's evolution.
import { closeSync, openSync, writeSync } from 'node:fs'
import { DOMAINS } from '../../core/contract/scalars.ts'
import { usccCheckChar } from '../../core/contract/scalars.ts'

/** mulberry32: tiny, fast, seedable; good enough for synthetic data. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY'

export type SyntheticCounts = {
  departments: number; officers: number; enterprises: number; items: number; listEntries: number
  plans: number; tasks: number; evaluations: number; calendarDays: number; total: number
}

/**
 * Writes about `records` records (tasks are ~85 % of them, as in real data) and returns the counts.
 * Every record is valid and every reference resolves, so an import of it has no rejections.
 */
export function writeSyntheticInterchange(path: string, records: number, seed = 20251122): SyntheticCounts {
  const rand = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  const day = (dayOfYear: number) => new Date(Date.UTC(2025, 0, 1 + dayOfYear)).toISOString().slice(0, 10)

  const counts: SyntheticCounts = {
    departments: 42, officers: Math.max(10, Math.round(records * 0.006)), enterprises: Math.max(10, Math.round(records * 0.08)),
    items: 300, listEntries: Math.max(5, Math.round(records * 0.004)), plans: Math.max(5, Math.round(records * 0.005)),
    tasks: 0, evaluations: Math.max(5, Math.round(records * 0.05)), calendarDays: 34, total: 0
  }
  counts.tasks = Math.max(10, records - counts.departments - counts.officers - counts.enterprises - counts.items -
    counts.listEntries - counts.plans - counts.evaluations - counts.calendarDays)
  counts.total = counts.departments + counts.officers + counts.enterprises + counts.items + counts.listEntries +
    counts.plans + counts.tasks + counts.evaluations + counts.calendarDays

  const fd = openSync(path, 'w')
  let buffer: string[] = []
  let buffered = 0
  const emit = (record: object) => {
    const line = JSON.stringify(record)
    buffer.push(line)
    buffered += line.length
    if (buffered > 1 << 20) flush()
  }
  const flush = () => {
    if (buffer.length > 0) writeSync(fd, `${buffer.join('\n')}\n`)
    buffer = []
    buffered = 0
  }

  try {
    emit({ type: 'header', format: 'jiandu-interchange', version: 1, exported_at: '2025-12-31T18:00:00+08:00', source: 'synthetic' })
    const departments = Array.from({ length: counts.departments }, (_, i) => {
      const domain = DOMAINS[i % DOMAINS.length] ?? 'MKT'
      return { id: `D-${domain}-${pad(i, 3)}`, domain }
    })
    for (const [i, d] of departments.entries()) {
      emit({ type: 'department', id: d.id, name: `金山区第${i + 1}执法主体`, domain: d.domain, level: i < 14 ? 'DISTRICT' : 'TOWN', district_code: '310116' })
    }
    const officers = Array.from({ length: counts.officers }, (_, i) => ({ id: `O-${pad(i, 5)}`, department: departments[i % departments.length] ?? departments[0] }))
    for (const o of officers) {
      emit({ type: 'officer', id: o.id, name: `执法人员${o.id.slice(2)}`, department_id: o.department?.id, role: rand() < 0.9 ? 'OFFICER' : 'AUXILIARY', cert_no: `31011620${o.id.slice(2)}`, cert_valid_until: '2027-06-30' })
    }
    const enterprises = Array.from({ length: counts.enterprises }, (_, i) => {
      let body = '91310116'
      for (let k = 0; k < 9; k++) body += USCC_BODY[(i * 7 + k * 13 + Math.floor(rand() * 31)) % 31]
      const id = body + usccCheckChar(body)
      return { id, sites: rand() < 0.2 ? ['S1', 'S2'] : ['S1'] }
    })
    for (const [i, e] of enterprises.entries()) {
      emit({
        type: 'enterprise', id: e.id, name: `上海金山第${i + 1}实业有限公司`, district_code: '310116', industry: pick(['C13', 'F52', 'H62', 'M74']),
        sites: e.sites.map((s, k) => ({ id: s, address: `金山区卫零路${(i % 900) + k + 1}号` })),
        grades: rand() < 0.5 ? { MKT: pick(['A', 'B', 'C', 'D']), FIRE: pick(['A', 'B', 'C']) } : undefined,
        fire_key_unit: rand() < 0.1, crowded_place: rand() < 0.15, in_library_since: day(Math.floor(rand() * 200))
      })
    }
    const items = Array.from({ length: counts.items }, (_, i) => {
      const domain = DOMAINS[i % DOMAINS.length] ?? 'MKT'
      return { id: `I-${domain}-${pad(i, 4)}`, domain }
    })
    for (const it of items) {
      emit({ type: 'item', id: it.id, name: `检查事项${it.id.slice(-4)}`, domain: it.domain, list: pick(['KEY', 'RANDOM', 'RANDOM', 'WUSHI']), legal_basis: '《中华人民共和国行政处罚法》', fire_matter: it.domain === 'FIRE' })
    }
    for (let i = 0; i < counts.listEntries; i++) {
      emit({ type: 'list_entry', id: `L-${pad(i, 5)}`, list: pick(['WUGAN', 'NO_JOINT', 'WHITELIST']), domain: rand() < 0.5 ? 'MKT' : null, enterprise_id: pick(enterprises).id, from: '2025-01-01', to: rand() < 0.5 ? '2025-12-31' : null })
    }
    const plans = Array.from({ length: counts.plans }, (_, i) => ({ id: `P-${pad(i, 5)}`, code: `JH-2025-${pad(i, 5)}`, department: pick(departments) }))
    for (const p of plans) {
      const target = pick(enterprises)
      emit({
        type: 'plan', id: p.id, plan_code: p.code, department_id: p.department.id, title: `2025年度${p.department.domain}检查计划`,
        plan_type: pick(['ANNUAL', 'MONTHLY', 'SPECIAL']), origin: 'SELF', year: 2025, window_from: '2025-01-01', window_to: '2025-12-31',
        item_ids: [pick(items).id, pick(items).id], targets: [{ enterprise_id: target.id, site_id: 'S1' }], sampling_ratio: 0.05,
        method: '现场检查', frequency: '每年一次', status: 'FILED', submitted_at: '2024-12-20T10:00:00+08:00', filed_at: '2024-12-25T15:30:00+08:00'
      })
    }
    for (let i = 0; i < counts.tasks; i++) {
      const enterprise = pick(enterprises)
      const lead = pick(departments)
      const joint = rand() < 0.1
      const planned = rand() < 0.7
      const plan = planned ? pick(plans) : null
      const d = Math.floor(rand() * 360)
      const visit = {
        date: day(d), officer_ids: [pick(officers).id, pick(officers).id], outcome: pick(['NO_ISSUE', 'NO_ISSUE', 'ISSUE_FOUND', 'CASE_OPENED']),
        result_entered_at: `${day(d + 1)}T10:00:00+08:00`
      }
      emit({
        type: 'task', id: `T-${pad(i, 7)}`, code: rand() < 0.95 ? `JC310116${pad(i, 8)}` : null,
        department_ids: joint ? [lead.id, pick(departments).id] : [lead.id], kind: planned ? 'PLANNED' : 'TRIGGERED', special: 'NONE',
        plan_id: plan?.id ?? null, plan_code: plan?.code ?? null, trigger_source: planned ? null : pick(['COMPLAINT', 'REPORT', 'REFERRAL']),
        trigger_ref: planned ? null : `XS-${pad(i, 7)}`, enterprise_id: enterprise.id, site_id: pick(enterprise.sites),
        item_ids: [pick(items).id, pick(items).id], mode: 'ON_SITE', code_applied_at: `${day(Math.max(0, d - 2))}T09:30:00+08:00`,
        visits: rand() < 0.9 ? [visit] : [], status: 'DONE'
      })
    }
    for (let i = 0; i < counts.evaluations; i++) {
      emit({ type: 'evaluation', id: `E-${pad(i, 6)}`, task_id: `T-${pad(Math.floor(rand() * counts.tasks), 7)}`, submitted_at: '2025-06-01T12:00:00+08:00', verdict: rand() < 0.9 ? 'APPROVE' : 'DISAPPROVE', tags: rand() < 0.1 ? ['REPEAT'] : null, comment: null })
    }
    for (let i = 0; i < counts.calendarDays; i++) {
      emit({ type: 'calendar_day', date: day(i * 10), kind: i % 3 === 0 ? 'WORKDAY' : 'HOLIDAY' })
    }
    flush()
  } finally {
    closeSync(fd)
  }
  return counts
}
