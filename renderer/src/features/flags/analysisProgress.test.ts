import { describe, expect, it } from 'vitest'
import { isRunning, justFinished, progressPercent, resultFlagCount, rulesChangeText, type AnalysisJob } from './analysisProgress.ts'

function job(id: string, state: AnalysisJob['state'], extra: Partial<AnalysisJob> = {}): AnalysisJob {
  return { id, kind: 'analysis', state, progress: 0.5, stage: '分析', startedAt: '2026-11-22T02:00:00Z', finishedAt: null, result: null, error: null, ...extra }
}

describe('the analysis job as the strip reads it', () => {
  it('reports a run that ended between two readings, once, and only for the same job', () => {
    expect(justFinished(job('a', 'RUNNING'), job('a', 'DONE'))?.state).toBe('DONE')
    expect(justFinished(job('a', 'RUNNING'), job('a', 'FAILED'))?.state).toBe('FAILED')
    expect(justFinished(job('a', 'DONE'), job('a', 'DONE'))).toBeNull()
    expect(justFinished(job('a', 'RUNNING'), job('a', 'RUNNING'))).toBeNull()
    expect(justFinished(job('a', 'RUNNING'), job('b', 'DONE'))).toBeNull()
    // A run already over when the screen opened is not news.
    expect(justFinished(null, job('a', 'DONE'))).toBeNull()
    expect(isRunning(undefined)).toBe(false)
  })

  it('turns progress into a bounded percentage and reads the flag count of a finished run', () => {
    expect(progressPercent(job('a', 'RUNNING', { progress: 0.426 }))).toBe(43)
    expect(progressPercent(job('a', 'RUNNING', { progress: 1.7 }))).toBe(100)
    expect(progressPercent(job('a', 'RUNNING', { progress: Number.NaN }))).toBe(0)
    expect(resultFlagCount(job('a', 'DONE', { result: { flagCount: 2746, runId: 1 } }))).toBe(2746)
    expect(resultFlagCount(job('a', 'DONE', { result: { flagCount: '12' } }))).toBeNull()
    expect(resultFlagCount(job('a', 'DONE'))).toBeNull()
  })
})

describe('rulesChangeText', () => {
  it('says the shipped pack was updated when only its version moved on', () => {
    expect(rulesChangeText({ pack: 'shanghai-2025', version: '2025.1.0' }, { pack: 'shanghai-2025', version: '2025.1.1' })).toBe('规则包已更新为 2025.1.1 版，请重新分析')
  })

  it('says the rule settings changed for another pack or rules switched here (either way)', () => {
    const changed = '规则设置已更改，请重新分析'
    expect(rulesChangeText({ pack: 'shanghai-2025', version: '2025.1.1' }, { pack: 'yantai-2024', version: '2024.1.1' })).toBe(changed)
    expect(rulesChangeText({ pack: 'shanghai-2025', version: '2025.1.1' }, { pack: 'shanghai-2025', version: '2025.1.1+local.ab12cd34' })).toBe(changed)
    expect(rulesChangeText({ pack: 'shanghai-2025', version: '2025.1.1+local.ab12cd34' }, { pack: 'shanghai-2025', version: '2025.1.1' })).toBe(changed)
    expect(rulesChangeText({ pack: 'shanghai-2025', version: null }, { pack: 'shanghai-2025', version: '2025.1.1' })).toBe(changed)
  })
})
