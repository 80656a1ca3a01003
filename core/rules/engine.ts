// The rule engine (规则引擎): analyze(input, pack, {asOf}) → the flags object of interchange-v1
// §Analysis output. Pure and deterministic: the same records in any order give the same output.
import { bundledCalendar, createCalendar, type CalendarSource } from '../calendar/calendar.ts'
import { isCalendarDate } from '../contract/scalars.ts'
import { buildModel, type AnalysisModel } from './context.ts'
import { createEmitter, type Emitter } from './emit.ts'
import { RULE_CODES, type RuleCode, type RulePack } from './pack.ts'
import type { RuleImpl, RuleVisitors } from './rule.ts'
import type { AnalysisOutput, Flag, LoadedInput } from './types.ts'
import { advanceFilingShort, monthlyPlanLate, planFilingLate, planIncomplete, planPublicationLate, unfiledPlannedInspection, whitelistNoApproval } from './checks/plans.ts'
import { codeNotReused, lateBackfill, noCodeInspection, surveyExemptionMisused, triggerUnsupported } from './checks/codes.ts'
import { plannedAlreadyCovered, repeatPlannedAnnual, repeatWithinMonth, resultRecognitionIgnored, tasksNotMerged } from './checks/frequency.ts'
import { itemNotFiled, noLegalBasis, jointMissedNoReason, jointOnDiscouragedObject, wuganObjectInspected, wushiItemInspected } from './checks/lists.ts'
import { conductViolation, negativeEvaluation, resultIncomplete, resultLate } from './checks/results.ts'
import { hrssSpecialScope } from './checks/special.ts'
import { fireANonsiteMissing, fireAOver, fireBOver, fireBUnder, fireDUnder, fireItemsDuplicated } from './checks/fire.ts'

export const RULES: { [K in RuleCode]: RuleImpl<K> } = {
  UNFILED_PLANNED_INSPECTION: unfiledPlannedInspection,
  NO_CODE_INSPECTION: noCodeInspection,
  SURVEY_EXEMPTION_MISUSED: surveyExemptionMisused,
  LATE_BACKFILL: lateBackfill,
  REPEAT_WITHIN_MONTH: repeatWithinMonth,
  REPEAT_PLANNED_ANNUAL: repeatPlannedAnnual,
  RESULT_RECOGNITION_IGNORED: resultRecognitionIgnored,
  WUGAN_OBJECT_INSPECTED: wuganObjectInspected,
  WUSHI_ITEM_INSPECTED: wushiItemInspected,
  JOINT_MISSED_NO_REASON: jointMissedNoReason,
  CODE_NOT_REUSED: codeNotReused,
  RESULT_LATE: resultLate,
  PLAN_PUBLICATION_LATE: planPublicationLate,
  TRIGGER_UNSUPPORTED: triggerUnsupported,
  CONDUCT_VIOLATION: conductViolation,
  NEGATIVE_EVALUATION: negativeEvaluation,
  FIRE_B_OVER: fireBOver,
  FIRE_A_OVER: fireAOver,
  FIRE_B_UNDER: fireBUnder,
  FIRE_D_UNDER: fireDUnder,
  FIRE_A_NONSITE_MISSING: fireANonsiteMissing,
  FIRE_ITEMS_DUPLICATED: fireItemsDuplicated,
  PLANNED_ALREADY_COVERED: plannedAlreadyCovered,
  TASKS_NOT_MERGED: tasksNotMerged,
  JOINT_ON_DISCOURAGED_OBJECT: jointOnDiscouragedObject,
  RESULT_INCOMPLETE: resultIncomplete,
  PLAN_FILING_LATE: planFilingLate,
  MONTHLY_PLAN_LATE: monthlyPlanLate,
  ITEM_NOT_FILED: itemNotFiled,
  NO_LEGAL_BASIS: noLegalBasis,
  PLAN_INCOMPLETE: planIncomplete,
  HRSS_SPECIAL_SCOPE: hrssSpecialScope,
  ADVANCE_FILING_SHORT: advanceFilingShort,
  WHITELIST_NO_APPROVAL: whitelistNoApproval
}

