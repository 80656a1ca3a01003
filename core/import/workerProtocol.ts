// Messages between the importer (main thread, owns the database transaction) and its parse worker
// (reads, parses, validates and turns records into table rows). Rows travel in batches; a shared
// counter of batches in flight lets the worker wait when the writer falls behind, so memory stays
// bounded however large the file.
import type { InputProblem } from './errors.ts'
import type { FileProgress, ParseResult } from './lineProcessor.ts'

/** Rows per message, and how many messages may wait unwritten before the worker pauses. */
export const ROWS_PER_BATCH = 2048
export const MAX_BATCHES_IN_FLIGHT = 8

export type WorkerInput = { paths: string[]; control: SharedArrayBuffer }

export type WorkerMessage =
  | { kind: 'ready' }
  /**
   * types[i] indexes RECORD_TYPES; rows is the JSON text of a Scalar[][] whose i-th element is that
   * record's row (TABLE_MAPPINGS order, no seq). One JSON string costs both threads less than the
   * structured clone of thousands of small arrays, and JSON round-trips these scalars exactly.
   */
  | { kind: 'rows'; types: Uint8Array; rows: string }
  | { kind: 'progress'; progress: FileProgress }
  | { kind: 'done'; result: ParseResult }
  | { kind: 'error'; name: string; message: string; file: string | null; problem: InputProblem | null }
