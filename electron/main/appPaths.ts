// Where the desktop app finds its parts, packaged or not. electron-vite builds main, preload and
// renderer next to each other (out/main, out/preload, out/renderer; inside app.asar when packaged).
// The migrations and resources/ ship as extraResources (electron-builder.yml) so they sit as plain
// files beside the asar, at the same place on every platform. No Electron import: index.ts passes
// app.isPackaged, app.getAppPath() and process.resourcesPath.
import { join } from 'node:path'

export type AppPathsInput = {
  isPackaged: boolean
  /** app.getAppPath(): the project root in development, …/resources/app.asar when packaged. */
  appPath: string
  /** process.resourcesPath: the packaged app's resources folder. */
  resourcesPath: string
  /** The folder of the built main script (out/main). */
  mainDir: string
}

export type AppPaths = {
  rendererRoot: string
  preload: string
  migrationsFolder: string
  resourcesFolder: string
}

export function resolveAppPaths(input: AppPathsInput): AppPaths {
  const base = input.isPackaged ? input.resourcesPath : input.appPath
  return {
    rendererRoot: join(input.mainDir, '..', 'renderer'),
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    migrationsFolder: input.isPackaged ? join(base, 'migrations') : join(base, 'db', 'migrations'),
    resourcesFolder: join(base, 'resources')
  }
}
