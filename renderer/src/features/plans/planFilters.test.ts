import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from '../../lib/router.ts'
import { filterKey, filtersFromParams, filtersToParams, hasAnyFilter } from './planFilters.ts'

describe('plan filters in the URL', () => {
  it('round-trip through the hash route, open plan included', () => {
    const filter = { status: 'SUBMITTED' as const, domain: 'FIRE' as const, year: 2026, text: '消防 安全', departmentId: 'D-FIRE-JS', planType: 'ANNUAL' as const }
    const hash = formatHash('/plans', filtersToParams(filter, 'P-1'))
    const route = parseHash(hash)
    expect(route.path).toBe('/plans')
    expect(filtersFromParams(route.params)).toEqual(filter)
    expect(route.params.get('plan')).toBe('P-1')
  })

  it('drops values the API would refuse instead of failing the whole screen', () => {
    const params = new URLSearchParams('status=APPROVED&domain=XX&year=twenty&planType=SPECIAL&text=%20%20')
    expect(filtersFromParams(params)).toEqual({ planType: 'SPECIAL' })
  })

  it('identifies a filter set independently of key order and unset fields', () => {
    expect(filterKey({ status: 'FILED', year: 2025 })).toBe(filterKey({ year: 2025, status: 'FILED', text: undefined }))
    expect(filterKey({ status: 'FILED' })).not.toBe(filterKey({ status: 'DRAFT' }))
    expect(hasAnyFilter({})).toBe(false)
    expect(hasAnyFilter({ year: 2026 })).toBe(true)
  })
})
