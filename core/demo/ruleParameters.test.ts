import { describe, expect, it } from 'vitest'
import { builtinRulePack } from '../rules/packs.ts'
import { SHANGHAI_2025_DEFAULTS as demo } from './ruleParameters.ts'

// The demo's clean data keeps clear of the shipped pack's rules only while its parameters are the pack's.
describe('the demo generator’s rule parameters', () => {
  const { rules } = builtinRulePack()

  it('are the shipped pack’s core-rule parameters', () => {
    expect(demo.minIntervalMonths).toBe(rules.REPEAT_WITHIN_MONTH.params.min_interval_months)
    expect(demo.recognitionWindowMonths).toBe(rules.RESULT_RECOGNITION_IGNORED.params.recognition_window_months)
    expect([...demo.recognitionDomains].sort()).toEqual([...rules.RESULT_RECOGNITION_IGNORED.params.domains].sort())
    expect(demo.matchmakingWindowMonths).toBe(rules.JOINT_MISSED_NO_REASON.params.matchmaking_window_months)
    const capOne = Object.entries(rules.REPEAT_PLANNED_ANNUAL.params.annual_cap_planned_onsite).filter(([, cap]) => cap === 1).map(([d]) => d)
    expect([...demo.annualCapOneDomains].sort()).toEqual(capOne.sort())
    // One deadline for every domain: the pack's per-domain values must not be stricter.
    const backfill = rules.LATE_BACKFILL.params
    for (const wd of [backfill.backfill_deadline_wd, ...Object.values(backfill.backfill_deadline_wd_by_domain ?? {})]) expect(demo.backfillDeadlineWorkingDays).toBe(wd)
    const result = rules.RESULT_LATE.params
    for (const wd of [result.result_entry_wd, ...Object.values(result.result_entry_wd_by_domain ?? {})]) expect(demo.resultEntryWorkingDays).toBe(wd)
    expect(demo.planPublicationDeadline).toBe(rules.PLAN_PUBLICATION_LATE.params.plan_publication_deadline)
  })

  it('keep clear of the shipped pack’s extension rules', () => {
    expect(demo.fireGradeAWindowYears).toBe(rules.FIRE_A_OVER.params.window_years)
    for (const day of Object.values(rules.MONTHLY_PLAN_LATE.params.deadline_day_of_previous_month_by_domain)) expect(demo.monthlyPlanDeadlineDay).toBeLessThanOrEqual(day)
    // MM-DD compares as text; the pack's 02-29 stands for the end of February.
    const fire = rules.PLAN_FILING_LATE.params.annual_filing_deadline_by_domain.FIRE
    expect(fire).toBeDefined()
    expect(demo.fireAnnualFilingDeadline <= (fire ?? '')).toBe(true)
    expect([...demo.specialScopeDomains].sort()).toEqual([...rules.HRSS_SPECIAL_SCOPE.params.domains].sort())
    expect([...demo.specialScopePlanTypes].sort()).toEqual([...rules.HRSS_SPECIAL_SCOPE.params.plan_types].sort())
  })
})
