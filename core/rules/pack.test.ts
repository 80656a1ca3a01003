import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import shanghaiRaw from '../../resources/rule-packs/shanghai-2025.json' with { type: 'json' }
import { loadRulePack } from './pack-file.ts'
import { RULE_CODES, RulePackError, resolveRulePack } from './pack.ts'
import { BUILTIN_RULE_PACKS, builtinRawPack, builtinRulePack, DEFAULT_RULE_PACK } from './packs.ts'
import { RULES } from './engine.ts'
import { formatBasis } from './active.ts'
import { qualifiedCite } from './emit.ts'

const CORE_RULES = [
  'UNFILED_PLANNED_INSPECTION', 'NO_CODE_INSPECTION', 'SURVEY_EXEMPTION_MISUSED', 'LATE_BACKFILL', 'REPEAT_WITHIN_MONTH',
  'REPEAT_PLANNED_ANNUAL', 'RESULT_RECOGNITION_IGNORED', 'WUGAN_OBJECT_INSPECTED', 'WUSHI_ITEM_INSPECTED', 'JOINT_MISSED_NO_REASON',
  'CODE_NOT_REUSED', 'RESULT_LATE', 'PLAN_PUBLICATION_LATE', 'TRIGGER_UNSUPPORTED', 'CONDUCT_VIOLATION', 'NEGATIVE_EVALUATION', 'FIRE_B_OVER'
] as const

const tmp = () => mkdtempSync(join(tmpdir(), 'jiandu-pack-'))

