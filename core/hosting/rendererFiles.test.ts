import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { contentTypeOf, isInsideFolder } from './rendererFiles.ts'

describe('contentTypeOf', () => {
  it('names the type by extension, ignoring case, and falls back to octet-stream', () => {
    expect(contentTypeOf('/r/assets/index-abc.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('fonts/x.woff2')).toBe('font/woff2')
    expect(contentTypeOf('m.wasm')).toBe('application/wasm')
    expect(contentTypeOf('setup.exe')).toBe('application/octet-stream')
    expect(contentTypeOf('README')).toBe('application/octet-stream')
  })
})

describe('isInsideFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'jiandu-hosting-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('accepts files and folders below the root', () => {
    expect(isInsideFolder(root, resolve(root, 'index.html'))).toBe(true)
    expect(isInsideFolder(root, resolve(root, 'assets/a.js'))).toBe(true)
    // A name that merely starts with two dots is still inside.
    expect(isInsideFolder(root, resolve(root, '..hidden'))).toBe(true)
  })

  it('rejects the root itself, its parent, siblings sharing its prefix and paths climbing out', () => {
    expect(isInsideFolder(root, root)).toBe(false)
    expect(isInsideFolder(root, resolve(root, '..'))).toBe(false)
    expect(isInsideFolder(root, `${root}-other/index.html`)).toBe(false)
    expect(isInsideFolder(root, resolve(root, '../etc/passwd'))).toBe(false)
    expect(isInsideFolder(root, resolve(root, 'assets/../../x'))).toBe(false)
  })
})
