#!/usr/bin/env node
// `node scripts/with-ui.mjs <command> [args…]`: a `jiandu` command that serves the UI, from a checkout —
// `npm run web` (web mode) and `npm run bench` (whose list benchmark drives the UI in Chromium). Builds
// the renderer first when out/renderer is missing or older than its sources, then runs the command with
// the arguments passed through. The build's output goes to stderr: stdout stays the command's (the URL
// to open first, for `web`, as cli-v1.md promises; the JSON report, for `bench`).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const builtIndex = join(root, 'out', 'renderer', 'index.html')
// Everything the renderer bundle is made from.
const SOURCES = ['renderer', 'core/api/channels.ts', 'core/api/channels', 'core/api/bridge.ts', 'core/contract']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function rendererIsStale() {
  if (!existsSync(builtIndex)) return true
  const built = statSync(builtIndex).mtimeMs
  return SOURCES.some((s) => newestMtime(join(root, s)) > built)
}

if (rendererIsStale()) {
  process.stderr.write('正在构建界面 / building the renderer (vite build --config renderer/vite.config.ts)…\n')
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) {
    process.stderr.write('界面构建失败 / the renderer build failed\n')
    process.exit(build.status ?? 1)
  }
}

const command = spawn(process.execPath, [join(root, 'cli', 'main.ts'), ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => command.kill(signal))
command.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
