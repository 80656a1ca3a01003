import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findElectronBinary } from './electronBinary.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiandu-electron-pkg-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('findElectronBinary', () => {
  it('finds nothing when the package was installed without its binary (our machines)', () => {
    expect(findElectronBinary(dir, {})).toEqual({ present: false, looked: join(dir, 'dist') })
  })

  it('finds nothing when path.txt names a binary that is not there', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(findElectronBinary(dir, {})).toEqual({ present: false, looked: join(dir, 'dist', 'electron') })
  })

  it('finds the unpacked binary the way the electron package does', () => {
    writeFileSync(join(dir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron')
    mkdirSync(join(dir, 'dist', 'Electron.app', 'Contents', 'MacOS'), { recursive: true })
    writeFileSync(join(dir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'), '')
    expect(findElectronBinary(dir, {})).toEqual({ present: true, path: join(dir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron') })
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = join(dir, 'custom')
    mkdirSync(override)
    writeFileSync(join(override, 'electron'), '')
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ present: true, path: join(override, 'electron') })
  })
})

describe('scripts/start-desktop.mjs', () => {
  it('without the binary, explains in Chinese and English, points to `npm run web`, exits 1', () => {
    // An override folder without a binary: "not present" on any machine, with or without Electron.
    const empty = join(dir, 'no-electron')
    mkdirSync(empty)
    chmodSync(empty, 0o755)
    const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'start-desktop.mjs')], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      encoding: 'utf8'
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('本机没有')
    expect(result.stderr).toContain('not available on this machine')
    expect(result.stderr).toContain('npm run web')
    expect(result.stdout).toBe('')
  })
})
