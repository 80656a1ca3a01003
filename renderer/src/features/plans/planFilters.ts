// The plans screen's filters live in the URL (`#/plans?status=SUBMITTED&year=2026&plan=P-1`), so a
// reload, the back button and links from the home screen all land on the same list.
import type { PlanFilter } from '../../../../core/api/channels.ts'
import { planFilterSchema } from '../../../../core/api/channels.ts'

export type PlanFilterState = PlanFilter

const FILTER_KEYS = ['status', 'departmentId', 'domain', 'planType', 'year', 'text'] as const

/** Reads the filters from URL parameters, dropping any value the API would refuse. */
export function filtersFromParams(params: URLSearchParams): PlanFilterState {
  const candidate: Record<string, unknown> = {}
  for (const key of FILTER_KEYS) {
    const raw = params.get(key)
    if (raw === null || raw.trim() === '') continue
    const value = key === 'year' ? Number(raw) : raw
    if (planFilterSchema.shape[key].safeParse(value).success) candidate[key] = value
  }
  // Every value passed its own field's schema, so the whole object passes too.
  return planFilterSchema.parse(candidate)
}

export function filtersToParams(filter: PlanFilterState, planId?: string | null): Record<string, string | number | undefined | null> {
  return { ...filter, plan: planId }
}

/** A stable identity of a filter set: one list window (and its page cache) per key. */
export function filterKey(filter: PlanFilterState): string {
  return JSON.stringify(FILTER_KEYS.map((k) => filter[k] ?? null))
}

export function hasAnyFilter(filter: PlanFilterState): boolean {
  return FILTER_KEYS.some((k) => filter[k] !== undefined && filter[k] !== '')
}
