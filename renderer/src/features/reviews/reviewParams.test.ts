import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from '../../lib/router.ts'
import { nextAfterRemoval, reviewFilterFromParams, reviewFilterKey, reviewParams } from './reviewParams.ts'

describe('the review queue in the URL', () => {
  it('round-trips the filters and the open plan', () => {
    const filter = { departmentId: 'D-MKT-JS', text: '消防', includeDecided: true }
    const route = parseHash(formatHash('/plan-review', reviewParams(filter, 'P-000167')))
    expect(reviewFilterFromParams(route.params)).toEqual(filter)
    expect(route.params.get('plan')).toBe('P-000167')
    expect(reviewFilterFromParams(new URLSearchParams('decided=yes&text=%20'))).toEqual({ departmentId: undefined, text: undefined, includeDecided: false })
    expect(reviewFilterKey({ includeDecided: false })).not.toBe(reviewFilterKey({ includeDecided: true }))
  })

  it('after a decision opens the plan that took its place, else the one before, else none', () => {
    expect(nextAfterRemoval(['A', 'B', 'C'], 'B')).toBe('C')
    expect(nextAfterRemoval(['A', 'B', 'C'], 'C')).toBe('B')
    expect(nextAfterRemoval(['A'], 'A')).toBeNull()
    expect(nextAfterRemoval(['A', 'B'], 'Z')).toBe('A')
  })
})
