// Reading the analysis job's status as the header strip shows it: is a run going, did one just end.
import type { ChannelOutput } from '../../../../core/api/channels.ts'

export type AnalysisStatus = ChannelOutput<'analysis.status'>
export type AnalysisJob = NonNullable<AnalysisStatus['job']>

/** How often the strip asks for progress while a run is going. */
export const POLL_MS = 500

export function isRunning(job: AnalysisJob | null | undefined): boolean {
  return job?.state === 'RUNNING'
}

/**
 * The job that finished between two readings: the one running before, now done, failed or cancelled.
 * A job that was already over when the screen opened is not "just finished" (no refresh, no message).
 */
export function justFinished(before: AnalysisJob | null | undefined, after: AnalysisJob | null | undefined): AnalysisJob | null {
  if (!before || !after || !isRunning(before) || isRunning(after)) return null
  return before.id === after.id ? after : null
}

/** Progress as a whole percentage for the bar (the worker reports 0…1). */
export function progressPercent(job: AnalysisJob): number {
  const p = Number.isFinite(job.progress) ? job.progress : 0
  return Math.max(0, Math.min(100, Math.round(p * 100)))
}

/** The flag count a finished run reports in its result, if it says. */
export function resultFlagCount(job: AnalysisJob): number | null {
  const r = job.result
  if (typeof r === 'object' && r !== null && 'flagCount' in r && typeof r.flagCount === 'number') return r.flagCount
  return null
}

/**
 * Why the flags on screen are another rule setting's, in words: a newer version of the same shipped pack
 * (an update of the workstation) says so; anything else (another pack, rules switched here) is a change
 * of the rule settings. `last` is the run's pack and version, `now` the one the next analysis runs.
 */
export function rulesChangeText(last: { pack: string; version: string | null }, now: { pack: string; version: string }): string {
  const shipped = (v: string | null) => v !== null && !v.includes('+')
  if (last.pack === now.pack && shipped(last.version) && shipped(now.version)) return `规则包已更新为 ${now.version} 版，请重新分析`
  return '规则设置已更改，请重新分析'
}
