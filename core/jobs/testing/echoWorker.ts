// A worker for the job runner's tests: reports progress, then echoes its input, fails, or hangs.
import { parentPort, workerData } from 'node:worker_threads'

const data = workerData as { mode: 'ok' | 'fail' | 'hang'; value: number }
parentPort?.postMessage({ type: 'progress', progress: 0.5, stage: '处理中' })
if (data.mode === 'ok') parentPort?.postMessage({ type: 'done', result: { doubled: data.value * 2 } })
else if (data.mode === 'fail') parentPort?.postMessage({ type: 'error', message: '数据库已锁定' })
else setInterval(() => undefined, 1000)
