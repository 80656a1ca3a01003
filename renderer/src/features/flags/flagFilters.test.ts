import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from '../../lib/router.ts'
import { flagFilterKey, flagFiltersFromParams, flagFiltersToParams, hasAnyFlagFilter, toggleFilter } from './flagFilters.ts'

describe('flag filters in the URL', () => {
  it('round-trip through the hash route, open flag included', () => {
    const filter = {
      rule: 'REPEAT_WITHIN_MONTH', severity: 'SHOULD' as const, status: 'OPEN' as const, departmentId: 'D-MKT-JS',
      enterpriseId: '91310116MA1FL0001A', dateFrom: '2026-01-01', dateTo: '2026-06-30', text: '重复 检查'
    }
    const route = parseHash(formatHash('/flags', flagFiltersToParams(filter, 'REPEAT_WITHIN_MONTH|T-1,T-2|')))
    expect(route.path).toBe('/flags')
    expect(flagFiltersFromParams(route.params)).toEqual(filter)
    expect(route.params.get('flag')).toBe('REPEAT_WITHIN_MONTH|T-1,T-2|')
  })

  it('drops values the API would refuse and dates that are not dates', () => {
    const params = new URLSearchParams('severity=HIGH&status=DONE&dateFrom=yesterday&dateTo=2026-02-30x&rule=%20&text=%20%20&departmentId=D-1')
    expect(flagFiltersFromParams(params)).toEqual({ departmentId: 'D-1' })
  })

  it('identifies a filter set independently of key order and unset fields', () => {
    expect(flagFilterKey({ rule: 'A', status: 'OPEN' })).toBe(flagFilterKey({ status: 'OPEN', rule: 'A', text: undefined }))
    expect(flagFilterKey({ rule: 'A' })).not.toBe(flagFilterKey({ rule: 'B' }))
    expect(hasAnyFlagFilter({})).toBe(false)
    expect(hasAnyFlagFilter({ dateTo: '2026-01-01' })).toBe(true)
  })

  it('a click on the active group clears it, on another group replaces it, and keeps the other filters', () => {
    const filter = { rule: 'A', status: 'OPEN' as const }
    expect(toggleFilter(filter, 'rule', 'A')).toEqual({ rule: undefined, status: 'OPEN' })
    expect(toggleFilter(filter, 'rule', 'B')).toEqual({ rule: 'B', status: 'OPEN' })
    expect(toggleFilter(filter, 'status', 'DISMISSED')).toEqual({ rule: 'A', status: 'DISMISSED' })
  })
})
