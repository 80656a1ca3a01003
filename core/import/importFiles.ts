// The interchange importer (数据导入): reads JSONL files line by line, validates each record with the
// contract's zod schemas, and writes every valid record of every file in ONE transaction (a new
// `import_batches` row gives the batch its `seq`; an audit entry records who imported what).
// A bad line is rejected alone and reported (line, field, why); a file that cannot be read at all, or
// names another major format version, aborts the whole import with nothing written.
//
// The line pass (parse + validate + build rows) runs in a worker thread while this thread writes, as
// parsing costs about as much as SQLite's insert itself. Where no worker can be started (e.g. a bundle
// without the worker file) the same pass runs in-thread, yielding to the event loop between batches.
import { basename } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { OpenedDb, Sqlite } from '../../db/client.ts'
import { createRecordWriter, TABLE_MAPPINGS, type RecordWriter, type Scalar } from '../../db/records.ts'
import { appendAudit } from '../audit.ts'
import { RECORD_TYPES, type InterchangeRecord, type RecordType } from '../contract/records.ts'
import { recordBeforeImages } from './beforeImages.ts'
import { ImportCancelledError, ImportInputError } from './errors.ts'
import { checkFirstLine } from './header.ts'
import { probeInputFile } from './lineReader.ts'
import { createParseState, processFile, toParseResult, type FileProgress, type ParseResult } from './lineProcessor.ts'
import { resolveDangling } from './references.ts'
import { emptyTypeCounts, REPORT_SAMPLE_LIMIT, type ImportReport, type TypeCounts } from './report.ts'
import type { WorkerInput, WorkerMessage } from './workerProtocol.ts'

export type ImportProgress = {
  file: string
  fileIndex: number
  fileCount: number
  /** Lines read so far in this file. */
  line: number
  /** Bytes read so far over all files, and their total size (for a progress bar). */
  bytesRead: number
  bytesTotal: number
  /** Valid records and rejected lines so far in this file. */
  records: number
  rejected: number
}

export type ImportOptions = {
  /** The acting user, recorded in `import_batches.user_id` and the audit log. */
  userId: string
  /** Called every few thousand lines and at the end of each file. */
  onProgress?: (progress: ImportProgress) => void
  /** Cancels the import; the transaction is rolled back and ImportCancelledError thrown. */
  signal?: AbortSignal
  /** Parse in a worker thread (default true; falls back to in-thread when no worker can start). */
  worker?: boolean
  /** Where the worker's module is, for hosts that bundle it elsewhere (default: ./parseWorker.ts here). */
  workerUrl?: URL
  /** The batch's time stamp (tests); defaults to now. */
  now?: () => Date
}

/** Tracks the batch's keys per type: distinct records, and duplicates (a later line overwrote an earlier one). */
type KeyTracker = {
  keys: Record<RecordType, Set<string>>
  /** The keys that appeared more than once. */
  duplicated: Record<RecordType, Set<string>>
  counts: Record<RecordType, TypeCounts>
  note(type: RecordType, key: string): void
}

function createKeyTracker(): KeyTracker {
  const keys = {} as Record<RecordType, Set<string>>
  const duplicated = {} as Record<RecordType, Set<string>>
  for (const type of RECORD_TYPES) {
    keys[type] = new Set()
    duplicated[type] = new Set()
  }
  const counts = emptyTypeCounts()
  return {
    keys,
    duplicated,
    counts,
    note(type, key) {
      const set = keys[type]
      const before = set.size
      set.add(key)
      const c = counts[type]
      c.records++
      if (set.size === before) {
        c.duplicates++
        duplicated[type].add(key)
      }
    }
  }
}

const recordKey = (r: InterchangeRecord): string => (r.type === 'calendar_day' ? r.date : r.id)
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The line pass in this thread (fallback, and the reference the worker mode is tested against). */
async function parseInThread(paths: readonly string[], writer: RecordWriter, tracker: KeyTracker, report: (p: FileProgress) => void, signal?: AbortSignal): Promise<ParseResult> {
  const state = createParseState()
  const sink = (record: InterchangeRecord) => {
    tracker.note(record.type, recordKey(record))
    writer.write(record)
  }
  for (const [fileIndex, path] of paths.entries()) {
    await processFile(path, fileIndex, state, sink, async (progress) => {
      report(progress)
      await yieldToEventLoop()
      if (signal?.aborted) throw new ImportCancelledError()
    })
  }
  return toParseResult(state)
}

