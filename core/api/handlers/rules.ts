import type { Sqlite } from '../../../db/client.ts'
import { calendarCoverage } from '../../calendar/coverage.ts'
import { shanghaiToday } from '../../contract/scalars.ts'
import { lastAnalysisRun, ranWithOtherRules } from '../../analysis/runAnalysis.ts'
import { formatBasis } from '../../rules/active.ts'
import { isRuleCode, RULE_CODES, type RulePack } from '../../rules/pack.ts'
import { BUILTIN_RULE_PACKS, builtinRulePack } from '../../rules/packs.ts'
import { activeRulePackName, applyRuleSwitches, resetRuleSwitches, ruleSwitches, selectRulePack, setRuleEnabled } from '../../rules/ruleSettings.ts'
import type { RuleSettingsView, RuleView } from '../channels.ts'
import { ApiFailure } from '../context.ts'
import type { HandlerMap } from '../handler.ts'

function entries<V>(map: Partial<Record<string, V>> | undefined): [string, V][] {
  return Object.entries(map ?? {}).filter((e): e is [string, V] => e[1] !== undefined)
}

function ruleViews(pack: RulePack, defaults: RulePack): RuleView[] {
  return RULE_CODES.map((code) => {
    const cfg = pack.rules[code]
    return {
      code, title: cfg.title, catalogue: cfg.catalogue, severity: cfg.severity,
      severityByDomain: entries(cfg.severity_by_domain).map(([domain, severity]) => ({ domain, severity })),
      enabled: cfg.enabled, enabledInPack: defaults.rules[code].enabled,
      basis: formatBasis(pack, cfg.basis).split('\n'),
      basisByDomain: entries(cfg.basis_by_domain).map(([domain, bases]) => ({ domain, lines: formatBasis(pack, bases).split('\n') })),
      decisions: cfg.decisions ?? [],
      params: { ...cfg.params }
    }
  })
}

function ruleSettingsView(sqlite: Sqlite, now: Date): RuleSettingsView {
  const name = activeRulePackName(sqlite)
  const defaults = builtinRulePack(name)
  const pack = applyRuleSwitches(defaults, ruleSwitches(sqlite, name))
  const last = lastAnalysisRun(sqlite)
  return {
    pack: {
      name, title: pack.title, jurisdiction: pack.jurisdiction, description: pack.description, extends: pack.extends ?? null,
      packVersion: defaults.pack_version, effectiveVersion: pack.pack_version
    },
    packs: BUILTIN_RULE_PACKS.map((n) => {
      const p = builtinRulePack(n)
      return { name: n, title: p.title, jurisdiction: p.jurisdiction, active: n === name }
    }),
    rules: ruleViews(pack, defaults),
    flagsStale: last !== null && ranWithOtherRules(last, pack),
    lastRun: last && { rulePack: last.rulePack, rulePackVersion: last.rulePackVersion, finishedAt: last.finishedAt },
    calendar: calendarCoverage(sqlite, shanghaiToday(now))
  }
}

export const ruleHandlers: HandlerMap<'rules.get' | 'rules.setEnabled' | 'rules.reset' | 'rules.selectPack'> = {
  'rules.get': (ctx) => ruleSettingsView(ctx.db.sqlite, ctx.now()),
  'rules.setEnabled': (ctx, input) => {
    if (!isRuleCode(input.rule)) throw new ApiFailure('BAD_INPUT', `未知规则 / unknown rule: ${input.rule}`)
    setRuleEnabled(ctx.db.sqlite, input.rule, input.enabled, { userId: ctx.user.id, at: ctx.now().toISOString(), reason: input.reason })
    return ruleSettingsView(ctx.db.sqlite, ctx.now())
  },
  'rules.reset': (ctx, input) => {
    resetRuleSwitches(ctx.db.sqlite, { userId: ctx.user.id, at: ctx.now().toISOString(), reason: input.reason })
    return ruleSettingsView(ctx.db.sqlite, ctx.now())
  },
  'rules.selectPack': (ctx, input) => {
    try {
      selectRulePack(ctx.db.sqlite, input.pack, { userId: ctx.user.id, at: ctx.now().toISOString(), reason: input.reason })
    } catch (error) {
      // The one check of the name is selectRulePack's: a pack that is not shipped.
      if (error instanceof RangeError) throw new ApiFailure('BAD_INPUT', error.message)
      throw error
    }
    return ruleSettingsView(ctx.db.sqlite, ctx.now())
  }
}
