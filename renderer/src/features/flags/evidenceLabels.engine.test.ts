// Every evidence key the rule engine writes has a Chinese label: the engine runs both shipped packs, every
// rule switched on, over a demo data set and each key found, at any depth, must be in the table. (An
// `.engine.test.ts` runs the engine in Node: outside the renderer's import rules and browser typecheck.)
import { describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS, type InterchangeRecord } from '../../../../core/contract/records.ts'
import { createDemo } from '../../../../core/demo/generate.ts'
import { analyzeDatabase } from '../../../../core/rules/analyzeDatabase.ts'
import { BUILTIN_RULE_PACKS } from '../../../../core/rules/packs.ts'
import { switchedRulePack } from '../../../../core/rules/ruleSettings.ts'
import { RULE_CODES } from '../../../../core/rules/pack.ts'
import { openMemoryDatabase } from '../../../../db/client.ts'
import { createRecordWriter } from '../../../../db/records.ts'
import { EVIDENCE_KEY_LABELS } from './evidenceFacts.ts'

function keysOf(value: unknown, into: Map<string, string>, rule: string): void {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into, rule)
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (!into.has(key)) into.set(key, rule)
      keysOf(v, into, rule)
    }
  }
}

describe('evidence labels', () => {
  it('name every key the engine writes into evidence', () => {
    const { sqlite } = openMemoryDatabase()
    const writer = createRecordWriter(sqlite, 1)
    sqlite.transaction(() => {
      for (const r of createDemo({ tasks: 20000, seed: 3 }).records()) writer.write(RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    })()
    const keys = new Map<string, string>()
    const rules = new Set<string>()
    for (const name of BUILTIN_RULE_PACKS) {
      const everyRule = switchedRulePack(name, Object.fromEntries(RULE_CODES.map((code) => [code, true])))
      for (const flag of analyzeDatabase(sqlite, { asOf: '2026-11-20', pack: everyRule, shares: 1 }).flags) {
        rules.add(flag.rule)
        keysOf(flag.evidence, keys, flag.rule)
      }
    }
    // The demo exercises 25 of the rules; the rule tests (core/rules) reach the others, whose keys were checked alike when this test was written.
    expect(rules.size).toBeGreaterThanOrEqual(25)
    const unlabelled = [...keys].filter(([key]) => !(key in EVIDENCE_KEY_LABELS)).map(([key, rule]) => `${key} (${rule})`)
    expect(unlabelled).toEqual([])
  })
})
