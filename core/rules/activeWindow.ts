// The earlier tasks whose window is still open at the current one, as a rule walks a group in task
// order (e.g. results to recognise within a month, triggered inspections that cover later planned ones).
// Held in two arrays reused from group to group: a million groups each with a fresh array of fresh
// {task, end} objects was a tenth of the rules' garbage.
import type { DayNumber } from '../calendar/days.ts'
import type { TaskFact } from './context.ts'

export class ActiveWindow {
  /** Entries 0 … length-1, oldest first; slots past `length` are stale. */
  readonly facts: TaskFact[] = []
  readonly ends: DayNumber[] = []
  length = 0

  clear(): void {
    this.length = 0
  }

  /** Drops the entries whose window has ended by `day` (end ≤ day), keeping the others in order. */
  expire(day: DayNumber): void {
    let kept = 0
    for (let i = 0; i < this.length; i++) {
      const end = this.ends[i]!
      if (end <= day) continue
      this.facts[kept] = this.facts[i]!
      this.ends[kept++] = end
    }
    this.length = kept
  }

  add(fact: TaskFact, end: DayNumber): void {
    this.facts[this.length] = fact
    this.ends[this.length++] = end
  }
}
