// The inbox's filters live in the URL (`#/flags?rule=REPEAT_WITHIN_MONTH&status=OPEN&flag=…`), so a
// reload, the back button and links from elsewhere (home screen, an enterprise) land on the same list.
import { flagFilterSchema, type FlagFilterInput } from '../../../../core/api/channels.ts'

export type FlagFilterState = FlagFilterInput

export const FLAG_FILTER_KEYS = ['rule', 'severity', 'status', 'departmentId', 'enterpriseId', 'dateFrom', 'dateTo', 'text'] as const

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Reads the filters from URL parameters, dropping any value the API would refuse or that is not a date. */
export function flagFiltersFromParams(params: URLSearchParams): FlagFilterState {
  const candidate: Record<string, string> = {}
  for (const key of FLAG_FILTER_KEYS) {
    const raw = params.get(key)?.trim()
    if (!raw) continue
    if ((key === 'dateFrom' || key === 'dateTo') && !ISO_DATE.test(raw)) continue
    if (flagFilterSchema.shape[key].safeParse(raw).success) candidate[key] = raw
  }
  return flagFilterSchema.parse(candidate)
}

export function flagFiltersToParams(filter: FlagFilterState, flagKey?: string | null): Record<string, string | undefined | null> {
  const out: Record<string, string | undefined | null> = {}
  for (const key of FLAG_FILTER_KEYS) out[key] = filter[key]
  out['flag'] = flagKey
  return out
}

/** A stable identity of a filter set: one list window (and its page cache) per key. */
export function flagFilterKey(filter: FlagFilterState): string {
  return JSON.stringify(FLAG_FILTER_KEYS.map((k) => filter[k] ?? null))
}

export function hasAnyFlagFilter(filter: FlagFilterState): boolean {
  return FLAG_FILTER_KEYS.some((k) => filter[k] !== undefined && filter[k] !== '')
}

/** Clicking the group that is already the filter clears it; any other group replaces it. */
export function toggleFilter<K extends (typeof FLAG_FILTER_KEYS)[number]>(filter: FlagFilterState, key: K, value: string): FlagFilterState {
  return { ...filter, [key]: filter[key] === value ? undefined : value }
}
