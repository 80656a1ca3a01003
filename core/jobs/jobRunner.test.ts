import { describe, expect, it } from 'vitest'
import { createJobRunner, type JobStatus } from './jobRunner.ts'

const WORKER = new URL('./testing/echoWorker.ts', import.meta.url)

describe('job runner', () => {
  it('runs a worker, reports progress and the result', async () => {
    const seen: number[] = []
    const runner = createJobRunner((s: JobStatus) => seen.push(s.progress))
    const job = runner.start('analysis', WORKER, { mode: 'ok', value: 21 })
    const done = await runner.wait(job.id)
    expect(done).toMatchObject({ state: 'DONE', progress: 1, result: { doubled: 42 } })
    expect(seen).toContain(0.5)
    expect(runner.latest('analysis')?.id).toBe(job.id)
  })

  it('reports a failure with the worker’s message', async () => {
    const runner = createJobRunner()
    const job = runner.start('analysis', WORKER, { mode: 'fail', value: 0 })
    expect(await runner.wait(job.id)).toMatchObject({ state: 'FAILED', error: '数据库已锁定' })
  })

  it('runs one job of a kind at a time and can cancel it', async () => {
    const runner = createJobRunner()
    const job = runner.start('analysis', WORKER, { mode: 'hang', value: 0 })
    expect(runner.start('analysis', WORKER, { mode: 'ok', value: 1 }).id).toBe(job.id)
    expect(runner.cancel(job.id)).toBe(true)
    expect(await runner.wait(job.id)).toMatchObject({ state: 'CANCELLED' })
    expect(runner.cancel(job.id)).toBe(false)
  })
})
