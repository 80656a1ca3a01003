// Electron fuses, flipped in the packaged binary before it is signed (checklist item 19;
// security-sync-anchors.md §1.4). Every fuse is set explicitly and `strictlyRequireAllFuses` makes
// packaging fail when an Electron upgrade adds a fuse nobody has decided on yet.
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'

export function fuseConfig(electronPlatformName: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping fuses invalidates the ad-hoc signature Apple Silicon requires; re-sign it (the real
    // code signing comes after afterPack).
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
    // No `ELECTRON_RUN_AS_NODE=1 监督工作台 script.js`: the app binary is never a general Node.
    [FuseV1Options.RunAsNode]: false,
    // Chromium's cookie store encrypted with the OS key (one-way: cannot be turned off later).
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (e.g. --require) and --inspect / SIGUSR1 would let anyone run code inside the app.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar must match the hash embedded at packaging (enforced on macOS and Windows), and is the
    // only place the app's code is loaded from.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The app serves its pages from app://, never file://, so file:// keeps no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Electron's default: WebAssembly bounds checks through trap handlers.
    [FuseV1Options.WasmTrapHandlers]: true
  }
}
