// The import report (导入报告): what the CLI prints with --format json, what the UI shows, and what
// `import_batches.report` keeps. Field names are snake_case like the interchange records and the other
// CLI JSON outputs. Long lists are capped (the totals still count everything).
import { z } from 'zod'
import { RECORD_TYPES, type RecordType } from '../contract/records.ts'

/**
 * How many rejected lines, warnings and dangling references a report lists (all are counted): every one
 * of any real file, with a bound only so that a file of nothing but bad lines cannot exhaust memory.
 */
export const REPORT_SAMPLE_LIMIT = 100_000

const recordTypeSchema = z.enum(RECORD_TYPES as [RecordType, ...RecordType[]])

export const typeCountsSchema = z.object({
  /** Valid records read (duplicates included). */
  records: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Records whose id appeared again later in the batch (the later line won). */
  duplicates: z.number().int()
})
export type TypeCounts = z.infer<typeof typeCountsSchema>

export const fieldProblemSchema = z.object({ field: z.string(), reason: z.string() })

export const rejectionSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  /** The record type when the line got as far as naming one. */
  type: z.string().nullable(),
  id: z.string().nullable(),
  /** The first offending field ('' when the line as a whole is at fault, e.g. broken JSON). */
  field: z.string(),
  reason: z.string(),
  /** Every problem found on the line, the first being `field`/`reason`. */
  issues: z.array(fieldProblemSchema)
})
export type Rejection = z.infer<typeof rejectionSchema>

export const warningSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  /** USCC_CHECK_CHAR: a wrong check character; DATE_RANGE_REVERSED: a period that ends before it starts. */
  code: z.enum(['USCC_CHECK_CHAR', 'DATE_RANGE_REVERSED']),
  type: recordTypeSchema,
  id: z.string(),
  field: z.string(),
  value: z.string(),
  /** USCC_CHECK_CHAR: the check character GB 32100-2015 gives for the first 17 characters; else null. */
  expected: z.string().nullable(),
  message: z.string()
})
export type ImportWarning = z.infer<typeof warningSchema>

export const danglingSchema = z.object({
  type: recordTypeSchema,
  id: z.string(),
  field: z.string(),
  missing_id: z.string(),
  /** What the missing id should have named: department, officer, enterprise, item, plan, task or site. */
  target: z.string()
})
export type DanglingReference = z.infer<typeof danglingSchema>

export const danglingCountSchema = z.object({ type: recordTypeSchema, field: z.string(), target: z.string(), count: z.number().int() })

export const headerInfoSchema = z.object({ version: z.number(), exported_at: z.string().nullable(), source: z.string().nullable() })

export const fileReportSchema = z.object({
  path: z.string(),
  /** Physical lines, blank ones included. */
  lines: z.number().int(),
  records: z.number().int(),
  rejected: z.number().int(),
  header: headerInfoSchema.nullable()
})

export const importReportSchema = z.object({
  format: z.literal('jiandu-import-report'),
  version: z.literal(1),
  batch_seq: z.number().int(),
  at: z.string(),
  user_id: z.string(),
  files: z.array(fileReportSchema),
  counts: z.record(recordTypeSchema, typeCountsSchema),
  totals: z.object({
    lines: z.number().int(),
    records: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
    unknown: z.number().int(),
    dangling: z.number().int()
  }),
  /** Lines whose `type` this version does not know: counted, never fatal. */
  unknown_types: z.record(z.string(), z.number().int()),
  rejected: z.array(rejectionSchema),
  warnings: z.array(warningSchema),
  dangling: z.array(danglingSchema),
  dangling_counts: z.array(danglingCountSchema),
  /** Where the line pass ran: in the parse worker, or in-thread (fallback). */
  parsed_in: z.enum(['worker', 'thread']),
  duration_ms: z.number()
})
export type ImportReport = z.infer<typeof importReportSchema>

export function emptyTypeCounts(): Record<RecordType, TypeCounts> {
  const counts = {} as Record<RecordType, TypeCounts>
  for (const type of RECORD_TYPES) counts[type] = { records: 0, inserted: 0, updated: 0, unchanged: 0, duplicates: 0 }
  return counts
}
