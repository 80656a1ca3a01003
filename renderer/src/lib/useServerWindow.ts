// A React view onto a PageCache: one cache per list identity (`key`: the filter set, plus anything that
// must force a reload), started on mount and re-rendering the caller as pages arrive. The flags and the
// plans lists both window their server lists through this.
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { PageCache, type PageCacheOptions, type PageFetcher } from './pageCache.ts'

export function useServerWindow<Row, Extra = unknown>(key: string, fetcher: PageFetcher<Row, Extra>, options: PageCacheOptions): PageCache<Row, Extra> {
  const cache = useMemo(
    () => new PageCache<Row, Extra>(fetcher, options),
    // The key is the list's identity; the fetcher and options are new objects on every render, and the
    // ones of the render that introduced the key are the ones the cache keeps.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the list's identity
    [key]
  )
  useEffect(() => cache.start(), [cache])
  useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => cache.version
  )
  return cache
}
