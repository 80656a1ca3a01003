// The flags list's window: a page cache per filter set (and per refresh, after a decision or a new
// analysis run), re-rendering as pages arrive. The same PageCache as the plans list.
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { FlagRowView } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import { PageCache } from '../plans/pageCache.ts'
import { flagFilterKey, type FlagFilterState } from './flagFilters.ts'

/** 100 rows (~3 screens) per request; 40 pages (4,000 rows) kept around the visible ones. */
export const FLAG_PAGE_SIZE = 100
const MAX_CACHED_PAGES = 40

export function useFlagWindow(filter: FlagFilterState, refresh: number): PageCache<FlagRowView> {
  const key = `${flagFilterKey(filter)}#${refresh}`
  const cache = useMemo(() => {
    const frozen: FlagFilterState = { ...filter }
    return new PageCache<FlagRowView>(
      async (offset, limit) => api.call('flags.list', { ...frozen, offset, limit }),
      { pageSize: FLAG_PAGE_SIZE, maxPages: MAX_CACHED_PAGES }
    )
    // The key is the filter's identity plus the refresh count; the object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on flagFilterKey(filter) and refresh
  }, [key])
  useEffect(() => cache.start(), [cache])
  useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.version
  )
  return cache
}
