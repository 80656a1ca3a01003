// Handlers of the plans screen: the windowed list, filter options and one plan's detail.
import { z } from 'zod'
import {
  countPlans, countPlansByStatus, departmentsByIds, enterprisesByIds, findPlan, itemsByIds, listPlanPage, planFacets, planReviews,
  tasksOfPlan
} from '../../../db/queries/plans.ts'
import { exportPlans } from '../../export/exportPlans.ts'
import type { PlanDetail, PlanHistoryEvent } from '../channels.ts'
import { ApiFailure } from '../context.ts'
import type { HandlerMap } from '../handler.ts'
import { exportFileView } from './exportFile.ts'

/** The detail shows this many tasks of a plan (newest first); the total is always given. */
const PLAN_DETAIL_TASK_LIMIT = 500

// The JSON columns were written by the record writer from validated records; parsing still guards
// against a hand-edited database rather than trusting a cast.
const idList = z.array(z.string())
const targetList = z.array(z.object({ enterprise_id: z.string(), site_id: z.string().nullish() }))
const siteList = z.array(z.object({ id: z.string(), address: z.string() }))

function parseJson<T>(schema: z.ZodType<T>, text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

const REVIEW_EVENT_KIND = { FILE: 'REVIEW_FILE', RETURN: 'REVIEW_RETURN' } as const

function buildHistory(plan: { submitted_at: string | null; filed_at: string | null; published_at: string | null }, reviews: ReturnType<typeof planReviews>): PlanHistoryEvent[] {
  const events: PlanHistoryEvent[] = []
  const central = (kind: 'SUBMITTED' | 'FILED' | 'PUBLISHED', at: string | null) => {
    if (at) events.push({ kind, at, actor: null, reason: null, syncStatus: null })
  }
  central('SUBMITTED', plan.submitted_at)
  central('FILED', plan.filed_at)
  central('PUBLISHED', plan.published_at)
  for (const r of reviews) {
    const kind = r.decision === 'FILE' || r.decision === 'RETURN' ? REVIEW_EVENT_KIND[r.decision] : 'REVIEW_OTHER'
    events.push({ kind, at: r.decided_at, actor: r.reviewer_name ?? r.reviewer_id, reason: r.reason, syncStatus: r.sync_status })
  }
  // Timestamps carry different offsets, so compare instants, not strings.
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

export const planHandlers: HandlerMap<'plans.list' | 'plans.facets' | 'plans.get' | 'plans.export'> = {
  'plans.list': (ctx, input) => {
    const { offset, limit, includeCounts, ...filter } = input
    const sqlite = ctx.db.sqlite
    const statusCounts = includeCounts ? countPlansByStatus(sqlite, filter) : null
    const total = statusCounts
      ? filter.status
        ? (statusCounts[filter.status] ?? 0)
        : Object.values(statusCounts).reduce((a, b) => a + b, 0)
      : countPlans(sqlite, filter)
    return { total, offset, rows: listPlanPage(sqlite, filter, offset, limit), statusCounts }
  },

  'plans.export': async (ctx, input) => exportFileView(await exportPlans(ctx.db.sqlite, input, { userId: ctx.user.id, at: ctx.now() })),

  'plans.facets': (ctx) => {
    const { departments, years } = planFacets(ctx.db.sqlite)
    const perDomain = new Map<string, number>()
    for (const d of departments) if (d.domain) perDomain.set(d.domain, (perDomain.get(d.domain) ?? 0) + d.planCount)
    return {
      departments,
      domains: [...perDomain].map(([domain, planCount]) => ({ domain, planCount })),
      years,
      total: departments.reduce((a, d) => a + d.planCount, 0)
    }
  },

  'plans.get': (ctx, input): PlanDetail => {
    const sqlite = ctx.db.sqlite
    const plan = findPlan(sqlite, input.id)
    if (!plan) throw new ApiFailure('NOT_FOUND', `检查计划 ${input.id} 不存在 / no such plan`)
    const participantIds = parseJson(idList, plan.participant_department_ids, [])
    const departments = departmentsByIds(sqlite, [plan.department_id, ...participantIds])
    const itemIds = parseJson(idList, plan.item_ids, [])
    const items = itemsByIds(sqlite, itemIds)
    const targets = parseJson(targetList, plan.targets, [])
    const enterprises = enterprisesByIds(sqlite, targets.map((t) => t.enterprise_id))
    const tasks = tasksOfPlan(sqlite, plan.id, plan.plan_code, PLAN_DETAIL_TASK_LIMIT)
    const lead = departments.get(plan.department_id)
    return {
      plan: {
        id: plan.id, planCode: plan.plan_code, title: plan.title,
        department: { id: plan.department_id, name: lead?.name ?? null },
        domain: lead?.domain ?? null,
        participants: participantIds.map((id) => ({ id, name: departments.get(id)?.name ?? null })),
        planType: plan.plan_type, origin: plan.origin, year: plan.year, windowFrom: plan.window_from, windowTo: plan.window_to,
        scope: plan.scope, samplingRatio: plan.sampling_ratio, method: plan.method, frequency: plan.frequency, legalBasis: plan.legal_basis,
        status: plan.status, submittedAt: plan.submitted_at, filedAt: plan.filed_at, publishedAt: plan.published_at
      },
      items: itemIds.map((id) => {
        const item = items.get(id)
        return { id, name: item?.name ?? null, domain: item?.domain ?? null, list: item?.list ?? null, legalBasis: item?.legal_basis ?? null }
      }),
      targets: targets.map((t) => {
        const enterprise = enterprises.get(t.enterprise_id)
        const sites = enterprise ? parseJson(siteList, enterprise.sites, []) : []
        const siteId = t.site_id ?? null
        return {
          enterpriseId: t.enterprise_id,
          enterpriseName: enterprise?.name ?? null,
          sites: siteId === null ? sites : sites.filter((s) => s.id === siteId).concat(sites.some((s) => s.id === siteId) ? [] : [{ id: siteId, address: '' }]),
          allSites: siteId === null
        }
      }),
      history: buildHistory(plan, planReviews(sqlite, plan.id)),
      tasks: {
        total: tasks.total,
        rows: tasks.rows.map((t) => ({
          id: t.id, code: t.code, enterpriseId: t.enterprise_id, enterpriseName: t.enterprise_name, inspectionDate: t.first_visit_date,
          mode: t.mode, kind: t.kind, status: t.status, linkedBy: t.plan_id === plan.id ? 'PLAN_ID' : 'PLAN_CODE'
        }))
      }
    }
  }
}
