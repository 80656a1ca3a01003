// Builds the object the preload exposes as `window.jiandu` (core/api/bridge.ts's JianduBridge): one
// function per API channel, each sending exactly its own IPC channel. The renderer gets no ipcRenderer,
// no generic invoke and no way to name an IPC channel itself (checklist item 20). No Electron import:
// the preload passes ipcRenderer.invoke in, tests pass a fake.
import type { ChannelName } from '../../core/api/channels.ts'
import { ipcChannelName, type JianduBridge, type JianduBridgeApi } from '../../core/api/bridge.ts'

/** ipcRenderer.invoke, narrowed to what the bridge needs. */
export type IpcInvoke = (ipcChannel: string, input: unknown) => Promise<unknown>

export function buildBridge(channels: readonly ChannelName[], ipcInvoke: IpcInvoke): JianduBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const channel of channels) {
    const ipcChannel = ipcChannelName(channel)
    // Only the input crosses: never the event or a callback (checklist item 20).
    api[channel] = (input: unknown) => ipcInvoke(ipcChannel, input)
  }
  // The main process answers every channel with the ApiResult envelope of that channel's output
  // (electron/main/ipc/registerApi.ts), which is what JianduBridgeApi states.
  return Object.freeze({ host: 'desktop', api: Object.freeze(api) as JianduBridgeApi })
}