const WORKER_URL = new URL('./parseWorker.ts', import.meta.url)

/** Thrown when the worker could not even start: the caller parses in-thread instead (nothing was written). */
class WorkerUnavailable extends Error {}

/** The line pass in the parse worker; rows are written here as they arrive. */
function parseInWorker(workerUrl: URL, paths: readonly string[], writer: RecordWriter, tracker: KeyTracker, report: (p: FileProgress) => void, signal?: AbortSignal): Promise<ParseResult> {
  return new Promise<ParseResult>((resolve, reject) => {
    const control = new SharedArrayBuffer(4)
    const inFlight = new Int32Array(control)
    let worker: Worker
    try {
      worker = new Worker(workerUrl, { workerData: { paths: [...paths], control } satisfies WorkerInput })
    } catch (error) {
      reject(new WorkerUnavailable(error instanceof Error ? error.message : String(error)))
      return
    }
    let ready = false
    let settled = false
    const finish = (error: Error | null, result?: ParseResult) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      if (error) {
        void worker.terminate()
        reject(error)
      } else if (result) {
        resolve(result)
      }
    }
    const onAbort = () => finish(new ImportCancelledError())
    signal?.addEventListener('abort', onAbort)

    const writeRows = (types: Uint8Array, json: string) => {
      const rows = JSON.parse(json) as Scalar[][]
      for (let i = 0; i < rows.length; i++) {
        const type = RECORD_TYPES[types[i] ?? 0]
        const row = rows[i]
        if (type === undefined || row === undefined) continue
        tracker.note(type, String(row[0]))
        writer.writeRow(type, row)
      }
    }

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return
      try {
        switch (message.kind) {
          case 'ready':
            ready = true
            return
          case 'rows':
            try {
              writeRows(message.types, message.rows)
            } finally {
              Atomics.sub(inFlight, 0, 1)
              Atomics.notify(inFlight, 0)
            }
            return
          case 'progress':
            report(message.progress)
            return
          case 'done':
            finish(null, message.result)
            return
          case 'error':
            finish(message.file !== null && message.problem !== null ? new ImportInputError(message.file, message.problem, message.message) : new Error(message.message))
        }
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)))
      }
    })
    worker.on('error', (error) => finish(ready ? error : new WorkerUnavailable(error.message)))
    worker.on('exit', (code) => finish(new Error(`导入线程意外退出 / the import worker exited unexpectedly (code ${code})`)))
    if (signal?.aborted) onAbort()
  })
}

type Batch = { seq: number; at: string }

function openBatch(sqlite: Sqlite, at: string, source: string, userId: string): Batch {
  const info = sqlite.prepare("INSERT INTO import_batches (at, source, user_id, report) VALUES (?, ?, ?, '{}')").run(at, source, userId)
  return { seq: Number(info.lastInsertRowid), at }
}

function scalarCount(sqlite: Sqlite, sql: string, param: number): number {
  const v = sqlite.prepare(sql).pluck().get(param)
  return typeof v === 'number' ? v : 0
}

/** max(rowid) per central table before the batch: rows above it afterwards were inserted by the batch. */
function maxRowids(sqlite: Sqlite): Record<RecordType, number> {
  const out = {} as Record<RecordType, number>
  for (const type of RECORD_TYPES) {
    const v = sqlite.prepare(`SELECT max(rowid) FROM ${TABLE_MAPPINGS[type].table}`).pluck().get()
    out[type] = typeof v === 'number' ? v : 0
  }
  return out
}

/**
 * Checks every input file before anything is written or even opened: readable, UTF-8 text at its start,
 * no header of another version or format. Throws ImportInputError; returns the file sizes.
 */
export function checkInputFiles(paths: readonly string[]): number[] {
  return paths.map((path) => {
    const probe = probeInputFile(path)
    checkFirstLine(path, probe.firstLine)
    return probe.size
  })
}

/**
 * Imports interchange JSONL files into the database in one transaction and returns the report.
 * Throws ImportInputError (errors.ts; nothing written) when a file cannot be read as interchange JSONL
 * at all, ImportCancelledError when cancelled; any other failure also rolls everything back.
 */
