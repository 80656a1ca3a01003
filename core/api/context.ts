// What every handler receives: the database, the signed-in user, the clock and the audit log.
import type { OpenedDb } from '../../db/client.ts'
import type { JobRunner } from '../jobs/jobRunner.ts'
import type { User } from './channels.ts'

export type Session = { userId: string }

/** What a long-running host (desktop, web) offers handlers: background jobs in worker threads. */
export type HostServices = {
  jobs: JobRunner
  /** The analysis worker's entry (core/analysis/analysisWorker.ts, or its bundled chunk in the desktop app). */
  analysisWorkerUrl: URL | string
  migrationsFolder?: string
}

export type HandlerContext = {
  db: OpenedDb
  /** The signed-in user, resolved from the session for each call. */
  user: User
  session: Session
  /** The clock; tests pass a fixed one. */
  now: () => Date
  /** Absent in the CLI, which runs long work in-process. */
  services?: HostServices
}

export type ApiFailureCode = 'BAD_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'

/** An expected failure a handler reports to the caller (wrong input, missing record, conflict). */
export class ApiFailure extends Error {
  readonly code: ApiFailureCode
  readonly details: unknown
  constructor(code: ApiFailureCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiFailure'
    this.code = code
    this.details = details
  }
}
