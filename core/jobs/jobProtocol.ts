// The job runner's message protocol (jobRunner.ts), shared by the runner and its workers' entry points.
import { z } from 'zod'

/** Messages a job worker posts to its parent. */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: z.number().min(0).max(1), stage: z.string() }),
  z.object({ type: z.literal('done'), result: z.unknown() }),
  z.object({ type: z.literal('error'), message: z.string() })
])
export type WorkerMessage = z.infer<typeof workerMessageSchema>

/** What the runner posts to a worker: one job's input. A worker answers it with WorkerMessages, ending with done or error. */
export const jobMessageSchema = z.object({ type: z.literal('job'), data: z.unknown() })
export type JobMessage = z.infer<typeof jobMessageSchema>
