// The demo data generator (演示数据): a realistic, deterministic 金山区 data set as interchange records
// (../shared/contract/interchange-v1.md), with violations of the core rules planted at known rates and
// listed in a manifest. Records stream out day by day; memory grows with enterprises and plans, never
// with tasks, so a million-task set costs no more memory than a thousand-task one with the same objects.
import { bundledCalendarDays } from '../calendar/bundled.ts'
import { RECORD_TYPES, type InterchangeRecord, type RecordType } from '../contract/records.ts'
import { dayOf, createWorkingDays } from './days.ts'
import { DEFAULT_INJECTION_RATES, INJECTABLE_RULES, emptyManifest, type InjectableRule, type InjectionManifest } from './injections.ts'
import { buildItemLibrary } from './itemLibrary.ts'
import { buildObjects } from './objects.ts'
import { buildOrganisation, departmentRecord } from './organisation.ts'
import { buildPlans, createPlanCursor, defaultPlanCount } from './plans.ts'
import { createRandom, seedFromValue } from './random.ts'
import { SHANGHAI_2025_DEFAULTS, type DemoRuleParameters } from './ruleParameters.ts'
import { runSchedule } from './tasks/run.ts'
import { createWorld } from './tasks/world.ts'

/** The data covers 2025-01-01 up to two days before "today" (2026-11-22), as a district would hold it. */
export const DEMO_FIRST_DATE = '2025-01-01'
export const DEMO_LAST_DATE = '2026-11-20'
export const DEMO_DEFAULT_SEED = 'jinshan-310116'
export const DEMO_DEFAULT_TASKS = 20_000
export const DEMO_DEFAULT_ENTERPRISES = 2_000
/** Enterprises per task when only --tasks is given: about ten tasks per enterprise over the two years. */
const TASKS_PER_ENTERPRISE = 10
const MIN_ENTERPRISES = 20

export type DemoOptions = {
  enterprises?: number
  tasks?: number
  /** Plans wanted; at least one annual plan per body and year is always made, so the count may come out higher. */
  plans?: number
  seed?: string | number
  /** Injection rate per rule (see DEFAULT_INJECTION_RATES); 0 plants none. */
  rates?: Partial<Record<InjectableRule, number>>
  rules?: DemoRuleParameters
}

export type ResolvedDemoOptions = {
  enterprises: number
  tasks: number
  plans: number
  seed: string
  rates: Record<InjectableRule, number>
  rules: DemoRuleParameters
}

export class DemoOptionsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DemoOptionsError'
  }
}

function wholeNumber(name: string, value: number | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DemoOptionsError(`${name} 须为 ${min}–${max} 的整数 / ${name} must be a whole number from ${min} to ${max} (got ${value})`)
  }
  return value
}

export function resolveDemoOptions(options: DemoOptions = {}): ResolvedDemoOptions {
  const tasks = wholeNumber('tasks', options.tasks, 0, 20_000_000) ?? DEMO_DEFAULT_TASKS
  const enterprises = wholeNumber('enterprises', options.enterprises, MIN_ENTERPRISES, 5_000_000)
    ?? (options.tasks === undefined ? DEMO_DEFAULT_ENTERPRISES : Math.max(MIN_ENTERPRISES, Math.round(tasks / TASKS_PER_ENTERPRISE)))
  const plans = wholeNumber('plans', options.plans, 0, 5_000_000) ?? defaultPlanCount(tasks)
  const rates = { ...DEFAULT_INJECTION_RATES }
  for (const [rule, rate] of Object.entries(options.rates ?? {})) {
    if (!(INJECTABLE_RULES as readonly string[]).includes(rule)) throw new DemoOptionsError(`未知规则 / unknown rule: ${rule}`)
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 0.2)) throw new DemoOptionsError(`注入比例须在 0–0.2 之间 / rate of ${rule} must be within 0..0.2`)
    rates[rule as InjectableRule] = rate
  }
  return { enterprises, tasks, plans, seed: String(options.seed ?? DEMO_DEFAULT_SEED), rates, rules: options.rules ?? SHANGHAI_2025_DEFAULTS }
}

export type RecordCounts = Record<RecordType, number>

export type Demo = {
  options: ResolvedDemoOptions
  /** Complete once `records()` has been read to the end (PLAN_PUBLICATION_LATE cases are there from the start). */
  manifest: InjectionManifest
  /** Records yielded so far, per type. */
  counts: RecordCounts
  /** The records, in dependency order (calendar, departments, officers, items, enterprises, lists, plans, then tasks with their evaluations day by day). Read once. */
  records(): Generator<InterchangeRecord>
}

export function createDemo(options: DemoOptions = {}): Demo {
  const resolved = resolveDemoOptions(options)
  const root = createRandom(seedFromValue(resolved.seed))
  const calendar = bundledCalendarDays()
  const wd = createWorkingDays(calendar)
  const firstDay = dayOf(DEMO_FIRST_DATE), lastDay = dayOf(DEMO_LAST_DATE)
  const manifest = emptyManifest(resolved.seed, DEMO_LAST_DATE)
  // Independent streams: the organisation and the objects of a seed do not change with the task count.
  const org = buildOrganisation(root.fork('organisation'), DEMO_FIRST_DATE, DEMO_LAST_DATE)
  const objects = buildObjects(root.fork('objects'), resolved.enterprises, DEMO_FIRST_DATE, DEMO_LAST_DATE)
  const library = buildItemLibrary()
  const book = buildPlans(
    { random: root.fork('plans'), org, objects, library, wd, rules: resolved.rules, firstDay, lastDay, manifest },
    { total: resolved.plans, annualLateRate: resolved.rates.PLAN_PUBLICATION_LATE }
  )
  const counts = Object.fromEntries(RECORD_TYPES.map((t) => [t, 0])) as RecordCounts
  let consumed = false

  function* records(): Generator<InterchangeRecord> {
    if (consumed) throw new Error('demo records can be read only once')
    consumed = true
    const count = function* (items: Iterable<InterchangeRecord>): Generator<InterchangeRecord> {
      for (const r of items) {
        counts[r.type]++
        yield r
      }
    }
    yield* count(calendar)
    yield* count(org.departments.map(departmentRecord))
    yield* count(org.officers)
    yield* count(library.items)
    yield* count(objects.enterprises)
    yield* count(objects.listEntries)
    yield* count(book.plans.map((p) => p.record))
    const world = createWorld({
      random: root.fork('tasks'), org, objects, library, book, cursor: createPlanCursor(book), wd, rules: resolved.rules, manifest,
      firstDay, lastDay, totalTasks: resolved.tasks
    })
    yield* count(runSchedule(world, resolved.tasks, resolved.rates))
  }

  return { options: resolved, manifest, counts, records }
}

/** Injected cases per rule, for summaries. */
export function manifestCounts(manifest: InjectionManifest): Record<InjectableRule, number> {
  return Object.fromEntries(INJECTABLE_RULES.map((r) => [r, manifest.rules[r].length])) as Record<InjectableRule, number>
}
