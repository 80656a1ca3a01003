// The rule packs shipped with the workstation (resources/rule-packs). Imported as JSON modules so the
// desktop bundle carries them; packs from other files go through pack-file.ts.
import shanghai2025 from '../../resources/rule-packs/shanghai-2025.json' with { type: 'json' }
import yantai2024 from '../../resources/rule-packs/yantai-2024.json' with { type: 'json' }
import { resolveRulePack, RulePackError, type RulePack } from './pack.ts'

export const DEFAULT_RULE_PACK = 'shanghai-2025'

const BUILTIN_RAW: Readonly<Record<string, unknown>> = {
  'shanghai-2025': shanghai2025,
  'yantai-2024': yantai2024
}

export const BUILTIN_RULE_PACKS: readonly string[] = Object.keys(BUILTIN_RAW)

export function builtinRawPack(name: string): unknown {
  return Object.hasOwn(BUILTIN_RAW, name) ? BUILTIN_RAW[name] : undefined
}

const cache = new Map<string, RulePack>()

/** A shipped pack by name, resolved and validated (once). */
export function builtinRulePack(name: string = DEFAULT_RULE_PACK): RulePack {
  const hit = cache.get(name)
  if (hit) return hit
  const raw = builtinRawPack(name)
  if (raw === undefined) {
    throw new RulePackError(`未知规则包 / unknown rule pack: ${name}（可用 / available: ${BUILTIN_RULE_PACKS.join(', ')}）`)
  }
  const pack = resolveRulePack(raw, name, builtinRawPack, [name])
  cache.set(name, pack)
  return pack
}
