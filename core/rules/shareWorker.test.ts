// The share helper's start-up is on the critical path of every parallel analysis: a thread loads its
// modules afresh. db/reader.ts keeps drizzle out of it; this test keeps it out of everything the helper
// imports (an import of db/schema for two constants once added ~0.9 s to each helper's start).
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const HERE = dirname(fileURLToPath(import.meta.url))

/** The specifiers a module imports at run time (type-only imports are erased, so they do not count). */
function runtimeImports(source: string): string[] {
  const found: string[] = []
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm
  for (const m of source.matchAll(statement)) if (!m[2]) found.push(m[3]!)
  return found
}

/** Every package a module loads, following its relative imports through the repository. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        if (spec.endsWith('.ts')) visit(resolve(dirname(file), spec))
      } else {
        packages.add(spec)
      }
    }
  }
  visit(entry)
  return packages
}

describe('the share helper thread', () => {
  it('loads neither drizzle nor the schema', () => {
    const packages = [...packagesLoadedBy(resolve(HERE, 'shareWorker.ts'))]
    expect(packages).toContain('better-sqlite3')
    expect(packages.filter((p) => p === 'drizzle-orm' || p.startsWith('drizzle-orm/'))).toEqual([])
  })

  it('finds what a module imports at run time', () => {
    expect(runtimeImports("import { a } from 'x'\nimport type { B } from 'y'\nexport { c } from './c.ts'\nimport 'z'\nimport {\n  d\n} from 'w'")).toEqual(['x', './c.ts', 'z', 'w'])
  })
})
