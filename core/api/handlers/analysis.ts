import { shanghaiToday } from '../../contract/scalars.ts'
import { centralSeq } from '../../../db/records.ts'
import { runIncrementalAnalysis } from '../../analysis/incremental.ts'
import { lastAnalysisRun, ranWithOtherRules, runFullAnalysis } from '../../analysis/runAnalysis.ts'
import type { JobStatus } from '../../jobs/jobRunner.ts'
import { activeRulePack, activeRulePackName, ruleSwitches, switchedRulePack } from '../../rules/ruleSettings.ts'
import type { HandlerMap } from '../handler.ts'

const ANALYSIS_JOB = 'analysis'


export const analysisHandlers: HandlerMap<'analysis.start' | 'analysis.status' | 'analysis.cancel'> = {
  'analysis.start': (ctx, input) => {
    const sqlite = ctx.db.sqlite
    const asOf = input.asOf ?? shanghaiToday(ctx.now())
    const packName = activeRulePackName(sqlite)
    const switches = ruleSwitches(sqlite, packName)
    if (ctx.services) {
      const { jobs, analysisWorkerUrl, migrationsFolder } = ctx.services
      return jobs.start(ANALYSIS_JOB, analysisWorkerUrl, { dbPath: ctx.db.path, asOf, packName, switches, full: input.full, migrationsFolder })
    }
    // No host services (CLI, in-memory tests): run here and report a finished job.
    const startedAt = ctx.now().toISOString()
    const pack = switchedRulePack(packName, switches)
    const result = input.full ? runFullAnalysis(sqlite, { asOf, pack }) : runIncrementalAnalysis(sqlite, { asOf, pack })
    const status: JobStatus = { id: `inline-${result.runId}`, kind: ANALYSIS_JOB, state: 'DONE', progress: 1, stage: '完成', startedAt, finishedAt: ctx.now().toISOString(), result, error: null }
    return status
  },
  'analysis.status': (ctx) => {
    const lastRun = lastAnalysisRun(ctx.db.sqlite)
    const pack = activeRulePack(ctx.db.sqlite)
    return {
      job: ctx.services?.jobs.latest(ANALYSIS_JOB) ?? null,
      lastRun,
      changedSinceLastRun: lastRun === null || centralSeq(ctx.db.sqlite) > lastRun.inputSeq,
      rulesChanged: lastRun !== null && ranWithOtherRules(lastRun, pack),
      rulesNow: { pack: pack.name, version: pack.pack_version }
    }
  },
  'analysis.cancel': (ctx, input) => ({ cancelled: ctx.services?.jobs.cancel(input.jobId) ?? false })
}
