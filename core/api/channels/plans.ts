// Channels of the plans screen (计划).
import { z } from 'zod'
import type { ChannelDef } from './types.ts'

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

export const planListQuerySchema = z.object({
  departmentId: z.string().optional(),
  domain: z.string().optional(),
  planType: z.string().optional(),
  status: z.string().optional(),
  year: z.number().int().optional(),
  text: z.string().max(200).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100)
})
export type PlanListQuery = z.input<typeof planListQuerySchema>

export const planChannels = {
  'plans.list': {
    input: planListQuerySchema,
    output: z.object({ total: z.number(), rows: z.array(planRowSchema) }),
    access: 'ANY',
    description: '检查计划列表 / list plans with filters (windowed)'
  }
} as const satisfies Record<string, ChannelDef>
