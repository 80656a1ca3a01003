import { describe, expect, it } from 'vitest'
import { openMemoryDatabase, type Sqlite } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { verifyAuditLog } from '../audit.ts'
import { runIncrementalAnalysis } from '../analysis/incremental.ts'
import { lastAnalysisRun, runFullAnalysis } from '../analysis/runAnalysis.ts'
import { RECORD_SCHEMAS, type InterchangeRecord } from '../contract/records.ts'
import { createDemo } from '../demo/generate.ts'
import { builtinRulePack } from './packs.ts'
import {
  activeRulePack, activeRulePackName, applyRuleSwitches, resetRuleSwitches, ruleSwitches, selectRulePack, setRuleEnabled, switchedRules
} from './ruleSettings.ts'

const AS_OF = '2026-11-20'
const change = { userId: 'U-1', at: '2026-12-06T08:00:00.000Z', reason: '本区暂不适用' }

function demoDatabase(): Sqlite {
  const { sqlite } = openMemoryDatabase()
  const writer = createRecordWriter(sqlite, 1)
  sqlite.transaction(() => {
    for (const r of createDemo({ tasks: 1500, seed: 11 }).records()) writer.write(RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
  })()
  return sqlite
}

const ruleCounts = (sqlite: Sqlite) =>
  Object.fromEntries(sqlite.prepare('SELECT rule, count(*) FROM flags GROUP BY rule').raw(true).all() as [string, number][])

const auditActions = (sqlite: Sqlite) => sqlite.prepare('SELECT action, entity_id, detail FROM audit_log ORDER BY seq').raw(true).all()

describe('applyRuleSwitches', () => {
  const pack = builtinRulePack('shanghai-2025')

  it('gives the pack itself when no switch differs from its defaults', () => {
    expect(applyRuleSwitches(pack, {})).toBe(pack)
    expect(applyRuleSwitches(pack, { REPEAT_WITHIN_MONTH: true })).toBe(pack)
  })

  it('switches rules and names the change in the version, the same for the same switches', () => {
    const off = applyRuleSwitches(pack, { REPEAT_WITHIN_MONTH: false })
    expect(off.rules.REPEAT_WITHIN_MONTH.enabled).toBe(false)
    expect(off.rules.REPEAT_WITHIN_MONTH.params).toEqual(pack.rules.REPEAT_WITHIN_MONTH.params)
    expect(pack.rules.REPEAT_WITHIN_MONTH.enabled).toBe(true)
    expect(off.pack_version).toMatch(new RegExp(`^${pack.pack_version.replace(/[.+]/g, '\\$&')}\\+local\\.[0-9a-f]{8}$`))
    expect(applyRuleSwitches(pack, { REPEAT_WITHIN_MONTH: false }).pack_version).toBe(off.pack_version)
    expect(applyRuleSwitches(pack, { NO_CODE_INSPECTION: false }).pack_version).not.toBe(off.pack_version)
  })

  it('switches on a rule a pack ships off', () => {
    const offInShanghai = Object.entries(pack.rules).find(([, cfg]) => !cfg.enabled)
    if (!offInShanghai) throw new Error('shanghai-2025 ships every rule on: nothing to switch on')
    const code = offInShanghai[0] as keyof typeof pack.rules
    expect(switchedRules(pack, { [code]: true })).toEqual([code])
    expect(applyRuleSwitches(pack, { [code]: true }).rules[code].enabled).toBe(true)
  })
})

describe('rule settings in the database', () => {
  it('defaults to shanghai-2025 without switches, and ignores a damaged or unknown setting', () => {
    const { sqlite } = openMemoryDatabase()
    expect(activeRulePackName(sqlite)).toBe('shanghai-2025')
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('rule_pack', 'nowhere-1999'), ('rule_switches', '{not json')").run()
    expect(activeRulePackName(sqlite)).toBe('shanghai-2025')
    expect(ruleSwitches(sqlite, 'shanghai-2025')).toEqual({})
    expect(activeRulePack(sqlite)).toBe(builtinRulePack('shanghai-2025'))
    // The next change overwrites the damaged value.
    setRuleEnabled(sqlite, 'NO_CODE_INSPECTION', false, change)
    expect(ruleSwitches(sqlite, 'shanghai-2025')).toEqual({ NO_CODE_INSPECTION: false })
  })

  it('records each change in the audit log with its reason, and a switch back to the default removes the switch', () => {
    const { sqlite } = openMemoryDatabase()
    setRuleEnabled(sqlite, 'REPEAT_WITHIN_MONTH', false, change)
    expect(activeRulePack(sqlite).rules.REPEAT_WITHIN_MONTH.enabled).toBe(false)
    setRuleEnabled(sqlite, 'REPEAT_WITHIN_MONTH', true, { ...change, reason: '恢复' })
    expect(ruleSwitches(sqlite, 'shanghai-2025')).toEqual({})
    expect(activeRulePack(sqlite)).toBe(builtinRulePack('shanghai-2025'))
    selectRulePack(sqlite, 'yantai-2024', { ...change, reason: '试用烟台规则' })
    setRuleEnabled(sqlite, 'WHITELIST_NO_APPROVAL', false, change)
    // Each pack keeps its own switches.
    expect(ruleSwitches(sqlite, 'yantai-2024')).toEqual({ WHITELIST_NO_APPROVAL: false })
    expect(ruleSwitches(sqlite, 'shanghai-2025')).toEqual({})
    resetRuleSwitches(sqlite, { ...change, reason: '恢复默认' })
    expect(ruleSwitches(sqlite, 'yantai-2024')).toEqual({})
    expect(auditActions(sqlite)).toEqual([
      ['rule.disable', 'REPEAT_WITHIN_MONTH', JSON.stringify({ pack: 'shanghai-2025', pack_default: true, reason: '本区暂不适用' })],
      ['rule.enable', 'REPEAT_WITHIN_MONTH', JSON.stringify({ pack: 'shanghai-2025', pack_default: true, reason: '恢复' })],
      ['rule_pack.select', 'yantai-2024', JSON.stringify({ previous: 'shanghai-2025', reason: '试用烟台规则' })],
      ['rule.disable', 'WHITELIST_NO_APPROVAL', JSON.stringify({ pack: 'yantai-2024', pack_default: true, reason: '本区暂不适用' })],
      ['rule.reset', 'yantai-2024', JSON.stringify({ switches: { WHITELIST_NO_APPROVAL: false }, reason: '恢复默认' })]
    ])
    expect(verifyAuditLog(sqlite)).toEqual({ ok: true, entries: 5 })
  })

  it('refuses a pack that is not shipped, changing nothing', () => {
    const { sqlite } = openMemoryDatabase()
    expect(() => selectRulePack(sqlite, 'nowhere-1999', change)).toThrow(/nowhere-1999/)
    expect(auditActions(sqlite)).toEqual([])
  })

  it('a rule switched off finds nothing in the next run, which redoes every flag; switched back, its flags return', () => {
    const sqlite = demoDatabase()
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: activeRulePack(sqlite) })
    const before = ruleCounts(sqlite)
    expect(before.REPEAT_WITHIN_MONTH).toBeGreaterThan(0)

    setRuleEnabled(sqlite, 'REPEAT_WITHIN_MONTH', false, change)
    // Nothing changed in the data, yet the stored flags are another setting's: the run is a full one.
    const off = runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: activeRulePack(sqlite) })
    expect(off.mode).toBe('full')
    expect(lastAnalysisRun(sqlite)?.rulePackVersion).toBe(activeRulePack(sqlite).pack_version)
    const { REPEAT_WITHIN_MONTH: gone, ...othersBefore } = before
    expect(gone).toBeGreaterThan(0)
    expect(ruleCounts(sqlite)).toEqual(othersBefore)
    expect(runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: activeRulePack(sqlite) }).mode).toBe('incremental')

    setRuleEnabled(sqlite, 'REPEAT_WITHIN_MONTH', true, change)
    expect(runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: activeRulePack(sqlite) }).mode).toBe('full')
    expect(ruleCounts(sqlite)).toEqual(before)
  })
})
