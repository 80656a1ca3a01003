import { describe, expect, it } from 'vitest'
import { createDemo } from '../demo/generate.ts'
import { openMemoryDatabase, type Sqlite } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { RECORD_SCHEMAS, type Enterprise, type InterchangeRecord, type Plan, type Task } from '../contract/records.ts'
import { runIncrementalAnalysis } from './incremental.ts'
import { lastAnalysisRun, runFullAnalysis } from './runAnalysis.ts'
import { builtinRulePack, DEFAULT_RULE_PACK } from '../rules/packs.ts'

const AS_OF = '2026-11-20'
const PACK = DEFAULT_RULE_PACK

function flagTable(sqlite: Sqlite): unknown[] {
  return sqlite.prepare('SELECT flag_key, rule, severity, task_ids, plan_ids, enterprise_id, department_id, event_date, evidence, message FROM flags ORDER BY flag_key').all()
}

function write(sqlite: Sqlite, records: Iterable<InterchangeRecord>, seq: number): void {
  const writer = createRecordWriter(sqlite, seq)
  sqlite.transaction(() => { for (const r of records) writer.write(r) })()
}

describe('incremental analysis', () => {
  it('after new and changed tasks, gives exactly the flags a full run gives', () => {
    const { sqlite } = openMemoryDatabase()
    const records = [...createDemo({ tasks: 3000, seed: 5 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    const tasks = records.filter((r): r is Task => r.type === 'task')
    const held = new Set(tasks.slice(-300).map((t) => t.id))
    write(sqlite, records.filter((r) => !(r.type === 'task' && held.has(r.id))), 1)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })

    // A sync brings the held-back tasks, and changes some earlier ones: codes removed, a visit moved.
    const changed = tasks.slice(0, 40).map((t, i) => (i % 2 === 0 ? { ...t, code: null } : { ...t, visits: t.visits.map((v) => ({ ...v, date: '2026-06-01' })) }))
    // And a plan loses its filing and publication: its tasks are no longer covered, and it is late.
    const plan = records.find((r): r is Plan => r.type === 'plan' && r.filed_at !== null && r.published_at !== null && tasks.some((t) => t.plan_id === r.id))
    if (!plan) throw new Error('demo without a filed plan used by a task')
    write(sqlite, [...tasks.filter((t) => held.has(t.id)), ...changed, { ...plan, filed_at: null, published_at: null }], 2)
    const progress: [number, string][] = []
    const incremental = runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK), onProgress: (fraction, stage) => progress.push([fraction, stage]) })
    expect(incremental.mode).toBe('incremental')
    // The job's progress bar moves forward through named stages and ends full.
    expect(progress.map(([f]) => f)).toEqual([...progress.map(([f]) => f)].sort((a, b) => a - b))
    expect(progress.at(-1)).toEqual([1, '完成'])
    expect(progress.map(([, stage]) => stage)).toContain('保存问题线索')
    expect(progress.some(([, stage]) => /^分析变更的 \d+ 家企业、1 个计划$/.test(stage))).toBe(true)
    const afterIncremental = flagTable(sqlite)
    // Only what changed was written: most flags still carry the full run's id.
    const rewritten = sqlite.prepare('SELECT count(*) FROM flags WHERE run_id = ?').pluck().get(incremental.runId) as number
    expect(rewritten).toBeGreaterThan(0)
    expect(rewritten).toBeLessThan(afterIncremental.length / 2)
    expect(sqlite.prepare("SELECT count(*) FROM flags WHERE task_ids = '[]' AND plan_ids = ?").pluck().get(JSON.stringify([plan.id]))).toBeGreaterThan(0)

    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    expect(afterIncremental).toEqual(flagTable(sqlite))
    expect(afterIncremental.length).toBeGreaterThan(0)
  })

  it('falls back to a full run when as_of changes or a global table changed, and does nothing when nothing changed', () => {
    const { sqlite } = openMemoryDatabase()
    write(sqlite, [...createDemo({ tasks: 500, seed: 9 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord), 1)
    const first = runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    const before = flagTable(sqlite)
    const same = runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    expect(same).toMatchObject({ mode: 'incremental', runId: first.runId + 1, flagCount: first.flagCount })
    expect(flagTable(sqlite)).toEqual(before)
    expect(runIncrementalAnalysis(sqlite, { asOf: '2026-11-21', pack: builtinRulePack(PACK) }).mode).toBe('full')
    sqlite.prepare("UPDATE officers SET seq = 5 WHERE rowid = 1").run()
    expect(runIncrementalAnalysis(sqlite, { asOf: '2026-11-21', pack: builtinRulePack(PACK) }).mode).toBe('full')
    expect(runIncrementalAnalysis(sqlite, { asOf: '2026-11-21', pack: builtinRulePack(PACK) }).mode).toBe('incremental')
    // Flags stored by another version of the pack (an earlier release of the app) are not continued.
    sqlite.prepare("UPDATE analysis_runs SET rule_pack_version = '2024.0.0' WHERE id = (SELECT max(id) FROM analysis_runs)").run()
    expect(runIncrementalAnalysis(sqlite, { asOf: '2026-11-21', pack: builtinRulePack(PACK) }).mode).toBe('full')
    expect(lastAnalysisRun(sqlite)?.rulePackVersion).toBe(builtinRulePack(PACK).pack_version)
  })
})

