// Long work (a full analysis) runs in a worker thread so the host's event loop — and with it the UI —
// never waits. The runner starts one job of a kind at a time, keeps its progress for polling, and can
// cancel it (terminating the worker: every job writes in one transaction, so nothing is half-written).
//
// A kind's worker stays resident between jobs, idle and unref'd (it keeps no process alive): starting
// a thread and loading the engine's modules costs ~0.6 s, and cold code runs a small analysis several
// times slower than warm, so the analysis after each import comes back in a fraction of the time. Jobs
// reach the worker as messages (jobProtocol.ts); a cancelled or crashed worker is replaced by the next start.
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { workerMessageSchema, type JobMessage } from './jobProtocol.ts'

export const JOB_STATES = ['RUNNING', 'DONE', 'FAILED', 'CANCELLED'] as const
export type JobState = (typeof JOB_STATES)[number]

export type JobStatus = {
  id: string
  kind: string
  state: JobState
  /** 0..1 */
  progress: number
  stage: string
  startedAt: string
  finishedAt: string | null
  result: unknown
  error: string | null
}

export type JobRunner = {
  /** Starts a job of `kind` in the kind's worker (entry point `workerUrl`), posting it `jobData`. */
  start(kind: string, workerUrl: URL | string, jobData: unknown): JobStatus
  get(id: string): JobStatus | null
  latest(kind: string): JobStatus | null
  cancel(id: string): boolean
  /** Resolves when the job ends (tests, CLI). */
  wait(id: string): Promise<JobStatus>
}

type Resident = { worker: Worker; url: string }
type JobEntry = { status: JobStatus; worker: Worker | null; done: Promise<JobStatus> }

/**
 * Follows one job in `worker` until it ends (done, error, or the thread exits), keeping `status` up to
 * date; then detaches and unrefs the worker, which waits idle for the next job. A job already marked
 * cancelled keeps that state.
 */
function followJob(worker: Worker, status: JobStatus, onChange?: (status: JobStatus) => void): Promise<void> {
  const finish = (state: JobState, patch: Partial<JobStatus>) => {
    if (status.state !== 'RUNNING') return
    Object.assign(status, patch, { state, finishedAt: new Date().toISOString() })
    if (state === 'DONE') status.progress = 1
    onChange?.(status)
  }
  return new Promise((resolve) => {
    const end = () => {
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      // Idle until the next job: it must not keep the host process alive.
      worker.unref()
      resolve()
    }
    const onMessage = (raw: unknown) => {
      const msg = workerMessageSchema.safeParse(raw)
      if (!msg.success) return
      if (msg.data.type === 'progress') {
        status.progress = msg.data.progress
        status.stage = msg.data.stage
        onChange?.(status)
        return
      }
      if (msg.data.type === 'done') finish('DONE', { result: msg.data.result, stage: '完成' })
      else finish('FAILED', { error: msg.data.message })
      end()
    }
    const onError = (e: Error) => finish('FAILED', { error: e.message })
    const onExit = (code: number) => {
      finish(code === 0 ? 'FAILED' : 'CANCELLED', code === 0 ? { error: '任务未报告结果即退出 / worker exited without a result' } : {})
      end()
    }
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
  })
}

export function createJobRunner(onChange?: (status: JobStatus) => void): JobRunner {
  const jobs = new Map<string, JobEntry>()
  const latestByKind = new Map<string, string>()
  const residents = new Map<string, Resident>()

  const running = (kind: string) => [...jobs.values()].find((j) => j.status.kind === kind && j.status.state === 'RUNNING')

  /** The kind's resident worker for this entry point, started when there is none (or it ran another file). */
  function residentFor(kind: string, workerUrl: URL | string): Worker {
    const url = String(workerUrl)
    const current = residents.get(kind)
    if (current && current.url === url) return current.worker
    if (current) void current.worker.terminate()
    const resident: Resident = { worker: new Worker(workerUrl), url }
    residents.set(kind, resident)
    resident.worker.on('exit', () => {
      if (residents.get(kind) === resident) residents.delete(kind)
    })
    return resident.worker
  }

  return {
    start(kind, workerUrl, jobData) {
      const already = running(kind)
      if (already) return already.status
      const status: JobStatus = { id: randomUUID(), kind, state: 'RUNNING', progress: 0, stage: '准备', startedAt: new Date().toISOString(), finishedAt: null, result: null, error: null }
      const worker = residentFor(kind, workerUrl)
      const entry: JobEntry = {
        status, worker,
        done: followJob(worker, status, onChange).then(() => {
          entry.worker = null
          return status
        })
      }
      worker.ref()
      worker.postMessage({ type: 'job', data: jobData } satisfies JobMessage)
      jobs.set(status.id, entry)
      latestByKind.set(kind, status.id)
      onChange?.(status)
      return status
    },
    get: (id) => jobs.get(id)?.status ?? null,
    latest(kind) {
      const id = latestByKind.get(kind)
      return id ? (jobs.get(id)?.status ?? null) : null
    },
    cancel(id) {
      const job = jobs.get(id)
      if (!job || job.status.state !== 'RUNNING' || !job.worker) return false
      job.status.state = 'CANCELLED'
      job.status.finishedAt = new Date().toISOString()
      // The job runs synchronously in its thread: only ending the thread stops it (the next start makes a new one).
      void job.worker.terminate()
      onChange?.(job.status)
      return true
    },
    wait: async (id) => {
      const job = jobs.get(id)
      if (!job) throw new Error(`no job ${id}`)
      return job.done
    }
  }
}
