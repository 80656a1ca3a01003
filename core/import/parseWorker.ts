// The import's parse worker: runs the line pass (lineProcessor.ts) over the files and posts the valid
// records as table rows to the main thread, which only writes them. Parsing and validating is as much
// work as SQLite's insert itself, so doing it here roughly halves an import's wall time on two cores.
import { parentPort, workerData } from 'node:worker_threads'
import { RECORD_TYPES, type InterchangeRecord, type RecordType } from '../contract/records.ts'
import { recordToRow, type Scalar } from '../../db/records.ts'
import { ImportInputError } from './errors.ts'
import { createParseState, processFile, toParseResult } from './lineProcessor.ts'
import { MAX_BATCHES_IN_FLIGHT, ROWS_PER_BATCH, type WorkerInput, type WorkerMessage } from './workerProtocol.ts'

const TYPE_INDEX = new Map<RecordType, number>(RECORD_TYPES.map((t, i) => [t, i]))

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer)
  const inFlight = new Int32Array(input.control)
  let types: number[] = []
  let rows: Scalar[][] = []

  const flush = () => {
    if (rows.length === 0) return
    const typeBytes = Uint8Array.from(types)
    post({ kind: 'rows', types: typeBytes, rows: JSON.stringify(rows) }, [typeBytes.buffer])
    types = []
    rows = []
    Atomics.add(inFlight, 0, 1)
    // Back-pressure: wait while the writer has too many batches queued.
    for (let queued = Atomics.load(inFlight, 0); queued >= MAX_BATCHES_IN_FLIGHT; queued = Atomics.load(inFlight, 0)) {
      Atomics.wait(inFlight, 0, queued, 100)
    }
  }
  const sink = (record: InterchangeRecord) => {
    rows.push(recordToRow(record))
    types.push(TYPE_INDEX.get(record.type) ?? 0)
    if (rows.length >= ROWS_PER_BATCH) flush()
  }

  post({ kind: 'ready' })
  const state = createParseState()
  for (const [fileIndex, path] of input.paths.entries()) {
    await processFile(path, fileIndex, state, sink, (progress) => {
      flush()
      post({ kind: 'progress', progress })
    })
  }
  flush()
  post({ kind: 'done', result: toParseResult(state) })
}

if (parentPort) {
  const port = parentPort
  run(port, workerData as WorkerInput).catch((error: unknown) => {
    const message: WorkerMessage = error instanceof ImportInputError
      ? { kind: 'error', name: error.name, message: error.message, file: error.file, problem: error.problem }
      : { kind: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), file: null, problem: null }
    port.postMessage(message)
  })
}