describe('shanghai-2025', () => {
  const pack = builtinRulePack('shanghai-2025')

  it('is the default pack and has an implementation for every rule', () => {
    expect(DEFAULT_RULE_PACK).toBe('shanghai-2025')
    expect(Object.keys(pack.rules).sort()).toEqual([...RULE_CODES].sort())
    expect(Object.keys(RULES).sort()).toEqual([...RULE_CODES].sort())
  })

  it('enables every core rule of rules-core-v1.md with its severity', () => {
    const expected: Record<(typeof CORE_RULES)[number], string> = {
      UNFILED_PLANNED_INSPECTION: 'MUST', NO_CODE_INSPECTION: 'MUST', SURVEY_EXEMPTION_MISUSED: 'MUST', LATE_BACKFILL: 'MUST',
      REPEAT_WITHIN_MONTH: 'SHOULD', REPEAT_PLANNED_ANNUAL: 'SHOULD', RESULT_RECOGNITION_IGNORED: 'SHOULD', WUGAN_OBJECT_INSPECTED: 'SHOULD',
      WUSHI_ITEM_INSPECTED: 'SHOULD', JOINT_MISSED_NO_REASON: 'SHOULD', CODE_NOT_REUSED: 'MUST', RESULT_LATE: 'SHOULD',
      PLAN_PUBLICATION_LATE: 'MUST', TRIGGER_UNSUPPORTED: 'MUST', CONDUCT_VIOLATION: 'MUST', NEGATIVE_EVALUATION: 'INFO', FIRE_B_OVER: 'MUST'
    }
    for (const code of CORE_RULES) {
      expect(pack.rules[code].enabled, code).toBe(true)
      expect(pack.rules[code].severity, code).toBe(expected[code])
    }
    expect(pack.rules.RESULT_LATE.severity_by_domain).toEqual({ TRAN: 'MUST' })
  })

  it('carries every parameter of rules-core-v1.md with its default', () => {
    expect(pack.conventions).toMatchObject({ month_mode: 'calendar', wd_count_from: 'next_day' })
    expect(pack.definitions.counted_onsite_excluded_specials.sort()).toEqual(['COMMITMENT_VERIFY', 'RECHECK', 'SURVEY'])
    expect(pack.definitions.covering_plan_statuses.sort()).toEqual(['FILED', 'PUBLISHED'])
    expect(pack.definitions.exempt_plan_origins).toEqual(['SUPERIOR'])
    expect(pack.rules.REPEAT_WITHIN_MONTH.params.min_interval_months).toBe(1)
    expect(pack.rules.REPEAT_PLANNED_ANNUAL.params.annual_cap_planned_onsite).toEqual({ MKT: 1, PSB: 1, DRUG: 1, EMER: 1, AGRI: 1 })
    expect(pack.rules.RESULT_RECOGNITION_IGNORED.params).toEqual({ recognition_window_months: 1, domains: ['MKT', 'DRUG', 'URB'], levels: ['CITY', 'DISTRICT'] })
    expect(pack.rules.JOINT_MISSED_NO_REASON.params.matchmaking_window_months).toBe(1)
    expect(pack.rules.LATE_BACKFILL.params.backfill_deadline_wd).toBe(3)
    expect(pack.rules.RESULT_LATE.params.result_entry_wd).toBe(2)
    expect(pack.rules.PLAN_PUBLICATION_LATE.params).toMatchObject({ plan_publication_deadline: '03-31', plan_types: ['ANNUAL'] })
    expect(pack.rules.CONDUCT_VIOLATION.params).toMatchObject({ min_officers: 2, officer_roles: ['OFFICER'] })
    expect(pack.rules.NEGATIVE_EVALUATION.params).toEqual({ verdicts: ['DISAPPROVE'], tags: ['REPEAT', 'INACTION', 'ABUSE', 'NO_CODE_SHOWN'] })
    expect(pack.rules.NO_CODE_INSPECTION.params.exempt_specials).toEqual(['SURVEY'])
    expect(pack.rules.FIRE_B_OVER.params).toEqual({ grade: 'B', cap_per_year: 1 })
  })

  it('cites a known source for every basis, and ships the EXTERNAL rules off', () => {
    const bases = [
      ...pack.plan_review.history_basis.map((b) => ['plan_review history', b] as const),
      ...RULE_CODES.flatMap((code) => {
        const cfg = pack.rules[code]
        return [...cfg.basis, ...Object.values(cfg.basis_by_domain ?? {}).flat()].map((b) => [code, b] as const)
      })
    ]
    for (const [code, b] of bases) {
      expect(Object.keys(pack.sources), `${code} ${b.cite}`).toContain(b.source)
      // Officers read `cite` (a place in the document); our transcript's line numbers stay in `ref`.
      expect(b.cite, code).not.toMatch(/\d{3}:L\d+|\bL\d+/)
      if (/^\d{3}$/.test(b.source)) expect(b.ref, `${code} ${b.cite}`).toMatch(new RegExp(`^${b.source}:L\\d+`))
    }
    expect(pack.rules.ADVANCE_FILING_SHORT.enabled).toBe(false)
    expect(pack.rules.WHITELIST_NO_APPROVAL.enabled).toBe(false)
  })

  it('speaks to officers: no developer documents, field names or domain codes in what the rules screen shows', () => {
    for (const name of BUILTIN_RULE_PACKS) {
      const p = builtinRulePack(name)
      const texts = [p.description, ...RULE_CODES.flatMap((code) => p.rules[code].decisions ?? [])]
      for (const text of texts) {
        expect(text, name).not.toMatch(/rules-core|rules-catalogue|\.md\b|§|\b[GDR]-[A-Z0-9]|[a-z]+_[a-z_]+|\b[A-Z]{3,}\b/)
      }
      for (const code of RULE_CODES) {
        const lines = formatBasis(p, [...p.rules[code].basis, ...Object.values(p.rules[code].basis_by_domain ?? {}).flat()])
        expect(lines, code).not.toMatch(/\d{3}:L\d+/)
      }
    }
  })

  it("names the document in each citation a flag's evidence lists on its own", () => {
    const b = pack.rules.LATE_BACKFILL.basis[0]!
    expect(qualifiedCite(pack, b)).toBe(`${pack.sources[b.source]!.doc_no} ${b.cite}`)
    // A source without a number is named by its title; a national document by its number alone.
    expect(qualifiedCite(pack, { source: '000', cite: '第三问', note: 'x' })).toBe(`${pack.sources['000']!.title} 第三问`)
    expect(qualifiedCite(pack, { source: 'GB54', cite: '国办发〔2024〕54号', note: 'x' })).toBe('国办发〔2024〕54号')
  })
})

