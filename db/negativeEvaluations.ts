// The evaluations that can count as negative whatever a rule pack's tags are. A module of plain
// constants, shared by the schema (the partial index) and the analysis loader: the loader runs in
// analysis helper threads, which must not load drizzle's schema builders for two strings.

/**
 * A DISAPPROVE verdict, or any tags at all: the condition of the partial index evaluations_negative_idx.
 * A query that states it word for word as one of its AND terms lets SQLite read that index instead of
 * every evaluation.
 */
export const NEGATIVE_EVALUATION_CANDIDATES = "verdict = 'DISAPPROVE' OR tags IS NOT NULL"

/** The verdicts NEGATIVE_EVALUATION_CANDIDATES admits without tags. */
export const NEGATIVE_CANDIDATE_VERDICTS: readonly string[] = ['DISAPPROVE']
