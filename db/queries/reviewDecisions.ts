// Which plan review decisions still stand. A decision belongs to the plan's current submission when it was
// made at or after it: a plan returned, corrected and submitted again waits for a new decision. julianday()
// compares timestamps written with different offsets (+08:00, Z) correctly, as text comparison would not.

/** SQL: review `review` was decided on plan `plan`'s current submission (a plan without a submission time: any decision). */
export function decidedOnCurrentSubmission(plan: string, review: string): string {
  return `(${plan}.submitted_at IS NULL OR julianday(${review}.decided_at) >= julianday(${plan}.submitted_at))`
}
