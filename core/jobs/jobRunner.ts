// Long work (full analysis, big imports) runs in a worker thread so the host's event loop — and with it
// the UI — never waits. The runner starts one job of a kind at a time, keeps its progress for polling,
// and can cancel it (terminating the worker: every job writes in one transaction, so nothing is half-written).
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'

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

/** Messages a job worker posts to its parent. */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: z.number().min(0).max(1), stage: z.string() }),
  z.object({ type: z.literal('done'), result: z.unknown() }),
  z.object({ type: z.literal('error'), message: z.string() })
])
export type WorkerMessage = z.infer<typeof workerMessageSchema>

export type JobRunner = {
  start(kind: string, workerUrl: URL | string, workerData: unknown): JobStatus
  get(id: string): JobStatus | null
  latest(kind: string): JobStatus | null
  cancel(id: string): boolean
  /** Resolves when the job ends (tests, CLI). */
  wait(id: string): Promise<JobStatus>
}

export function createJobRunner(onChange?: (status: JobStatus) => void): JobRunner {
  const jobs = new Map<string, { status: JobStatus; worker: Worker | null; done: Promise<JobStatus> }>()
  const latestByKind = new Map<string, string>()

  const running = (kind: string) => [...jobs.values()].find((j) => j.status.kind === kind && j.status.state === 'RUNNING')

  return {
    start(kind, workerUrl, workerData) {
      const already = running(kind)
      if (already) return already.status
      const status: JobStatus = { id: randomUUID(), kind, state: 'RUNNING', progress: 0, stage: '准备', startedAt: new Date().toISOString(), finishedAt: null, result: null, error: null }
      const worker = new Worker(workerUrl, { workerData })
      const finish = (state: JobState, patch: Partial<JobStatus>) => {
        if (status.state !== 'RUNNING') return
        Object.assign(status, patch, { state, finishedAt: new Date().toISOString() })
        if (state === 'DONE') status.progress = 1
        onChange?.(status)
      }
      const done = new Promise<JobStatus>((resolve) => {
        worker.on('message', (raw: unknown) => {
          const msg = workerMessageSchema.safeParse(raw)
          if (!msg.success) return
          if (msg.data.type === 'progress') {
            status.progress = msg.data.progress
            status.stage = msg.data.stage
            onChange?.(status)
          } else if (msg.data.type === 'done') finish('DONE', { result: msg.data.result, stage: '完成' })
          else finish('FAILED', { error: msg.data.message })
        })
        worker.on('error', (e) => finish('FAILED', { error: e.message }))
        worker.on('exit', (code) => {
          finish(code === 0 ? 'FAILED' : 'CANCELLED', code === 0 ? { error: '任务未报告结果即退出 / worker exited without a result' } : {})
          entry.worker = null
          resolve(status)
        })
      })
      const entry = { status, worker: worker as Worker | null, done }
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
