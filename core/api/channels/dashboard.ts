// Channels of the home screen (工作台) and the header's data freshness (数据更新时间).
import { z } from 'zod'
import type { ChannelDef } from './types.ts'

export const dataFreshnessSchema = z.object({
  /** The last file import or demo load (import_batches), ISO timestamp. */
  lastImportAt: z.string().nullable(),
  /** The last successful pull from the central system (sync_cursors). */
  lastSyncAt: z.string().nullable()
})
export type DataFreshness = z.infer<typeof dataFreshnessSchema>

export const waitingPlanSchema = z.object({
  id: z.string(),
  planCode: z.string().nullable(),
  title: z.string(),
  departmentName: z.string().nullable(),
  submittedAt: z.string().nullable()
})
export type WaitingPlan = z.infer<typeof waitingPlanSchema>

export const dashboardSummarySchema = z.object({
  plans: z.object({
    total: z.number(),
    byStatus: z.record(z.string(), z.number()),
    /** Submitted plans without a local review decision made after their submission (待审核). */
    waitingReview: z.number(),
    /** The longest-waiting ones, oldest submission first. */
    oldestWaiting: z.array(waitingPlanSchema)
  }),
  tasks: z.object({ total: z.number() }),
  enterprises: z.number(),
  departments: z.number(),
  flags: z.object({ total: z.number(), undecided: z.number() }),
  freshness: dataFreshnessSchema,
  /** Years deadlines will soon fall in without a holiday schedule (core/calendar/coverage.ts missingSoon). */
  calendarMissing: z.array(z.number())
})
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>

export const dashboardChannels = {
  'dashboard.summary': {
    input: z.object({}),
    output: dashboardSummarySchema,
    access: 'ANY',
    description: '工作台概览 / home screen figures'
  },
  'data.freshness': {
    input: z.object({}),
    output: dataFreshnessSchema,
    access: 'ANY',
    description: '数据更新时间 / when the central data was last imported or synced'
  }
} as const satisfies Record<string, ChannelDef>
