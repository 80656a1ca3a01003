// The Electron binary cannot run here, so everything testable lives in modules that import Electron
// for types only. This keeps the run-time Electron imports to the few thin files that wire it, and
// keeps those files out of every other module's imports (so no test ever loads Electron).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ELECTRON_BOUND = ['main/index.ts', 'main/windows/mainWindow.ts', 'main/print/printToPdf.ts', 'main/tokens/desktopTokenStore.ts', 'preload/index.ts']

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const name = (path: string) => relative(import.meta.dirname, path).split('\\').join('/')

/** Each import statement (single- or multi-line) with its specifier and whether it is `import type`. */
function imports(code: string): { specifier: string; typeOnly: boolean }[] {
  return [...code.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gms)].map((m) => ({ specifier: m[2] ?? '', typeOnly: Boolean(m[1]) }))
}

describe('the Electron boundary', () => {
  it('imports Electron at run time only in the thin wiring files', () => {
    const importing = sources(import.meta.dirname)
      .filter((path) => imports(readFileSync(path, 'utf8')).some((i) => i.specifier === 'electron' && !i.typeOnly))
      .map(name)
    expect(importing.sort()).toEqual([...ELECTRON_BOUND].sort())
  })

  it('imports the wiring files only from the entry', () => {
    const offending = sources(import.meta.dirname).flatMap((path) =>
      imports(readFileSync(path, 'utf8'))
        .filter((i) => !i.typeOnly && i.specifier.startsWith('.'))
        .map((i) => name(resolve(dirname(path), i.specifier)))
        .filter((target) => ELECTRON_BOUND.includes(target) && name(path) !== 'main/index.ts')
        .map((target) => `${name(path)} → ${target}`)
    )
    expect(offending).toEqual([])
  })
})
