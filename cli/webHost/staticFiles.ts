// Serves the built renderer (out/renderer): files by extension with their content type, hashed assets
// cached for good, index.html never cached, and any other route answered with index.html (the app
// routes in the URL fragment, but a reload on a deep path must not 404). Paths never leave the root.
import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { contentTypeOf, isInsideFolder } from '../../core/hosting/rendererFiles.ts'
import { IMMUTABLE, NO_STORE, SECURITY_HEADERS } from './securityHeaders.ts'

function fileSize(path: string): number | null {
  try {
    const s = statSync(path)
    return s.isFile() ? s.size : null
  } catch {
    return null
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE })
  res.end(text)
}

function sendFile(req: IncomingMessage, res: ServerResponse, path: string, size: number, cacheControl: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(path),
    'Content-Length': String(size),
    'Cache-Control': cacheControl
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(path).on('error', () => res.destroy()).pipe(res)
}

/** The file under `root` a URL path names, or null when it would leave the root or is malformed. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const absoluteRoot = resolve(root)
  const target = resolve(join(absoluteRoot, decoded))
  if (target !== absoluteRoot && !isInsideFolder(absoluteRoot, target)) return null
  return target
}

export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | null, urlPath: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    sendText(res, 405, '不支持的请求方法 / method not allowed')
    return
  }
  const indexPath = root ? join(root, 'index.html') : null
  const indexSize = indexPath ? fileSize(indexPath) : null
  if (!root || !indexPath || indexSize === null) {
    sendText(res, 503, '界面尚未构建，请先运行 npm run build:renderer / the UI is not built yet: run npm run build:renderer')
    return
  }
  const target = resolveStaticPath(root, urlPath)
  if (target === null) {
    sendText(res, 404, '未找到 / not found')
    return
  }
  const size = target === resolve(root) ? null : fileSize(target)
  if (size !== null && target !== resolve(indexPath)) {
    const isHashedAsset = target.startsWith(resolve(root, 'assets') + sep)
    sendFile(req, res, target, size, isHashedAsset ? IMMUTABLE : 'no-cache')
    return
  }
  // A missing file with an extension is a broken link, not an app route.
  if (size === null && extname(target) !== '' && target !== resolve(root)) {
    sendText(res, 404, '未找到 / not found')
    return
  }
  sendFile(req, res, indexPath, indexSize, NO_STORE)
}
