import { describe, expect, it } from 'vitest'
import { builtinRawPack, builtinRulePack } from '../rules/packs.ts'
import { resolveRulePack } from '../rules/pack.ts'
import { planReviewParams } from './params.ts'

describe('plan review parameters', () => {
  it('come from the pack: required fields, windows and caps from its rules, the history span from plan_review', () => {
    const pack = builtinRulePack('shanghai-2025')
    const params = planReviewParams(pack)
    expect(params.min_interval_months).toBe(pack.rules.REPEAT_WITHIN_MONTH.params.min_interval_months)
    expect(params.recognition_domains).toEqual(pack.rules.RESULT_RECOGNITION_IGNORED.params.domains)
    expect(params.matchmaking_window_months).toBe(pack.rules.JOINT_MISSED_NO_REASON.params.matchmaking_window_months)
    expect(params.history_months).toBe(6)
    expect(params.required_fields).toEqual(pack.rules.PLAN_INCOMPLETE.params.required_fields)
    expect(params.required_fields.default).toEqual(['item_ids', 'department_id', 'object_scope'])
    expect(params.required_fields['PSB']).toContain('sampling_ratio')
  })

  it('a pack that extends another inherits its plan_review section, and may override it', () => {
    expect(planReviewParams(builtinRulePack('yantai-2024')).history_months).toBe(6)
    const own = resolveRulePack({ name: 'test-pack', extends: 'shanghai-2025', plan_review: { history_months: 12 } }, 'test-pack', builtinRawPack)
    expect(planReviewParams(own).history_months).toBe(12)
  })

  it('a malformed plan_review section is refused when the pack is loaded', () => {
    expect(() => resolveRulePack({ name: 'bad-pack', extends: 'shanghai-2025', plan_review: { history_months: 'six' } }, 'bad-pack', builtinRawPack)).toThrow(/plan_review/)
  })
})
