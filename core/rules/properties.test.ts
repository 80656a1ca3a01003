// Property tests: the analysis of random data sets does not depend on record order, on duplicated
// records, or on a round trip through the database (import twice = import once); and its output keeps
// the invariants of interchange-v1 §Analysis output.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openMemoryDatabase } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { isoFromDay, dayFromIso } from '../calendar/days.ts'
import { RECORD_SCHEMAS, type InterchangeRecord, type Task } from '../contract/records.ts'
import { analyze } from './engine.ts'
import { compareFlags, flagKey } from './emit.ts'
import { loadAnalysisInput } from './load.ts'
import { RULE_CODES } from './pack.ts'
import { builtinRulePack } from './packs.ts'
import { baseWorld, ENT_A, ENT_B, ENT_C, item, listEntry, officer, plan, withRecords } from './testing.ts'
import type { AnalysisInput } from './types.ts'

const START = dayFromIso('2025-01-01')
const date = fc.integer({ min: 0, max: 540 }).map((n) => isoFromDay(START + n))
const stamp = fc.tuple(date, fc.integer({ min: 0, max: 23 }), fc.constantFrom('+08:00', 'Z')).map(([d, h, z]) => `${d}T${String(h).padStart(2, '0')}:15:00${z}`)
const enterpriseId = fc.constantFrom(ENT_A, ENT_B, ENT_C)
const deptIds = ['D-MKT', 'D-MKT-CITY', 'D-PSB', 'D-FIRE', 'D-DRUG', 'D-TRAN', 'D-HLTH', 'D-GHOST']
const planIds = ['P-MKT', 'P-PSB', 'P-FIRE', 'P-R1', 'P-R2', 'P-NONE']

// Visits crowd into a few months now and then, so the one-month and same-year rules get exercised.
const visitDate = fc.oneof(date, fc.integer({ min: 120, max: 180 }).map((n) => isoFromDay(START + n)))
const visitArb = fc.record({
  date: visitDate,
  officer_ids: fc.subarray(['O1', 'O2', 'O-AUX', 'O-X']),
  outcome: fc.constantFrom(null, 'NO_ISSUE', 'ISSUE_FOUND'),
  result_entered_at: fc.option(stamp, { nil: null })
})

const taskArb = (index: number) =>
  fc.record({
    code: fc.constantFrom('C1', 'C2', 'C3', null, ''),
    department_ids: fc.uniqueArray(fc.constantFrom(...deptIds), { minLength: 1, maxLength: 3 }),
    kind: fc.constantFrom('PLANNED', 'PLANNED', 'TRIGGERED'),
    special: fc.constantFrom('NONE', 'NONE', 'NONE', 'SURVEY', 'EMERGENCY', 'RECHECK', 'COMMITMENT_VERIFY'),
    plan_id: fc.constantFrom(null, ...planIds),
    plan_code: fc.constantFrom(null, 'PC-SHARED', 'PC-P-MKT'),
    trigger_source: fc.constantFrom(null, '', 'COMPLAINT', 'REPORT'),
    trigger_ref: fc.constantFrom(null, 'R1', 'R2', ' '),
    recheck_of: fc.option(fc.integer({ min: 0, max: 30 }).map((n) => `T${n}`), { nil: null }),
    enterprise_id: enterpriseId,
    site_id: fc.constantFrom(null, `${ENT_A}-S1`, `${ENT_A}-S2`, `${ENT_B}-S2`),
    item_ids: fc.subarray(['I-MKT', 'I-PSB', 'I-FIRE', 'I-W', 'I-FM', 'I-GHOST']),
    mode: fc.constantFrom('ON_SITE', 'ON_SITE', 'NON_SITE'),
    code_applied_at: fc.option(stamp, { nil: null }),
    joint_declined_reason: fc.constantFrom(null, '', '理由'),
    visits: fc.array(visitArb, { maxLength: 3 }),
    status: fc.constantFrom('DONE', 'DONE', 'PENDING', 'CANCELLED')
  }).map((t): Task => RECORD_SCHEMAS.task.parse({ type: 'task', id: `T${index}`, ...t }))

