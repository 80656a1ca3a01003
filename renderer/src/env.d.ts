// The desktop preload exposes the typed API as `window.jiandu` (core/api/bridge.ts); in web mode it is absent.
import type { JianduBridge } from '../../core/api/bridge.ts'

declare global {
  interface Window {
    jiandu?: JianduBridge
  }
}

export {}
