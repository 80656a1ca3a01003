// Serving the built renderer through `app://jiandu/…` (protocol.handle). A request maps to a file
// strictly inside the renderer folder: the path is decoded, resolved against the root and rejected
// when it leaves it (`..`, encoded `%2e%2e`, backslashes, NUL, symlinks pointing out). `/` is
// index.html; the renderer routes in the URL fragment (#/plans…), so no other path needs a fallback.
// Every response carries the CSP.
// No Electron import: it works on the web-standard Request/Response that protocol.handle uses.
import { readFile, realpath } from 'node:fs/promises'
import { resolve } from 'node:path'
import { contentTypeOf, isInsideFolder } from '../../../core/hosting/rendererFiles.ts'
import { APP_HOST, APP_SCHEME } from '../origin.ts'

// Re-exported for the protocol's callers and tests; the table itself is shared with the web host.
export { contentTypeOf }

export type ResolvedPath =
  | { ok: true; filePath: string; /** the decoded URL path, e.g. `/assets/index.js` */ pathname: string }
  | { ok: false; status: 400 | 403 | 404; reason: string }

/** The file a request URL names inside `root` (an absolute folder), or why it names none. */
export function resolveRendererPath(requestUrl: string, root: string): ResolvedPath {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400, reason: 'bad url' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404, reason: 'not our origin' }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' }
  }
  // A backslash is a separator on Windows; NUL truncates paths in some APIs. Neither has a place in a
  // renderer asset name.
  if (pathname.includes('\\') || pathname.includes('\0')) return { ok: false, status: 403, reason: 'forbidden character' }
  const relativePath = pathname.replace(/^\/+/, '')
  if (relativePath === '') return { ok: true, filePath: resolve(root, 'index.html'), pathname }
  const filePath = resolve(root, relativePath)
  if (!isInsideFolder(root, filePath)) return { ok: false, status: 403, reason: 'outside the renderer folder' }
  return { ok: true, filePath, pathname }
}

export type ServeOptions = {
  /** The built renderer folder (absolute). */
  root: string
  /** The Content-Security-Policy header of every response. */
  csp: string
  /** Extra documents served from memory (the print windows' documents), by path. */
  lookup?: (pathname: string) => string | undefined
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache'
}

/** protocol.handle's handler: a GET or HEAD for a file of the renderer folder. */
export async function serveRendererRequest(request: Request, options: ServeOptions): Promise<Response> {
  const headers = (contentType: string) => ({ ...SECURITY_HEADERS, 'Content-Security-Policy': options.csp, 'Content-Type': contentType })
  const fail = (status: number, text: string) => new Response(text, { status, headers: headers('text/plain; charset=utf-8') })
  if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405, 'method not allowed')
  const resolved = resolveRendererPath(request.url, options.root)
  if (!resolved.ok) return fail(resolved.status, resolved.reason)
  const inMemory = options.lookup?.(resolved.pathname)
  if (inMemory !== undefined) return new Response(request.method === 'HEAD' ? null : inMemory, { headers: headers('text/html; charset=utf-8') })
  let body: Buffer
  try {
    // The real path must still be inside the (real) root: a symlink must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(options.root), realpath(resolved.filePath)])
    if (!isInsideFolder(realRoot, realFile)) return fail(403, 'outside the renderer folder')
    body = await readFile(realFile)
  } catch {
    return fail(404, 'not found')
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers: headers(contentTypeOf(resolved.filePath)) })
}
