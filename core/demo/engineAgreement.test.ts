// The rule engine (core/rules) against the demo data: every planted case is found, and the clean records
// raise no core flag. The demo's manifest is the engine's acceptance fixture.
import { describe, expect, it } from 'vitest'
import type { InterchangeRecord } from '../contract/records.ts'
import { analyze, builtinRulePack, type AnalysisInput } from '../rules/index.ts'
import { DEMO_LAST_DATE, createDemo } from './generate.ts'
import { INJECTABLE_RULES } from './injections.ts'

function analysisInput(records: Iterable<InterchangeRecord>): AnalysisInput {
  const input = { departments: [], officers: [], enterprises: [], items: [], list_entries: [], plans: [], tasks: [], evaluations: [], calendar_days: [] } as {
    [K in keyof AnalysisInput]: InterchangeRecord[]
  }
  const slot = { department: 'departments', officer: 'officers', enterprise: 'enterprises', item: 'items', list_entry: 'list_entries', plan: 'plans', task: 'tasks', evaluation: 'evaluations', calendar_day: 'calendar_days' } as const
  for (const r of records) input[slot[r.type]].push(r)
  return input as unknown as AnalysisInput
}

describe('rule engine on the demo data', () => {
  it('flags exactly the planted cases of the core rules', () => {
    const demo = createDemo({ tasks: 3000, seed: 'engine-agreement' })
    const output = analyze(analysisInput(demo.records()), builtinRulePack(), { asOf: DEMO_LAST_DATE })
    const core = new Set<string>(INJECTABLE_RULES)
    const key = (rule: string, t: readonly string[], p: readonly string[]) => `${rule}|${t.join(',')}|${p.join(',')}`
    const got = new Set(output.flags.filter((f) => core.has(f.rule)).map((f) => key(f.rule, f.task_ids, f.plan_ids)))
    const want = new Set(INJECTABLE_RULES.flatMap((r) => demo.manifest.rules[r].map((c) => key(r, c.task_ids, c.plan_ids))))
    expect([...want].filter((k) => !got.has(k)), 'planted but not flagged').toEqual([])
    expect([...got].filter((k) => !want.has(k)), 'flagged but not planted').toEqual([])
  })
})
