import { describe, expect, it } from 'vitest'
import { builtinRulePack } from '../rules/packs.ts'
import { defaultPlanReviewSection, planReviewParams, planReviewSection } from './params.ts'

describe('plan review parameters', () => {
  it('take windows and caps from the pack rules and, without a plan_review section, the catalogue defaults', () => {
    const pack = builtinRulePack('shanghai-2025')
    const params = planReviewParams(pack)
    expect(params.min_interval_months).toBe(pack.rules.REPEAT_WITHIN_MONTH.params.min_interval_months)
    expect(params.recognition_domains).toEqual(pack.rules.RESULT_RECOGNITION_IGNORED.params.domains)
    expect(params.matchmaking_window_months).toBe(pack.rules.JOINT_MISSED_NO_REASON.params.matchmaking_window_months)
    if (!('plan_review' in pack)) {
      expect(params.history_months).toBe(6)
      expect(params.required_fields.default).toEqual(['item_ids', 'department_id', 'object_scope'])
      expect(params.required_fields['PSB']).toContain('sampling_ratio')
    }
  })

  it('prefer a pack’s own plan_review section, and refuse a malformed one', () => {
    const pack = builtinRulePack('shanghai-2025')
    const own = { history_months: 12, required_fields: { default: ['item_ids'] } }
    // A pack that carries the section (the shipped packs' schema does not list it yet).
    const withSection = (section: unknown) => Object.assign({}, pack, { plan_review: section })
    expect(planReviewSection(withSection(own))).toEqual(own)
    expect(() => planReviewSection(withSection({ history_months: 0, required_fields: { default: [] } }))).toThrow(/plan_review/)
    expect(() => planReviewSection(withSection({ history_months: 6, required_fields: { default: ['colour'] } }))).toThrow(/plan_review/)
  })

  it('hand out a fresh default each time', () => {
    const a = defaultPlanReviewSection()
    a.required_fields.default.push('method')
    expect(defaultPlanReviewSection().required_fields.default).toEqual(['item_ids', 'department_id', 'object_scope'])
  })
})
