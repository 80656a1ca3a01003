#!/usr/bin/env node
// Installed entry point: runs cli/main.ts under Node >= 22.12 (bootstrapped when older).
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureNodeBin } from '../scripts/with-node.mjs'

const bin = ensureNodeBin()
const main = join(dirname(fileURLToPath(import.meta.url)), 'main.ts')
const r = spawnSync(join(bin, 'node'), [main, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(r.status ?? 1)
