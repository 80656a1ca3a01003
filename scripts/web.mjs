#!/usr/bin/env node
// `npm run web [-- --db <path>] [-- --port <p>]`: web mode from a checkout. Builds the renderer first when
// out/renderer is missing or older than its sources, then runs `jiandu web` with the arguments passed
// through (the database defaults to the desktop app's own file, core/paths.ts). The build's output goes
// to stderr: stdout's first line stays the URL to open, as cli-v1.md promises.
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

const web = spawn(process.execPath, [join(root, 'cli', 'main.ts'), 'web', ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal))
web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