describe('incremental analysis across a re-check between two enterprises', () => {
  it('pulls in the enterprise at the other end of the re-check, and matches a full run', () => {
    const { sqlite } = openMemoryDatabase()
    const records = [...createDemo({ tasks: 3000, seed: 5 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    const tasks = new Map(records.flatMap((r) => (r.type === 'task' ? [[r.id, r] as const] : [])))
    const recheck = [...tasks.values()].find((t) => t.special === 'RECHECK' && t.recheck_of !== null && tasks.get(t.recheck_of)?.code && t.code)
    if (!recheck?.recheck_of) throw new Error('demo without a re-check of a coded task')
    const original = tasks.get(recheck.recheck_of)!
    const elsewhere = [...tasks.values()].find((t) => t.enterprise_id !== original.enterprise_id)!.enterprise_id
    // The re-check sits on another enterprise and reuses the original's code: no CODE_NOT_REUSED yet.
    const moved: Task = { ...recheck, enterprise_id: elsewhere, site_id: null, code: original.code }
    write(sqlite, records.map((r) => (r.type === 'task' && r.id === recheck.id ? moved : r)), 1)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    const pairKey = `CODE_NOT_REUSED|${[original.id, recheck.id].sort().join(',')}|`
    expect(sqlite.prepare('SELECT count(*) FROM flags WHERE flag_key = ?').pluck().get(pairKey)).toBe(0)

    // A sync changes only the original's code: the re-check on the other enterprise no longer reuses it.
    write(sqlite, [{ ...original, code: `${original.code}-X` }], 2)
    expect(runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) }).mode).toBe('incremental')
    const afterIncremental = flagTable(sqlite)
    expect(sqlite.prepare('SELECT count(*) FROM flags WHERE flag_key = ?').pluck().get(pairKey)).toBe(1)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    expect(afterIncremental).toEqual(flagTable(sqlite))
  })
})

