// Session-wide lockdown (checklist items 1 and 5): every permission request and check is refused (the
// app needs no camera, notifications, geolocation, USB, HID or serial), spell checking is off, and the
// renderer may not reach the network: it talks to the main process over IPC only, so any http(s),
// ws(s) or file request that is not for the dev server is cancelled (Signal-Desktop does the same).
// Type-only Electron import: `hardenSession` only wires the pure decision below.
import type { Session } from 'electron'
import { originOf } from '../origin.ts'

/** Which requests webRequest sees: the schemes that reach outside the app. */
export const OUTSIDE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*']

/** A request leaving the app is allowed only to a trusted origin (in practice: the dev server and its HMR socket). */
export function isAllowedOutsideRequest(url: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(url.replace(/^ws(s?):/, 'http$1:'))
  return origin !== null && trusted.has(origin)
}

export function hardenSession(ses: Session, trusted: ReadonlySet<string>, log: (message: string) => void): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`已拒绝权限请求 / permission denied: ${permission}`)
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.setSpellCheckerEnabled(false)
  ses.webRequest.onBeforeRequest({ urls: OUTSIDE_URL_PATTERNS }, (details, callback) => {
    const allowed = isAllowedOutsideRequest(details.url, trusted)
    if (!allowed) log(`已阻止网络请求 / request blocked: ${details.url}`)
    callback({ cancel: !allowed })
  })
}
