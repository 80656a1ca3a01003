// Which legal bases a flag cites (emit.ts basesFor): its domain's own, the general ones, never another
// domain's annex unless nothing else applies.
import { describe, expect, it } from 'vitest'
import { basesFor } from './emit.ts'
import type { RuleCode } from './pack.ts'
import { builtinRulePack } from './packs.ts'

const pack = builtinRulePack()
const cites = (rule: RuleCode, domain: Parameters<typeof basesFor>[1]) => basesFor(pack.rules[rule], domain).map((b) => b.cite)

describe('the bases a flag cites', () => {
  it('cites a domain annex only for that domain’s flags', () => {
    expect(cites('RESULT_LATE', 'MKT')).toEqual(['正文 二、7.', '附件1《市场监管领域…实施方案》五、（二）3.'])
    expect(cites('RESULT_LATE', 'HLTH')).toEqual(['正文 二、7.'])
    expect(cites('RESULT_LATE', 'TRAN')[0]).toMatch(/^附件8《交通运输领域/)
    expect(cites('RESULT_LATE', 'TRAN')).not.toContain('附件1《市场监管领域…实施方案》五、（二）3.')
    expect(cites('MONTHLY_PLAN_LATE', 'TRAN')).toEqual(['附件8《交通运输领域…实施方案》二、（五）'])
    expect(cites('MONTHLY_PLAN_LATE', 'ENV')).toEqual(['附件7《生态环境领域…实施方案》六、（二）'])
    const psb = cites('PLANNED_ALREADY_COVERED', 'PSB')
    expect(psb.some((c) => c.startsWith('附件2《公安领域'))).toBe(true)
    expect(psb.some((c) => c.startsWith('附件1《市场监管领域'))).toBe(false)
  })

  it('falls back to the rule’s own annex when nothing else applies to a domain', () => {
    expect(cites('PLANNED_ALREADY_COVERED', 'ENV')).toEqual(['附件1《市场监管领域…实施方案》五、（一）'])
    expect(cites('FIRE_ITEMS_DUPLICATED', 'PSB')).toEqual(['附件3《消防救援领域…实施方案》三、（一）'])
    expect(cites('FIRE_ITEMS_DUPLICATED', null)).toEqual(['附件3《消防救援领域…实施方案》三、（一）'])
  })

  it('gives every basis a note that stands alone: a flag may cite a domain’s entry without the general one it would repeat', () => {
    for (const [code, cfg] of Object.entries(pack.rules)) {
      for (const b of [...cfg.basis, ...Object.values(cfg.basis_by_domain ?? {}).flat()]) expect(b.note, `${code}: ${b.cite}`).not.toMatch(/^(同上|同前)/)
    }
  })

  it('tags every annex among a rule’s general bases with its domain, so that the choice above is data', () => {
    for (const [code, cfg] of Object.entries(pack.rules)) {
      for (const b of cfg.basis) if (/^附件\d+《/.test(b.cite)) expect(b.domain, `${code}: ${b.cite}`).toBeDefined()
    }
  })
})
