// The window onto a long server-side list: fixed-size pages fetched on demand for the rows on screen,
// a bounded cache of recent pages, and at most one request per page in flight. One cache per filter
// set; a new filter gets a new cache, so a late answer for an old filter can never land in the new list.
export type Page<Row> = { total: number; rows: Row[] }
export type PageFetcher<Row, Extra> = (offset: number, limit: number, isFirst: boolean) => Promise<Page<Row> & { extra?: Extra }>

export type PageCacheOptions = { pageSize: number; maxPages: number }

export class PageCache<Row, Extra = unknown> {
  readonly pageSize: number
  private readonly maxPages: number
  private readonly fetcher: PageFetcher<Row, Extra>
  private readonly pages = new Map<number, Row[]>()
  private readonly inFlight = new Set<number>()
  private readonly listeners = new Set<() => void>()
  private disposed = false
  /** The pages last asked for by the view: eviction keeps these and drops the farthest others. */
  private visiblePages: [number, number] = [0, 0]
  private versionCounter = 0
  total: number | null = null
  extra: Extra | undefined = undefined
  error: Error | null = null

  constructor(fetcher: PageFetcher<Row, Extra>, options: PageCacheOptions) {
    this.fetcher = fetcher
    this.pageSize = options.pageSize
    this.maxPages = options.maxPages
  }

  /** Changes whenever rows, the total or the error change (for useSyncExternalStore). */
  get version(): number {
    return this.versionCounter
  }

  get isLoadingFirstPage(): boolean {
    return this.total === null && this.error === null
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  dispose(): void {
    this.disposed = true
    this.listeners.clear()
  }

  rowAt(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** The index of the first loaded row that `matches` (pages in list order), or -1: rows not loaded are not searched. */
  indexWhere(matches: (row: Row) => boolean): number {
    for (const page of [...this.pages.keys()].sort((a, b) => a - b)) {
      const rows = this.pages.get(page)!
      const at = rows.findIndex(matches)
      if (at >= 0) return page * this.pageSize + at
    }
    return -1
  }

  get cachedPageCount(): number {
    return this.pages.size
  }

  /** Fetches the first page (total, counts) if nothing is loaded yet. */
  start(): void {
    if (this.total === null && !this.inFlight.has(0)) void this.fetchPage(0)
  }

  /** Makes sure the pages holding rows [first, last] are loaded or loading; evicts far-away pages. */
  ensureRange(first: number, last: number): void {
    if (this.total === null) return
    const lastIndex = Math.min(last, this.total - 1)
    if (lastIndex < 0) return
    const firstPage = Math.floor(Math.max(0, first) / this.pageSize)
    const lastPage = Math.floor(lastIndex / this.pageSize)
    this.visiblePages = [firstPage, lastPage]
    for (let p = firstPage; p <= lastPage; p++) {
      if (!this.pages.has(p) && !this.inFlight.has(p)) void this.fetchPage(p)
    }
    this.evict()
  }

  /** Keeps the pages nearest the visible ones, dropping the farthest first. */
  private evict(): void {
    if (this.pages.size <= this.maxPages) return
    const [firstVisible, lastVisible] = this.visiblePages
    const distance = (p: number) => (p < firstVisible ? firstVisible - p : p > lastVisible ? p - lastVisible : 0)
    const byDistance = [...this.pages.keys()].sort((a, b) => distance(b) - distance(a))
    for (const p of byDistance) {
      if (this.pages.size <= this.maxPages || distance(p) === 0) break
      this.pages.delete(p)
    }
  }

  private async fetchPage(page: number): Promise<void> {
    this.inFlight.add(page)
    try {
      const result = await this.fetcher(page * this.pageSize, this.pageSize, page === 0 && this.total === null)
      if (this.disposed) return
      this.pages.set(page, result.rows)
      this.evict()
      // Every answer carries the current total: a sync may have changed it since the first page.
      this.total = result.total
      if (result.extra !== undefined) this.extra = result.extra
      this.error = null
    } catch (error) {
      if (this.disposed) return
      this.error = error instanceof Error ? error : new Error(String(error))
    } finally {
      this.inFlight.delete(page)
    }
    this.changed()
  }

  private changed(): void {
    this.versionCounter++
    for (const listener of this.listeners) listener()
  }
}
