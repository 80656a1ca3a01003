// A build plugin for the main process: copies db/migrations next to the bundle (out/main/migrations).
// db/connection.ts finds its migrations relative to its own module (DEFAULT_MIGRATIONS_FOLDER); bundled
// into out/main/index.js that is out/main/migrations, so core code that opens a database without
// naming the folder (the demo generator, for one) works in the desktop app too. The app itself opens
// its database with the extraResources copy (electron/main/appPaths.ts); both come from one build.
import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

export function copyMigrations(migrationsFolder: string): Plugin {
  return {
    name: 'jiandu:copy-migrations',
    apply: 'build',
    writeBundle(options) {
      if (!options.dir) this.error('copyMigrations needs build.outDir')
      const target = join(options.dir, 'migrations')
      rmSync(target, { recursive: true, force: true })
      cpSync(migrationsFolder, target, { recursive: true })
    }
  }
}
