import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../core/contract/records.ts'
import { ensureDefaultUser } from '../../core/users.ts'
import { openDatabase, type OpenedDb } from '../../db/client.ts'
import { createRecordWriter } from '../../db/records.ts'
import { startWebHost, type WebHost } from './server.ts'

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw HTTP request, so the test controls Host, Origin and the path exactly as an attacker could. */
function send(host: WebHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

function api(host: WebHost, channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(host, {
    method: 'POST', path: `/api/${channel}`, body: JSON.stringify(input),
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers }
  })
}

const plan = (id: string, status: Plan['status']): Plan => ({
  type: 'plan', id, plan_code: null, department_id: 'D1', participant_department_ids: null, title: `消防检查计划 ${id}`, plan_type: 'ANNUAL',
  origin: 'SELF', year: 2026, window_from: '2026-01-01', window_to: '2026-12-31', item_ids: [], targets: null, scope: null, sampling_ratio: null,
  method: null, frequency: null, legal_basis: null, status, submitted_at: null, filed_at: null, published_at: null
})

let host: WebHost
let db: OpenedDb

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiandu-web-'))
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>监督工作台</title>')
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(staticDir, 'assets', 'index-abc123.css'), 'body{}')
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser')
  db = openDatabase(join(dir, 'w.sqlite'))
  const writer = createRecordWriter(db.sqlite, 1)
  db.sqlite.transaction(() => {
    writer.write({ type: 'department', id: 'D1', name: '金山区消防救援支队', domain: 'FIRE', level: 'DISTRICT', district_code: '310116' })
    for (const [id, status] of [['P1', 'SUBMITTED'], ['P2', 'FILED'], ['P3', 'SUBMITTED']] as const) writer.write(plan(id, status))
  })()
  ensureDefaultUser(db.sqlite)
  db.sqlite
    .prepare("INSERT INTO users (id, name, role, department_name, created_at) VALUES ('auditor-1', '赵审计', 'AUDITOR', NULL, '2026-01-01T00:00:00Z')")
    .run()
  host = await startWebHost({ db, staticDir, port: 0 })
})

afterAll(async () => {
  await host.close()
  db.sqlite.close()
})

describe('web host', () => {
  it('listens on loopback and gives the URL with a random token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
    expect(host.port).toBeGreaterThan(0)
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('serves index.html uncached with the CSP and security headers, and falls back to it for app routes', async () => {
    for (const path of ['/', '/index.html', '/plans/P1']) {
      const reply = await send(host, { path })
      expect(reply.status).toBe(200)
      expect(reply.body).toContain('监督工作台')
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(reply.headers['cache-control']).toBe('no-store')
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['content-security-policy']).toContain("script-src 'self'")
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    }
  })

  it('serves hashed assets with their content type and a long cache, and 404s a missing asset', async () => {
    const js = await send(host, { path: '/assets/index-abc123.js' })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['cache-control']).toContain('immutable')
    expect((await send(host, { path: '/assets/index-abc123.css' })).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await send(host, { path: '/assets/missing.js' })).status).toBe(404)
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await send(host, { path })
      expect(reply.body).not.toContain('not for the browser')
      expect([200, 404]).toContain(reply.status)
    }
  })

  it('refuses any request whose Host is not this server (DNS rebinding) with 403', async () => {
    for (const hostHeader of ['evil.example:80', `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      expect((await send(host, { path: '/', headers: { Host: hostHeader } })).status).toBe(403)
      expect((await api(host, 'session.current', {}, { Host: hostHeader })).status).toBe(403)
    }
    expect((await api(host, 'session.current', {}, { Host: `localhost:${host.port}` })).status).toBe(200)
  })

  it('requires the session token on every API call (401 without it or with a wrong one)', async () => {
    const none = await send(host, { method: 'POST', path: '/api/session.current', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect((await api(host, 'session.current', {}, { Authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await api(host, 'session.current', {}, { Authorization: `Bearer ${host.token}x` })).status).toBe(401)
    expect((await api(host, 'session.current', {}, { Authorization: host.token })).status).toBe(401)
  })

  it('refuses a cross-origin call, a non-JSON body, invalid JSON, an oversized body and other methods', async () => {
    expect((await api(host, 'session.current', {}, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api(host, 'session.current', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
    expect((await api(host, 'session.current', {}, { 'Content-Type': 'text/plain' })).status).toBe(415)
    const invalid = await send(host, {
      method: 'POST', path: '/api/plans.list', body: '{"offset":', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }
    })
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const huge = await api(host, 'plans.list', { text: 'x'.repeat(2 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    const get = await send(host, { path: '/api/plans.list', headers: { Authorization: `Bearer ${host.token}` } })
    expect(get.status).toBe(405)
    expect(get.headers['allow']).toBe('POST')
  })

  it('answers an unknown channel with 404 and the UNKNOWN_CHANNEL envelope, bad input with BAD_INPUT', async () => {
    const unknown = await api(host, 'plans.drop', {})
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    const bad = await api(host, 'plans.list', { status: 'APPROVED', limit: 0 })
    expect(bad.status).toBe(200)
    const envelope = JSON.parse(bad.body) as { ok: boolean; error: { code: string; message: string } }
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(envelope.error.message).toContain('status')
    expect(envelope.error.message).toContain('limit')
  })

  it('runs a real channel against the real database', async () => {
    const reply = await api(host, 'plans.list', { status: 'SUBMITTED', offset: 0, limit: 10 })
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    const envelope = JSON.parse(reply.body) as { ok: true; value: { total: number; rows: { id: string; departmentName: string }[]; statusCounts: Record<string, number> } }
    expect(envelope.ok).toBe(true)
    expect(envelope.value.total).toBe(2)
    expect(envelope.value.rows.map((r) => r.id).sort()).toEqual(['P1', 'P3'])
    expect(envelope.value.rows[0]?.departmentName).toBe('金山区消防救援支队')
    expect(envelope.value.statusCounts).toEqual({ SUBMITTED: 2, FILED: 1 })
  })

  it('keeps one session: signing in as another user changes who the next calls run as', async () => {
    const before = JSON.parse((await api(host, 'session.current', {})).body) as { value: { id: string; role: string } }
    expect(before.value.role).toBe('OFFICER')
    const signIn = JSON.parse((await api(host, 'session.signIn', { userId: 'auditor-1' })).body) as { ok: boolean }
    expect(signIn.ok).toBe(true)
    const after = JSON.parse((await api(host, 'session.current', {})).body) as { value: { id: string; name: string } }
    expect(after.value).toMatchObject({ id: 'auditor-1', name: '赵审计' })
    await api(host, 'session.signIn', { userId: before.value.id })
  })
})

describe('web host without a built renderer', () => {
  it('still serves the API and explains how to build the UI', async () => {
    const apiOnly = await startWebHost({ db, staticDir: null, port: 0 })
    try {
      const page = await send(apiOnly, { path: '/' })
      expect(page.status).toBe(503)
      expect(page.body).toContain('npm run build:renderer')
      expect((await api(apiOnly, 'session.current', {})).status).toBe(200)
    } finally {
      await apiOnly.close()
    }
  })
})
