#!/usr/bin/env node
// `npm start`: the desktop app, when this machine has the Electron binary — `electron-vite preview`
// builds main, preload and renderer and launches them (`npm run dev` for the dev server with reload).
// Without the binary (these development machines cannot download it) it says so, in Chinese and
// English, points to `npm run web`, and exits with status 1. Runs under Node 24 (scripts/with-node.mjs).
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { binaryMissingMessage, findElectronBinary } from '../electron/build/electronBinary.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const binary = findElectronBinary(join(root, 'node_modules', 'electron'))
if (!binary.present) {
  process.stderr.write(binaryMissingMessage(binary.looked))
  process.exit(1)
}
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const result = spawnSync(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
if (result.error) {
  process.stderr.write(`electron-vite: ${result.error.message}\n`)
  process.exit(1)
}
process.exit(result.status ?? 1)