export async function importFiles(opened: Pick<OpenedDb, 'sqlite'>, paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const { sqlite } = opened
  const started = performance.now()
  // Refuse unreadable files and foreign headers before touching the database.
  const fileSizes = checkInputFiles(paths)
  const bytesTotal = fileSizes.reduce((a, b) => a + b, 0)
  const bytesBefore = (fileIndex: number) => fileSizes.slice(0, fileIndex).reduce((a, b) => a + b, 0)
  const report = (p: FileProgress) => {
    options.onProgress?.({
      file: p.file, fileIndex: p.fileIndex, fileCount: paths.length, line: p.line, bytesRead: bytesBefore(p.fileIndex) + p.bytesRead,
      bytesTotal, records: p.records, rejected: p.rejected
    })
  }

  const at = (options.now?.() ?? new Date()).toISOString()
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    const batch = openBatch(sqlite, at, paths.map((p) => basename(p)).join(', '), options.userId)
    const rowidsBefore = maxRowids(sqlite)
    const writer = createRecordWriter(sqlite, batch.seq)
    const beforeImages = recordBeforeImages(sqlite)

    let tracker = createKeyTracker()
    let parsed: ParseResult
    let parsedIn: ImportReport['parsed_in'] = 'thread'
    if (options.worker === false) {
      parsed = await parseInThread(paths, writer, tracker, report, options.signal)
    } else {
      try {
        parsed = await parseInWorker(options.workerUrl ?? WORKER_URL, paths, writer, tracker, report, options.signal)
        parsedIn = 'worker'
      } catch (error) {
        if (!(error instanceof WorkerUnavailable)) throw error
        tracker = createKeyTracker()
        parsed = await parseInThread(paths, writer, tracker, report, options.signal)
      }
    }
    if (options.signal?.aborted) throw new ImportCancelledError()

    beforeImages.restoreUnchanged(tracker.duplicated)
    beforeImages.drop()
    const dangling = resolveDangling(sqlite, parsed.references, tracker.keys, REPORT_SAMPLE_LIMIT)
    const counts = tracker.counts
    const totals = {
      lines: 0, records: 0, inserted: 0, updated: 0, unchanged: 0, duplicates: 0,
      rejected: parsed.rejectedTotal, warnings: parsed.warningsTotal, unknown: parsed.unknownTotal, dangling: dangling.total
    }
    for (const f of parsed.files) totals.lines += f.lines
    for (const type of RECORD_TYPES) {
      const c = counts[type]
      if (c.records > 0) {
        // Exact per distinct key: a row above the old max rowid is new; a row stamped with this
        // batch's seq was inserted or changed by it; the batch's other keys were left unchanged.
        const table = TABLE_MAPPINGS[type].table
        c.inserted = scalarCount(sqlite, `SELECT count(*) FROM ${table} WHERE rowid > ?`, rowidsBefore[type])
        const changed = scalarCount(sqlite, `SELECT count(*) FROM ${table} WHERE seq = ?`, batch.seq)
        c.updated = changed - c.inserted
        c.unchanged = tracker.keys[type].size - changed
      }
      totals.records += c.records
      totals.inserted += c.inserted
      totals.updated += c.updated
      totals.unchanged += c.unchanged
      totals.duplicates += c.duplicates
    }

    const result: ImportReport = {
      format: 'jiandu-import-report', version: 1, batch_seq: batch.seq, at, user_id: options.userId, files: parsed.files, counts, totals,
      unknown_types: Object.fromEntries(parsed.unknownTypes), rejected: parsed.rejected, warnings: parsed.warnings, dangling: dangling.samples,
      dangling_counts: dangling.counts, parsed_in: parsedIn, duration_ms: Math.round(performance.now() - started)
    }
    sqlite.prepare('UPDATE import_batches SET report = ? WHERE seq = ?').run(JSON.stringify(result), batch.seq)
    appendAudit(sqlite, {
      userId: options.userId, action: 'import', entity: 'import_batch', entityId: String(batch.seq), at,
      detail: { files: paths.map((p) => basename(p)), totals }
    })
    sqlite.exec('COMMIT')
    return result
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw error
  }
}
