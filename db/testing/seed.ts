// Test helper: validates interchange records with the contract schemas and writes them to a database,
// so tests state their data as the interchange format does.
import { RECORD_SCHEMAS, type InterchangeRecord, type RecordType } from '../../core/contract/records.ts'
import type { Sqlite } from '../client.ts'
import { createRecordWriter } from '../records.ts'

export type SeedRecord = { type: RecordType } & Record<string, unknown>

export function parseRecord(input: SeedRecord): InterchangeRecord {
  return RECORD_SCHEMAS[input.type].parse(input) as InterchangeRecord
}

export function seedRecords(sqlite: Sqlite, records: readonly SeedRecord[], seq = 1): void {
  const writer = createRecordWriter(sqlite, seq)
  sqlite.transaction(() => {
    for (const r of records) writer.write(parseRecord(r))
  })()
}
