// The shape of one rule: it reads the model and its own pack entry, and emits flags. A rule that can
// work inspection by inspection, or group by group, hands the engine visitors instead of walking the
// data itself: the engine walks the inspections (and each kind of group) once for all rules together,
// so each task is fetched from memory once per walk rather than once per rule. `finish` runs after the
// walks (for rules that collect pairs first).
import type { AnalysisModel, TaskFact } from './context.ts'
import type { Emitter } from './emit.ts'
import type { RuleCode, RuleConfig } from './pack.ts'

export type InspectionCheck = (f: TaskFact) => void
/** One group: facts[from] … facts[to - 1], in task order. */
export type RunVisitor = (facts: readonly TaskFact[], from: number, to: number) => void
export type DeptRunVisitor = (dept: string, facts: readonly TaskFact[], from: number, to: number) => void

export type RuleVisitors = {
  inspection?: InspectionCheck
  /** Counted on-site inspections of one department at one site key. */
  deptSiteRun?: DeptRunVisitor
  /** Inspections at one site key. */
  siteRun?: RunVisitor
  /** Inspections of one enterprise. */
  enterpriseRun?: RunVisitor
  finish?: () => void
}

export type RuleImpl<K extends RuleCode> = (m: AnalysisModel, cfg: RuleConfig<K>, out: Emitter) => void | InspectionCheck | RuleVisitors
