// `--rules <pack>`: a shipped pack by name, or a path to a pack file (which may extend a shipped pack).
import { existsSync, readFileSync } from 'node:fs'
import { resolveRulePack, RulePackError, type RulePack } from './pack.ts'
import { BUILTIN_RULE_PACKS, builtinRawPack, builtinRulePack } from './packs.ts'

export function loadRulePack(nameOrPath: string): RulePack {
  if (builtinRawPack(nameOrPath) !== undefined) return builtinRulePack(nameOrPath)
  if (!existsSync(nameOrPath)) {
    throw new RulePackError(
      `未知规则包，也不是文件 / unknown rule pack and no such file: ${nameOrPath}（内置 / built-in: ${BUILTIN_RULE_PACKS.join(', ')}）`
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(nameOrPath, 'utf8'))
  } catch (error) {
    throw new RulePackError(`无法读取规则包文件 / cannot read rule pack file ${nameOrPath}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return resolveRulePack(raw, nameOrPath, builtinRawPack)
}
