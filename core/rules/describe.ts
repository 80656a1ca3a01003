// Readable names for messages: departments, enterprises, tasks, plans, dates. Unknown ids (dangling
// references) are shown as ids, so a message never hides what the data says.
import type { Plan, Task } from '../contract/records.ts'
import type { AnalysisModel, PlanFact, TaskFact } from './context.ts'
import { cnDate } from './emit.ts'
import { isoFromDay, type DayNumber } from '../calendar/days.ts'

export function deptName(m: AnalysisModel, id: string): string {
  return m.departments.get(id)?.name ?? `执法主体 ${id}`
}

const entNames = new WeakMap<AnalysisModel, Map<string, string>>()

export function deptNames(m: AnalysisModel, ids: readonly string[]): string {
  return ids.map((id) => deptName(m, id)).join('、')
}

export function entName(m: AnalysisModel, id: string): string {
  let names = entNames.get(m)
  if (!names) entNames.set(m, (names = new Map()))
  let name = names.get(id)
  if (name === undefined) {
    const e = m.enterprises.get(id)
    name = e ? `${e.name}（统一社会信用代码 ${id}）` : `检查对象 ${id}`
    names.set(id, name)
  }
  return name
}

export function taskRef(f: TaskFact): string {
  return f.code !== null ? `任务 ${f.id}，检查码 ${f.code}` : `任务 ${f.id}`
}

export function planRef(p: PlanFact): string {
  return p.planCode !== null ? `《${p.plan.title}》（${p.id}，计划编码 ${p.planCode}）` : `《${p.plan.title}》（${p.id}）`
}

/** A message names at most this many of a flag's inspections; the evidence lists them all. */
export const MESSAGE_LIST_MAX = 10

/**
 * Inspections named in a message, "；"-separated: all of them, or the first MESSAGE_LIST_MAX and how many
 * more (a message is pasted into a notice; a key unit inspected 1,300 times in a year made it a page).
 */
export function messageList(parts: readonly string[]): string {
  if (parts.length <= MESSAGE_LIST_MAX) return parts.join('；')
  return `${parts.slice(0, MESSAGE_LIST_MAX).join('；')}；等，另有 ${parts.length - MESSAGE_LIST_MAX} 次见证据`
}

export function day(d: DayNumber): string {
  return cnDate(isoFromDay(d))
}

export const KIND_CN: Record<Task['kind'], string> = { PLANNED: '有计划', TRIGGERED: '触发式' }

export const SPECIAL_CN: Record<Task['special'], string> = {
  NONE: '', SURVEY: '摸底', EMERGENCY: '先检查后补码', RECHECK: '复查', COMMITMENT_VERIFY: '告知承诺核查'
}

export const PLAN_STATUS_CN: Record<Plan['status'], string> = {
  DRAFT: '草稿', SUBMITTED: '已报送待备案', FILED: '已备案', RETURNED: '已退回', PUBLISHED: '已公布', WITHDRAWN: '已撤回'
}

export const PLAN_TYPE_CN: Record<Plan['plan_type'], string> = { ANNUAL: '年度', MONTHLY: '月度', SPECIAL: '专项' }

/** Visit dates of a task, ascending, as evidence. */
export function visitDates(m: AnalysisModel, f: TaskFact): string[] {
  const days = new Set<DayNumber>()
  for (let v = f.visitFrom; v < f.visitTo; v++) if (m.visits.date[v]! <= m.asOfDay) days.add(m.visits.date[v]!)
  return [...days].sort((a, b) => a - b).map(isoFromDay)
}
