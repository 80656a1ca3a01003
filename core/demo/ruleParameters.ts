// The rule parameters the generator builds its clean data and its injected violations against: the
// defaults of rule pack `shanghai-2025` (../shared/domain/rules-core-v1.md, rules-catalogue.md §8).
// The clean data also keeps clear of the pack's enabled extension rules where that is cheap (the three
// extension parameters below); under-inspection findings (FIRE_B_UNDER, FIRE_D_UNDER) occur naturally.
// They are data handed to the generator (DemoOptions.rules), never literals in its logic; a test holds
// the defaults to the shipped pack's values (ruleParameters.test.ts).
import type { Plan } from '../contract/records.ts'
import type { Domain } from '../contract/scalars.ts'

export type DemoRuleParameters = {
  /** REPEAT_WITHIN_MONTH `min_interval`, in calendar months. */
  minIntervalMonths: number
  /** RESULT_RECOGNITION_IGNORED `recognition_window`, in calendar months, and its domains. */
  recognitionWindowMonths: number
  recognitionDomains: readonly Domain[]
  /** JOINT_MISSED_NO_REASON `matchmaking_window`, in calendar months. */
  matchmakingWindowMonths: number
  /** REPEAT_PLANNED_ANNUAL: domains with `annual_cap_planned_onsite = 1`. */
  annualCapOneDomains: readonly Domain[]
  /** LATE_BACKFILL `backfill_deadline_wd`. */
  backfillDeadlineWorkingDays: number
  /** RESULT_LATE `result_entry_wd`. */
  resultEntryWorkingDays: number
  /** PLAN_PUBLICATION_LATE `plan_publication_deadline`, as MM-DD of the plan's year. */
  planPublicationDeadline: string
  /** Extension rule FIRE_A_OVER: at most one fire-led planned on-site inspection of an A-graded key unit per this many adjacent calendar years. */
  fireGradeAWindowYears: number
  /** Extension rule MONTHLY_PLAN_LATE: monthly plans are drawn up by this day of the previous month (ENV/TRAN: 25). */
  monthlyPlanDeadlineDay: number
  /** Extension rule PLAN_FILING_LATE: FIRE annual plans are filed by this MM-DD (end of February). */
  fireAnnualFilingDeadline: string
  /**
   * Extension rule HRSS_SPECIAL_SCOPE `domains` and `plan_types`: special plans of these domains are
   * deployed from above and inspect only enterprises with an earlier case or clue of the domain.
   */
  specialScopeDomains: readonly Domain[]
  specialScopePlanTypes: readonly Plan['plan_type'][]
}

export const SHANGHAI_2025_DEFAULTS: DemoRuleParameters = {
  minIntervalMonths: 1,
  recognitionWindowMonths: 1,
  recognitionDomains: ['MKT', 'DRUG', 'URB'],
  matchmakingWindowMonths: 1,
  annualCapOneDomains: ['MKT', 'PSB', 'DRUG', 'EMER', 'AGRI'],
  backfillDeadlineWorkingDays: 3,
  resultEntryWorkingDays: 2,
  planPublicationDeadline: '03-31',
  fireGradeAWindowYears: 2,
  monthlyPlanDeadlineDay: 25,
  fireAnnualFilingDeadline: '02-28',
  specialScopeDomains: ['HRSS'],
  specialScopePlanTypes: ['SPECIAL']
}
