// Builds main and preload with the real electron.vite.config.ts into a temp folder and checks what a
// sandboxed Electron needs of them (the Electron binary itself cannot run here). The renderer is the
// renderer's own build (renderer/vite.config.ts), not repeated here.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from 'electron-vite'
import { build } from 'vite'
import { CHANNEL_NAMES } from '../../core/api/channels.ts'

const projectRoot = resolve(import.meta.dirname, '..', '..')
let outDir: string

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'jiandu-bundle-'))
  process.env['NODE_ENV_ELECTRON_VITE'] = 'production'
  const resolved = await resolveConfig({ configFile: join(projectRoot, 'electron.vite.config.ts'), root: projectRoot, build: { outDir }, logLevel: 'silent' }, 'build', 'production')
  const { main, preload } = resolved.config ?? {}
  if (!main || !preload) throw new Error('electron.vite.config.ts has no main or preload section')
  await build(main)
  await build(preload)
}, 120_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron (a sandboxed preload can load no modules)', () => {
    expect(readdirSync(join(outDir, 'preload'))).toEqual(['index.cjs'])
    const code = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8')
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
  })

  it('carries every API channel name, and not the zod schemas behind them', () => {
    const code = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8')
    for (const channel of CHANNEL_NAMES) expect(code, channel).toContain(`"${channel}"`)
    expect(code).not.toContain('zod')
    expect(code).not.toContain('__JIANDU_CHANNEL_NAMES__')
    expect(code).toContain('exposeInMainWorld("jiandu"')
    // ipcRenderer is used only to invoke, never handed out (checklist item 20).
    expect(code.split('ipcRenderer').length).toBe(code.split('ipcRenderer.invoke(').length)
  })
})

describe('the main bundle', () => {
  const bareImports = (): string[] => {
    const code = readFileSync(join(outDir, 'main', 'index.js'), 'utf8')
    return [...code.matchAll(/^import .*? from "([^"]+)";?$/gm)].map((m) => m[1] ?? '')
  }

  it('is one ES module importing only Electron, Node built-ins and installed dependencies', () => {
    // index.js, the migrations (copyMigrations), plus chunks/ once a worker thread of core/ is reachable.
    expect(readdirSync(join(outDir, 'main')).filter((f) => f !== 'chunks').sort()).toEqual(['index.js', 'migrations'])
    const imports = bareImports()
    expect(imports).toContain('electron')
    expect(imports).toContain('better-sqlite3')
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    // Relative imports are the bundle's own chunks (shared with the worker threads): they must exist.
    for (const specifier of imports.filter((s) => s.startsWith('./'))) {
      expect(existsSync(join(outDir, 'main', specifier)), specifier).toBe(true)
    }
    for (const specifier of imports.filter((s) => s !== 'electron' && !builtins.has(s) && !s.startsWith('./'))) {
      // Resolvable from the project: it ships in node_modules (production dependencies).
      expect(() => import.meta.resolve(specifier), specifier).not.toThrow()
      const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
      expect(Object.keys(manifest.dependencies), `${specifier} must be a production dependency`).toContain(pkg)
    }
  })

  it("carries db/client.ts's default migrations folder beside the bundle, identical to db/migrations", () => {
    const journal = (folder: string) => readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')
    expect(journal(join(outDir, 'main', 'migrations'))).toBe(journal(join(projectRoot, 'db', 'migrations')))
    expect(readdirSync(join(outDir, 'main', 'migrations')).sort()).toEqual(readdirSync(join(projectRoot, 'db', 'migrations')).sort())
  })

  it('keeps renderer libraries out of the main process', () => {
    for (const specifier of bareImports()) expect(specifier).not.toMatch(/^(react|react-dom|antd|@ant-design|recharts)(\/|$)/)
  })
})
