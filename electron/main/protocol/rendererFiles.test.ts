import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypeOf, resolveRendererPath, serveRendererRequest } from './rendererFiles.ts'

// A real built-renderer folder in a temp dir, with a secret file beside it that must stay unreachable.
let base: string
let root: string
const CSP = "default-src 'self'"

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'jiandu-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>监督工作台</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'noto serif.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(join(base, 'secret.txt'), 'TOKEN')
  // A sibling folder whose name starts like the root's: a naive startsWith check would let it through.
  mkdirSync(join(base, 'renderer-private'))
  writeFileSync(join(base, 'renderer-private', 'x.js'), 'private')
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'))
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serveRendererRequest(new Request(url, { method }), { root, csp: CSP })

describe('resolveRendererPath', () => {
  it('maps our URLs to files inside the root', () => {
    expect(resolveRendererPath('app://jiandu/assets/index-abc.js', root)).toEqual({ ok: true, filePath: join(root, 'assets', 'index-abc.js'), pathname: '/assets/index-abc.js' })
    expect(resolveRendererPath('app://jiandu/assets/noto%20serif.woff2', root)).toMatchObject({ ok: true, filePath: join(root, 'assets', 'noto serif.woff2') })
  })

  it('serves index.html for the root, whatever the route in the fragment', () => {
    expect(resolveRendererPath('app://jiandu/', root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') })
    expect(resolveRendererPath('app://jiandu/#/plans?status=SUBMITTED', root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') })
    expect(resolveRendererPath('app://jiandu/plans/42', root)).toMatchObject({ ok: true, filePath: join(root, 'plans', '42') })
  })

  it('keeps dot segments the URL parser removes inside the root', () => {
    // WHATWG URL parsing already folds `..` and `%2e%2e` segments: they cannot climb above the root.
    expect(resolveRendererPath('app://jiandu/%2e%2e/secret.txt', root)).toMatchObject({ ok: true, filePath: join(root, 'secret.txt') })
    expect(resolveRendererPath('app://jiandu/assets/%2E%2E/%2E%2E/secret.txt', root)).toMatchObject({ ok: true, filePath: join(root, 'secret.txt') })
  })

  it('refuses every way out of the root that survives URL parsing', () => {
    for (const url of [
      'app://jiandu/..%2fsecret.txt',
      'app://jiandu/..%2f..%2f..%2fetc%2fpasswd',
      'app://jiandu/%2e%2e%2frenderer-private%2fx.js',
      'app://jiandu/..%5csecret.txt',
      'app://jiandu/index.html%00.js'
    ]) {
      const resolved = resolveRendererPath(url, root)
      expect(resolved.ok, url).toBe(false)
      if (!resolved.ok) expect(resolved.status, url).toBe(403)
    }
  })

  it('refuses other origins and malformed URLs', () => {
    expect(resolveRendererPath('app://evil/index.html', root)).toMatchObject({ ok: false, status: 404 })
    expect(resolveRendererPath('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 404 })
    expect(resolveRendererPath('app://jiandu/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 })
    expect(resolveRendererPath('::', root)).toMatchObject({ ok: false, status: 400 })
  })
})

describe('serveRendererRequest', () => {
  it('serves files with their type, the CSP and nosniff', async () => {
    const response = await get('app://jiandu/assets/index-abc.js')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves the app at the root', async () => {
    const response = await get('app://jiandu/#/flags?id=123')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('监督工作台')
  })

  it('does not follow a symlink out of the root', async () => {
    const response = await get('app://jiandu/assets/link.txt')
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('TOKEN')
  })

  it('answers 403 for traversal, 404 for missing files, 405 for writes — each with the CSP', async () => {
    const traversal = await get('app://jiandu/..%2fsecret.txt')
    expect(traversal.status).toBe(403)
    expect(await traversal.text()).not.toContain('TOKEN')
    const folded = await get('app://jiandu/%2e%2e/secret.txt')
    expect(folded.status).toBe(404)
    expect(await folded.text()).not.toContain('TOKEN')
    expect((await get('app://jiandu/assets/missing.js')).status).toBe(404)
    const post = await get('app://jiandu/index.html', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.get('content-security-policy')).toBe(CSP)
  })

  it('answers HEAD without a body', async () => {
    const response = await get('app://jiandu/index.html', 'HEAD')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('serves in-memory documents from lookup, only on our origin', async () => {
    const options = { root, csp: CSP, lookup: (path: string) => (path === '/__print/a.html' ? '<p>公文</p>' : undefined) }
    const served = await serveRendererRequest(new Request('app://jiandu/__print/a.html'), options)
    expect(await served.text()).toBe('<p>公文</p>')
    expect(served.headers.get('content-security-policy')).toBe(CSP)
    expect((await serveRendererRequest(new Request('app://evil/__print/a.html'), options)).status).toBe(404)
  })
})

describe('contentTypeOf', () => {
  it('knows the renderer build outputs and falls back to octet-stream', () => {
    expect(contentTypeOf('a/b/index.HTML')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('x.woff2')).toBe('font/woff2')
    expect(contentTypeOf('x.svg')).toBe('image/svg+xml')
    expect(contentTypeOf('x.exe')).toBe('application/octet-stream')
  })
})
