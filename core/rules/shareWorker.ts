// Worker thread entry of one share of a parallel full analysis (parallel.ts): its own read-only
// connection, the rule pack, the share's analysis; then the result goes on the port and a flag is
// raised in `done`.
import { workerData } from 'node:worker_threads'
import { z } from 'zod'
import type { Sqlite } from '../../db/client.ts'
import { openReader } from '../../db/reader.ts'
import { rulePackSchema, type RulePack } from './pack.ts'
import { analyzeShare } from './shares.ts'
import { shareWorkerDataSchema, type ShareMessage } from './parallel.ts'

const data = shareWorkerDataSchema.parse(workerData)

function errorText(error: unknown): string {
  return error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)
}

function analyse(): ShareMessage {
  let sqlite: Sqlite | null = null
  try {
    sqlite = openReader(data.dbPath)
    const pack: RulePack = rulePackSchema.parse(data.pack)
    return { ok: true, ...analyzeShare(sqlite, data.partition, pack, data.asOf) }
  } catch (error) {
    return { ok: false, error: errorText(error) }
  } finally {
    sqlite?.close()
  }
}

data.port.postMessage(analyse())
const done = new Int32Array(data.done)
Atomics.store(done, data.partition.index, 1)
Atomics.notify(done, data.partition.index)
