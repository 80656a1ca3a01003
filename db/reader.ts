// A read-only connection for a helper thread that reads beside the app's own connection (WAL lets both
// read at once). The database is already open and migrated, so: no pragmas that write, no migrations,
// and none of db/client.ts's imports (drizzle and the schema), which would add a second to a thread's start.
import Database from 'better-sqlite3'
import type { Sqlite } from './client.ts'

export function openReader(path: string): Sqlite {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  return sqlite
}
