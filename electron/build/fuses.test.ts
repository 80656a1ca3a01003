import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AfterPackContext } from 'electron-builder'
import afterPack, { packedElectronBinary } from './afterPack.ts'
import { fuseConfig } from './fuses.ts'

// A stand-in for the Electron binary: bytes around the fuse wire as Electron lays it out (sentinel,
// version 1, wire length, one byte per fuse), holding Electron's default states. The real
// @electron/fuses finds and flips it exactly as in a packaged app.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ELECTRON_DEFAULTS = '101100011' // RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, …, file:// privileges on, WASM trap handlers on

function fakeElectronBinary(path: string, wire: string): void {
  const padding = Buffer.alloc(4096, 0xcc)
  writeFileSync(path, Buffer.concat([padding, Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), padding]))
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiandu-fuses-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('fuseConfig', () => {
  it('flips the fuses the security checklist asks for in the packaged binary', async () => {
    const binary = join(dir, 'jiandu-workstation')
    fakeElectronBinary(binary, ELECTRON_DEFAULTS)
    await flipFuses(binary, fuseConfig('linux'))
    const wire = await getCurrentFuseWire(binary)
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE)
  })

  it('fails the packaging when Electron has a fuse nobody decided on', async () => {
    const binary = join(dir, 'jiandu-workstation')
    fakeElectronBinary(binary, `${ELECTRON_DEFAULTS}1`)
    await expect(flipFuses(binary, fuseConfig('linux'))).rejects.toThrow(/strictlyRequireAllFuses/)
  })

  it('re-signs ad hoc only for macOS builds', () => {
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true)
    expect(fuseConfig('mas').resetAdHocDarwinSignature).toBe(true)
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false)
  })
})

describe('packedElectronBinary', () => {
  const app = { appOutDir: '/dist/x-unpacked', productFilename: '监督工作台', linuxExecutableName: 'jiandu-workstation' }
  it('finds the renamed binary on every platform', () => {
    expect(packedElectronBinary({ ...app, electronPlatformName: 'linux' })).toBe(join('/dist/x-unpacked', 'jiandu-workstation'))
    expect(packedElectronBinary({ ...app, electronPlatformName: 'win32' })).toBe(join('/dist/x-unpacked', '监督工作台.exe'))
    expect(packedElectronBinary({ ...app, electronPlatformName: 'darwin' })).toBe(join('/dist/x-unpacked', '监督工作台.app'))
    expect(() => packedElectronBinary({ ...app, electronPlatformName: 'aix' })).toThrow(/unknown platform/)
  })
})

describe('afterPack', () => {
  it('flips the fuses of the packed Linux binary', async () => {
    fakeElectronBinary(join(dir, 'jiandu-workstation'), ELECTRON_DEFAULTS)
    const context = { electronPlatformName: 'linux', appOutDir: dir, packager: { executableName: 'jiandu-workstation', appInfo: { productFilename: '监督工作台' } } }
    // Only the fields afterPack reads; the rest of electron-builder's context is irrelevant here.
    await afterPack(context as unknown as AfterPackContext)
    const wire = await getCurrentFuseWire(join(dir, 'jiandu-workstation'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
  })
})
