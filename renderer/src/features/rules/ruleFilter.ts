// Which rules the list shows: by state (all, on, off, switched here) and by text in the name, code or
// catalogue reference (D-12, R-FREQ …), case-insensitively.
import type { RuleView } from '../../../../core/api/channels.ts'

export const RULE_STATES = { ALL: '全部', ON: '已启用', OFF: '已停用', LOCAL: '本地调整' } as const
export type RuleState = keyof typeof RULE_STATES

export function isLocallySwitched(rule: Pick<RuleView, 'enabled' | 'enabledInPack'>): boolean {
  return rule.enabled !== rule.enabledInPack
}

function inState(rule: RuleView, state: RuleState): boolean {
  switch (state) {
    case 'ALL': return true
    case 'ON': return rule.enabled
    case 'OFF': return !rule.enabled
    case 'LOCAL': return isLocallySwitched(rule)
  }
}

export function filterRules(rules: readonly RuleView[], state: RuleState, text: string): RuleView[] {
  const needle = text.trim().toLowerCase()
  return rules.filter((r) => inState(r, state) && (needle === '' || [r.title, r.code, r.catalogue].some((s) => s.toLowerCase().includes(needle))))
}
