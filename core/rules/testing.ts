// Test helpers: compact builders of interchange records (run through the real zod schemas, so tests
// use exactly what an import would store) and a small "clean world" that raises no flag at all, so each
// test adds only the records its case needs.
import { RECORD_SCHEMAS, type CalendarDay, type Department, type Enterprise, type Evaluation, type Item, type ListEntry, type Officer, type Plan, type RecordInput, type Task } from '../contract/records.ts'
import { analyze } from './engine.ts'
import type { RuleCode, RulePack } from './pack.ts'
import { builtinRulePack } from './packs.ts'
import { emptyInput, type AnalysisInput, type Flag } from './types.ts'

type Without<T> = Omit<T, 'type'>

export const ENT_A = '91310116MA1FL0001A'
export const ENT_B = '91310116MA1FL0002B'
export const ENT_C = '91310116MA1FL0003C'

export function department(id: string, domain: Department['domain'], level: Department['level'] = 'DISTRICT', name?: string): Department {
  return RECORD_SCHEMAS.department.parse({ type: 'department', id, name: name ?? `${id}局`, domain, level, district_code: '310116' })
}

export function officer(id: string, departmentId: string, extra: Partial<Without<RecordInput<'officer'>>> = {}): Officer {
  return RECORD_SCHEMAS.officer.parse({ type: 'officer', id, name: `执法员${id}`, department_id: departmentId, role: 'OFFICER', cert_no: `CERT-${id}`, ...extra })
}

export function enterprise(id: string, extra: Partial<Without<RecordInput<'enterprise'>>> = {}): Enterprise {
  return RECORD_SCHEMAS.enterprise.parse({
    type: 'enterprise', id, name: `企业${id.slice(-2)}有限公司`, district_code: '310116',
    sites: [{ id: `${id}-S1`, address: '金山区一号路1号' }, { id: `${id}-S2`, address: '金山区二号路2号' }], ...extra
  })
}

export function item(id: string, domain: Item['domain'], extra: Partial<Without<RecordInput<'item'>>> = {}): Item {
  return RECORD_SCHEMAS.item.parse({ type: 'item', id, name: `事项${id}`, domain, list: 'RANDOM', ...extra })
}

export function listEntry(id: string, list: ListEntry['list'], enterpriseId: string, from: string, extra: Partial<Without<RecordInput<'list_entry'>>> = {}): ListEntry {
  return RECORD_SCHEMAS.list_entry.parse({ type: 'list_entry', id, list, enterprise_id: enterpriseId, from, ...extra })
}

/** A published annual plan of `departmentId` covering all of 2025 and 2026 windows as given. */
export function plan(id: string, departmentId: string, extra: Partial<Without<RecordInput<'plan'>>> = {}): Plan {
  return RECORD_SCHEMAS.plan.parse({
    type: 'plan', id, plan_code: `PC-${id}`, department_id: departmentId, title: `计划${id}`, plan_type: 'SPECIAL', origin: 'SELF',
    year: 2025, window_from: '2025-01-01', window_to: '2026-12-31', item_ids: [`I-${departmentId.slice(2)}`], status: 'PUBLISHED',
    // Every field any domain requires (PLAN_INCOMPLETE), so that a test plan is complete unless a test says otherwise.
    legal_basis: '《中华人民共和国行政处罚法》', scope: '辖区内相关经营主体', sampling_ratio: 0.05, method: '现场检查', frequency: '每年1次',
    submitted_at: '2024-12-01T09:00:00+08:00', filed_at: '2024-12-10T09:00:00+08:00', published_at: '2024-12-15T09:00:00+08:00', ...extra
  })
}

export type VisitInput = NonNullable<RecordInput<'task'>['visits']>[number]
export type TaskExtra = Partial<Without<RecordInput<'task'>>>

/** A visit on `date` by the two default officers, with the result entered the same day. */
export function visit(date: string, extra: Partial<VisitInput> = {}): VisitInput {
  return { date, officer_ids: ['O1', 'O2'], outcome: 'NO_ISSUE', result_entered_at: `${date}T17:00:00+08:00`, ...extra }
}

