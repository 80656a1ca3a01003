// The violations the generator plants on purpose, one per core rule of ../shared/domain/rules-core-v1.md,
// and the manifest that lists them. A case's (rule, task_ids, plan_ids) is built to equal the identity
// of the flag the rule engine must raise for it (interchange-v1.md §Analysis output), so a test can
// compare the engine's flags with the manifest set by set.

export const INJECTABLE_RULES = [
  'UNFILED_PLANNED_INSPECTION', 'NO_CODE_INSPECTION', 'SURVEY_EXEMPTION_MISUSED', 'LATE_BACKFILL',
  'REPEAT_WITHIN_MONTH', 'REPEAT_PLANNED_ANNUAL', 'RESULT_RECOGNITION_IGNORED', 'WUGAN_OBJECT_INSPECTED',
  'WUSHI_ITEM_INSPECTED', 'JOINT_MISSED_NO_REASON', 'CODE_NOT_REUSED', 'RESULT_LATE', 'PLAN_PUBLICATION_LATE',
  'TRIGGER_UNSUPPORTED', 'CONDUCT_VIOLATION', 'NEGATIVE_EVALUATION', 'FIRE_B_OVER'
] as const
export type InjectableRule = (typeof INJECTABLE_RULES)[number]

/**
 * Default injection rates. Task rules: the share of all tasks that start a planted case. PLAN_PUBLICATION_LATE:
 * the share of annual plans of 2025–2026. NEGATIVE_EVALUATION: the share of evaluated tasks. Every rule with a
 * rate above 0 gets at least one case when the data set has room for it.
 */
export const DEFAULT_INJECTION_RATES: Record<InjectableRule, number> = {
  UNFILED_PLANNED_INSPECTION: 0.015,
  NO_CODE_INSPECTION: 0.015,
  SURVEY_EXEMPTION_MISUSED: 0.004,
  LATE_BACKFILL: 0.005,
  REPEAT_WITHIN_MONTH: 0.01,
  REPEAT_PLANNED_ANNUAL: 0.008,
  RESULT_RECOGNITION_IGNORED: 0.005,
  WUGAN_OBJECT_INSPECTED: 0.005,
  WUSHI_ITEM_INSPECTED: 0.005,
  JOINT_MISSED_NO_REASON: 0.01,
  CODE_NOT_REUSED: 0.005,
  RESULT_LATE: 0.02,
  PLAN_PUBLICATION_LATE: 0.03,
  TRIGGER_UNSUPPORTED: 0.005,
  CONDUCT_VIOLATION: 0.01,
  NEGATIVE_EVALUATION: 0.02,
  FIRE_B_OVER: 0.002
}

/** One planted case: the ids of the flag it must raise, and which variant of the violation it is. */
export type InjectedCase = { task_ids: string[]; plan_ids: string[]; variant: string }

export type InjectionManifest = {
  format: 'jiandu-demo-manifest'
  version: 1
  seed: string
  /** Analyse with --as-of on or after this date (the data's last day) for the cases to hold as listed. */
  valid_from_as_of: string
  rules: Record<InjectableRule, InjectedCase[]>
}

export function emptyManifest(seed: string, validFromAsOf: string): InjectionManifest {
  const rules = Object.fromEntries(INJECTABLE_RULES.map((r) => [r, [] as InjectedCase[]])) as Record<InjectableRule, InjectedCase[]>
  return { format: 'jiandu-demo-manifest', version: 1, seed, valid_from_as_of: validFromAsOf, rules }
}

/** Records a case with its ids sorted, as flag identities are. */
export function addCase(manifest: InjectionManifest, rule: InjectableRule, taskIds: string[], planIds: string[], variant: string): void {
  manifest.rules[rule].push({ task_ids: [...taskIds].sort(), plan_ids: [...planIds].sort(), variant })
}
