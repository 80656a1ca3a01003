// Worker thread entry of analysis jobs: for each job the runner posts (it keeps this thread resident
// between jobs, jobRunner.ts), its own database connection (WAL lets the host keep reading), the run,
// and progress messages. The host has opened and migrated the file, so the worker opens it without
// drizzle (db/connection.ts): the job then starts in ~0.3 s instead of ~1.3 s.
import { parentPort } from 'node:worker_threads'
import { z } from 'zod'
import { openMigratedDatabase } from '../../db/connection.ts'
import { RULE_CODES } from '../rules/pack.ts'
import { switchedRulePack } from '../rules/ruleSettings.ts'
import { jobMessageSchema, type WorkerMessage } from '../jobs/jobProtocol.ts'
import { runIncrementalAnalysis } from './incremental.ts'
import { runFullAnalysis } from './runAnalysis.ts'

const inputSchema = z.object({
  dbPath: z.string(), asOf: z.string(), packName: z.string(),
  /** The officer's rule switches for the pack (ruleSettings.ts), as the handler read them when the job started. */
  switches: z.partialRecord(z.enum(RULE_CODES), z.boolean()).default({}),
  full: z.boolean().default(false), migrationsFolder: z.string().optional()
})

const post = (m: WorkerMessage) => parentPort?.postMessage(m)

function runJob(message: unknown): void {
  try {
    const input = inputSchema.parse(jobMessageSchema.parse(message).data)
    // Opened per job and closed after it: an idle worker holds no handle on the file.
    const sqlite = openMigratedDatabase(input.dbPath, input.migrationsFolder)
    try {
      const pack = switchedRulePack(input.packName, input.switches)
      const options = { asOf: input.asOf, pack, onProgress: (progress: number, stage: string) => post({ type: 'progress', progress, stage }) }
      // Only what changed since the last run is re-analysed, unless a full run is asked for.
      const result = input.full ? runFullAnalysis(sqlite, options) : runIncrementalAnalysis(sqlite, options)
      post({ type: 'done', result })
    } finally {
      sqlite.close()
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}

parentPort?.on('message', runJob)