/**
 * A clean planned on-site task of D-MKT on ENT_A under plan P-MKT, inspected on `date` (one visit),
 * code applied that morning. Override anything.
 */
export function task(id: string, date: string | null, extra: TaskExtra = {}): Task {
  return RECORD_SCHEMAS.task.parse({
    type: 'task', id, code: `C-${id}`, department_ids: ['D-MKT'], kind: 'PLANNED', special: 'NONE', plan_id: 'P-MKT',
    enterprise_id: ENT_A, item_ids: ['I-MKT'], mode: 'ON_SITE', code_applied_at: date ? `${date}T08:00:00+08:00` : null,
    visits: date ? [visit(date)] : [], status: date ? 'DONE' : 'PENDING', ...extra
  })
}

export function evaluation(id: string, taskId: string, submittedAt: string, extra: Partial<Without<RecordInput<'evaluation'>>> = {}): Evaluation {
  return RECORD_SCHEMAS.evaluation.parse({ type: 'evaluation', id, task_id: taskId, submitted_at: submittedAt, verdict: 'APPROVE', ...extra })
}

export function calendarDay(date: string, kind: CalendarDay['kind']): CalendarDay {
  return { type: 'calendar_day', date, kind }
}

/** Departments of several domains and levels, two qualified officers, enterprises, one item per domain, one covering plan per department. */
export function baseWorld(): AnalysisInput {
  const w = emptyInput()
  const depts = [
    department('D-MKT', 'MKT'), department('D-MKT-CITY', 'MKT', 'CITY'), department('D-MKT2', 'MKT'),
    department('D-PSB', 'PSB'), department('D-FIRE', 'FIRE'), department('D-DRUG', 'DRUG'), department('D-DRUG-CITY', 'DRUG', 'CITY'),
    department('D-HLTH', 'HLTH'), department('D-TRAN', 'TRAN'), department('D-URB', 'URB'), department('D-ENV', 'ENV'),
    department('D-CULT', 'CULT'), department('D-EMER', 'EMER')
  ]
  return {
    ...w,
    departments: depts,
    officers: [officer('O1', 'D-MKT'), officer('O2', 'D-MKT')],
    enterprises: [enterprise(ENT_A), enterprise(ENT_B), enterprise(ENT_C)],
    items: depts.map((d) => item(`I-${d.id.slice(2)}`, d.domain)),
    plans: depts.map((d) => plan(`P-${d.id.slice(2)}`, d.id))
  }
}

export function withRecords(base: AnalysisInput, extra: Partial<{ [K in keyof AnalysisInput]: AnalysisInput[K] }>): AnalysisInput {
  const out = { ...base }
  for (const key of Object.keys(extra) as (keyof AnalysisInput)[]) {
    ;(out as Record<keyof AnalysisInput, unknown[]>)[key] = [...base[key], ...(extra[key] ?? [])]
  }
  return out
}

/** A copy of the default pack with some rules switched off (or only some on). */
export function packWith(change: { off?: RuleCode[]; only?: RuleCode[] } = {}): RulePack {
  const pack = structuredClone(builtinRulePack())
  for (const code of Object.keys(pack.rules) as RuleCode[]) {
    if (change.only && !change.only.includes(code)) pack.rules[code].enabled = false
    if (change.off?.includes(code)) pack.rules[code].enabled = false
  }
  return pack
}

export function run(input: AnalysisInput, asOf = '2026-06-30', pack: RulePack = builtinRulePack()): Flag[] {
  return analyze(input, pack, { asOf }).flags
}

/** Flags of one rule as [task_ids, plan_ids] pairs: the identity, easy to compare. */
export function ids(flags: Flag[], rule: RuleCode): string[][] {
  return flags.filter((f) => f.rule === rule).map((f) => [...f.task_ids, ...f.plan_ids.map((p) => `plan:${p}`)])
}
