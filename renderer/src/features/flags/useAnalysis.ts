// The analysis run as the flags screen sees it: the last run, the running job's progress (polled every
// POLL_MS while it runs), and start/cancel. `onFinished` is called once when a run this screen watched ends.
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../lib/api.ts'
import { isRunning, justFinished, POLL_MS, type AnalysisJob, type AnalysisStatus } from './analysisProgress.ts'

export type AnalysisState = {
  status: AnalysisStatus | null
  error: string | null
  starting: boolean
  start: () => Promise<void>
  cancel: () => Promise<void>
  reload: () => void
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function useAnalysis(onFinished: (job: AnalysisJob) => void): AnalysisState {
  const [status, setStatus] = useState<AnalysisStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const [reloadCount, setReloadCount] = useState(0)
  const lastJob = useRef<AnalysisJob | null>(null)
  const finishedRef = useRef(onFinished)
  useEffect(() => {
    finishedRef.current = onFinished
  }, [onFinished])

  const accept = useCallback((next: AnalysisStatus) => {
    const done = justFinished(lastJob.current, next.job)
    lastJob.current = next.job
    setStatus(next)
    setError(null)
    if (done) finishedRef.current(done)
  }, [])

  useEffect(() => {
    let live = true
    api.call('analysis.status', {}).then((s) => live && accept(s), (e: unknown) => live && setError(message(e)))
    return () => {
      live = false
    }
  }, [accept, reloadCount])

  const running = isRunning(status?.job)
  useEffect(() => {
    if (!running) return
    let live = true
    const timer = window.setInterval(() => {
      api.call('analysis.status', {}).then((s) => live && accept(s), (e: unknown) => live && setError(message(e)))
    }, POLL_MS)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [running, accept])

  const start = useCallback(async () => {
    setStarting(true)
    try {
      const job = await api.call('analysis.start', {})
      // Watch this job from its start: a fast run (or a host without a worker, which runs it inline)
      // may already be over when the status comes back, and must still refresh the list.
      lastJob.current = { ...job, state: 'RUNNING' }
      const s = await api.call('analysis.status', {})
      accept(s.job ? s : { ...s, job })
    } catch (e) {
      setError(message(e))
    } finally {
      setStarting(false)
    }
  }, [accept])

  const cancel = useCallback(async () => {
    const job = status?.job
    if (!job || !isRunning(job)) return
    try {
      await api.call('analysis.cancel', { jobId: job.id })
    } catch (e) {
      setError(message(e))
    }
  }, [status])

  const reload = useCallback(() => setReloadCount((n) => n + 1), [])
  return { status, error, starting, start, cancel, reload }
}
