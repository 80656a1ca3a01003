// A task before it gets its id (ids follow the calendar, so a pair's second task is numbered when its
// day comes), the clean defaults of its visits, codes and evaluations, and its emission: the `task`
// record, its `evaluation` records, and the scheduler's memory updated with what it inspected.
import type { Evaluation, Task, Visit } from '../../contract/records.ts'
import { APPROVE_COMMENTS, DISAPPROVE_COMMENTS, TRIGGER_REF_PREFIX } from '../catalogue/phrases.ts'
import { dateOf, timestampOf } from '../days.ts'
import { addCase } from '../injections.ts'
import { validOfficersOn, type DeptInfo } from '../organisation.ts'
import type { PlanInfo } from '../plans.ts'
import { DOMAIN_COUNT, type TaskWorld } from './world.ts'

export type TaskDraft = {
  depts: DeptInfo[]
  kind: Task['kind']
  special: Task['special']
  plan: PlanInfo | null
  planId: string | null
  planCode: string | null
  triggerSource: Task['trigger_source']
  triggerRef: string | null
  recheckOf: string | null
  e: number
  s: number
  /** False: site_id left out, which means the enterprise's first site (only used when `s` is that site). */
  writeSiteId: boolean
  items: string[]
  mode: Task['mode']
  code: string | null
  codeAppliedAt: string | null
  jointDeclinedReason: string | null
  visitDays: number[]
  visits: Visit[]
  status: Task['status']
  /** 'negative' plants a NEGATIVE_EVALUATION; 'none' suppresses evaluations; absent = the usual odds. */
  evaluation?: 'negative' | 'none'
  /** Keep out of the recheck pool (a planted same-clue pair must stay a pair). */
  noRecheck?: boolean
}

const NEGATIVE_TAGS = ['REPEAT', 'INACTION', 'ABUSE', 'NO_CODE_SHOWN', 'DISTURBANCE'] as const

export function newCode(world: TaskWorld, day: number): string {
  return `JC${dateOf(day).replaceAll('-', '')}${String(++world.seq.code).padStart(7, '0')}`
}

const hasPrefix = (source: string): source is keyof typeof TRIGGER_REF_PREFIX => Object.hasOwn(TRIGGER_REF_PREFIX, source)

export function newTriggerRef(world: TaskWorld, source: NonNullable<Task['trigger_source']>, day: number): string {
  // A blank source (an injected violation) has no prefix of its own: 其他 (QT).
  const prefix = hasPrefix(source) ? TRIGGER_REF_PREFIX[source] : 'QT'
  return `${prefix}${dateOf(day).replaceAll('-', '')}${String(++world.seq.ref).padStart(6, '0')}`
}

export function officeTimestamp(world: TaskWorld, day: number, fromHour = 8, toHour = 17): string {
  return timestampOf(day, world.random.int(fromHour, toHour), world.random.int(0, 11) * 5)
}

/** Visit days: the inspection date, and now and then a follow-up visit a few working days later. */
export function visitDaysFrom(world: TaskWorld, day: number, allowFollowUp = true): number[] {
  if (allowFollowUp && world.random.chance(0.08)) {
    const second = world.wd.nthWorkingDayAfter(day, world.random.int(3, 12))
    if (second <= world.lastDay) return [day, second]
  }
  return [day]
}

/** When the result was entered: the same day or within the result-entry deadline, never after the data's last day. */
export function cleanResultEntry(world: TaskWorld, visitDay: number): string {
  const k = world.random.weightedIndex([55, 35, 10])
  if (k === 0) return officeTimestamp(world, visitDay, 13, 18)
  const day = Math.min(world.wd.nthWorkingDayAfter(visitDay, Math.min(k, world.rules.resultEntryWorkingDays)), world.lastDay)
  return officeTimestamp(world, day)
}

/** Two or three certified officers of the lead (one more per joint participant); non-site work needs one or two. */
export function cleanOfficers(world: TaskWorld, depts: readonly DeptInfo[], day: number, mode: Task['mode']): string[] {
  const { random } = world
  const [lead, ...others] = depts
  if (!lead) return []
  const valid = validOfficersOn(lead, day)
  if (mode === 'NON_SITE') return random.sample(valid, random.int(1, 2)).map((o) => o.id)
  const ids = random.sample(valid, random.chance(0.3) ? 3 : 2).map((o) => o.id)
  for (const other of others) {
    const pick = random.sample(validOfficersOn(other, day), 1)[0]
    if (pick) ids.push(pick.id)
  }
  if (random.chance(0.2)) {
    const aux = lead.staff.filter((s) => s.role === 'AUXILIARY')
    if (aux.length > 0) ids.push(random.pick(aux).id)
  }
  return ids
}

export function cleanVisits(world: TaskWorld, depts: readonly DeptInfo[], days: readonly number[], mode: Task['mode'], lastOutcome?: Visit['outcome']): Visit[] {
  const { random } = world
  return days.map((day, i): Visit => ({
    date: dateOf(day),
    officer_ids: cleanOfficers(world, depts, day, mode),
    outcome: i < days.length - 1 ? 'ISSUE_FOUND' : (lastOutcome ?? random.weighted(['NO_ISSUE', 'ISSUE_FOUND', 'CASE_OPENED'] as const, [70, 25, 5])),
    result_entered_at: cleanResultEntry(world, day)
  }))
}

