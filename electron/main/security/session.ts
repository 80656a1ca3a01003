// Session-wide lockdown (checklist items 1 and 5): every permission request and check is refused (the
// app needs no camera, notifications, geolocation, USB, HID or serial), spell checking is off, and the
// renderer may not reach the network: it talks to the main process over IPC only, so any http(s),
// ws(s) or file request that is not for the dev server is cancelled (Signal-Desktop does the same).
// A file the page saves (an export) goes through a save dialog.
// Type-only Electron import: `hardenSession` only wires the pure decision below.
import type { SaveDialogOptions, Session } from 'electron'
import { basename, extname, join } from 'node:path'
import { originOf } from '../origin.ts'

/** Which requests webRequest sees: the schemes that reach outside the app. */
export const OUTSIDE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*']

/** A request leaving the app is allowed only to a trusted origin (in practice: the dev server and its HMR socket). */
export function isAllowedOutsideRequest(url: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(url.replace(/^ws(s?):/, 'http$1:'))
  return origin !== null && trusted.has(origin)
}

const FILE_KINDS: Record<string, { name: string; extensions: string[] }> = {
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] }
}

/**
 * The save dialog of a file the page offers (an exported workbook): in the user's Downloads folder under
 * the page's name for it — its last path part only, whatever the page sent — and of its own kind.
 */
export function saveDialogFor(suggestedName: string, downloadsDir: string): SaveDialogOptions {
  const name = basename(suggestedName.replaceAll('\\', '/')) || '导出文件'
  const kind = FILE_KINDS[extname(name).toLowerCase()]
  return { title: '保存导出文件', defaultPath: join(downloadsDir, name), ...(kind ? { filters: [kind] } : {}) }
}

/** `downloadsDir` null: a session that never saves files (the print session): its downloads are cancelled. */
export function hardenSession(ses: Session, trusted: ReadonlySet<string>, log: (message: string) => void, downloadsDir: string | null): void {
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
  // Files the page saves (blob: downloads of exports) always ask where to go, in Chinese.
  ses.on('will-download', (_event, item) => {
    if (downloadsDir === null) {
      log(`已阻止下载 / download blocked: ${item.getFilename()}`)
      item.cancel()
      return
    }
    item.setSaveDialogOptions(saveDialogFor(item.getFilename(), downloadsDir))
  })
}
