// The web host (web mode, cli-v1.md `web`): one Node HTTP server on 127.0.0.1 serving the built
// renderer and the typed API at `POST /api/<channel>`, through the same `invoke` as the desktop and the
// CLI. Defences (architecture.md §Security): loopback only; the Host header must name this server
// (DNS rebinding); a random session token on every API call; a cross-origin Origin is refused; JSON
// only (a plain HTML form cannot send it); bodies are size-capped.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { invoke } from '../../core/api/registry.ts'
import type { HostServices, Session } from '../../core/api/context.ts'
import { createHostServices } from '../../core/api/services.ts'
import { defaultSignedInUser } from '../../core/users.ts'
import type { OpenedDb } from '../../db/client.ts'
import { NO_STORE, SECURITY_HEADERS } from './securityHeaders.ts'
import { serveStatic } from './staticFiles.ts'

export const LOOPBACK = '127.0.0.1'
/** Far above any channel input (filters, ids, a document body); below anything that could hurt. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

export type WebHostOptions = {
  db: OpenedDb
  /** The built renderer (out/renderer); null serves the API only. */
  staticDir: string | null
  /** 0 or absent: a free port chosen by the system. */
  port?: number
  /** Tests pass a known token; otherwise 32 random bytes. */
  token?: string
  now?: () => Date
  maxBodyBytes?: number
  /** Background jobs (analysis); by default a job runner with the analysis worker next to core/. */
  services?: HostServices
}

export type WebHost = {
  /** What to open: `http://127.0.0.1:<port>/#token=<token>` (the fragment never reaches a server log). */
  url: string
  origin: string
  port: number
  token: string
  close: () => Promise<void>
}

type HttpError = { status: number; code: string; message: string }

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': NO_STORE,
    ...extra
  })
  res.end(text)
}

function sendError(res: ServerResponse, e: HttpError, extra: Record<string, string> = {}): void {
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } }, extra)
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'TOO_LARGE'> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume()
      resolvePromise('TOO_LARGE')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolvePromise(tooLarge ? 'TOO_LARGE' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function tokensMatch(expected: Buffer, header: string | undefined): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '')
  if (!match?.[1]) return false
  const given = Buffer.from(match[1])
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const tokenBytes = Buffer.from(token)
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  // One signed-in user per host, as in the desktop app; session.signIn changes it for every tab.
  const session: Session = { userId: defaultSignedInUser(options.db.sqlite).id }
  const services: HostServices = options.services ?? createHostServices()
  const now = options.now ?? (() => new Date())
  let allowedHosts = new Set<string>()
  let allowedOrigins = new Set<string>()

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') {
      sendError(res, { status: 405, code: 'BAD_INPUT', message: '接口只接受 POST / the API accepts POST only' }, { Allow: 'POST' })
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      sendError(res, { status: 403, code: 'FORBIDDEN', message: `拒绝跨站请求 / cross-origin request refused: ${origin}` })
      return
    }
    if (!tokensMatch(tokenBytes, req.headers.authorization)) {
      sendError(res, { status: 401, code: 'UNAUTHORIZED', message: '会话令牌缺失或无效，请使用启动时输出的链接打开 / missing or wrong session token' }, { 'WWW-Authenticate': 'Bearer' })
      return
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (contentType !== 'application/json') {
      sendError(res, { status: 415, code: 'BAD_INPUT', message: '请求须为 application/json / the body must be application/json' })
      return
    }
    const body = await readBody(req, maxBody)
    if (body === 'TOO_LARGE') {
      sendError(res, { status: 413, code: 'BAD_INPUT', message: `请求体超过 ${maxBody} 字节 / request body over ${maxBody} bytes` })
      return
    }
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch (error) {
      sendError(res, { status: 400, code: 'BAD_INPUT', message: `请求体不是有效的 JSON / invalid JSON: ${error instanceof Error ? error.message : String(error)}` })
      return
    }
    let channel: string
    try {
      channel = decodeURIComponent(path.slice('/api/'.length))
    } catch {
      channel = path
    }
    const result = await invoke({ db: options.db, session, now, services }, channel, input)
    sendJson(res, !result.ok && result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200, result)
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendError(res, { status: 403, code: 'FORBIDDEN', message: `不允许的主机名 / host not allowed: ${req.headers.host ?? '(none)'}` })
      return
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === '/api' || path.startsWith('/api/')) {
      handleApi(req, res, path).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, { status: 500, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) })
        else res.destroy()
      })
      return
    }
    serveStatic(req, res, options.staticDir, path)
  }

  const server: Server = createServer(handle)
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`))
  const origin = `http://${LOOPBACK}:${port}`
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise())
        server.closeAllConnections()
      })
  }
}
