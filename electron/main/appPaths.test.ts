import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppPaths } from './appPaths.ts'

describe('resolveAppPaths', () => {
  it('uses the project folders in development', () => {
    expect(resolveAppPaths({ isPackaged: false, appPath: '/src/jiandu', resourcesPath: '/opt/electron/resources', mainDir: '/src/jiandu/out/main' })).toEqual({
      rendererRoot: join('/src/jiandu/out/renderer'),
      preload: join('/src/jiandu/out/preload/index.cjs'),
      migrationsFolder: join('/src/jiandu/db/migrations'),
      resourcesFolder: join('/src/jiandu/resources')
    })
  })

  it('uses app.asar for the build and the extraResources beside it when packaged', () => {
    const resources = '/opt/jiandu/resources'
    expect(resolveAppPaths({ isPackaged: true, appPath: `${resources}/app.asar`, resourcesPath: resources, mainDir: `${resources}/app.asar/out/main` })).toEqual({
      rendererRoot: join(resources, 'app.asar/out/renderer'),
      preload: join(resources, 'app.asar/out/preload/index.cjs'),
      migrationsFolder: join(resources, 'migrations'),
      resourcesFolder: join(resources, 'resources')
    })
  })
})
