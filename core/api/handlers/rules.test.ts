import { beforeEach, describe, expect, it } from 'vitest'
import { openMemoryDatabase, type OpenedDb } from '../../../db/client.ts'
import { createRecordWriter } from '../../../db/records.ts'
import { RECORD_SCHEMAS, type InterchangeRecord } from '../../contract/records.ts'
import { createDemo } from '../../demo/generate.ts'
import { RULE_CODES } from '../../rules/pack.ts'
import { DEFAULT_USER_ID, ensureDefaultUser } from '../../users.ts'
import type { RuleSettingsView } from '../channels.ts'
import { invoke } from '../registry.ts'

let db: OpenedDb
const AUDITOR_ID = 'auditor-1'
const ctx = (userId = DEFAULT_USER_ID) => ({ db, session: { userId }, now: () => new Date('2026-12-06T08:00:00Z') })

async function call(channel: string, input: unknown, userId?: string): Promise<RuleSettingsView> {
  const r = await invoke(ctx(userId), channel, input)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as RuleSettingsView
}

async function failure(channel: string, input: unknown, userId?: string): Promise<string> {
  const r = await invoke(ctx(userId), channel, input)
  if (r.ok) throw new Error(`${channel} succeeded`)
  return `${r.error.code}: ${r.error.message}`
}

const flagRules = () => new Set(db.sqlite.prepare('SELECT DISTINCT rule FROM flags').pluck().all() as string[])

beforeEach(() => {
  db = openMemoryDatabase()
  ensureDefaultUser(db.sqlite)
  db.sqlite.prepare("INSERT INTO users (id, name, role, department_name, created_at) VALUES (?, '审计员', 'AUDITOR', NULL, '2026-01-01T00:00:00Z')").run(AUDITOR_ID)
})

describe('rules channels', () => {
  it('show the active pack, every rule with its basis and parameters, and the shipped packs', async () => {
    const view = await call('rules.get', {})
    expect(view.pack).toMatchObject({ name: 'shanghai-2025', extends: null })
    expect(view.pack.effectiveVersion).toBe(view.pack.packVersion)
    expect(view.packs.map((p) => [p.name, p.active])).toEqual([['shanghai-2025', true], ['yantai-2024', false]])
    expect(view.rules.map((r) => r.code)).toEqual(RULE_CODES)
    const repeat = view.rules.find((r) => r.code === 'REPEAT_WITHIN_MONTH')
    expect(repeat).toMatchObject({ enabled: true, enabledInPack: true, params: { min_interval_months: 1 } })
    expect(repeat?.basis.length).toBeGreaterThan(0)
    expect(repeat?.basis[0]).toMatch(/《.+》/)
    expect(view.flagsStale).toBe(false)
    expect(view.lastRun).toBeNull()
    // The calendar as of the session's today (2026-12-06, Shanghai): 2027 is wanted unless bundled.
    expect(view.calendar.coveredYears).toContain(2026)
    expect(view.calendar.missingSoon).toEqual(view.calendar.coveredYears.includes(2027) ? [] : [2027])
  })

  it('let an officer switch a rule off with a reason; the next analysis finds nothing of it', async () => {
    const writer = createRecordWriter(db.sqlite, 1)
    db.sqlite.transaction(() => {
      for (const r of createDemo({ tasks: 1000, seed: 3 }).records()) writer.write(RECORD_SCHEMAS[r.type].parse(r) as InterchangeRecord)
    })()
    expect((await invoke(ctx(), 'analysis.start', { asOf: '2026-11-20' })).ok).toBe(true)
    expect(flagRules().has('NO_CODE_INSPECTION')).toBe(true)

    const view = await call('rules.setEnabled', { rule: 'NO_CODE_INSPECTION', enabled: false, reason: '  专项整治期间另行处理  ' })
    expect(view.rules.find((r) => r.code === 'NO_CODE_INSPECTION')).toMatchObject({ enabled: false, enabledInPack: true })
    expect(view.pack.effectiveVersion).not.toBe(view.pack.packVersion)
    expect(view.flagsStale).toBe(true)
    const detail = db.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'rule.disable'").pluck().get() as string
    expect(JSON.parse(detail)).toMatchObject({ reason: '专项整治期间另行处理' })

    // The inline analysis (no job runner) uses the switches too.
    expect((await invoke(ctx(), 'analysis.start', { asOf: '2026-11-20' })).ok).toBe(true)
    expect(flagRules().has('NO_CODE_INSPECTION')).toBe(false)
    expect((await call('rules.get', {})).flagsStale).toBe(false)

    const reset = await call('rules.reset', { reason: '恢复默认设置' })
    expect(reset.rules.every((r) => r.enabled === r.enabledInPack)).toBe(true)
    expect(reset.flagsStale).toBe(true)
  })

  it('switch the pack the app analyses with', async () => {
    const view = await call('rules.selectPack', { pack: 'yantai-2024', reason: '对照烟台做法' })
    expect(view.pack).toMatchObject({ name: 'yantai-2024', extends: 'shanghai-2025' })
    expect(view.rules.find((r) => r.code === 'ADVANCE_FILING_SHORT')?.enabled).toBe(true)
    expect(await failure('rules.selectPack', { pack: 'nowhere-1999', reason: '试一试' })).toMatch(/^BAD_INPUT: .*nowhere-1999/)
  })

  it('refuse changes without a reason, of unknown rules, or by an auditor', async () => {
    expect(await failure('rules.setEnabled', { rule: 'NO_CODE_INSPECTION', enabled: false, reason: ' ' })).toMatch(/^BAD_INPUT: reason: 请说明理由/)
    expect(await failure('rules.setEnabled', { rule: 'NO_SUCH_RULE', enabled: false, reason: '理由充分' })).toMatch(/^BAD_INPUT: .*NO_SUCH_RULE/)
    expect(await failure('rules.setEnabled', { rule: 'NO_CODE_INSPECTION', enabled: false, reason: '理由充分' }, AUDITOR_ID)).toMatch(/^FORBIDDEN/)
    expect(await failure('rules.reset', { reason: '理由充分' }, AUDITOR_ID)).toMatch(/^FORBIDDEN/)
    expect((await call('rules.get', {}, AUDITOR_ID)).rules.every((r) => r.enabled === r.enabledInPack)).toBe(true)
    expect(db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0)
  })
})
