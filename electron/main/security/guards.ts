// The guards every web contents gets, whoever creates it (app 'web-contents-created'): no navigation
// away from our origin, no new windows, no <webview>. The listeners are built by small factories so
// they are testable without Electron; `guardWebContents` only wires them (type-only Electron import).
import type { WebContents } from 'electron'
import { decideWindowOpen, isAllowedNavigation } from './navigation.ts'

type Preventable = { readonly url: string; preventDefault(): void }

/** For will-frame-navigate and will-redirect: anything leaving our origin is cancelled. */
export function navigationGuard(trusted: ReadonlySet<string>, onBlocked: (url: string) => void = () => {}) {
  return (event: Preventable): void => {
    if (isAllowedNavigation(event.url, trusted)) return
    event.preventDefault()
    onBlocked(event.url)
  }
}

/** For setWindowOpenHandler: never a new window; an allowed https link goes to the system browser. */
export function windowOpenHandler(openExternal: (url: string) => Promise<void>, onError: (error: unknown) => void = () => {}) {
  return (details: { readonly url: string }): { action: 'deny' } => {
    const decision = decideWindowOpen(details.url)
    if (decision.openExternally !== null) openExternal(decision.openExternally).catch(onError)
    return { action: decision.action }
  }
}

export type GuardDeps = {
  trusted: ReadonlySet<string>
  openExternal: (url: string) => Promise<void>
  log: (message: string) => void
}

export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  const guard = navigationGuard(deps.trusted, (url) => deps.log(`已阻止跳转 / navigation blocked: ${url}`))
  contents.on('will-frame-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    deps.log('已阻止 webview / <webview> blocked')
  })
  contents.setWindowOpenHandler(
    windowOpenHandler(deps.openExternal, (error) => deps.log(`无法打开外部链接 / could not open link: ${String(error)}`))
  )
}
