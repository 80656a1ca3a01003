// The day loop: walks the calendar from the first to the last day of the data, giving each day its share
// of tasks (working days most, rest days a few triggered ones), planting the due violations among them,
// and yielding each day's records. Task ids follow the calendar, so task order (inspection date, id)
// is generation order.
import type { InterchangeRecord } from '../../contract/records.ts'
import { INJECTABLE_RULES, type InjectableRule } from '../injections.ts'
import {
  cleanCommitment, cleanEmergency, cleanPlannedNonsite, cleanPlannedOnsite, cleanRecheck, cleanSurvey, cleanTriggered, emitWithoutVisits
} from './clean.ts'
import { emitTask } from './drafts.ts'
import { TASK_INJECTORS } from './injectors.ts'
import type { TaskWorld } from './world.ts'

const SLOT_KINDS = ['PLANNED_ONSITE', 'PLANNED_NONSITE', 'TRIGGERED_ONSITE', 'TRIGGERED_NONSITE', 'SURVEY', 'EMERGENCY', 'RECHECK', 'COMMITMENT'] as const
const WORKDAY_MIX = [55, 9, 17, 4, 2, 2.5, 5.5, 3]
const RESTDAY_KINDS = ['TRIGGERED_ONSITE', 'EMERGENCY', 'TRIGGERED_NONSITE'] as const
const RESTDAY_MIX = [60, 20, 20]

/** Shares of tasks without visits: codes applied for inspections still to come, and tasks called off. */
const PENDING_SHARE = 0.03
const CANCELLED_SHARE = 0.012
/** Pending tasks are the last few weeks' applications. */
const PENDING_DAYS = 21
/** Planted cases are spread over this share of the data, so pairs and late entries fit before its end. */
const INJECTION_SPAN = 0.9

function normalSlot(world: TaskWorld, day: number, working: boolean): void {
  const kind = working ? SLOT_KINDS[world.random.weightedIndex(WORKDAY_MIX)] : RESTDAY_KINDS[world.random.weightedIndex(RESTDAY_MIX)]
  switch (kind) {
    case 'PLANNED_ONSITE': return cleanPlannedOnsite(world, day)
    case 'PLANNED_NONSITE': return cleanPlannedNonsite(world, day)
    case 'TRIGGERED_NONSITE': return cleanTriggered(world, day, 'NON_SITE')
    case 'SURVEY': if (!cleanSurvey(world, day)) cleanTriggered(world, day, 'ON_SITE'); return
    case 'EMERGENCY': return cleanEmergency(world, day)
    case 'RECHECK': return cleanRecheck(world, day)
    case 'COMMITMENT': return cleanCommitment(world, day)
    default: return cleanTriggered(world, day, 'ON_SITE')
  }
}

/** Cumulative targets per day (index = day − firstDay): `total` spread by `weight`. */
function cumulative(firstDay: number, lastDay: number, total: number, weight: (day: number) => number): Int32Array {
  const n = lastDay - firstDay + 1
  const w = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) sum += w[i] = weight(firstDay + i)
  const out = new Int32Array(n)
  let acc = 0
  for (let i = 0; i < n; i++) {
    acc += w[i] ?? 0
    out[i] = sum === 0 ? total : Math.round((total * acc) / sum)
  }
  return out
}

type Due = { rule: InjectableRule; count: number; done: number; retryAt: number }

export function* runSchedule(world: TaskWorld, total: number, rates: Record<InjectableRule, number>): Generator<InterchangeRecord> {
  const { wd, firstDay, lastDay } = world
  const pendingTotal = Math.round(total * PENDING_SHARE)
  const cancelledTotal = Math.round(total * CANCELLED_SHARE)
  const visitTotal = total - pendingTotal - cancelledTotal
  const visitCum = cumulative(firstDay, lastDay, visitTotal, (d) => (wd.isWorkingDay(d) ? 1 : 0.05))
  const pendingCum = cumulative(firstDay, lastDay, pendingTotal, (d) => (wd.isWorkingDay(d) && d > lastDay - PENDING_DAYS ? 1 : 0))
  const cancelledCum = cumulative(firstDay, lastDay, cancelledTotal, (d) => (wd.isWorkingDay(d) ? 1 : 0))

  const span = visitTotal * INJECTION_SPAN
  const dues: Due[] = INJECTABLE_RULES.filter((r) => TASK_INJECTORS[r] && (rates[r] ?? 0) > 0).map((rule) => ({
    rule, count: Math.max(1, Math.round((rates[rule] ?? 0) * total)), done: 0, retryAt: 0
  }))
  const dueAt = (d: Due) => Math.floor(((d.done + 0.5) * span) / d.count)
  const negatives = (rates.NEGATIVE_EVALUATION ?? 0) > 0 ? Math.max(1, Math.round(rates.NEGATIVE_EVALUATION * visitTotal * 0.6)) : 0
  let negativesReleased = 0

  let visitEmitted = 0, pendingEmitted = 0, cancelledEmitted = 0
  const capacity = { canQueue: () => visitEmitted + world.queued + 2 <= visitTotal }

  for (let day = firstDay; day <= lastDay; day++) {
    const i = day - firstDay
    world.out = []
    const queued = world.queue.get(day)
    if (queued) {
      world.queue.delete(day)
      for (const q of queued) {
        q.onEmit(emitTask(world, q.draft))
        world.queued--
        visitEmitted++
      }
    }
    while (pendingEmitted < (pendingCum[i] ?? 0) && emitWithoutVisits(world, day, 'PENDING')) pendingEmitted++
    while (cancelledEmitted < (cancelledCum[i] ?? 0) && emitWithoutVisits(world, day, 'CANCELLED')) cancelledEmitted++
    const working = wd.isWorkingDay(day)
    const target = Math.min(visitCum[i] ?? visitTotal, visitTotal - world.queued)
    let stalls = 0
    while (visitEmitted < target && stalls < 50) {
      const before = world.seq.task
      while (negativesReleased < negatives && Math.floor(((negativesReleased + 0.5) * span) / negatives) <= visitEmitted) {
        world.negativeWanted++
        negativesReleased++
      }
      let injected = false
      if (working) {
        for (const due of dues) {
          if (due.done >= due.count || dueAt(due) > visitEmitted || due.retryAt > visitEmitted) continue
          const inject = TASK_INJECTORS[due.rule]
          if (inject && inject(world, day, capacity)) {
            due.done++
            injected = true
            break
          }
          due.retryAt = visitEmitted + 3
        }
      }
      if (!injected) normalSlot(world, day, working)
      const made = world.seq.task - before
      visitEmitted += made
      stalls = made === 0 ? stalls + 1 : 0
    }
    yield* world.out
  }
}
