import { describe, expect, it } from 'vitest'
import type { RuleView } from '../../../../core/api/channels.ts'
import { filterRules } from './ruleFilter.ts'

const rule = (code: string, title: string, catalogue: string, enabled: boolean, enabledInPack: boolean): RuleView => ({
  code, title, catalogue, severity: 'MUST', severityByDomain: [], enabled, enabledInPack, basis: [], basisByDomain: [], decisions: [], params: {}
})

const rules = [
  rule('REPEAT_WITHIN_MONTH', '一个月内重复检查', 'D-01 R-FREQ-01', true, true),
  rule('NO_CODE_INSPECTION', '无码检查', 'D-03', false, true),
  rule('ADVANCE_FILING_SHORT', '提前备案不足', 'Y-01', true, false),
  rule('WHITELIST_NO_APPROVAL', '白名单未经批准', 'Y-02', false, false)
]
const codes = (list: RuleView[]) => list.map((r) => r.code)

describe('filterRules', () => {
  it('filters by state: on, off, and switched here against the pack', () => {
    expect(codes(filterRules(rules, 'ALL', ''))).toHaveLength(4)
    expect(codes(filterRules(rules, 'ON', ''))).toEqual(['REPEAT_WITHIN_MONTH', 'ADVANCE_FILING_SHORT'])
    expect(codes(filterRules(rules, 'OFF', ''))).toEqual(['NO_CODE_INSPECTION', 'WHITELIST_NO_APPROVAL'])
    expect(codes(filterRules(rules, 'LOCAL', ''))).toEqual(['NO_CODE_INSPECTION', 'ADVANCE_FILING_SHORT'])
  })

  it('finds text in the name, the code and the catalogue reference, ignoring case and spaces around it', () => {
    expect(codes(filterRules(rules, 'ALL', ' 重复 '))).toEqual(['REPEAT_WITHIN_MONTH'])
    expect(codes(filterRules(rules, 'ALL', 'no_code'))).toEqual(['NO_CODE_INSPECTION'])
    expect(codes(filterRules(rules, 'ALL', 'r-freq'))).toEqual(['REPEAT_WITHIN_MONTH'])
    expect(codes(filterRules(rules, 'OFF', 'y-0'))).toEqual(['WHITELIST_NO_APPROVAL'])
  })
})
