// The flags list's window: a page cache per filter set (and per refresh, after a decision or a new
// analysis run), re-rendering as pages arrive. The same window as the plans list.
import type { FlagRowView } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import type { PageCache } from '../../lib/pageCache.ts'
import { useServerWindow } from '../../lib/useServerWindow.ts'
import { flagFilterKey, type FlagFilterState } from './flagFilters.ts'

/** 100 rows (~3 screens) per request; 40 pages (4,000 rows) kept around the visible ones. */
export const FLAG_PAGE_SIZE = 100
const MAX_CACHED_PAGES = 40

export function useFlagWindow(filter: FlagFilterState, refresh: number): PageCache<FlagRowView> {
  const frozen: FlagFilterState = { ...filter }
  return useServerWindow<FlagRowView>(
    `${flagFilterKey(filter)}#${refresh}`,
    async (offset, limit) => api.call('flags.list', { ...frozen, offset, limit }),
    { pageSize: FLAG_PAGE_SIZE, maxPages: MAX_CACHED_PAGES }
  )
}
