// What the two hosts of the built renderer agree on: the web host (`jiandu serve`, cli/webHost) and the
// desktop app's `app://` protocol (electron/main/protocol). Pure path and name logic, no I/O: no Electron
// here (core/ never imports it) and no Node http, so either host can use it without pulling in the other.
import { extname, isAbsolute, relative, sep } from 'node:path'

/** The content type of each file kind the renderer build emits (anything else is application/octet-stream). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

/** The Content-Type of a file, by its extension (case-insensitive). */
export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Whether `candidate` lies strictly inside the folder `root` (both resolved): not the root itself, not
 * beside it (`/root-other`), not above it (`..`), not on another drive.
 */
export function isInsideFolder(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}
