// A React view onto a PageCache: one cache per list identity (`key`: the filter set, plus anything that
// must force a reload), started as it is created. The flags and the plans lists both window their
// server lists through this.
//
// Creating the cache does not subscribe the caller: each part of a screen subscribes to what it shows
// (usePageCacheSelector), so that a page arriving re-renders the table, not the whole screen with its
// filters and groups — on the path to a list's first rows that is tens of milliseconds.
import { useMemo, useSyncExternalStore } from 'react'
import { PageCache, type PageCacheOptions, type PageFetcher } from './pageCache.ts'

export function useServerWindow<Row, Extra = unknown>(key: string, fetcher: PageFetcher<Row, Extra>, options: PageCacheOptions): PageCache<Row, Extra> {
  return useMemo(
    () => {
      const created = new PageCache<Row, Extra>(fetcher, options)
      // The first page is asked for now, while React is still rendering the screen, not in an effect
      // after the screen's first commit: on a screen full of components that is ~60–120 ms earlier,
      // and the list's request goes to the host before the screen's other ones (which it answers in
      // order). A render React throws away leaves one unused request behind, nothing else.
      created.start()
      return created
    },
    // The key is the list's identity; the fetcher and options are new objects on every render, and the
    // ones of the render that introduced the key are the ones the cache keeps.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the list's identity
    [key]
  )
}

/**
 * What the caller shows of the cache, re-rendering it only when that changes: `select` returns a value
 * compared with Object.is (a number, a flag, or an object the cache keeps, such as its error or extra).
 * `(c) => c.version` follows every change (the table's rows).
 */
export function usePageCacheSelector<Row, Extra, T>(cache: PageCache<Row, Extra>, select: (cache: PageCache<Row, Extra>) => T): T {
  return useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => select(cache)
  )
}
