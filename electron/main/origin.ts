// Where the renderer comes from. Packaged (and `electron-vite preview`), it is served by our own
// privileged protocol `app://jiandu/…` — never `file://`, which Chromium grants extra powers
// (Electron security checklist item 18). Only during `electron-vite dev` does it come from the Vite
// dev server, whose URL electron-vite passes in ELECTRON_RENDERER_URL. No Electron import here.

export const APP_SCHEME = 'app'
export const APP_HOST = 'jiandu'
/** The renderer's origin as `originOf` spells it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * `scheme://host[:port]` of a URL, or null when it does not parse. WHATWG `URL.origin` is the string
 * "null" for non-special schemes such as `app:`, so we build the key ourselves.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!parsed.host) return null
  return `${parsed.protocol}//${parsed.host}`
}

/**
 * The dev server URL, only when the app is not packaged and only if it points at this machine over
 * http(s): a stray environment variable must never make a packaged app load remote content.
 */
export function devServerUrl(envValue: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || !envValue) return null
  let url: URL
  try {
    url = new URL(envValue)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null
  return url
}

/** The origins whose pages may talk to the main process: ours, plus the dev server in development. */
export function trustedOrigins(devUrl: URL | null): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN])
  if (devUrl) origins.add(`${devUrl.protocol}//${devUrl.host}`)
  return origins
}
