// electron-builder's afterPack hook (electron-builder.yml): flips the fuses of the packaged Electron
// binary (electron/build/fuses.ts) right before electron-builder signs it. It calls our own
// @electron/fuses (2.x) rather than electron-builder's `packager.addElectronFuses`, whose bundled
// @electron/fuses 1.8 knows only 8 of Electron 45's fuses and fails the strict check. Runs under
// Node 24 (scripts/with-node.mjs), which loads this .ts file directly.
import { join } from 'node:path'
import { flipFuses } from '@electron/fuses'
import type { AfterPackContext, LinuxPackager } from 'electron-builder'
import { fuseConfig } from './fuses.ts'

export type PackedApp = {
  appOutDir: string
  electronPlatformName: string
  /** appInfo.productFilename: the app's file name on Windows and macOS (监督工作台). */
  productFilename: string
  /** linux.executableName (jiandu-workstation). */
  linuxExecutableName: string | null
}

/** Where electron-builder put the Electron binary it renamed (the same rule as its own fuse helper). */
export function packedElectronBinary(app: PackedApp): string {
  switch (app.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(app.appOutDir, `${app.productFilename}.app`)
    case 'win32':
      return join(app.appOutDir, `${app.productFilename}.exe`)
    case 'linux':
      return join(app.appOutDir, app.linuxExecutableName ?? app.productFilename)
    default:
      throw new Error(`未知平台 / unknown platform: ${app.electronPlatformName}`)
  }
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  const binary = packedElectronBinary({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
    linuxExecutableName: context.electronPlatformName === 'linux' ? (context.packager as LinuxPackager).executableName : null
  })
  await flipFuses(binary, fuseConfig(context.electronPlatformName))
}
