// The object the desktop preload exposes to the renderer as `window.jiandu` (contextBridge): one
// function per channel, generated from the channel list — never a raw ipcRenderer or a generic invoke.
// The renderer's API client uses it when present, else the web host's HTTP API. No Node, no DOM here.
import type { ApiResult, ChannelInput, ChannelName, ChannelOutput } from './channels.ts'

export type JianduBridgeApi = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<ApiResult<ChannelOutput<C>>> }

export type JianduBridge = {
  readonly host: 'desktop'
  readonly api: JianduBridgeApi
}

/** The IPC channel name of an API channel (`plans.list` → `api:plans.list`). */
export function ipcChannelName(channel: ChannelName): string {
  return `api:${channel}`
}
