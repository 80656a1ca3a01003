// Everything the task scheduler reads and the little it remembers while it walks the calendar. The
// memory is per site and per enterprise (typed arrays), never per task, so a million-task run keeps a
// bounded footprint: the last counted on-site inspection per (site, domain), the year of the last
// planned one, the last planned on-site inspection per enterprise, and short-lived reservations that
// keep clean tasks away from an enterprise while a planted pair is in flight.
import type { InterchangeRecord } from '../../contract/records.ts'
import { DOMAINS } from '../../contract/scalars.ts'
import { addMonths, yearOf, type WorkingDays } from '../days.ts'
import type { InjectionManifest } from '../injections.ts'
import type { ItemLibrary } from '../itemLibrary.ts'
import type { Objects } from '../objects.ts'
import type { Organisation } from '../organisation.ts'
import type { PlanBook, PlanCursor } from '../plans.ts'
import type { Random } from '../random.ts'
import type { DemoRuleParameters } from '../ruleParameters.ts'
import type { TaskDraft } from './drafts.ts'

export const DOMAIN_COUNT = DOMAINS.length
export const NEVER = -1_000_000

/** `day + n months` for every day of the data (and a margin), precomputed: checked millions of times. */
export type MonthTable = { plus(day: number): number }

function monthTable(firstDay: number, lastDay: number, months: number): MonthTable {
  const base = firstDay - 800
  const table = new Int32Array(lastDay - base + 800)
  for (let i = 0; i < table.length; i++) table[i] = addMonths(base + i, months)
  return {
    plus(day) {
      const v = table[day - base]
      return v === undefined ? addMonths(day, months) : v
    }
  }
}

export type QueuedTask = { draft: TaskDraft; onEmit: (id: string) => void }

/** A DONE on-site inspection that found something: a candidate for a later 复查 (RECHECK). */
export type RecheckCandidate = { id: string; draft: TaskDraft; lastDay: number }

export type TaskWorld = {
  random: Random
  org: Organisation
  objects: Objects
  library: ItemLibrary
  book: PlanBook
  cursor: PlanCursor
  wd: WorkingDays
  rules: DemoRuleParameters
  manifest: InjectionManifest
  firstDay: number
  lastDay: number
  /** Earliest start of a planned on-site task after a same-domain counted one at the site (REPEAT and RECOGNITION windows). */
  siteGap: MonthTable
  /** Earliest start of a planned on-site task after another at the enterprise (JOINT matchmaking window). */
  enterpriseGap: MonthTable
  lastCountedEnd: Int32Array
  lastPlannedYear: Int16Array
  entLastPlannedStart: Int32Array
  fireLeadYear: Int16Array
  reservedUntil: Int32Array
  cappedDomain: Uint8Array
  queue: Map<number, QueuedTask[]>
  queued: number
  recheckPool: RecheckCandidate[]
  /**
   * Enterprises with a case or clue (a triggered inspection) of a domain whose special plans are kept to
   * them (extension rule HRSS_SPECIAL_SCOPE, R-PLAN-12: HRSS), in the order they first got one: the only
   * places such special inspections go. Seen by enterprise × domain index.
   */
  scopeClues: { e: number; s: number; day: number; domainIndex: number }[]
  scopeClueSeen: Uint8Array
  /** Planted negative evaluations due: the next DONE tasks get them. */
  negativeWanted: number
  /** Records produced for the current day, yielded by the day loop. */
  out: InterchangeRecord[]
  seq: { task: number; evaluation: number; code: number; ref: number }
  idWidth: number
  yearOf(day: number): number
}

export type WorldInputs = Pick<TaskWorld, 'random' | 'org' | 'objects' | 'library' | 'book' | 'cursor' | 'wd' | 'rules' | 'manifest' | 'firstDay' | 'lastDay'> & { totalTasks: number }

export function createWorld(inputs: WorldInputs): TaskWorld {
  const { objects, rules, firstDay, lastDay } = inputs
  const sites = objects.siteIds.length
  const enterprises = objects.enterprises.length
  const cappedDomain = new Uint8Array(DOMAIN_COUNT)
  for (const d of rules.annualCapOneDomains) cappedDomain[DOMAINS.indexOf(d)] = 1
  const years = new Map<number, number>()
  return {
    ...inputs,
    siteGap: monthTable(firstDay, lastDay, Math.max(rules.minIntervalMonths, rules.recognitionWindowMonths)),
    enterpriseGap: monthTable(firstDay, lastDay, rules.matchmakingWindowMonths),
    lastCountedEnd: new Int32Array(sites * DOMAIN_COUNT).fill(NEVER),
    lastPlannedYear: new Int16Array(sites * DOMAIN_COUNT),
    entLastPlannedStart: new Int32Array(enterprises).fill(NEVER),
    fireLeadYear: new Int16Array(enterprises),
    reservedUntil: new Int32Array(enterprises).fill(NEVER),
    cappedDomain,
    queue: new Map(),
    queued: 0,
    recheckPool: [],
    scopeClues: [],
    scopeClueSeen: new Uint8Array(enterprises * DOMAIN_COUNT),
    negativeWanted: 0,
    out: [],
    seq: { task: 0, evaluation: 0, code: 0, ref: 0 },
    idWidth: Math.max(7, String(inputs.totalTasks).length),
    yearOf(day) {
      let y = years.get(day)
      if (y === undefined) {
        y = yearOf(day)
        years.set(day, y)
      }
      return y
    }
  }
}

export function enqueue(world: TaskWorld, day: number, task: QueuedTask): void {
  const list = world.queue.get(day) ?? []
  list.push(task)
  world.queue.set(day, list)
  world.queued++
}
