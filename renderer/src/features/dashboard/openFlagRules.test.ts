import { describe, expect, it } from 'vitest'
import { rulesByOpenFlags, type RuleCount } from './openFlagRules.ts'

const rule = (key: string, open: number, severity: string | null, name: string | null = key): RuleCount => ({ key, name, severity, open, total: open + 5 })

describe('rulesByOpenFlags', () => {
  it('lists only rules with open flags, the most first', () => {
    const out = rulesByOpenFlags([rule('A', 3, 'SHOULD'), rule('B', 0, 'MUST'), rule('C', 9, 'INFO')])
    expect(out.map((r) => r.key)).toEqual(['C', 'A'])
  })

  it('puts the more severe first among equal counts, then orders by name', () => {
    const out = rulesByOpenFlags([
      rule('X', 4, 'INFO', '乙'), rule('Y', 4, 'MUST', '丙'), rule('Z', 4, 'INFO', '甲'), rule('W', 4, null, null)
    ])
    expect(out.map((r) => r.key)).toEqual(['Y', 'Z', 'X', 'W'])
  })
})
