// Special inspections of labour security (人社专项检查, R-PLAN-12 / D-29): an HRSS department's planned
// on-site inspections are special inspections that follow an upper level's deployment, and reach only
// enterprises that already had a case or clue (案件、线索) before the special started. The data shows a
// case or clue as a triggered (触发式) inspection of the same domain; the plan shows the deployment.
import { isoFromDay } from '../../calendar/days.ts'
import { PLAN_ORIGIN_LABELS } from '../../contract/planLabels.ts'
import type { AnalysisModel, PlanFact, TaskFact } from '../context.ts'
import { day, deptName, entName, PLAN_TYPE_CN, planRef, taskRef } from '../describe.ts'
import type { Emitter } from '../emit.ts'
import type { RuleConfig } from '../pack.ts'
import type { RuleImpl } from '../rule.ts'
import { planEvidence } from './plans.ts'

/**
 * A special plan follows an upper level's deployment: its origin says so (上级部署), or its own department
 * is of a deploying level (a city bureau's plan). Shared with plan review (core/review/specialScope.ts).
 */
export function deployedFromAbove(
  scope: { deployed_origins: readonly string[]; deploying_levels: readonly string[] }, origin: string, planDepartmentLevel: string | undefined
): boolean {
  return scope.deployed_origins.includes(origin) || (planDepartmentLevel !== undefined && scope.deploying_levels.includes(planDepartmentLevel))
}

export const hrssSpecialScope: RuleImpl<'HRSS_SPECIAL_SCOPE'> = (m, cfg, out) => {
  const { domains, plan_types } = cfg.params
  const inDomain = (f: TaskFact) => f.leadDomain !== null && domains.includes(f.leadDomain)
  const deployed = (p: PlanFact) => deployedFromAbove(cfg.params, p.plan.origin, m.departments.get(p.plan.department_id)?.level)
  return {
    enterpriseRun: (run, from, to) => {
      // The enterprise's cases and clues of these domains: its triggered inspections, in task order.
      let clues: TaskFact[] | null = null
      for (let i = from; i < to; i++) {
        const f = run[i]!
        if (!f.planned || !inDomain(f)) continue
        const p = m.resolvedPlan(f)
        // Without a plan of these types it is no special inspection (UNFILED_PLANNED_INSPECTION speaks of a missing plan).
        if (p === null || !plan_types.includes(p.plan.plan_type)) continue
        clues ??= collectClues(run, from, to, inDomain)
        // A case or clue of the inspection's own domain, before the special started.
        const earlier = clues.filter((c) => c.leadDomain === f.leadDomain && c.inspDay < p.windowFrom)
        const reasons = [...(deployed(p) ? [] : ['NOT_DEPLOYED_FROM_ABOVE']), ...(earlier.length > 0 ? [] : ['NO_PRIOR_CASE_OR_CLUE'])]
        if (reasons.length === 0) continue
        emitFlag(m, out, cfg, f, p, reasons, earlier)
      }
    }
  }
}

function collectClues(run: readonly TaskFact[], from: number, to: number, inDomain: (f: TaskFact) => boolean): TaskFact[] {
  const clues: TaskFact[] = []
  for (let i = from; i < to; i++) if (run[i]!.triggered && inDomain(run[i]!)) clues.push(run[i]!)
  return clues
}

function emitFlag(
  m: AnalysisModel, out: Emitter, cfg: RuleConfig<'HRSS_SPECIAL_SCOPE'>, f: TaskFact, p: PlanFact, reasons: string[], earlier: readonly TaskFact[]
): void {
  const clauses: string[] = []
  if (reasons.includes('NOT_DEPLOYED_FROM_ABOVE')) clauses.push(`该计划为“${PLAN_ORIGIN_LABELS[p.plan.origin]}”，不是按上级部门部署开展的专项检查`)
  if (reasons.includes('NO_PRIOR_CASE_OR_CLUE')) clauses.push(`该企业在专项检查启动（${day(p.windowFrom)}）前没有本领域的案件或线索`)
  out.emit('HRSS_SPECIAL_SCOPE', cfg, {
    task_ids: [f.id], plan_ids: [p.id], enterprise_id: f.enterpriseId, department_id: f.lead, domain: f.leadDomain,
    evidence: {
      inspection_date: isoFromDay(f.inspDay), reasons,
      plan: planEvidence(p),
      earlier_cases: earlier.map((c) => ({ id: c.id, inspection_date: isoFromDay(c.inspDay), trigger_source: c.triggerSource, trigger_ref: c.triggerRef }))
    },
    message: `${deptName(m, f.lead)}于${day(f.inspDay)}对${entName(m, f.enterpriseId)}开展${PLAN_TYPE_CN[p.plan.plan_type]}检查（${taskRef(f)}），` +
      `所依据的计划${planRef(p)}：${clauses.join('；')}。`
  })
}