export type AnalyzeOptions = {
  /** The analysis date, YYYY-MM-DD: the data as it stood at the end of that day (Asia/Shanghai). */
  asOf: string
  /** The official calendar to start from (default: the bundled one); input.calendar_days override it. */
  bundledCalendar?: CalendarSource
  /** Record ids are known to be unique (read from the database): skip de-duplication. */
  idsUnique?: boolean
  /** Told how far the analysis has got (0 … 1) after building the model and after each walk. */
  onStep?: (fraction: number) => void
}

/** Rough shares of an analysis's time, for progress: the model, then each walk over the groups. */
const STEP_AFTER = { model: 0.4, inspections: 0.6, deptSite: 0.75, site: 0.85, enterprise: 0.95 } as const

function startRule<K extends RuleCode>(code: K, pack: RulePack, model: AnalysisModel, emitter: Emitter): RuleVisitors | null {
  const cfg = pack.rules[code]
  if (!cfg.enabled) return null
  const started = RULES[code](model, cfg, emitter)
  return typeof started === 'function' ? { inspection: started } : started ?? null
}

/** Walks the inspections and each kind of group once, calling every rule's visitor for it. */
function walk(model: AnalysisModel, visitors: readonly RuleVisitors[], step: (fraction: number) => void): void {
  const checks = visitors.flatMap((v) => (v.inspection ? [v.inspection] : []))
  // In input order, not task order: the records sit in memory roughly in the order they were read, so
  // this walk is mostly sequential (the order flags are emitted in does not matter: they are sorted).
  // An indexed loop: for…of over the million facts allocates an iterator result per step until optimised.
  const tasks = model.tasks
  if (checks.length > 0) {
    for (let i = 0; i < tasks.length; i++) {
      const f = tasks[i]!
      if (f.inspection) for (const check of checks) check(f)
    }
  }
  step(STEP_AFTER.inspections)
  const deptSite = visitors.flatMap((v) => (v.deptSiteRun ? [v.deptSiteRun] : []))
  if (deptSite.length > 0) {
    const { facts, bounds, count, depts } = model.deptSiteRuns()
    for (let r = 0; r < count; r++) for (const visit of deptSite) visit(depts[r]!, facts, bounds[r]!, bounds[r + 1]!)
  }
  step(STEP_AFTER.deptSite)
  const groupWalks = [
    [(v: RuleVisitors) => v.siteRun, model.siteRuns, STEP_AFTER.site],
    [(v: RuleVisitors) => v.enterpriseRun, model.enterpriseRuns, STEP_AFTER.enterprise]
  ] as const
  for (const [pick, runs, after] of groupWalks) {
    const fns = visitors.flatMap((v) => { const fn = pick(v); return fn ? [fn] : [] })
    if (fns.length > 0) {
      const { facts, bounds, count } = runs()
      for (let r = 0; r < count; r++) for (const visit of fns) visit(facts, bounds[r]!, bounds[r + 1]!)
    }
    step(after)
  }
  for (const v of visitors) v.finish?.()
}

export function analyze(input: LoadedInput, pack: RulePack, options: AnalyzeOptions): AnalysisOutput {
  if (!isCalendarDate(options.asOf)) throw new RangeError(`分析日期须为 YYYY-MM-DD / as_of must be YYYY-MM-DD: ${options.asOf}`)
  const calendar = createCalendar(options.bundledCalendar ?? bundledCalendar(), input.calendar_days)
  const step = options.onStep ?? (() => undefined)
  const model = buildModel(input, pack, options.asOf, calendar, { idsUnique: options.idsUnique ?? false })
  step(STEP_AFTER.model)
  const emitter = createEmitter(pack)
  const visitors: RuleVisitors[] = []
  for (const code of RULE_CODES) {
    const v = startRule(code, pack, model, emitter)
    if (v) visitors.push(v)
  }
  walk(model, visitors, step)
  const warnings = calendar.uncoveredYearsUsed().map(
    (year) => `${year} 年不在节假日日历范围内，该年的工作日仅按周末计算 / ${year} is not covered by the holiday calendar: working days there count weekends only`
  )
  return analysisOutput(options.asOf, pack.name, emitter.flags(), warnings)
}

/** The flags object of interchange-v1 §Analysis output; `warnings` only when there are some. */
export function analysisOutput(asOf: string, rulePack: string, flags: Flag[], warnings: readonly string[]): AnalysisOutput {
  const output: AnalysisOutput = { format: 'jiandu-flags', version: 1, as_of: asOf, rule_pack: rulePack, flags }
  if (warnings.length > 0) output.warnings = [...warnings]
  return output
}
