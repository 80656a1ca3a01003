// Stepping from the open flag to the one above or below it in the list, without going back to the
// list: an officer works through a rule's flags one after another in the evidence drawer. The open
// flag's place is looked up among the loaded pages (a flag opened from a link whose page is not loaded
// has no place, and no stepping, until it is); a neighbour whose page has not arrived is asked for and
// opened when it lands.
import { useEffect, useRef } from 'react'
import type { FlagRowView } from '../../../../core/api/channels.ts'
import type { PageCache } from '../../lib/pageCache.ts'
import { usePageCacheSelector } from '../../lib/useServerWindow.ts'

export type FlagStepping = {
  /** The open flag's row in the list, -1 when it is not among the loaded rows (or none is open). */
  index: number
  total: number
  /** Opens the flag `by` rows away, if there is one. */
  step: (by: 1 | -1) => void
}

/** The row `by` away from `index` in a list of `total`, or null past either end (or with no place). */
export function neighbourIndex(index: number, by: 1 | -1, total: number): number | null {
  if (index < 0) return null
  const target = index + by
  return target >= 0 && target < total ? target : null
}

export function useFlagStepping(cache: PageCache<FlagRowView>, openKey: string | null, open: (row: FlagRowView) => void): FlagStepping {
  const index = usePageCacheSelector(cache, (c) => (openKey === null ? -1 : c.indexWhere((r) => r.flagKey === openKey)))
  const total = usePageCacheSelector(cache, (c) => c.total ?? 0)
  /** Stops waiting for a neighbour's page. */
  const stopWaiting = useRef<(() => void) | null>(null)

  // Another list (a new filter) or another flag opened: a neighbour still on its way is not wanted.
  useEffect(() => () => {
    stopWaiting.current?.()
    stopWaiting.current = null
  }, [cache, openKey])

  const step = (by: 1 | -1) => {
    const target = neighbourIndex(index, by, total)
    if (target === null) return
    const row = cache.rowAt(target)
    if (row) {
      open(row)
      return
    }
    stopWaiting.current?.()
    const unsubscribe = cache.subscribe(() => {
      const arrived = cache.rowAt(target)
      if (!arrived) return
      unsubscribe()
      stopWaiting.current = null
      open(arrived)
    })
    stopWaiting.current = unsubscribe
    cache.ensureRange(target, target)
  }
  return { index, total, step }
}
