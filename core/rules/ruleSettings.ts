// The workstation's rule settings (规则设置): which shipped rule pack the app analyses with, and the rules
// an officer switched on or off against that pack's defaults. Both live in the settings table
// (`rule_pack`, `rule_switches`); every change is audited. The command line does not read them: `analyze`
// runs the pack its options name, as cli-v1.md says, whatever the desktop app is set to.
//
// A pack with local switches is still that pack, with another version: `<pack_version>+local.<hash>`.
// Stored flags carry the version of the pack that found them, so an incremental run after a switch sees
// a different version and redoes every flag (incremental.ts), and the inbox can say its flags are stale.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Sqlite } from '../../db/client.ts'
import { appendAudit } from '../audit.ts'
import { RULE_CODES, type RuleCode, type RulePack } from './pack.ts'
import { BUILTIN_RULE_PACKS, builtinRulePack, DEFAULT_RULE_PACK } from './packs.ts'

const PACK_KEY = 'rule_pack'
const SWITCHES_KEY = 'rule_switches'

/** Rules switched against the pack's `enabled`, per pack name: switching packs keeps each pack's own. */
export type RuleSwitches = Partial<Record<RuleCode, boolean>>
const switchesSchema = z.record(z.string(), z.partialRecord(z.enum(RULE_CODES), z.boolean()))
type SwitchesByPack = z.infer<typeof switchesSchema>

function setting(sqlite: Sqlite, key: string): string | undefined {
  const v = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key)
  return typeof v === 'string' ? v : undefined
}

function putSetting(sqlite: Sqlite, key: string, value: string): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}

/** The pack the app analyses with: the setting when it names a shipped pack, else the default. */
export function activeRulePackName(sqlite: Sqlite): string {
  const v = setting(sqlite, PACK_KEY)
  return v !== undefined && BUILTIN_RULE_PACKS.includes(v) ? v : DEFAULT_RULE_PACK
}

/**
 * Every pack's switches. A value that is not valid JSON of that shape (written by hand, or by a later
 * version) would make every analysis fail: it reads as no switches, and the next change overwrites it.
 */
function allSwitches(sqlite: Sqlite): SwitchesByPack {
  const raw = setting(sqlite, SWITCHES_KEY)
  if (raw === undefined) return {}
  try {
    const parsed = switchesSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

export function ruleSwitches(sqlite: Sqlite, packName: string): RuleSwitches {
  return allSwitches(sqlite)[packName] ?? {}
}

/** The rules whose switch differs from the pack's default, in code order. */
export function switchedRules(pack: RulePack, switches: RuleSwitches): RuleCode[] {
  return RULE_CODES.filter((code) => switches[code] !== undefined && switches[code] !== pack.rules[code].enabled)
}

function withEnabled<K extends RuleCode>(rules: RulePack['rules'], code: K, enabled: boolean): void {
  rules[code] = { ...rules[code], enabled }
}

/** The pack with the switches applied; unchanged (same object) when none differs from its defaults. */
export function applyRuleSwitches(pack: RulePack, switches: RuleSwitches): RulePack {
  const changed = switchedRules(pack, switches)
  if (changed.length === 0) return pack
  const rules: RulePack['rules'] = { ...pack.rules }
  for (const code of changed) withEnabled(rules, code, switches[code] === true)
  const signature = changed.map((code) => `${code}=${switches[code] ? 'on' : 'off'}`).join(',')
  const hash = createHash('sha256').update(signature).digest('hex').slice(0, 8)
  return { ...pack, rules, pack_version: `${pack.pack_version}+local.${hash}` }
}

/** A shipped pack with these switches applied (the analysis job gets the name and the switches). */
export function switchedRulePack(packName: string, switches: RuleSwitches): RulePack {
  return applyRuleSwitches(builtinRulePack(packName), switches)
}

/** The pack the app analyses with, its local switches applied. */
export function activeRulePack(sqlite: Sqlite): RulePack {
  const name = activeRulePackName(sqlite)
  return switchedRulePack(name, ruleSwitches(sqlite, name))
}

export type RuleSettingsChange = { userId: string; at: string; reason: string }

/**
 * Switches one rule of the active pack on or off, in one transaction with its audit entry. A switch
 * back to the pack's default removes the entry, so the pack's own version (and its stored flags) return.
 */
export function setRuleEnabled(sqlite: Sqlite, rule: RuleCode, enabled: boolean, change: RuleSettingsChange): void {
  sqlite.transaction(() => {
    const packName = activeRulePackName(sqlite)
    const pack = builtinRulePack(packName)
    const all = allSwitches(sqlite)
    const own: RuleSwitches = { ...all[packName] }
    if (pack.rules[rule].enabled === enabled) delete own[rule]
    else own[rule] = enabled
    putSetting(sqlite, SWITCHES_KEY, JSON.stringify({ ...all, [packName]: own }))
    appendAudit(sqlite, {
      userId: change.userId, at: change.at, action: enabled ? 'rule.enable' : 'rule.disable', entity: 'rule', entityId: rule,
      detail: { pack: packName, pack_default: pack.rules[rule].enabled, reason: change.reason }
    })
  })()
}

/** Puts every rule of the active pack back to the pack's defaults. */
export function resetRuleSwitches(sqlite: Sqlite, change: RuleSettingsChange): void {
  sqlite.transaction(() => {
    const packName = activeRulePackName(sqlite)
    const all = allSwitches(sqlite)
    const { [packName]: dropped, ...rest } = all
    putSetting(sqlite, SWITCHES_KEY, JSON.stringify(rest))
    appendAudit(sqlite, {
      userId: change.userId, at: change.at, action: 'rule.reset', entity: 'rule_pack', entityId: packName,
      detail: { switches: dropped ?? {}, reason: change.reason }
    })
  })()
}

/** Makes a shipped pack the one the app analyses with. Throws RangeError for a name no pack has. */
export function selectRulePack(sqlite: Sqlite, packName: string, change: RuleSettingsChange): void {
  if (!BUILTIN_RULE_PACKS.includes(packName)) {
    throw new RangeError(`未知规则包 / unknown rule pack: ${packName}（可用 / available: ${BUILTIN_RULE_PACKS.join(', ')}）`)
  }
  sqlite.transaction(() => {
    const previous = activeRulePackName(sqlite)
    putSetting(sqlite, PACK_KEY, packName)
    appendAudit(sqlite, {
      userId: change.userId, at: change.at, action: 'rule_pack.select', entity: 'rule_pack', entityId: packName,
      detail: { previous, reason: change.reason }
    })
  })()
}
