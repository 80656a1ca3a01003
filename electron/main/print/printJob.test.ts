import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serveRendererRequest } from '../protocol/rendererFiles.ts'
import { printCsp } from '../security/csp.ts'
import { createPrintQueue, PDF_OPTIONS } from './printJob.ts'

describe('PDF_OPTIONS', () => {
  it('prints A4 with backgrounds, leaving page size and margins to the template', () => {
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false })
    expect(PDF_OPTIONS.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 })
  })
})

describe('createPrintQueue', () => {
  it('gives each document its own unguessable app:// URL and forgets it when done', () => {
    const queue = createPrintQueue()
    const a = queue.add('<p>甲</p>')
    const b = queue.add('<p>乙</p>')
    expect(a.url).toMatch(/^app:\/\/jiandu\/__print\/[0-9a-f-]{36}\.html$/)
    expect(a.url).not.toBe(b.url)
    const pathOf = (url: string) => new URL(url).pathname
    expect(queue.lookup(pathOf(a.url))).toBe('<p>甲</p>')
    a.remove()
    expect(queue.lookup(pathOf(a.url))).toBeUndefined()
    expect(queue.lookup(pathOf(b.url))).toBe('<p>乙</p>')
    expect(queue.size).toBe(1)
  })

  it('serves nothing outside its own path prefix', () => {
    const queue = createPrintQueue()
    queue.add('<p>x</p>')
    expect(queue.lookup('/index.html')).toBeUndefined()
  })

  it('is served by the protocol handler with the print CSP, beside the renderer files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jiandu-print-'))
    try {
      writeFileSync(join(root, 'seal.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
      const queue = createPrintQueue()
      const job = queue.add('<!doctype html><h1>行政执法监督建议书</h1>')
      const options = { root, csp: printCsp(), lookup: queue.lookup }
      const document = await serveRendererRequest(new Request(job.url), options)
      expect(await document.text()).toContain('行政执法监督建议书')
      expect(document.headers.get('content-security-policy')).toContain("script-src 'none'")
      expect((await serveRendererRequest(new Request('app://jiandu/seal.png'), options)).headers.get('content-type')).toBe('image/png')
      job.remove()
      expect((await serveRendererRequest(new Request(job.url), options)).status).toBe(404)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
