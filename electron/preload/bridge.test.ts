import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../core/api/channels.ts'
import { invoke } from '../../core/api/registry.ts'
import { openMemoryDatabase } from '../../db/client.ts'
import { createDesktopContext } from '../main/ipc/apiContext.ts'
import { registerApiHandlers, type IpcMainLike } from '../main/ipc/registerApi.ts'
import { buildBridge } from './bridge.ts'

describe('buildBridge', () => {
  it('has one function per API channel and nothing else', () => {
    const bridge = buildBridge(CHANNEL_NAMES, async () => null)
    expect(Object.keys(bridge).sort()).toEqual(['api', 'host'])
    expect(bridge.host).toBe('desktop')
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function')
  })

  it('sends each call on its own IPC channel with only the input', async () => {
    const sent: unknown[][] = []
    const bridge = buildBridge(CHANNEL_NAMES, async (...args) => {
      sent.push(args)
      return { ok: true, value: 'answer' }
    })
    expect(await bridge.api['session.signIn']({ userId: 'staff-1' })).toEqual({ ok: true, value: 'answer' })
    expect(sent).toEqual([['api:session.signIn', { userId: 'staff-1' }]])
  })

  it('cannot be altered by the page (frozen, so no channel can be added or redirected)', () => {
    const bridge = buildBridge(CHANNEL_NAMES, async () => null)
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(Object.isFrozen(bridge.api)).toBe(true)
    expect(() => Object.assign(bridge.api, { invoke: () => null })).toThrow(TypeError)
  })
})

describe('preload bridge ↔ main process', () => {
  it('reaches the real API handlers through the registered IPC handlers', async () => {
    const db = openMemoryDatabase()
    try {
      const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>()
      const ctx = createDesktopContext(db)
      registerApiHandlers({
        ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: (channel) => void handlers.delete(channel) },
        channels: CHANNEL_NAMES,
        isTrustedSender: (event) => event.senderFrame?.url.startsWith('app://jiandu/') === true,
        call: (channel, input) => invoke(ctx, channel, input)
      })
      // ipcRenderer.invoke as the sandboxed page sees it: main frame of app://jiandu, values cloned.
      const bridge = buildBridge(CHANNEL_NAMES, async (ipcChannel, input) => {
        const listener = handlers.get(ipcChannel)
        if (!listener) throw new Error(`No handler registered for '${ipcChannel}'`)
        return structuredClone(await listener({ senderFrame: { url: 'app://jiandu/index.html', parent: null } }, structuredClone(input)))
      })
      const users = await bridge.api['session.users']({})
      expect(users.ok && users.value.map((u) => u.id)).toEqual(['local-officer'])
    } finally {
      db.sqlite.close()
    }
  })
})
