#!/usr/bin/env node
// Runs a command under Node >= 22.12. These machines ship Node 20, which is end-of-life and too old
// for Vite 8 / vitest 5 and Node's built-in TypeScript support; when the running Node is older, this
// installs Node 24 from the npm registry's `node` package into .cache/node24 (once, seconds) and runs
// the command with that Node first on PATH. Plain JavaScript on purpose: it must run on the old Node.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN = [22, 12]
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function isRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number)
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1])
}

export function ensureNodeBin() {
  if (isRecentEnough(process.version)) return dirname(process.execPath)
  const prefix = join(root, '.cache', 'node24')
  const bin = join(prefix, 'node_modules', 'node', 'bin')
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(prefix, { recursive: true })
    process.stderr.write(`正在安装 Node 24 / bootstrapping Node 24 into ${prefix} (system Node is ${process.version})\n`)
    // npm's own output goes to stderr: callers read this script's stdout (.ci/run takes the Node
    // folder from it), and npm's "added 2 packages" there would end up on PATH.
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], {
      stdio: ['ignore', 2, 2]
    })
    if (r.status !== 0 || !existsSync(join(bin, 'node'))) {
      process.stderr.write('无法安装 Node 24 / could not install Node 24 from the npm registry\n')
      process.exit(1)
    }
  }
  return bin
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const [cmd, ...args] = process.argv.slice(2)
  if (!cmd) {
    process.stderr.write('usage: node scripts/with-node.mjs <command> [args…]\n')
    process.exit(2)
  }
  const bin = ensureNodeBin()
  const env = {
    ...process.env,
    PATH: [bin, join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    // The Electron binary cannot be downloaded on these machines (see README).
    ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1'
  }
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: process.cwd() })
  if (r.error) {
    process.stderr.write(`${cmd}: ${r.error.message}\n`)
    process.exit(1)
  }
  process.exit(r.status ?? 1)
}
