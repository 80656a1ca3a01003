// Worker entry of import jobs (see importJob.ts). Speaks the job runner's message protocol: a job
// message in; progress (0..1 with a stage), then done with the import report, or error with a one-line message.
import { parentPort } from 'node:worker_threads'
import { openDatabase } from '../../db/client.ts'
import { jobMessageSchema, type WorkerMessage } from '../jobs/jobProtocol.ts'
import { importJobInputSchema } from './importJob.ts'
import { checkInputFiles, importFiles } from './importFiles.ts'

/** Reading and validating is most of the work; the rest (references, report, commit) is the last 5 %. */
const READ_SHARE = 0.95

async function run(port: NonNullable<typeof parentPort>, message: unknown): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message)
  const input = importJobInputSchema.parse(jobMessageSchema.parse(message).data)
  checkInputFiles(input.paths) // before the database is even created
  const opened = openDatabase(input.dbPath)
  try {
    const report = await importFiles(opened, input.paths, {
      userId: input.userId,
      onProgress: (p) => post({ type: 'progress', progress: p.bytesTotal > 0 ? (READ_SHARE * p.bytesRead) / p.bytesTotal : 0, stage: `读取与校验 / reading ${p.fileIndex + 1}/${p.fileCount}` })
    })
    post({ type: 'done', result: report })
  } finally {
    opened.sqlite.close()
  }
}

if (parentPort) {
  const port = parentPort
  const fail = (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage)
  port.on('message', (message: unknown) => {
    run(port, message).catch(fail)
  })
}
