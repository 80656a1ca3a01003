import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import { moduleUrlChunks } from './moduleUrlChunks.ts'

let outDir: string
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'jiandu-module-url-'))
  // Bundled like the main process: an ES module for Node with the worker as a separate chunk.
  await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [moduleUrlChunks()],
    build: {
      ssr: true,
      outDir,
      target: 'node22',
      minify: false,
      rolldownOptions: { input: { index: join(import.meta.dirname, 'fixtures', 'startsWorker.ts') }, output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } }
    }
  })
}, 60_000)
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('moduleUrlChunks', () => {
  it('emits the worker as its own chunk, and the bundle starts it from there', () => {
    expect(readdirSync(join(outDir, 'chunks')).some((f) => f.startsWith('answeringWorker'))).toBe(true)
    expect(existsSync(join(outDir, 'answeringWorker.ts'))).toBe(false)
    const result = spawnSync(process.execPath, [join(outDir, 'index.mjs')], { encoding: 'utf8', cwd: tmpdir() })
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('监督工作台')
  })
})
