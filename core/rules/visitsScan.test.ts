// The visits scanner against JSON.parse: the same columns from the canonical text, and from any other
// text (spaces, other key order, escapes, blank values) a refusal that leaves nothing behind.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dayFromIso, isoFromDay } from '../calendar/days.ts'
import { TASK_KINDS, TASK_MODES, TASK_SPECIALS, TASK_STATUSES, type Visit } from '../contract/records.ts'
import { createTaskTableBuilder, NO_DAY, type TaskTable } from './taskTable.ts'
import { scanVisits, type VisitSink } from './visitsScan.ts'

const START = dayFromIso('2024-12-25')
const date = fc.integer({ min: 0, max: 800 }).map((n) => isoFromDay(START + n))
const stamp = fc.tuple(date, fc.integer({ min: 0, max: 23 }), fc.constantFrom('+08:00', 'Z', '+00:00', '-05:00'))
  .map(([d, h, z]) => `${d}T${String(h).padStart(2, '0')}:15:00${z}`)
const visit: fc.Arbitrary<Visit> = fc.record({
  date,
  officer_ids: fc.array(fc.constantFrom('O1', 'O-00564', 'O-长宁-7', 'O"Q', 'O\\B'), { maxLength: 4 }),
  outcome: fc.constantFrom(null, 'NO_ISSUE', 'ISSUE_FOUND', 'CASE_OPENED'),
  result_entered_at: fc.option(stamp, { nil: null })
})

/** The visit columns of one task added with these visits (records or text). */
function visitColumns(visits: readonly Visit[] | string): Pick<TaskTable, 'visits' | 'visitStart'> & { officers: string[] } {
  const builder = createTaskTableBuilder(new Map(), new Map(), (json) => JSON.parse(json) as string[])
  builder.add({
    id: 'T1', code: null, departmentIdsJson: '["D1"]', kind: TASK_KINDS.indexOf('PLANNED'), special: TASK_SPECIALS.indexOf('NONE'), planId: null,
    planCode: null, triggerSource: null, triggerRef: null, recheckOf: null, enterprise: builder.enterprises.factOf('E1'), siteId: null,
    itemIdsJson: '[]', mode: TASK_MODES.indexOf('ON_SITE'), codeAppliedAt: null, jointDeclinedReason: null, visits, status: TASK_STATUSES.indexOf('DONE')
  })
  const table = builder.finish()
  return { visits: table.visits, visitStart: table.visitStart, officers: table.officers.ids }
}

/** A sink that records what it is given, to see that a refused text leaves nothing. */
function recordingSink(): VisitSink & { written: unknown[] } {
  const written: unknown[] = []
  let officers = 0
  return {
    written,
    mark: () => ({ visits: written.length, officers }),
    undo(to) { written.length = to.visits; officers = to.officers },
    officer: () => { officers++ },
    visit: (...v) => { written.push(v) }
  }
}

describe('scanVisits', () => {
  it('gives the columns JSON.parse gives, for the text JSON.stringify writes', () => {
    fc.assert(fc.property(fc.array(visit, { maxLength: 4 }), (visits) => {
      expect(visitColumns(JSON.stringify(visits))).toEqual(visitColumns(visits))
    }), { numRuns: 300 })
  })

  it('reads the canonical form itself and hands every other form back untouched', () => {
    const v: Visit = { date: '2025-03-03', officer_ids: ['O1', 'O2'], outcome: 'NO_ISSUE', result_entered_at: '2025-03-04T10:00:00+08:00' }
    const canonical = recordingSink()
    expect(scanVisits(JSON.stringify([v, { ...v, outcome: null, result_entered_at: null }]), canonical)).toBe(true)
    expect(canonical.written).toEqual([[dayFromIso('2025-03-03'), dayFromIso('2025-03-04'), 0], [dayFromIso('2025-03-03'), null, -1]])
    const others = [
      JSON.stringify([v], null, 1),
      JSON.stringify([{ officer_ids: v.officer_ids, date: v.date, outcome: v.outcome, result_entered_at: v.result_entered_at }]),
      JSON.stringify([v, { ...v, officer_ids: ['O"1'] }]),
      JSON.stringify([v, { ...v, result_entered_at: '  ' }]),
      JSON.stringify([v, { ...v, outcome: 'LOST' }]),
      JSON.stringify([v]) + ' ',
      '[' + JSON.stringify(v)
    ]
    for (const text of others) {
      const sink = recordingSink()
      expect(scanVisits(text, sink), text).toBe(false)
      expect(sink.written, text).toEqual([])
    }
  })

  it('falls back to JSON.parse for a blank timestamp, which counts as absent', () => {
    const v: Visit = { date: '2025-03-03', officer_ids: ['O1'], outcome: null, result_entered_at: ' ' }
    const columns = visitColumns(JSON.stringify([v]))
    expect(Array.from(columns.visits.entered)).toEqual([NO_DAY])
    expect(columns.officers).toEqual(['O1'])
  })
})
