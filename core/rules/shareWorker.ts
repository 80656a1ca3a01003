// Worker thread entry of one share of a parallel full analysis (parallel.ts): its own read-only
// connection, the share's analysis, then the result on the port and a flag raised in `done`.
import { workerData } from 'node:worker_threads'
import { z } from 'zod'
import { openReader } from '../../db/reader.ts'
import { rulePackSchema } from './pack.ts'
import { analyzeShare } from './shares.ts'
import { shareWorkerDataSchema, type ShareMessage } from './parallel.ts'

const data = shareWorkerDataSchema.parse(workerData)
let message: ShareMessage
try {
  const sqlite = openReader(data.dbPath)
  try {
    const pack = rulePackSchema.parse(data.pack)
    message = { ok: true, ...analyzeShare(sqlite, data.partition, pack, data.asOf) }
  } finally {
    sqlite.close()
  }
} catch (error) {
  message = { ok: false, error: error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error) }
}
data.port.postMessage(message)
const done = new Int32Array(data.done)
Atomics.store(done, data.partition.index, 1)
Atomics.notify(done, data.partition.index)
