// The rule engine's input and output (../shared/contract/interchange-v1.md §Analysis output).
import type {
  CalendarDay, Department, Enterprise, Evaluation, Item, ListEntry, Officer, Plan, Task
} from '../contract/records.ts'
import type { TaskTable } from './taskTable.ts'

/** Everything an analysis reads: arrays of interchange records, in any order. */
export type AnalysisInput = {
  departments: readonly Department[]
  officers: readonly Officer[]
  enterprises: readonly Enterprise[]
  items: readonly Item[]
  list_entries: readonly ListEntry[]
  plans: readonly Plan[]
  tasks: readonly Task[]
  evaluations: readonly Evaluation[]
  calendar_days: readonly CalendarDay[]
}

/**
 * What the database loader reads: the tasks of a full read come as columns (taskTable.ts), filled
 * straight from the rows, and `tasks` is then empty; a scoped read (few tasks) gives records.
 */
export type LoadedInput = AnalysisInput & { taskTable?: TaskTable }

export const SEVERITIES = ['MUST', 'SHOULD', 'INFO'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Evidence values are plain JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type Evidence = { [key: string]: Json }

/** One finding (问题线索). Its identity is (rule, task_ids, plan_ids). */
export type Flag = {
  rule: string
  severity: Severity
  task_ids: string[]
  plan_ids: string[]
  enterprise_id: string | null
  department_id: string | null
  evidence: Evidence
  message: string
}

export type AnalysisOutput = {
  format: 'jiandu-flags'
  version: 1
  as_of: string
  rule_pack: string
  flags: Flag[]
  warnings?: string[]
}

export function emptyInput(): AnalysisInput {
  return { departments: [], officers: [], enterprises: [], items: [], list_entries: [], plans: [], tasks: [], evaluations: [], calendar_days: [] }
}
