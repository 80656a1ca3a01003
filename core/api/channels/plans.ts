// Channels of the plans screen (检查计划): the windowed list, its filter options, and one plan's detail.
// The list is paged on the server (offset/limit) so the screen stays fast at 100,000+ plans.
import { z } from 'zod'
import { PLAN_STATUSES, PLAN_TYPES } from '../../contract/records.ts'
import { DOMAINS } from '../../contract/scalars.ts'
import { exportFileSchema, type ChannelDef } from './types.ts'

export const planRowSchema = z.object({
  id: z.string(),
  planCode: z.string().nullable(),
  title: z.string(),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
  domain: z.string().nullable(),
  planType: z.string(),
  origin: z.string(),
  year: z.number(),
  windowFrom: z.string(),
  windowTo: z.string(),
  status: z.string(),
  submittedAt: z.string().nullable(),
  targetCount: z.number(),
  taskCount: z.number()
})
export type PlanRow = z.infer<typeof planRowSchema>

/** The filters of the plans list; every one optional, all of them combined with AND. */
export const planFilterSchema = z.object({
  departmentId: z.string().min(1).max(64).optional(),
  domain: z.enum(DOMAINS).optional(),
  planType: z.enum(PLAN_TYPES).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  year: z.number().int().min(1900).max(2999).optional(),
  /** Matches the title, the plan code or the lead department's name (contains, case-insensitive for Latin letters). */
  text: z.string().trim().max(200).optional()
})
export type PlanFilter = z.output<typeof planFilterSchema>

export const planListQuerySchema = planFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  /** Also count the matching plans per status (the first page of a filter needs it, later pages do not). */
  includeCounts: z.boolean().default(true)
})
export type PlanListQuery = z.input<typeof planListQuerySchema>

export const planStatusCountsSchema = z.record(z.string(), z.number())

export const planListSchema = z.object({
  total: z.number(),
  offset: z.number(),
  rows: z.array(planRowSchema),
  /** Plans matching every filter but the status one, per status; null when not asked for. */
  statusCounts: planStatusCountsSchema.nullable()
})
export type PlanList = z.infer<typeof planListSchema>

export const planFacetsSchema = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string(), domain: z.string(), planCount: z.number() })),
  domains: z.array(z.object({ domain: z.string(), planCount: z.number() })),
  years: z.array(z.number()),
  total: z.number()
})
export type PlanFacets = z.infer<typeof planFacetsSchema>

const departmentRefSchema = z.object({ id: z.string(), name: z.string().nullable() })

export const planHistoryEventSchema = z.object({
  /** SUBMITTED 提交 · FILED 备案 · PUBLISHED 公示 (central timestamps) · REVIEW_FILE / REVIEW_RETURN (local decisions). */
  kind: z.enum(['SUBMITTED', 'FILED', 'PUBLISHED', 'REVIEW_FILE', 'REVIEW_RETURN', 'REVIEW_OTHER']),
  at: z.string(),
  actor: z.string().nullable(),
  reason: z.string().nullable(),
  syncStatus: z.string().nullable()
})
export type PlanHistoryEvent = z.infer<typeof planHistoryEventSchema>

export const planTaskRowSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string().nullable(),
  inspectionDate: z.string().nullable(),
  mode: z.string(),
  kind: z.string(),
  status: z.string(),
  /** How the task names this plan: by its id, or only by the plan code it cited. */
  linkedBy: z.enum(['PLAN_ID', 'PLAN_CODE'])
})
export type PlanTaskRow = z.infer<typeof planTaskRowSchema>

export const planDetailSchema = z.object({
  plan: z.object({
    id: z.string(),
    planCode: z.string().nullable(),
    title: z.string(),
    department: departmentRefSchema,
    domain: z.string().nullable(),
    participants: z.array(departmentRefSchema),
    planType: z.string(),
    origin: z.string(),
    year: z.number(),
    windowFrom: z.string(),
    windowTo: z.string(),
    scope: z.string().nullable(),
    samplingRatio: z.number().nullable(),
    method: z.string().nullable(),
    frequency: z.string().nullable(),
    legalBasis: z.string().nullable(),
    status: z.string(),
    submittedAt: z.string().nullable(),
    filedAt: z.string().nullable(),
    publishedAt: z.string().nullable()
  }),
  items: z.array(z.object({ id: z.string(), name: z.string().nullable(), domain: z.string().nullable(), list: z.string().nullable(), legalBasis: z.string().nullable() })),
  targets: z.array(z.object({
    enterpriseId: z.string(),
    enterpriseName: z.string().nullable(),
    /** The named site, or every site of the enterprise when the plan names none. */
    sites: z.array(z.object({ id: z.string(), address: z.string() })),
    allSites: z.boolean()
  })),
  history: z.array(planHistoryEventSchema),
  tasks: z.object({ total: z.number(), rows: z.array(planTaskRowSchema) })
})
export type PlanDetail = z.infer<typeof planDetailSchema>

export const planChannels = {
  'plans.list': {
    input: planListQuerySchema,
    output: planListSchema,
    access: 'ANY',
    description: '检查计划列表 / list plans with filters (windowed)'
  },
  'plans.facets': {
    input: z.object({}),
    output: planFacetsSchema,
    access: 'ANY',
    description: '检查计划筛选项 / filter options of the plans list'
  },
  'plans.export': {
    input: planFilterSchema,
    output: exportFileSchema,
    access: 'ANY',
    description: '导出检查计划（Excel）/ the filtered plans as an .xlsx workbook (audited)'
  },
  'plans.get': {
    input: z.object({ id: z.string().min(1).max(64) }),
    output: planDetailSchema,
    access: 'ANY',
    description: '检查计划详情 / one plan with its items, targets, history and tasks'
  }
} as const satisfies Record<string, ChannelDef>
