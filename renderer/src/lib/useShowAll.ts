// A long list shown in part until the officer asks for all of it: a flag about a key unit inspected
// 1,300 times in a year would otherwise render 1,300 task cards and grid rows before the drawer opens.
import { useState } from 'react'

export type ShowAll<T> = { shown: readonly T[]; total: number; limit: number; hidden: number; expanded: boolean; toggle: () => void }

/** The first `limit` items, or all once expanded; `hidden` counts what the collapsed view leaves out. */
export function useShowAll<T>(items: readonly T[], limit: number): ShowAll<T> {
  const [expanded, setExpanded] = useState(false)
  const hidden = Math.max(0, items.length - limit)
  return { shown: expanded || hidden === 0 ? items : items.slice(0, limit), total: items.length, limit, hidden, expanded, toggle: () => setExpanded((e) => !e) }
}
