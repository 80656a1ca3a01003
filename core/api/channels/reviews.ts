// Channels of plan review (计划审核).
import { z } from 'zod'
import type { ChannelDef } from './types.ts'

const reviewCheckSchema = z.object({ code: z.string(), severity: z.enum(['MUST', 'SHOULD', 'INFO']), message: z.string(), basis: z.string(), enterpriseId: z.string().optional() })
const highlightSchema = z.enum(['SAME_DEPARTMENT_THIS_YEAR', 'WITHIN_MIN_INTERVAL', 'RECOGNISABLE_RESULT', 'PENDING'])

export const reviewQueueRowSchema = z.object({
  id: z.string(), planCode: z.string().nullable(), title: z.string(), departmentId: z.string(), departmentName: z.string().nullable(),
  domain: z.string().nullable(), planType: z.string(), origin: z.string(), windowFrom: z.string(), windowTo: z.string(),
  submittedAt: z.string().nullable(), targetCount: z.number(), localDecision: z.string().nullable(), localDecidedAt: z.string().nullable(),
  /** This workstation decided on an earlier submission of the plan: it was returned (or filed) and came back. */
  resubmitted: z.boolean()
})

export const planReviewSchema = z.object({
  plan: z.record(z.string(), z.unknown()),
  departmentName: z.string().nullable(),
  domain: z.string().nullable(),
  historyFrom: z.string(),
  historyBasis: z.string(),
  itemNames: z.record(z.string(), z.string()),
  checks: z.array(reviewCheckSchema),
  history: z.array(z.object({
    enterpriseId: z.string(), enterpriseName: z.string().nullable(), siteId: z.string().nullable(), siteAddress: z.string().nullable(),
    lists: z.array(z.object({ list: z.string(), domain: z.string().nullable(), from: z.string(), to: z.string().nullable() })),
    grade: z.string().nullable(),
    entries: z.array(z.object({
      taskId: z.string(), code: z.string().nullable(), departmentIds: z.array(z.string()), departmentNames: z.array(z.string()), kind: z.string(),
      special: z.string(), mode: z.string(), status: z.string(), inspectionDate: z.string().nullable(), lastVisitDate: z.string().nullable(),
      itemNames: z.array(z.string()), highlights: z.array(highlightSchema)
    }))
  })),
  proposals: z.array(z.object({
    planId: z.string(), planCode: z.string().nullable(), title: z.string(), departmentId: z.string(), departmentName: z.string().nullable(),
    status: z.string(), windowFrom: z.string(), windowTo: z.string(), sharedEnterpriseIds: z.array(z.string()), suggestedLeadDepartmentId: z.string()
  })),
  decisions: z.array(z.object({ decision: z.string(), reason: z.string().nullable(), reviewerName: z.string().nullable(), decidedAt: z.string(), syncStatus: z.string() }))
})
export type PlanReviewView = z.infer<typeof planReviewSchema>

export const reviewChannels = {
  'reviews.queue': {
    input: z.object({ departmentId: z.string().optional(), text: z.string().max(200).optional(), includeDecided: z.boolean().default(false), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ total: z.number(), rows: z.array(reviewQueueRowSchema) }),
    access: 'ANY',
    description: '待审核计划 / the queue of submitted plans'
  },
  'reviews.get': {
    input: z.object({ planId: z.string().min(1) }),
    output: planReviewSchema,
    access: 'ANY',
    description: '计划审核视图 / a plan with its checks, history and joint proposals'
  },
  'reviews.decide': {
    input: z
      .object({ planId: z.string().min(1), decision: z.enum(['FILE', 'RETURN']), reason: z.string().max(2000).optional() })
      .refine((v) => v.decision !== 'RETURN' || (v.reason ?? '').trim().length > 0, { message: '退回计划须说明理由 / a reason is required to return a plan', path: ['reason'] }),
    output: z.object({ reviewId: z.string() }),
    access: ['OFFICER'],
    description: '备案或退回计划 / file or return a plan'
  }
} as const satisfies Record<string, ChannelDef>
