// The rows ticked for a bulk decision. Kept as flag key → row so the bar can say what is selected even
// after the rows scroll out of the window's page cache. `flags.decide` takes at most MAX_BULK keys.
import type { FlagRowView } from '../../../../core/api/channels.ts'

export const MAX_BULK = 1000

export type Selection = ReadonlyMap<string, FlagRowView>

export const EMPTY_SELECTION: Selection = new Map()

export function toggleRow(selection: Selection, row: FlagRowView): Selection {
  const next = new Map(selection)
  if (next.has(row.flagKey)) next.delete(row.flagKey)
  else if (next.size < MAX_BULK) next.set(row.flagKey, row)
  return next
}

/** Adds rows up to MAX_BULK in all; reports how many did not fit. */
export function addRows(selection: Selection, rows: readonly FlagRowView[]): { selection: Selection; skipped: number } {
  const next = new Map(selection)
  let skipped = 0
  for (const row of rows) {
    if (next.has(row.flagKey)) continue
    if (next.size >= MAX_BULK) skipped++
    else next.set(row.flagKey, row)
  }
  return { selection: next, skipped }
}

export function removeRows(selection: Selection, rows: readonly FlagRowView[]): Selection {
  const next = new Map(selection)
  for (const row of rows) next.delete(row.flagKey)
  return next
}

/** The header checkbox: all of these rows selected, some of them, or none. */
export function coverage(selection: Selection, rows: readonly FlagRowView[]): 'all' | 'some' | 'none' {
  if (rows.length === 0) return 'none'
  let n = 0
  for (const row of rows) if (selection.has(row.flagKey)) n++
  return n === 0 ? 'none' : n === rows.length ? 'all' : 'some'
}

/** After a decision: the decided rows keep their place in the selection no longer. */
export function withoutKeys(selection: Selection, keys: readonly string[]): Selection {
  const next = new Map(selection)
  for (const k of keys) next.delete(k)
  return next
}
