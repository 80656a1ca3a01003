import { afterEach, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, type ApiResult } from '../../../core/api/channels.ts'
import { invoke } from '../../../core/api/registry.ts'
import { openMemoryDatabase, type OpenedDb } from '../../../db/client.ts'
import { APP_ORIGIN } from '../origin.ts'
import { isTrustedSender, type IpcSenderEvent } from '../security/senders.ts'
import { createDesktopContext } from './apiContext.ts'
import { registerApiHandlers, UNTRUSTED_SENDER_RESULT, type IpcMainLike } from './registerApi.ts'

type Listener = Parameters<IpcMainLike['handle']>[1]

/** ipcMain as far as the registration sees it: a map of handlers, like Electron's (one per channel). */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, listener)
    },
    removeHandler(channel) {
      handlers.delete(channel)
    }
  }
  /** What ipcRenderer.invoke would get back: the handler's result, structured-cloned across processes. */
  async function send(channel: string, event: IpcSenderEvent, input: unknown): Promise<unknown> {
    const listener = handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return structuredClone(await listener(event, input))
  }
  return { ipcMain, handlers, send }
}

const fromApp: IpcSenderEvent = { senderFrame: { url: 'app://jiandu/index.html', parent: null } }
const trusted = new Set([APP_ORIGIN])

let db: OpenedDb | null = null
afterEach(() => {
  db?.sqlite.close()
  db = null
})

function registerWithRealApi() {
  db = openMemoryDatabase()
  const ctx = createDesktopContext(db, () => new Date('2026-11-22T02:00:00.000Z'))
  const fake = fakeIpcMain()
  const unregister = registerApiHandlers({
    ipcMain: fake.ipcMain,
    channels: CHANNEL_NAMES,
    isTrustedSender: (event) => isTrustedSender(event, trusted),
    call: (channel, input) => invoke(ctx, channel, input)
  })
  return { ...fake, ctx, unregister }
}

describe('registerApiHandlers', () => {
  it('registers exactly one api:<channel> handler per API channel', () => {
    const { handlers } = registerWithRealApi()
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => `api:${c}`).sort())
  })

  it('answers a trusted call through the real handlers, signed in as the default officer', async () => {
    const { send } = registerWithRealApi()
    const result = await send('api:session.current', fromApp, {})
    expect(result).toEqual({ ok: true, value: { id: 'local-officer', name: '本机监督员', role: 'OFFICER', departmentName: '区司法局行政执法协调监督科' } })
  })

  it('keeps one session: signing in changes the user of the following calls', async () => {
    const { send, ctx } = registerWithRealApi()
    db?.sqlite
      .prepare("INSERT INTO users (id, name, role, department_name, created_at) VALUES ('staff-1', '文书甲', 'STAFF', NULL, '2026-11-22T00:00:00Z')")
      .run()
    expect(await send('api:session.signIn', fromApp, { userId: 'staff-1' })).toMatchObject({ ok: true, value: { id: 'staff-1' } })
    expect(ctx.session.userId).toBe('staff-1')
    expect(await send('api:session.current', fromApp, {})).toMatchObject({ ok: true, value: { id: 'staff-1', role: 'STAFF' } })
  })

  it('returns the envelope of a bad input instead of throwing across IPC', async () => {
    const { send } = registerWithRealApi()
    const result = (await send('api:session.signIn', fromApp, { userId: '' })) as ApiResult<unknown>
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('BAD_INPUT')
  })

  it('refuses untrusted senders without calling the API', async () => {
    let calls = 0
    const fake = fakeIpcMain()
    registerApiHandlers({
      ipcMain: fake.ipcMain,
      channels: CHANNEL_NAMES,
      isTrustedSender: (event) => isTrustedSender(event, trusted),
      call: async () => {
        calls++
        return { ok: true, value: null }
      }
    })
    const parent = { url: 'app://jiandu/index.html', parent: null }
    for (const event of [
      { senderFrame: null },
      { senderFrame: { url: 'about:blank', parent: null } },
      { senderFrame: { url: 'https://example.com/', parent: null } },
      { senderFrame: { url: 'app://jiandu/frame.html', parent } }
    ] satisfies IpcSenderEvent[]) {
      expect(await fake.send('api:session.current', event, {})).toEqual(UNTRUSTED_SENDER_RESULT)
    }
    expect(calls).toBe(0)
  })

  it('turns a failure of the host itself into an INTERNAL envelope', async () => {
    const fake = fakeIpcMain()
    registerApiHandlers({
      ipcMain: fake.ipcMain,
      channels: ['session.current'],
      isTrustedSender: () => true,
      call: async () => {
        throw new Error('database is locked')
      }
    })
    expect(await fake.send('api:session.current', fromApp, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'database is locked' } })
  })

  it('can be unregistered (and registered again, which Electron allows only after removal)', () => {
    const { handlers, unregister, ipcMain } = registerWithRealApi()
    unregister()
    expect(handlers.size).toBe(0)
    registerApiHandlers({ ipcMain, channels: CHANNEL_NAMES, isTrustedSender: () => true, call: async () => ({ ok: true, value: null }) })
    expect(handlers.size).toBe(CHANNEL_NAMES.length)
  })
})
