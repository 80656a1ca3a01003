import { describe, expect, it } from 'vitest'
import type { PlanReviewView } from '../../../../core/api/channels.ts'
import { collapsedHistory, highlightCounts, HISTORY_HIGHLIGHTED_ROWS, HISTORY_RECENT_ROWS, primaryHighlight, readReviewedPlan, sortedChecks } from './reviewPlan.ts'

const plan = {
  type: 'plan', id: 'P-1', plan_code: null, department_id: 'D-1', participant_department_ids: null, title: '2026年12月检查计划', plan_type: 'MONTHLY',
  origin: 'SELF', year: 2026, window_from: '2026-12-01', window_to: '2026-12-31', item_ids: ['I-1'], targets: [{ enterprise_id: 'E-1', site_id: null }],
  scope: null, sampling_ratio: null, method: '现场检查', frequency: null, legal_basis: null, status: 'SUBMITTED', submitted_at: '2026-10-27T08:05:00+08:00',
  filed_at: null, published_at: null
}

describe('reading a plan review', () => {
  it('reads the plan record, normalising absent optional fields to null and missing lists to empty', () => {
    const read = readReviewedPlan(plan)
    expect(read?.participant_department_ids).toEqual([])
    expect(read?.targets).toEqual([{ enterprise_id: 'E-1', site_id: null }])
    const { scope: _scope, frequency: _frequency, targets: _targets, ...sparse } = plan
    const readSparse = readReviewedPlan(sparse)
    expect(readSparse?.scope).toBeNull()
    expect(readSparse?.targets).toBeNull()
    expect(readReviewedPlan({ ...plan, item_ids: 'I-1' })?.item_ids).toEqual([])
    expect(readReviewedPlan({ id: 'P-2' })).toBeNull()
  })

  it('colours a history row by its strongest highlight and counts highlights for the legend', () => {
    expect(primaryHighlight({ highlights: ['SAME_DEPARTMENT_THIS_YEAR', 'WITHIN_MIN_INTERVAL'] })).toBe('WITHIN_MIN_INTERVAL')
    expect(primaryHighlight({ highlights: ['PENDING'] })).toBe('PENDING')
    expect(primaryHighlight({ highlights: [] })).toBeNull()
    const entry = (highlights: PlanReviewView['history'][number]['entries'][number]['highlights']) => ({
      taskId: 'T', code: null, departmentIds: [], departmentNames: [], kind: 'PLANNED', special: 'NONE', mode: 'ON_SITE', status: 'DONE',
      inspectionDate: null, lastVisitDate: null, itemNames: [], highlights
    })
    const history: PlanReviewView['history'] = [
      { enterpriseId: 'E-1', enterpriseName: null, siteId: null, siteAddress: null, lists: [], grade: null, entries: [entry(['WITHIN_MIN_INTERVAL', 'SAME_DEPARTMENT_THIS_YEAR']), entry([])] },
      { enterpriseId: 'E-2', enterpriseName: null, siteId: null, siteAddress: null, lists: [], grade: null, entries: [entry(['SAME_DEPARTMENT_THIS_YEAR'])] }
    ]
    expect(highlightCounts(history)).toEqual({ WITHIN_MIN_INTERVAL: 1, SAME_DEPARTMENT_THIS_YEAR: 2, RECOGNISABLE_RESULT: 0, PENDING: 0 })
  })

  it('orders checks MUST, SHOULD, INFO, keeping their order within a severity', () => {
    const checks = [{ severity: 'INFO', n: 1 }, { severity: 'SHOULD', n: 2 }, { severity: 'MUST', n: 3 }, { severity: 'SHOULD', n: 4 }]
    expect(sortedChecks(checks).map((c) => c.n)).toEqual([3, 2, 4, 1])
  })

  it('shows a long history collapsed: highlighted rows (up to a cap) and the latest ones, in order', () => {
    const rows = (n: number, highlightedAt: (i: number) => boolean) =>
      Array.from({ length: n }, (_, i) => ({ i, highlights: highlightedAt(i) ? ['PENDING' as const] : [] }))
    const short = rows(HISTORY_RECENT_ROWS, () => false)
    expect(collapsedHistory(short)).toEqual(short)
    const long = rows(500, (i) => i === 3 || i === 100)
    expect(collapsedHistory(long).map((r) => r.i)).toEqual([3, 100, ...Array.from({ length: HISTORY_RECENT_ROWS }, (_, k) => 480 + k)])
    const manyFlagged = rows(1000, (i) => i % 2 === 0)
    const shown = collapsedHistory(manyFlagged)
    expect(shown.filter((r) => r.i < 980)).toHaveLength(HISTORY_HIGHLIGHTED_ROWS)
    expect(shown.at(-1)?.i).toBe(999)
  })
})
