import { isDomain } from '../../contract/scalars.ts'
import { loadFlagEvidence } from '../../flags/evidence.ts'
import { exportFlags } from '../../export/exportFlags.ts'
import { decideFlags, flagGroupCounts, getFlag, listFlags } from '../../flags/queries.ts'
import { formatBasis, ruleBasis, ruleTitle } from '../../rules/active.ts'
import { activeRulePack } from '../../rules/ruleSettings.ts'
import { ApiFailure } from '../context.ts'
import type { HandlerMap } from '../handler.ts'
import { exportFileView } from './exportFile.ts'

export const flagHandlers: HandlerMap<'flags.list' | 'flags.groups' | 'flags.get' | 'flags.decide' | 'flags.export'> = {
  'flags.list': (ctx, input) => {
    const { offset, limit, ...filter } = input
    const pack = activeRulePack(ctx.db.sqlite)
    const result = listFlags(ctx.db.sqlite, filter, offset, limit)
    return { total: result.total, rows: result.rows.map((r) => ({ ...r, ruleName: ruleTitle(pack, r.rule) })) }
  },
  'flags.groups': (ctx, input) => {
    const pack = activeRulePack(ctx.db.sqlite)
    const counts = flagGroupCounts(ctx.db.sqlite, input)
    return {
      byRule: counts.byRule.map((r) => ({ key: r.key, name: ruleTitle(pack, r.key), severity: r.severity, open: r.open, total: r.total })),
      byDepartment: counts.byDepartment.map((r) => ({ key: r.key, name: r.name, severity: null, open: r.open, total: r.total })),
      byStatus: counts.byStatus
    }
  },
  'flags.get': (ctx, input) => {
    const sqlite = ctx.db.sqlite
    const flag = getFlag(sqlite, input.flagKey)
    if (!flag) throw new ApiFailure('NOT_FOUND', `问题线索不存在（可能已在重新分析后消除）/ no such flag: ${input.flagKey}`)
    const pack = activeRulePack(sqlite)
    const domain = flag.departmentId ? (sqlite.prepare('SELECT domain FROM departments WHERE id = ?').pluck().get(flag.departmentId) as string | undefined) : undefined
    const evidence = loadFlagEvidence(sqlite, flag.taskIds, flag.planIds, flag.enterpriseId)
    return {
      ...flag,
      ruleName: ruleTitle(pack, flag.rule),
      basis: formatBasis(pack, ruleBasis(pack, flag.rule, domain && isDomain(domain) ? domain : null)),
      ...evidence
    }
  },
  'flags.decide': (ctx, input) =>
    decideFlags(ctx.db.sqlite, { flagKeys: input.flagKeys, decision: input.decision, reason: input.reason?.trim() || null, userId: ctx.user.id, at: ctx.now().toISOString() }),
  'flags.export': async (ctx, input) => exportFileView(await exportFlags(ctx.db.sqlite, input, { userId: ctx.user.id, at: ctx.now() }))
}
