// The desktop host of the typed API (architecture.md §One API, three hosts): one ipcMain.handle per
// API channel. Each call is served only for a trusted sender (security/senders.ts), then goes through
// the same `invoke` as the web host and the CLI, and always resolves to the result envelope — nothing
// is thrown across IPC, where Electron would keep only the error's message. No Electron import: the
// ipcMain is described by the two methods used, so tests pass a fake.
import type { ApiResult, ChannelName } from '../../../core/api/channels.ts'
import { ipcChannelName } from '../../../core/api/bridge.ts'
import type { IpcSenderEvent } from '../security/senders.ts'

/** The part of Electron's ipcMain this module uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export type ApiCall = (channel: ChannelName, input: unknown) => Promise<ApiResult<unknown>>

export type RegisterApiOptions = {
  ipcMain: IpcMainLike
  channels: readonly ChannelName[]
  isTrustedSender: (event: IpcSenderEvent) => boolean
  call: ApiCall
  log?: (message: string) => void
}

export const UNTRUSTED_SENDER_RESULT = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '调用来源不受信任 / the caller is not a page of this app' }
} as const satisfies ApiResult<never>

/** Registers every channel; returns the function that removes them again. */
export function registerApiHandlers(options: RegisterApiOptions): () => void {
  const log = options.log ?? (() => {})
  const registered: string[] = []
  for (const channel of options.channels) {
    const ipcChannel = ipcChannelName(channel)
    options.ipcMain.handle(ipcChannel, async (event, input) => {
      if (!options.isTrustedSender(event)) {
        log(`已拒绝 IPC 调用 / rejected IPC call to ${channel} from ${event.senderFrame?.url ?? '(no frame)'}`)
        return UNTRUSTED_SENDER_RESULT
      }
      try {
        return await options.call(channel, input)
      } catch (error) {
        // `invoke` already wraps handler errors; this catches a failure of the host itself.
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { code: 'INTERNAL', message } } satisfies ApiResult<never>
      }
    })
    registered.push(ipcChannel)
  }
  return () => {
    for (const ipcChannel of registered) options.ipcMain.removeHandler(ipcChannel)
  }
}
