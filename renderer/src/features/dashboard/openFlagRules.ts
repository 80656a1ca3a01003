// The order of the home screen's 待处理问题线索: where the most work waits comes first.
import type { ChannelOutput } from '../../../../core/api/channels.ts'
import { SEVERITY_ORDER } from '../../lib/labels.ts'

export type RuleCount = ChannelOutput<'flags.groups'>['byRule'][number]

/** The rules with open flags, most first; among equals the more severe, then by name (拼音 order). */
export function rulesByOpenFlags(byRule: readonly RuleCount[]): RuleCount[] {
  const rank = (s: string | null) => {
    const i = SEVERITY_ORDER.findIndex((x) => x === s)
    return i < 0 ? SEVERITY_ORDER.length : i
  }
  return byRule
    .filter((r) => r.open > 0)
    .sort((a, b) => b.open - a.open || rank(a.severity) - rank(b.severity) || (a.name ?? a.key).localeCompare(b.name ?? b.key, 'zh-CN'))
}
