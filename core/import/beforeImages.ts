// Keeping re-import idempotent when a file names the same record twice. Each line is written as it is
// read, so an id whose earlier line differs from the stored row and whose last line equals it again is
// rewritten twice and ends up stamped with the batch's seq, though nothing changed: incremental analysis
// would then re-analyse it, and the report would call it updated. While a batch is open, temporary
// triggers keep each changed row's first before-image (its columns and seq); at the end, every
// duplicated key whose row is back to that image gets its old seq again.
import type { Sqlite } from '../../db/client.ts'
import { TABLE_MAPPINGS } from '../../db/records.ts'
import { RECORD_TYPES, type RecordType } from '../contract/records.ts'

const IMAGES = 'temp.batch_before_images'

const imageOf = (alias: string, columns: readonly string[]): string => `json_array(${columns.map((c) => `${alias}.${c}`).join(', ')})`

export type BeforeImages = {
  /** Restores the seq of duplicated keys whose final row equals the row before the batch; call before counting. */
  restoreUnchanged(duplicates: Readonly<Record<RecordType, ReadonlySet<string>>>): void
  /** Removes the triggers and images (also undone by a rollback of the batch's transaction). */
  drop(): void
}

/** Starts recording before-images; call inside the batch's transaction, before its first write. */
export function recordBeforeImages(sqlite: Sqlite): BeforeImages {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS batch_before_images (tbl TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, image TEXT NOT NULL, PRIMARY KEY (tbl, key))`)
  for (const type of RECORD_TYPES) {
    const m = TABLE_MAPPINGS[type]
    // Only the first change of a key in the batch keeps its image: the state before the batch. (Not
    // INSERT OR IGNORE: inside a trigger the outer upsert's conflict handling would override it.)
    sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS batch_before_${m.table} BEFORE UPDATE ON main.${m.table}
      BEGIN
        INSERT INTO ${IMAGES} (tbl, key, seq, image)
        SELECT '${m.table}', OLD.${m.key}, OLD.seq, ${imageOf('OLD', m.columns)}
        WHERE NOT EXISTS (SELECT 1 FROM ${IMAGES} WHERE tbl = '${m.table}' AND key = OLD.${m.key});
      END`)
  }
  return {
    restoreUnchanged(duplicates) {
      for (const type of RECORD_TYPES) {
        const keys = duplicates[type]
        if (keys.size === 0) continue
        const m = TABLE_MAPPINGS[type]
        sqlite
          .prepare(`UPDATE ${m.table} SET seq = b.seq FROM ${IMAGES} b
            WHERE b.tbl = '${m.table}' AND b.key = ${m.table}.${m.key} AND ${m.table}.${m.key} IN (SELECT value FROM json_each(?))
              AND b.image = ${imageOf(m.table, m.columns)}`)
          .run(JSON.stringify([...keys]))
      }
    },
    drop() {
      for (const type of RECORD_TYPES) sqlite.exec(`DROP TRIGGER IF EXISTS temp.batch_before_${TABLE_MAPPINGS[type].table}`)
      sqlite.exec(`DROP TABLE IF EXISTS ${IMAGES}`)
    }
  }
}
