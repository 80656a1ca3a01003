import { describe, expect, it } from 'vitest'
import shanghai2025 from '../../../../resources/rule-packs/shanghai-2025.json' with { type: 'json' }
import yantai2024 from '../../../../resources/rule-packs/yantai-2024.json' with { type: 'json' }
import { paramLines } from './ruleParams.ts'

describe('paramLines', () => {
  it('names every parameter of the shipped packs in Chinese', () => {
    // The packs as shipped (the renderer reads rules through the API only): every rule's params of each file.
    for (const pack of [shanghai2025, yantai2024]) {
      for (const [code, rule] of Object.entries(pack.rules)) {
        const params: unknown = typeof rule === 'object' && rule !== null && 'params' in rule ? rule.params : {}
        if (typeof params !== 'object' || params === null) throw new Error(`${pack.name} ${code}: params is not an object`)
        for (const line of paramLines(params)) expect(line.label, `${pack.name} ${code}.${line.key}`).not.toBe(line.key)
      }
    }
  })

  it('writes numbers with units, codes in words, lists and per-domain maps', () => {
    expect(paramLines({ min_interval_months: 1, exempt_specials: ['SURVEY', 'EMERGENCY'], annual_cap_planned_onsite: { MKT: 1, FIRE: 2 } })).toEqual([
      { key: 'min_interval_months', label: '同一部门两次检查最短间隔', value: '1 个月' },
      { key: 'exempt_specials', label: '不适用的特殊检查', value: '摸底调查、紧急检查（事后补码）' },
      { key: 'annual_cap_planned_onsite', label: '每年计划内现场检查上限', value: '市场监管 1 次；消防救援 2 次' }
    ])
    expect(paramLines({ require_trigger_ref: false, min_officers_by_domain: {}, plan_types: [], period: 'half_year' }).map((l) => l.value))
      .toEqual(['否', '无（各领域同一般规定）', '无', '每半年'])
  })

  it('writes the required plan fields per domain and plan type, the fallback as 其他领域', () => {
    expect(paramLines({ required_fields: { default: ['item_ids', 'object_scope'], ENV: ['method'], 'TRAN:MONTHLY': ['targets'] } })).toEqual([
      { key: 'required_fields', label: '必备要素', value: '其他领域 检查事项、检查对象范围；生态环境 检查方式；交通运输月度计划 具体检查对象' }
    ])
    expect(paramLines({ codes: ['ENV:NOPE'] })).toEqual([{ key: 'codes', label: 'codes', value: 'ENV:NOPE' }])
  })

  it('shows a parameter it has no name for by its key, and a code it does not know as given', () => {
    expect(paramLines({ new_param: ['XYZ'] })).toEqual([{ key: 'new_param', label: 'new_param', value: 'XYZ' }])
  })
})
