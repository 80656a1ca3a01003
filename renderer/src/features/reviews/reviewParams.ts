// The review screen's state in the URL (`#/plan-review?plan=P-1&departmentId=…&text=…&decided=1`): the
// home screen and the plans list can link straight to one plan's review.
export type ReviewQueueFilter = { departmentId?: string | undefined; text?: string | undefined; includeDecided: boolean }

export function reviewFilterFromParams(params: URLSearchParams): ReviewQueueFilter {
  const departmentId = params.get('departmentId')?.trim() || undefined
  const text = params.get('text')?.trim().slice(0, 200) || undefined
  return { departmentId, text, includeDecided: params.get('decided') === '1' }
}

export function reviewParams(filter: ReviewQueueFilter, planId: string | null): Record<string, string | undefined | null> {
  return { departmentId: filter.departmentId, text: filter.text, decided: filter.includeDecided ? '1' : undefined, plan: planId }
}

export function reviewFilterKey(filter: ReviewQueueFilter): string {
  return JSON.stringify([filter.departmentId ?? null, filter.text ?? null, filter.includeDecided])
}

/**
 * The plan to show after the open one left the queue: the one that took its place (the next oldest),
 * else the one before it, else none.
 */
export function nextAfterRemoval(ids: readonly string[], removedId: string): string | null {
  const i = ids.indexOf(removedId)
  if (i === -1) return ids[0] ?? null
  return ids[i + 1] ?? ids[i - 1] ?? null
}
