// Reading a plan review (reviews.get) for the screen: the plan record comes as the interchange record
// (snake_case, optional fields null); it is read leniently here so one odd field never blanks the review.
// Also the history rows' highlight, the strongest first.
import { z } from 'zod'
import type { PlanReviewView } from '../../../../core/api/channels.ts'
import { HISTORY_HIGHLIGHT_ORDER, type HistoryHighlightCode } from '../../lib/labels.ts'

const nullableString = z.string().nullable().optional().transform((v) => v ?? null)

export const reviewedPlanSchema = z.object({
  id: z.string(),
  plan_code: nullableString,
  department_id: z.string(),
  participant_department_ids: z.array(z.string()).nullable().optional().transform((v) => v ?? []),
  title: z.string(),
  plan_type: z.string(),
  origin: z.string(),
  year: z.number(),
  window_from: z.string(),
  window_to: z.string(),
  item_ids: z.array(z.string()).catch([]),
  targets: z.array(z.object({ enterprise_id: z.string(), site_id: nullableString })).nullable().optional().transform((v) => v ?? null),
  scope: nullableString,
  sampling_ratio: z.number().nullable().optional().transform((v) => v ?? null),
  method: nullableString,
  frequency: nullableString,
  legal_basis: nullableString,
  status: z.string(),
  submitted_at: nullableString,
  filed_at: nullableString,
  published_at: nullableString
})
export type ReviewedPlan = z.output<typeof reviewedPlanSchema>

export function readReviewedPlan(raw: Record<string, unknown>): ReviewedPlan | null {
  const parsed = reviewedPlanSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}

export type HistoryEntryView = PlanReviewView['history'][number]['entries'][number]

/** The highlight that colours a history row: the first of HISTORY_HIGHLIGHT_ORDER the row has. */
export function primaryHighlight(entry: Pick<HistoryEntryView, 'highlights'>): HistoryHighlightCode | null {
  for (const h of HISTORY_HIGHLIGHT_ORDER) if (entry.highlights.includes(h)) return h
  return null
}

/** How many history rows carry each highlight, across every target (for the legend). */
export function highlightCounts(history: PlanReviewView['history']): Record<HistoryHighlightCode, number> {
  const counts = Object.fromEntries(HISTORY_HIGHLIGHT_ORDER.map((h) => [h, 0])) as Record<HistoryHighlightCode, number>
  for (const target of history) for (const e of target.entries) for (const h of e.highlights) counts[h]++
  return counts
}

/** History rows shown for a target before 显示全部: the latest ones, plus highlighted ones up to a cap. */
export const HISTORY_RECENT_ROWS = 20
export const HISTORY_HIGHLIGHTED_ROWS = 50

/**
 * The rows of a long history shown at first, in their order: every highlighted row (the first
 * HISTORY_HIGHLIGHTED_ROWS of them) and the HISTORY_RECENT_ROWS latest. A large enterprise can have
 * thousands of inspections in six months; a table of them all would bury the few that matter and slow the panel.
 */
export function collapsedHistory<E extends Pick<HistoryEntryView, 'highlights'>>(entries: readonly E[]): E[] {
  if (entries.length <= HISTORY_RECENT_ROWS) return [...entries]
  const recentFrom = entries.length - HISTORY_RECENT_ROWS
  let highlighted = 0
  return entries.filter((e, i) => i >= recentFrom || (e.highlights.length > 0 && ++highlighted <= HISTORY_HIGHLIGHTED_ROWS))
}

/** Checks in the order an officer deals with them: MUST, then SHOULD, then INFO; stable within each. */
export function sortedChecks<C extends { severity: string }>(checks: readonly C[]): C[] {
  const rank = (s: string) => (s === 'MUST' ? 0 : s === 'SHOULD' ? 1 : 2)
  return checks.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.severity) - rank(b.c.severity) || a.i - b.i).map((x) => x.c)
}
