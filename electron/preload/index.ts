// The sandboxed preload (electron-vite bundles it to ONE CommonJS file, out/preload/index.cjs: a
// sandboxed preload can require only `electron` and a few Node polyfills). It exposes the typed API
// as `window.jiandu` and nothing else. The channel names are put in at build time from
// core/api/channels.ts (electron.vite.config.ts `define`), so the zod schemas stay out of the preload.
import { contextBridge, ipcRenderer } from 'electron'
import type { ChannelName } from '../../core/api/channels.ts'
import { buildBridge } from './bridge.ts'

declare const __JIANDU_CHANNEL_NAMES__: readonly ChannelName[]

contextBridge.exposeInMainWorld(
  'jiandu',
  buildBridge(__JIANDU_CHANNEL_NAMES__, (ipcChannel, input) => ipcRenderer.invoke(ipcChannel, input))
)
