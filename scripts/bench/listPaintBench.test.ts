// The list benchmark's database, small (timing itself belongs to `npm run bench`, not to tests).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { listFlags, flagGroupCounts } from '../../core/flags/queries.ts'
import { tempDir } from '../../core/import/testFixtures.ts'
import { isRuleCode, RULE_CODES } from '../../core/rules/pack.ts'
import { builtinRulePack } from '../../core/rules/packs.ts'
import { createListDatabase } from './listPaintBench.ts'

describe('createListDatabase', () => {
  it('holds as many plans as flags, the flags spread over every rule, shaped as the inbox lists them', () => {
    const path = join(tempDir('jiandu-list-bench-'), 'lists.sqlite')
    createListDatabase(path, 600)
    const { sqlite } = openDatabase(path)
    try {
      expect(sqlite.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(600)
      const page = listFlags(sqlite, {}, 0, 100)
      expect(page.total).toBe(600)
      expect(page.rows).toHaveLength(100)
      const pack = builtinRulePack()
      for (const row of page.rows) {
        if (!isRuleCode(row.rule)) throw new Error(`not a rule of the engine: ${row.rule}`)
        expect(row.severity).toBe(pack.rules[row.rule].severity)
        expect(row.enterpriseName).not.toBeNull()
        expect(row.departmentName).not.toBeNull()
        expect(row.message.startsWith(`${row.enterpriseName}：`)).toBe(true)
      }
      const groups = flagGroupCounts(sqlite, {})
      expect(groups.byRule.map((g) => g.key).sort()).toEqual([...RULE_CODES].sort())
      expect(groups.byRule.reduce((n, g) => n + g.total, 0)).toBe(600)
      // The flags belong to a recorded run of the default pack, as an analysis leaves them.
      expect(sqlite.prepare('SELECT rule_pack, flag_count FROM analysis_runs').get()).toEqual({ rule_pack: pack.name, flag_count: 600 })
    } finally {
      sqlite.close()
    }
  })
})
