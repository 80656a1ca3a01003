// Channels of the analysis run (规则分析).
import { z } from 'zod'
import type { ChannelDef } from './types.ts'

export const jobStatusSchema = z.object({
  id: z.string(), kind: z.string(), state: z.enum(['RUNNING', 'DONE', 'FAILED', 'CANCELLED']), progress: z.number(), stage: z.string(),
  startedAt: z.string(), finishedAt: z.string().nullable(), result: z.unknown(), error: z.string().nullable()
})
export type JobStatusView = z.infer<typeof jobStatusSchema>

export const lastRunSchema = z.object({
  id: z.number(), asOf: z.string(), rulePack: z.string(), rulePackVersion: z.string().nullable(), startedAt: z.string(), finishedAt: z.string().nullable(), inputSeq: z.number(),
  flagCount: z.number(), warnings: z.array(z.string())
})

export const analysisChannels = {
  'analysis.start': {
    input: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), full: z.boolean().default(false) }),
    output: jobStatusSchema,
    access: ['OFFICER', 'AUDITOR'],
    description: '开始规则分析（后台运行）/ start an analysis in the background'
  },
  'analysis.status': {
    input: z.object({}),
    output: z.object({
      job: jobStatusSchema.nullable(), lastRun: lastRunSchema.nullable(), changedSinceLastRun: z.boolean(),
      /** The rule pack or its local switches changed since the last run: its flags are another setting's. */
      rulesChanged: z.boolean(),
      /** The pack the next analysis runs: its name and version (`+local.<hash>` with local rule switches). */
      rulesNow: z.object({ pack: z.string(), version: z.string() })
    }),
    access: 'ANY',
    description: '分析进度与上次结果 / progress of the running analysis and the last run'
  },
  'analysis.cancel': {
    input: z.object({ jobId: z.string() }),
    output: z.object({ cancelled: z.boolean() }),
    access: ['OFFICER', 'AUDITOR'],
    description: '取消分析 / cancel a running analysis'
  }
} as const satisfies Record<string, ChannelDef>