describe('yantai-2024', () => {
  it('extends shanghai-2025, switching on the EXTERNAL rules only', () => {
    const base = builtinRulePack('shanghai-2025')
    const yantai = builtinRulePack('yantai-2024')
    expect(BUILTIN_RULE_PACKS).toContain('yantai-2024')
    expect(yantai.name).toBe('yantai-2024')
    expect(yantai.extends).toBe('shanghai-2025')
    expect(yantai.rules.ADVANCE_FILING_SHORT).toMatchObject({ enabled: true, severity: 'MUST', params: { advance_days: 7 } })
    expect(yantai.rules.WHITELIST_NO_APPROVAL.enabled).toBe(true)
    expect(yantai.rules.REPEAT_WITHIN_MONTH).toEqual(base.rules.REPEAT_WITHIN_MONTH)
  })
})

describe('validation on load', () => {
  const broken = (edit: (raw: Record<string, unknown>) => void) => {
    const raw = structuredClone(shanghaiRaw) as Record<string, unknown>
    edit(raw)
    return () => resolveRulePack(raw, 'test.json', builtinRawPack)
  }
  const rules = (raw: Record<string, unknown>) => raw['rules'] as Record<string, Record<string, unknown>>

  it('rejects an unknown rule, a missing rule, a bad parameter and a bad severity, naming the path', () => {
    expect(broken((r) => { rules(r)['NO_SUCH_RULE'] = rules(r)['NO_CODE_INSPECTION']! })).toThrow(/test\.json/)
    expect(broken((r) => { delete rules(r)['LATE_BACKFILL'] })).toThrow(/rules\.LATE_BACKFILL/)
    expect(broken((r) => { (rules(r)['LATE_BACKFILL']!['params'] as Record<string, unknown>)['backfill_deadline_wd'] = 'three' })).toThrow(/backfill_deadline_wd/)
    expect(broken((r) => { rules(r)['RESULT_LATE']!['severity'] = 'HIGH' })).toThrow(/RESULT_LATE\.severity/)
    expect(broken((r) => { (rules(r)['PLAN_PUBLICATION_LATE']!['params'] as Record<string, unknown>)['plan_publication_deadline'] = '3-31' })).toThrow(RulePackError)
    expect(broken((r) => { (r['conventions'] as Record<string, unknown>)['month_mode'] = 'lunar' })).toThrow(/month_mode/)
    // A rule left out is named as missing, with what to do; a rule of the wrong shape is not called missing.
    expect(broken((r) => { delete rules(r)['LATE_BACKFILL'] })).toThrow(/缺少规则 LATE_BACKFILL.*extends/)
    expect(broken((r) => { rules(r)['LATE_BACKFILL'] = 3 as never })).toThrow(/rules\.LATE_BACKFILL: Invalid input/)
    // A key an earlier pack version had says where it went; any other unknown key is named.
    expect(broken((r) => { (r['plan_review'] as Record<string, unknown>)['required_fields'] = {} })).toThrow(
      'plan_review.required_fields has moved to rules.PLAN_INCOMPLETE.params.required_fields'
    )
    expect(broken((r) => { r['colour'] = 'blue' })).toThrow('(pack): 未知的键 / unrecognized key "colour"')
  })

  it('loads a pack file by path, extending a shipped pack, and refuses unknown names and bad files', () => {
    const dir = tmp()
    const file = join(dir, 'local.json')
    writeFileSync(file, JSON.stringify({ extends: 'shanghai-2025', name: 'jinshan-local', rules: { REPEAT_WITHIN_MONTH: { enabled: false } } }))
    const local = loadRulePack(file)
    expect(local.name).toBe('jinshan-local')
    expect(local.rules.REPEAT_WITHIN_MONTH.enabled).toBe(false)
    expect(local.rules.REPEAT_PLANNED_ANNUAL.enabled).toBe(true)
    expect(() => loadRulePack('no-such-pack')).toThrow(RulePackError)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{ not json')
    expect(() => loadRulePack(bad)).toThrow(/bad\.json/)
    const loop = join(dir, 'loop.json')
    writeFileSync(loop, JSON.stringify({ extends: 'nowhere' }))
    expect(() => loadRulePack(loop)).toThrow(/nowhere/)
  })
})
