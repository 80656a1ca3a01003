// `demo --db`: the full demo database the app opens by default — the central records (through the record
// writer, as one import batch) plus the workstation's local work. Built in a temporary file beside the
// target and renamed into place only when complete, so a failure never leaves a half-built database and
// an existing one is replaced only when asked to (--force).
import Database from 'better-sqlite3'
import { existsSync, renameSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { openDatabase, removeDatabaseFiles } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { bundledCalendarDays } from '../calendar/bundled.ts'
import { createWorkingDays } from './days.ts'
import { DEMO_LAST_DATE, createDemo, manifestCounts, type DemoOptions, type RecordCounts, type ResolvedDemoOptions } from './generate.ts'
import type { InjectionManifest } from './injections.ts'
import { attachDemoFlagWork, seedLocalWork, type LocalWorkSummary } from './localWork.ts'
import { runFullAnalysis } from '../analysis/runAnalysis.ts'
import { flagKey } from '../contract/flags.ts'
import { builtinRulePack, DEFAULT_RULE_PACK } from '../rules/packs.ts'
import { createRandom, seedFromValue } from './random.ts'
import { DEMO_SOURCE } from './writeFile.ts'

/** Settings keys of the demo database: its seed and options, and the manifest of planted cases. */
export const DEMO_SETTINGS = { options: 'demo.options', manifest: 'demo.manifest' } as const
/** The user the demo import and the demo's local work are recorded against first. */
export const DEMO_IMPORT_USER = 'u-officer-1'

export type DemoDatabaseResult = {
  path: string
  batchSeq: number
  counts: RecordCounts
  manifest: InjectionManifest
  options: ResolvedDemoOptions
  local: LocalWorkSummary
}

/** The target already holds data and --force was not given. */
export class DemoDatabaseExistsError extends Error {
  constructor(path: string) {
    super(`数据库 ${path} 已有数据，未覆盖；如确需替换请加 --force / the database already holds data and was left untouched; add --force to replace it`)
    this.name = 'DemoDatabaseExistsError'
  }
}

/**
 * True when `path` is a file with anything in it worth keeping: any row in any table, or a file that is
 * not a readable SQLite database at all (never overwrite what we cannot inspect).
 */
export function holdsData(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false
  let db: Database.Database | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'").pluck().all() as string[]
    return tables.some((t) => db?.prepare(`SELECT 1 FROM "${t.replaceAll('"', '""')}" LIMIT 1`).get() !== undefined)
  } catch {
    return true
  } finally {
    db?.close()
  }
}

export type DemoDatabaseOptions = {
  /** Replace a database that already holds data. */
  force?: boolean
  /** Where the migrations are (hosts that ship them elsewhere, e.g. the packaged desktop app). */
  migrationsFolder?: string
  /** Run the rule engine and record the officer's flag decisions (default); benchmarks skip it. */
  analyze?: boolean
}

export function createDemoDatabase(path: string, options: DemoOptions = {}, { force = false, migrationsFolder, analyze = true }: DemoDatabaseOptions = {}): DemoDatabaseResult {
  if (!force && holdsData(path)) throw new DemoDatabaseExistsError(path)
  const demo = createDemo(options)
  const temp = join(dirname(path), `.${basename(path)}.demo-${process.pid}`)
  removeDatabaseFiles(temp)
  const { sqlite } = openDatabase(temp, migrationsFolder === undefined ? {} : { migrationsFolder })
  try {
    // A private file until the rename: no WAL and no fsync while building, WAL again for the app.
    sqlite.pragma('journal_mode = MEMORY')
    sqlite.pragma('synchronous = OFF')
    const at = `${DEMO_LAST_DATE}T18:00:00+08:00`
    const built = sqlite.transaction(() => {
      const batchSeq = Number(sqlite.prepare("INSERT INTO import_batches (at, source, user_id, report) VALUES (?, ?, ?, '{}')").run(at, DEMO_SOURCE, DEMO_IMPORT_USER).lastInsertRowid)
      const writer = createRecordWriter(sqlite, batchSeq)
      let records = 0
      for (const record of demo.records()) {
        writer.write(record)
        records++
      }
      const report = { source: DEMO_SOURCE, seed: demo.options.seed, records, counts: demo.counts, injected: manifestCounts(demo.manifest) }
      sqlite.prepare('UPDATE import_batches SET report = ? WHERE seq = ?').run(JSON.stringify(report), batchSeq)
      const setting = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      setting.run(DEMO_SETTINGS.options, JSON.stringify(demo.options))
      setting.run(DEMO_SETTINGS.manifest, JSON.stringify(demo.manifest))
      const local = seedLocalWork(sqlite, demo.manifest, {
        random: createRandom(seedFromValue(`${demo.options.seed}:local`)), wd: createWorkingDays(bundledCalendarDays()), lastDate: DEMO_LAST_DATE,
        importEvent: { at, userId: DEMO_IMPORT_USER, action: 'import', entity: 'import_batch', entityId: String(batchSeq), detail: { source: DEMO_SOURCE, records, seed: demo.options.seed } }
      })
      return { batchSeq, local }
    })()
    let local: LocalWorkSummary = built.local
    if (analyze) {
      // The inbox opens with the flags of the data as it stood on its last day, some already decided.
      const run = runFullAnalysis(sqlite, { asOf: DEMO_LAST_DATE, pack: builtinRulePack(DEFAULT_RULE_PACK) })
      const work = sqlite.transaction(() => attachDemoFlagWork(sqlite, demo.manifest, flagKey, createRandom(seedFromValue(`${demo.options.seed}:flags`)), DEMO_LAST_DATE))()
      local = { ...local, flags: run.flagCount, flag_decisions: work.decisions, outbox: local.outbox + work.decisions, audit_entries: local.audit_entries + work.decisions }
    }
    sqlite.pragma('journal_mode = WAL')
    sqlite.close()
    removeDatabaseFiles(path)
    renameSync(temp, path)
    return { path, batchSeq: built.batchSeq, counts: demo.counts, manifest: demo.manifest, options: demo.options, local }
  } catch (error) {
    if (sqlite.open) sqlite.close()
    removeDatabaseFiles(temp)
    throw error
  }
}

/**
 * The first start of the desktop app and the web host: creates the default demo database at `path` when
 * no file is there yet. True when it created one.
 */
export function ensureDemoDatabase(path: string, options: Pick<DemoDatabaseOptions, 'migrationsFolder'> = {}): boolean {
  if (existsSync(path)) return false
  createDemoDatabase(path, {}, options)
  return true
}