describe('incremental analysis after a plan changes its code', () => {
  it('revisits the tasks that cited the old code, and matches a full run', () => {
    const { sqlite } = openMemoryDatabase()
    const records = [...createDemo({ tasks: 3000, seed: 5 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    const plans = records.filter((r): r is Plan => r.type === 'plan' && r.plan_code !== null && r.filed_at !== null)
    const tasks = records.filter((r): r is Task => r.type === 'task')
    // A plan that covers tasks citing it by id; those tasks are made to cite it by code only.
    const plan = plans.find((p) => tasks.filter((t) => t.plan_id === p.id && t.visits.length > 0 && t.mode === 'ON_SITE' && t.kind === 'PLANNED').length >= 2)
    if (!plan?.plan_code) throw new Error('demo without a plan used by planned on-site tasks')
    const byCode = records.map((r) => (r.type === 'task' && r.plan_id === plan.id ? { ...r, plan_id: null, plan_code: plan.plan_code } : r))
    write(sqlite, byCode, 1)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    const unfiled = () => sqlite.prepare("SELECT count(*) FROM flags WHERE rule = 'UNFILED_PLANNED_INSPECTION' AND plan_ids = '[]'").pluck().get() as number
    const before = unfiled()

    // A sync renumbers the plan: the tasks that cited the old code now cite no known plan.
    write(sqlite, [{ ...plan, plan_code: `${plan.plan_code}-R` }], 2)
    expect(sqlite.prepare('SELECT plan_code, seq FROM plan_code_changes').all()).toEqual([{ plan_code: plan.plan_code, seq: 2 }])
    expect(runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) }).mode).toBe('incremental')
    const afterIncremental = flagTable(sqlite)
    expect(unfiled()).toBeGreaterThan(before)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    expect(afterIncremental).toEqual(flagTable(sqlite))
  })
})

describe('incremental analysis after records move to another enterprise', () => {
  it('revisits the enterprise they left: a task, a list entry and an evaluation re-pointed by a sync', () => {
    const { sqlite } = openMemoryDatabase()
    const records = [...createDemo({ tasks: 3000, seed: 5 }).records()].map((r) => RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    write(sqlite, records, 1)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    const flaggedOn = (enterpriseId: string) => sqlite.prepare('SELECT flag_key FROM flags WHERE enterprise_id = ?').pluck().all(enterpriseId) as string[]
    // A flagged task moves to another enterprise: its old enterprise's flags about it must go.
    const flagged = sqlite.prepare("SELECT task_ids, enterprise_id FROM flags WHERE task_ids LIKE '[\"%\"]' AND rule = 'NO_CODE_INSPECTION' LIMIT 1").get() as { task_ids: string; enterprise_id: string }
    const taskId = (JSON.parse(flagged.task_ids) as string[])[0]!
    const task = records.find((r): r is Task => r.type === 'task' && r.id === taskId)!
    const elsewhere = records.find((r): r is Enterprise => r.type === 'enterprise' && r.id !== task.enterprise_id)!.id
    expect(flaggedOn(task.enterprise_id).some((k) => k.includes(taskId))).toBe(true)
    // A list entry and an evaluation move too: entries count for their enterprise, evaluations for their task's.
    const entry = records.find((r) => r.type === 'list_entry' && r.enterprise_id !== elsewhere)
    const negative = sqlite.prepare("SELECT task_ids, enterprise_id FROM flags WHERE rule = 'NEGATIVE_EVALUATION' AND enterprise_id <> ? LIMIT 1").get(task.enterprise_id) as { task_ids: string } | undefined
    const evaluated = negative ? (JSON.parse(negative.task_ids) as string[])[0]! : undefined
    const evaluations = records.filter((r) => r.type === 'evaluation' && r.task_id === evaluated)
    if (!entry || entry.type !== 'list_entry' || evaluations.length === 0) throw new Error('demo without a list entry or a negative evaluation')
    write(sqlite, [
      { ...task, enterprise_id: elsewhere, site_id: null },
      { ...entry, enterprise_id: elsewhere },
      ...evaluations.map((e) => ({ ...e, task_id: taskId }))
    ], 2)
    expect(runIncrementalAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) }).mode).toBe('incremental')
    const afterIncremental = flagTable(sqlite)
    expect(flaggedOn(task.enterprise_id).some((k) => k.includes(taskId))).toBe(false)
    runFullAnalysis(sqlite, { asOf: AS_OF, pack: builtinRulePack(PACK) })
    expect(afterIncremental).toEqual(flagTable(sqlite))
  })
})
