// The webPreferences every window of the app gets, built in one place so no window can drift from
// Electron's security checklist (../shared/design/security-sync-anchors.md §1.1): context isolation,
// the sandbox and no Node in the page; web security, no <webview>, no experimental or Blink features,
// no insecure content. Only the preload, the session and devtools vary.
import type { WebPreferences } from 'electron'

export type WindowKind =
  /** The main window: our renderer plus the preload that exposes `window.jiandu`. */
  | { kind: 'main'; preload: string; devTools: boolean }
  /**
   * A hidden window that only lays out a document for printing: no preload, its own session. The
   * page's CSP (`script-src 'none'`) stops every script of the document; JavaScript stays on only so
   * the main process can wait for the fonts (executeJavaScript is not subject to the page's CSP).
   */
  | { kind: 'print'; partition: string }

export function secureWebPreferences(window: WindowKind): WebPreferences {
  const common = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true
  } satisfies WebPreferences
  if (window.kind === 'main') return { ...common, preload: window.preload, devTools: window.devTools }
  return { ...common, partition: window.partition, devTools: false }
}
