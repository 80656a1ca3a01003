import { describe, expect, it } from 'vitest'
import { createJobRunner, type JobStatus } from './jobRunner.ts'

const WORKER = new URL('./testing/echoWorker.ts', import.meta.url)

type Echo = { doubled: number; threadId: number }
const resultOf = (s: JobStatus) => s.result as Echo

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

  it('keeps a kind’s worker resident between jobs, also after a job reported a failure', async () => {
    const runner = createJobRunner()
    const first = await runner.wait(runner.start('analysis', WORKER, { mode: 'ok', value: 1 }).id)
    expect((await runner.wait(runner.start('analysis', WORKER, { mode: 'fail', value: 0 }).id)).state).toBe('FAILED')
    const third = await runner.wait(runner.start('analysis', WORKER, { mode: 'ok', value: 3 }).id)
    expect(resultOf(third)).toEqual({ doubled: 6, threadId: resultOf(first).threadId })
    // Another kind has a worker of its own.
    const other = await runner.wait(runner.start('other', WORKER, { mode: 'ok', value: 4 }).id)
    expect(resultOf(other).threadId).not.toBe(resultOf(first).threadId)
  })

  it('starts a new worker after one was cancelled or crashed', async () => {
    const runner = createJobRunner()
    const before = await runner.wait(runner.start('analysis', WORKER, { mode: 'ok', value: 1 }).id)
    const hung = runner.start('analysis', WORKER, { mode: 'hang', value: 0 })
    runner.cancel(hung.id)
    await runner.wait(hung.id)
    const afterCancel = await runner.wait(runner.start('analysis', WORKER, { mode: 'ok', value: 2 }).id)
    expect(afterCancel).toMatchObject({ state: 'DONE', result: { doubled: 4 } })
    expect(resultOf(afterCancel).threadId).not.toBe(resultOf(before).threadId)
    const crashed = await runner.wait(runner.start('analysis', WORKER, { mode: 'throw', value: 0 }).id)
    expect(crashed).toMatchObject({ state: 'FAILED', error: expect.stringContaining('线程崩溃') })
    const afterCrash = await runner.wait(runner.start('analysis', WORKER, { mode: 'ok', value: 5 }).id)
    expect(afterCrash).toMatchObject({ state: 'DONE', result: { doubled: 10 } })
    expect(resultOf(afterCrash).threadId).not.toBe(resultOf(afterCancel).threadId)
  })
})
