// The background services a long-running host (web host, desktop main) gives its handlers.
// `new URL('./…ts', import.meta.url)` runs from source and, in the desktop bundle, is rewritten to the
// worker's own chunk (electron/build/moduleUrlChunks.ts).
import { createJobRunner } from '../jobs/jobRunner.ts'
import type { HostServices } from './context.ts'

export function createHostServices(migrationsFolder?: string): HostServices {
  return {
    jobs: createJobRunner(),
    analysisWorkerUrl: new URL('../analysis/analysisWorker.ts', import.meta.url),
    ...(migrationsFolder ? { migrationsFolder } : {})
  }
}
