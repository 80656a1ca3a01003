// The plans list's window: a page cache per filter set, re-rendering as pages arrive. The first page
// also brings the status counts (the tab row above the table).
import type { PlanRow } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import type { PageCache } from '../../lib/pageCache.ts'
import { useServerWindow } from '../../lib/useServerWindow.ts'
import { filterKey, type PlanFilterState } from './planFilters.ts'

export type StatusCounts = Record<string, number>

/** 100 rows (~4 screens) per request; 40 pages (4,000 rows) kept around the visible ones. */
export const PLAN_PAGE_SIZE = 100
const MAX_CACHED_PAGES = 40

export function usePlanWindow(filter: PlanFilterState): PageCache<PlanRow, StatusCounts> {
  const frozen: PlanFilterState = { ...filter }
  return useServerWindow<PlanRow, StatusCounts>(
    filterKey(filter),
    async (offset, limit, isFirst) => {
      const page = await api.call('plans.list', { ...frozen, offset, limit, includeCounts: isFirst })
      return page.statusCounts ? { total: page.total, rows: page.rows, extra: page.statusCounts } : { total: page.total, rows: page.rows }
    },
    { pageSize: PLAN_PAGE_SIZE, maxPages: MAX_CACHED_PAGES }
  )
}
