// Blind conformance audit of the core flags against ../shared/domain/rules-core-v1.md.
// Every case in ./spec-audit/ is a small hand-made interchange file (<case>.jsonl) with the flags
// expected from the spec text alone (<case>.expected.json, each flag with a `why`). The test goes the
// way an acceptance test does: a fresh database, `node cli/main.ts import`, then `node cli/main.ts
// analyze --as-of … --format json`, and compares the set of (rule, task_ids, plan_ids) for the rules
// the case is about (other rules may fire on the same data and are ignored). Cases where the audit
// believes the implementation is wrong live in ./spec-audit/disputed/ and are not run here.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..')
const MAIN = join(ROOT, 'cli', 'main.ts')
const CASES = join(HERE, 'spec-audit')

interface ExpectedFlag {
  rule: string
  task_ids: string[]
  plan_ids: string[]
  department_id?: string
  severity?: string
  why?: string
}
interface ExpectedCase {
  as_of: string
  rules: string[]
  notes?: string[]
  flags: ExpectedFlag[]
}
interface OutputFlag {
  rule: string
  severity: string
  task_ids: string[]
  plan_ids: string[]
  department_id?: string | null
  evidence: unknown
  message: unknown
}
interface Output {
  format: string
  version: number
  as_of: string
  rule_pack: string
  flags: OutputFlag[]
}

/** Severity per rule (rules-core-v1.md §Flags); RESULT_LATE is SHOULD, MUST for TRAN, so it is checked per case. */
const SEVERITY: Record<string, string> = {
  UNFILED_PLANNED_INSPECTION: 'MUST',
  NO_CODE_INSPECTION: 'MUST',
  SURVEY_EXEMPTION_MISUSED: 'MUST',
  LATE_BACKFILL: 'MUST',
  REPEAT_WITHIN_MONTH: 'SHOULD',
  REPEAT_PLANNED_ANNUAL: 'SHOULD',
  RESULT_RECOGNITION_IGNORED: 'SHOULD',
  WUGAN_OBJECT_INSPECTED: 'SHOULD',
  WUSHI_ITEM_INSPECTED: 'SHOULD',
  JOINT_MISSED_NO_REASON: 'SHOULD',
  CODE_NOT_REUSED: 'MUST',
  PLAN_PUBLICATION_LATE: 'MUST',
  TRIGGER_UNSUPPORTED: 'MUST',
  CONDUCT_VIOLATION: 'MUST',
  NEGATIVE_EVALUATION: 'INFO',
  FIRE_B_OVER: 'MUST'
}

const work = mkdtempSync(join(tmpdir(), 'jiandu-spec-audit-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JIANDU_DATA_DIR: join(work, 'home') }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const key = (f: { rule: string; task_ids: string[]; plan_ids: string[] }): string =>
  `${f.rule} [${f.task_ids.join(', ')}] [${f.plan_ids.join(', ')}]`

/** Plain code-unit order, element by element (ids are opaque strings). */
function compareIds(a: readonly string[], b: readonly string[]): number {
  for (const [i, x] of a.entries()) {
    const y = b[i]
    if (y === undefined) return 1
    if (x !== y) return x < y ? -1 : 1
  }
  return a.length - b.length
}
const isSorted = (ids: readonly string[]): boolean => ids.every((id, i) => i === 0 || (ids[i - 1] ?? '') < id)

const caseNames = readdirSync(CASES)
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => f.slice(0, -'.jsonl'.length))
  .sort()

describe('rules-core-v1 conformance (blind audit, through the CLI)', () => {
  it('has cases', () => {
    expect(caseNames.length).toBeGreaterThan(10)
  })

  for (const name of caseNames) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(CASES, `${name}.expected.json`), 'utf8')) as ExpectedCase
      const db = join(work, `${name}.sqlite`)

      const imported = cli(['import', join(CASES, `${name}.jsonl`), '--db', db, '--format', 'json'])
      expect(imported.stderr, 'import stderr').toBe('')
      expect(imported.code, `import exit code (0 = nothing rejected)\n${imported.stdout}`).toBe(0)

      const analyzed = cli(['analyze', '--db', db, '--as-of', expected.as_of, '--format', 'json'])
      expect(analyzed.code, analyzed.stderr).toBe(0)
      const output = JSON.parse(analyzed.stdout) as Output
      expect(output).toMatchObject({ format: 'jiandu-flags', version: 1, as_of: expected.as_of, rule_pack: 'shanghai-2025' })

      // interchange-v1 §Analysis output: ids sorted ascending, flags sorted by rule, task_ids, plan_ids.
      for (const f of output.flags) {
        expect(isSorted(f.task_ids) && isSorted(f.plan_ids), `ids sorted in ${key(f)}`).toBe(true)
      }
      for (const [a, b] of output.flags.slice(1).map((f, i) => [output.flags[i]!, f] as const)) {
        const order = a.rule !== b.rule ? (a.rule < b.rule ? -1 : 1) : compareIds(a.task_ids, b.task_ids) || compareIds(a.plan_ids, b.plan_ids)
        expect(order, `flag order: ${key(a)} before ${key(b)}`).toBeLessThan(0)
      }

      const rules = new Set(expected.rules)
      const actual = output.flags.filter((f) => rules.has(f.rule))
      expect(actual.map(key).sort()).toEqual(expected.flags.map(key).sort())

      const byKey = new Map(actual.map((f) => [key(f), f]))
      for (const want of expected.flags) {
        const got = byKey.get(key(want))!
        const severity = want.severity ?? (want.rule === 'RESULT_LATE' ? undefined : SEVERITY[want.rule])
        if (severity !== undefined) expect(got.severity, `severity of ${key(want)}`).toBe(severity)
        if (want.department_id !== undefined) expect(got.department_id, `department_id of ${key(want)}`).toBe(want.department_id)
        expect(typeof got.message === 'string' && got.message.length > 0, `message of ${key(want)}`).toBe(true)
        expect(typeof got.evidence === 'object' && got.evidence !== null, `evidence of ${key(want)}`).toBe(true)
      }
    })
  }
})