function evaluationsFor(world: TaskWorld, taskId: string, draft: TaskDraft): Evaluation[] {
  const { random } = world
  const negative = draft.evaluation === 'negative'
  if (draft.evaluation === 'none' || draft.status !== 'DONE') return []
  if (!negative && !random.chance(draft.mode === 'ON_SITE' ? 0.75 : 0.3)) return []
  const last = draft.visitDays[draft.visitDays.length - 1] ?? world.lastDay
  const negativeAt = random.int(0, draft.depts.length - 1)
  return draft.depts.map((dept, i): Evaluation => {
    const day = Math.min(last + random.int(0, 4), world.lastDay)
    // Rated after the visit: on the visit day itself, in the evening.
    const at = day === last ? officeTimestamp(world, day, 19, 21) : officeTimestamp(world, day, 9, 21)
    const base = { type: 'evaluation' as const, id: `E-${String(++world.seq.evaluation).padStart(world.idWidth, '0')}`, task_id: taskId, department_id: dept.id, submitted_at: at }
    if (negative && i === negativeAt) {
      if (random.chance(0.15)) return { ...base, verdict: 'APPROVE', tags: [random.pick(['REPEAT', 'NO_CODE_SHOWN'] as const)], comment: random.pick(DISAPPROVE_COMMENTS) }
      return { ...base, verdict: 'DISAPPROVE', tags: random.sample(NEGATIVE_TAGS, random.int(1, 2)), comment: random.pick(DISAPPROVE_COMMENTS) }
    }
    // DISTURBANCE alone is not one of the tags NEGATIVE_EVALUATION looks for: a rare clean case of it.
    return { ...base, verdict: 'APPROVE', tags: random.chance(0.01) ? ['DISTURBANCE'] : null, comment: random.chance(0.3) ? random.pick(APPROVE_COMMENTS) : null }
  })
}

/** Numbers the task, writes its records, and remembers what it inspected. Returns the task id. */
export function emitTask(world: TaskWorld, draft: TaskDraft): string {
  const id = `T-${String(++world.seq.task).padStart(world.idWidth, '0')}`
  if (world.negativeWanted > 0 && draft.status === 'DONE' && draft.evaluation === undefined) {
    draft.evaluation = 'negative'
    world.negativeWanted--
  }
  const site = world.objects.siteIds[draft.s] ?? null
  const task: Task = {
    type: 'task', id, code: draft.code, department_ids: draft.depts.map((d) => d.id), kind: draft.kind, special: draft.special,
    plan_id: draft.planId, plan_code: draft.planCode, trigger_source: draft.triggerSource, trigger_ref: draft.triggerRef,
    recheck_of: draft.recheckOf, enterprise_id: world.objects.enterprises[draft.e]?.id ?? '', site_id: draft.writeSiteId ? site : null,
    item_ids: draft.items, mode: draft.mode, code_applied_at: draft.codeAppliedAt, joint_declined_reason: draft.jointDeclinedReason,
    visits: draft.visits, status: draft.status
  }
  world.out.push(task)
  remember(world, id, draft)
  for (const ev of evaluationsFor(world, id, draft)) world.out.push(ev)
  if (draft.evaluation === 'negative' && draft.status === 'DONE') addCase(world.manifest, 'NEGATIVE_EVALUATION', [id], [], 'disapproved')
  return id
}

function remember(world: TaskWorld, id: string, draft: TaskDraft): void {
  if (draft.status === 'CANCELLED' || draft.visitDays.length === 0) return
  const first = draft.visitDays[0] ?? 0
  const last = draft.visitDays[draft.visitDays.length - 1] ?? first
  const lead = draft.depts[0]
  if (draft.kind === 'TRIGGERED' && lead !== undefined && world.rules.specialScopeDomains.includes(lead.domain)) {
    const seen = draft.e * DOMAIN_COUNT + lead.domainIndex
    if (world.scopeClueSeen[seen] === 0) {
      world.scopeClueSeen[seen] = 1
      world.scopeClues.push({ e: draft.e, s: draft.s, day: first, domainIndex: lead.domainIndex })
    }
  }
  const counted = draft.mode === 'ON_SITE' && (draft.special === 'NONE' || draft.special === 'EMERGENCY')
  if (!counted) return
  const year = world.yearOf(first)
  for (const dept of draft.depts) {
    const k = draft.s * DOMAIN_COUNT + dept.domainIndex
    if ((world.lastCountedEnd[k] ?? 0) < last) world.lastCountedEnd[k] = last
    if (draft.kind === 'PLANNED') world.lastPlannedYear[k] = year
  }
  if (draft.kind === 'PLANNED') {
    if ((world.entLastPlannedStart[draft.e] ?? 0) < first) world.entLastPlannedStart[draft.e] = first
    if (draft.depts[0]?.domain === 'FIRE') world.fireLeadYear[draft.e] = year
  }
  const outcome = draft.visits[draft.visits.length - 1]?.outcome
  if (draft.code && outcome && outcome !== 'NO_ISSUE' && !draft.noRecheck) world.recheckPool.push({ id, draft, lastDay: last })
}
