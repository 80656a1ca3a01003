// Worker thread entry of one share of a parallel full analysis (parallel.ts): its own read-only
// connection and the rule pack are made ready at once; the share's analysis waits for the re-check
// groups on the port; then the result goes on the port and a flag is raised in `done`.
import { workerData } from 'node:worker_threads'
import { z } from 'zod'
import type { Sqlite } from '../../db/client.ts'
import { openReader } from '../../db/reader.ts'
import { rulePackSchema, type RulePack } from './pack.ts'
import { analyzeShare } from './shares.ts'
import { shareGroupsSchema, shareWorkerDataSchema, type ShareMessage } from './parallel.ts'

const data = shareWorkerDataSchema.parse(workerData)

function errorText(error: unknown): string {
  return error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)
}

/** The connection and pack, opened while the caller is still working out the groups. */
function prepare(): { sqlite: Sqlite; pack: RulePack } | { error: string } {
  let sqlite: Sqlite | null = null
  try {
    sqlite = openReader(data.dbPath)
    return { sqlite, pack: rulePackSchema.parse(data.pack) }
  } catch (error) {
    sqlite?.close()
    return { error: errorText(error) }
  }
}

const ready = prepare()

function analyse(groups: unknown): ShareMessage {
  if ('error' in ready) return { ok: false, error: ready.error }
  try {
    const groupOf = shareGroupsSchema.parse(groups)
    return { ok: true, ...analyzeShare(ready.sqlite, { ...data.partition, groupOf }, ready.pack, data.asOf) }
  } catch (error) {
    return { ok: false, error: errorText(error) }
  } finally {
    ready.sqlite.close()
  }
}

data.port.once('message', (groups: unknown) => {
  data.port.postMessage(analyse(groups))
  const done = new Int32Array(data.done)
  Atomics.store(done, data.partition.index, 1)
  Atomics.notify(done, data.partition.index)
})
