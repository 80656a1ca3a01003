// Channels of the rule settings (规则设置): the pack the app analyses with, each rule with its basis and
// parameters, and the officer's switches.
import { z } from 'zod'
import type { ChannelDef } from './types.ts'

/** Why a setting changed: it goes into the audit log with the change. */
const reasonSchema = z.string().trim().min(2, { message: '请说明理由（至少 2 个字）/ a reason of at least 2 characters is required' }).max(500)

export const ruleViewSchema = z.object({
  code: z.string(),
  title: z.string(),
  catalogue: z.string(),
  severity: z.string(),
  severityByDomain: z.array(z.object({ domain: z.string(), severity: z.string() })),
  /** As the app analyses: the pack's default unless switched. */
  enabled: z.boolean(),
  enabledInPack: z.boolean(),
  /** The general basis, one formatted citation per line, then each domain's own. */
  basis: z.array(z.string()),
  basisByDomain: z.array(z.object({ domain: z.string(), lines: z.array(z.string()) })),
  decisions: z.array(z.string()),
  /** The rule's parameters as the pack gives them (numbers, codes, lists, per-domain maps). */
  params: z.record(z.string(), z.unknown())
})
export type RuleView = z.infer<typeof ruleViewSchema>

export const ruleSettingsSchema = z.object({
  pack: z.object({
    name: z.string(), title: z.string(), jurisdiction: z.string(), description: z.string(), extends: z.string().nullable(),
    packVersion: z.string(),
    /** The version the app analyses with: packVersion, plus a suffix when rules are switched locally. */
    effectiveVersion: z.string()
  }),
  packs: z.array(z.object({ name: z.string(), title: z.string(), jurisdiction: z.string(), active: z.boolean() })),
  rules: z.array(ruleViewSchema),
  /** The stored flags come from another pack or setting than the current one: re-analysis needed. */
  flagsStale: z.boolean(),
  lastRun: z.object({ rulePack: z.string(), rulePackVersion: z.string().nullable(), finishedAt: z.string().nullable() }).nullable(),
  /** The working-day calendar behind the rules' deadlines (core/calendar/coverage.ts). */
  calendar: z.object({
    source: z.string(),
    bundledYears: z.array(z.number()),
    imported: z.array(z.object({ year: z.number(), holidays: z.number(), workdays: z.number(), differing: z.number() })),
    coveredYears: z.array(z.number()),
    missingSoon: z.array(z.number())
  })
})
export type RuleSettingsView = z.infer<typeof ruleSettingsSchema>

export const ruleChannels = {
  'rules.get': {
    input: z.object({}),
    output: ruleSettingsSchema,
    access: 'ANY',
    description: '规则包与各规则的设置 / the rule pack, its rules and their switches'
  },
  'rules.setEnabled': {
    input: z.object({ rule: z.string().min(1), enabled: z.boolean(), reason: reasonSchema }),
    output: ruleSettingsSchema,
    access: ['OFFICER'],
    description: '启用或停用一条规则 / switch one rule on or off'
  },
  'rules.reset': {
    input: z.object({ reason: reasonSchema }),
    output: ruleSettingsSchema,
    access: ['OFFICER'],
    description: '恢复规则包默认设置 / put every rule back to the pack defaults'
  },
  'rules.selectPack': {
    input: z.object({ pack: z.string().min(1), reason: reasonSchema }),
    output: ruleSettingsSchema,
    access: ['OFFICER'],
    description: '选择分析所用的规则包 / choose the rule pack the app analyses with'
  }
} as const satisfies Record<string, ChannelDef>
