// A worker for the job runner's tests: for each job, reports progress, then echoes its input (with
// this thread's id, to tell a resident worker from a new one), fails, throws, or hangs.
import { parentPort, threadId } from 'node:worker_threads'

type Job = { type: 'job'; data: { mode: 'ok' | 'fail' | 'throw' | 'hang'; value: number } }

parentPort?.on('message', ({ data }: Job) => {
  parentPort?.postMessage({ type: 'progress', progress: 0.5, stage: '处理中' })
  if (data.mode === 'ok') parentPort?.postMessage({ type: 'done', result: { doubled: data.value * 2, threadId } })
  else if (data.mode === 'fail') parentPort?.postMessage({ type: 'error', message: '数据库已锁定' })
  else if (data.mode === 'throw') throw new Error('线程崩溃')
  // 'hang': never answers, as a long job would not before it ends.
})
