// The Node bootstrap, run the way .ci/run runs it: its stdout must be the Node folder and nothing else
// (CI puts that line on PATH). The bootstrap path needs a Node older than 22.12 to run it with, which
// these machines have as /usr/bin/node; elsewhere only the already-recent-enough path is checked.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const SCRIPT = join(import.meta.dirname, 'with-node.mjs')
const PRINT_FOLDER = ['node', '-p', 'require("node:path").dirname(process.execPath)']

function versionOf(node: string): [number, number] | null {
  const r = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  if (r.status !== 0) return null
  const [major = 0, minor = 0] = r.stdout.trim().split('.').map(Number)
  return [major, minor]
}

const SYSTEM_NODE = '/usr/bin/node'
const systemVersion = existsSync(SYSTEM_NODE) ? versionOf(SYSTEM_NODE) : null
const systemIsOld = systemVersion !== null && (systemVersion[0] < 22 || (systemVersion[0] === 22 && systemVersion[1] < 12))

describe('scripts/with-node.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiandu-with-node-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints only the Node folder when the running Node is recent enough', () => {
    const r = spawnSync(process.execPath, [SCRIPT, ...PRINT_FOLDER], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    expect(existsSync(join(r.stdout.trim(), 'node'))).toBe(true)
  })

  it.runIf(systemIsOld)('installs Node 24 under an old Node and still prints only its folder (npm talks on stderr)', () => {
    mkdirSync(join(dir, 'scripts'))
    copyFileSync(SCRIPT, join(dir, 'scripts', 'with-node.mjs'))
    const r = spawnSync(SYSTEM_NODE, [join(dir, 'scripts', 'with-node.mjs'), ...PRINT_FOLDER], { encoding: 'utf8', cwd: dir })
    expect(r.status, r.stderr).toBe(0)
    const folder = join(dir, '.cache', 'node24', 'node_modules', 'node', 'bin')
    expect(r.stdout).toBe(`${folder}\n`)
    expect(versionOf(join(folder, 'node'))?.[0]).toBeGreaterThanOrEqual(24)
  }, 180_000)
})
