// Running an import as a job of the job runner (core/jobs/jobRunner.ts), off the host's event loop:
// `runner.start('import', IMPORT_JOB_URL, input)`. The job's worker opens its own connection to the
// database and reports progress as the share of input bytes read.
import { z } from 'zod'

export const importJobInputSchema = z.object({
  dbPath: z.string().min(1),
  paths: z.array(z.string().min(1)).min(1),
  userId: z.string().min(1)
})
export type ImportJobInput = z.infer<typeof importJobInputSchema>

/** The worker module the job runner starts for an import. */
export const IMPORT_JOB_URL = new URL('./importJobWorker.ts', import.meta.url)
