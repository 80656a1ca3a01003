import { describe, expect, it } from 'vitest'
import { openMemoryDatabase } from '../../db/client.ts'
import { ensureDefaultUser, DEFAULT_USER_ID } from '../users.ts'
import { invoke, type InvokeContext } from './registry.ts'

function context(): InvokeContext {
  const db = openMemoryDatabase()
  ensureDefaultUser(db.sqlite)
  db.sqlite
    .prepare("INSERT INTO users (id, name, role, department_name, created_at) VALUES ('aud', '审计员', 'AUDITOR', NULL, '2026-01-01T00:00:00Z')")
    .run()
  return { db, session: { userId: DEFAULT_USER_ID }, now: () => new Date('2026-11-22T02:00:00Z') }
}

describe('invoke', () => {
  it('returns the signed-in user in the result envelope', async () => {
    const result = await invoke(context(), 'session.current', {})
    expect(result).toEqual({ ok: true, value: { id: DEFAULT_USER_ID, name: '本机监督员', role: 'OFFICER', departmentName: '区司法局行政执法协调监督科' } })
  })

  it('rejects unknown channels and bad input with specific errors', async () => {
    const ctx = context()
    expect(await invoke(ctx, 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    const bad = await invoke(ctx, 'session.signIn', { userId: '' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(bad.ok === false && bad.error.message).toContain('userId')
  })

  it('signing in changes the session user, persists it and records who did it', async () => {
    const ctx = context()
    const result = await invoke(ctx, 'session.signIn', { userId: 'aud' })
    expect(result).toMatchObject({ ok: true, value: { id: 'aud', role: 'AUDITOR' } })
    expect(ctx.session.userId).toBe('aud')
    expect(await invoke(ctx, 'session.current', {})).toMatchObject({ ok: true, value: { id: 'aud' } })
    const audit = ctx.db.sqlite.prepare('SELECT user_id, action FROM audit_log').all()
    expect(audit).toEqual([{ user_id: 'aud', action: 'session.signIn' }])
  })

  it('refuses a session whose user does not exist', async () => {
    const ctx = context()
    ctx.session.userId = 'ghost'
    expect(await invoke(ctx, 'session.current', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
