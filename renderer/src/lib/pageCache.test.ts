import { describe, expect, it } from 'vitest'
import { PageCache } from './pageCache.ts'

/** A server-side list of `total` rows that records every page request and answers when told to. */
function fakeServer(total: number) {
  const requests: { offset: number; limit: number; isFirst: boolean }[] = []
  const pending: (() => void)[] = []
  const fetcher = (offset: number, limit: number, isFirst: boolean) => {
    requests.push({ offset, limit, isFirst })
    return new Promise<{ total: number; rows: number[]; extra?: string }>((resolve) => {
      pending.push(() => {
        const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i)
        resolve(isFirst ? { total, rows, extra: 'counts' } : { total, rows })
      })
    })
  }
  const flush = async () => {
    while (pending.length) pending.shift()?.()
    await new Promise((r) => setTimeout(r, 0))
  }
  return { fetcher, requests, flush }
}

describe('PageCache', () => {
  it('loads the first page with counts, then only the pages holding the visible rows, once each', async () => {
    const server = fakeServer(100_000)
    const cache = new PageCache<number, string>(server.fetcher, { pageSize: 100, maxPages: 10 })
    expect(cache.isLoadingFirstPage).toBe(true)
    cache.start()
    cache.start()
    await server.flush()
    expect(server.requests).toEqual([{ offset: 0, limit: 100, isFirst: true }])
    expect(cache.total).toBe(100_000)
    expect(cache.extra).toBe('counts')
    expect(cache.rowAt(42)).toBe(42)

    cache.ensureRange(99_950, 99_999)
    cache.ensureRange(99_950, 99_999)
    expect(server.requests.slice(1)).toEqual([{ offset: 99_900, limit: 100, isFirst: false }])
    expect(cache.rowAt(99_999)).toBeUndefined()
    await server.flush()
    expect(cache.rowAt(99_999)).toBe(99_999)

    cache.ensureRange(150, 250)
    expect(server.requests.slice(2).map((r) => r.offset)).toEqual([100, 200])
  })

  it('never asks for rows past the end, and notifies subscribers when a page lands', async () => {
    const server = fakeServer(230)
    const cache = new PageCache<number>(server.fetcher, { pageSize: 100, maxPages: 10 })
    let notified = 0
    cache.subscribe(() => notified++)
    cache.start()
    await server.flush()
    cache.ensureRange(0, 10_000)
    expect(server.requests.map((r) => r.offset)).toEqual([0, 100, 200])
    const before = cache.version
    await server.flush()
    expect(cache.rowAt(229)).toBe(229)
    expect(cache.version).toBeGreaterThan(before)
    expect(notified).toBe(3)
  })

  it('keeps at most maxPages, dropping the pages farthest from the visible ones', async () => {
    const server = fakeServer(10_000)
    const cache = new PageCache<number>(server.fetcher, { pageSize: 100, maxPages: 3 })
    cache.start()
    await server.flush()
    for (const first of [1000, 2000, 3000, 4000]) {
      cache.ensureRange(first, first + 50)
      await server.flush()
    }
    expect(cache.cachedPageCount).toBeLessThanOrEqual(3)
    expect(cache.rowAt(4010)).toBe(4010)
    expect(cache.rowAt(10)).toBeUndefined()
    // An evicted page is fetched again when it comes back into view.
    cache.ensureRange(0, 10)
    expect(server.requests.at(-1)).toEqual({ offset: 0, limit: 100, isFirst: false })
  })

  it('reports a failed page and retries it on the next request; a disposed cache ignores late answers', async () => {
    let fail = true
    const cache = new PageCache<number>(
      async (offset) => {
        if (fail) throw new Error('host unreachable')
        return { total: 10, rows: [offset] }
      },
      { pageSize: 100, maxPages: 3 }
    )
    cache.start()
    await new Promise((r) => setTimeout(r, 0))
    expect(cache.error?.message).toBe('host unreachable')
    expect(cache.isLoadingFirstPage).toBe(false)
    fail = false
    cache.start()
    await new Promise((r) => setTimeout(r, 0))
    expect(cache.error).toBeNull()
    expect(cache.total).toBe(10)

    const server = fakeServer(50)
    const disposed = new PageCache<number>(server.fetcher, { pageSize: 10, maxPages: 3 })
    disposed.start()
    disposed.dispose()
    await server.flush()
    expect(disposed.total).toBeNull()
  })

  it('finds a row among the loaded pages only, in list order', async () => {
    const server = fakeServer(1000)
    const cache = new PageCache<number, string>(server.fetcher, { pageSize: 100, maxPages: 10 })
    cache.start()
    await server.flush()
    cache.ensureRange(700, 750)
    await server.flush()
    expect(cache.indexWhere((r) => r === 42)).toBe(42)
    expect(cache.indexWhere((r) => r === 742)).toBe(742)
    // Row 420 exists but its page was never loaded.
    expect(cache.indexWhere((r) => r === 420)).toBe(-1)
    // The first match wins: pages are searched from the top of the list, whatever order they arrived in.
    expect(cache.indexWhere((r) => r % 100 === 50)).toBe(50)
  })
})