const worldArb: fc.Arbitrary<AnalysisInput> = fc
  .record({
    taskCount: fc.integer({ min: 0, max: 30 }),
    // Ids are unique within a data set: two different records with one id are "the later line wins",
    // which is order-dependent by definition (interchange-v1 §Container).
    plans: fc.array(fc.record({
      department_id: fc.constantFrom(...deptIds),
      plan_code: fc.constantFrom(null, 'PC-SHARED'),
      plan_type: fc.constantFrom('ANNUAL', 'MONTHLY', 'SPECIAL'),
      origin: fc.constantFrom('SELF', 'SUPERIOR', 'JOINT'),
      status: fc.constantFrom('DRAFT', 'SUBMITTED', 'FILED', 'PUBLISHED', 'RETURNED'),
      window_from: date,
      filed_at: fc.option(stamp, { nil: null }),
      published_at: fc.option(stamp, { nil: null }),
      targets: fc.option(fc.subarray([ENT_A, ENT_B]).map((ids) => ids.map((enterprise_id) => ({ enterprise_id }))), { nil: null })
    }), { maxLength: 3 }),
    entries: fc.array(fc.record({
      list: fc.constantFrom('WUGAN', 'NO_JOINT', 'WHITELIST'),
      enterprise_id: enterpriseId,
      domain: fc.constantFrom(null, 'MKT', 'PSB'),
      from: date,
      length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null })
    }), { maxLength: 4 }),
    evaluations: fc.array(fc.record({
      task: fc.integer({ min: 0, max: 30 }), submitted_at: stamp, verdict: fc.constantFrom('APPROVE', 'DISAPPROVE'),
      tags: fc.option(fc.subarray(['REPEAT', 'ABUSE', 'DISTURBANCE'] as const), { nil: null }), department_id: fc.constantFrom(null, 'D-MKT', 'D-PSB')
    }), { maxLength: 5 }),
    holidays: fc.uniqueArray(fc.record({ date, kind: fc.constantFrom('HOLIDAY', 'WORKDAY') }), { maxLength: 3, selector: (h) => h.date })
  })
  .chain((shape) =>
    fc.tuple(...Array.from({ length: shape.taskCount }, (_, i) => taskArb(i))).map((tasks): AnalysisInput => {
      const base = baseWorld()
      return withRecords(
        { ...base, enterprises: base.enterprises.map((e, i) => (i === 0 ? { ...e, fire_key_unit: true, grades: { FIRE: 'B' } } : e)) },
        {
          officers: [officer('O-AUX', 'D-MKT', { role: 'AUXILIARY' })],
          items: [item('I-W', 'MKT', { list: 'WUSHI' }), item('I-FM', 'PSB', { fire_matter: true })],
          plans: shape.plans.map((p, i) => plan(`P-R${i + 1}`, p.department_id, {
            ...p, year: Number(p.window_from.slice(0, 4)), window_to: isoFromDay(dayFromIso(p.window_from) + 120)
          })),
          list_entries: shape.entries.map((e, i) => listEntry(`L${i}`, e.list, e.enterprise_id, e.from, {
            domain: e.domain, to: e.length === null ? null : isoFromDay(dayFromIso(e.from) + e.length)
          })),
          evaluations: shape.evaluations.map((e, i) => RECORD_SCHEMAS.evaluation.parse({
            type: 'evaluation', id: `E${i}`, task_id: `T${e.task}`, submitted_at: e.submitted_at, verdict: e.verdict, tags: e.tags, department_id: e.department_id
          })),
          calendar_days: shape.holidays.map((h) => ({ type: 'calendar_day' as const, ...h })),
          tasks
        }
      )
    })
  )

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let s = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const reorder = (input: AnalysisInput, seed: number): AnalysisInput => {
  const out = { ...input }
  for (const key of Object.keys(input) as (keyof AnalysisInput)[]) (out as Record<string, unknown>)[key] = shuffled(input[key] as readonly unknown[], seed + key.length)
  return out
}

const pack = builtinRulePack()
const AS_OF = ['2025-03-31', '2025-10-10', '2026-08-01'] as const

describe('analysis properties', () => {
  it('the output does not depend on the order of the records', () => {
    fc.assert(fc.property(worldArb, fc.integer(), fc.constantFrom(...AS_OF), (input, seed, asOf) => {
      expect(analyze(reorder(input, seed), pack, { asOf })).toEqual(analyze(input, pack, { asOf }))
    }), { numRuns: 150 })
  })

  it('duplicated records change nothing', () => {
    fc.assert(fc.property(worldArb, fc.constantFrom(...AS_OF), (input, asOf) => {
      const doubled = { ...input }
      for (const key of Object.keys(input) as (keyof AnalysisInput)[]) (doubled as Record<string, unknown>)[key] = [...input[key], ...input[key]]
      expect(analyze(doubled, pack, { asOf })).toEqual(analyze(input, pack, { asOf }))
    }), { numRuns: 60 })
  })

  it('flags are sorted, unique by identity, with sorted ids, known rules and a basis in every message', () => {
    fc.assert(fc.property(worldArb, fc.constantFrom(...AS_OF), (input, asOf) => {
      const { flags } = analyze(input, pack, { asOf })
      expect([...flags].sort(compareFlags)).toEqual(flags)
      expect(new Set(flags.map((f) => flagKey(f.rule, f.task_ids, f.plan_ids))).size).toBe(flags.length)
      for (const f of flags) {
        expect(RULE_CODES).toContain(f.rule)
        expect([...f.task_ids].sort()).toEqual(f.task_ids)
        expect([...f.plan_ids].sort()).toEqual(f.plan_ids)
        expect(f.message).toMatch(/依据：.+。$/)
        expect(JSON.parse(JSON.stringify(f.evidence))).toEqual(f.evidence)
      }
    }), { numRuns: 100 })
  })

  it('importing into the database, twice, gives the same analysis as the records themselves', () => {
    fc.assert(fc.property(worldArb, fc.constantFrom(...AS_OF), (input, asOf) => {
      const { sqlite } = openMemoryDatabase()
      const records: InterchangeRecord[] = Object.values(input).flat()
      sqlite.transaction(() => { const w = createRecordWriter(sqlite, 1); for (const r of records) w.write(r) })()
      // The database path skips de-duplication (ids are primary keys): it must agree with the pure path.
      const once = analyze(loadAnalysisInput(sqlite), pack, { asOf, idsUnique: true })
      let changed = 0
      sqlite.transaction(() => { const w = createRecordWriter(sqlite, 2); for (const r of records) if (w.write(r)) changed++ })()
      expect(changed).toBe(0)
      expect(analyze(loadAnalysisInput(sqlite), pack, { asOf })).toEqual(once)
      expect(once).toEqual(analyze(input, pack, { asOf }))
      sqlite.close()
    }), { numRuns: 25 })
  })
})
