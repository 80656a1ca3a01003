// electron-vite: the main process, the sandboxed preload and the renderer
// (../shared/design/style-anchors.md §4, §8.1). `npm run build` → out/main, out/preload, out/renderer.
// The renderer section reuses renderer/vite.config.ts (the web host's build), so both hosts get the
// same renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { CHANNEL_NAMES } from './core/api/channels.ts'
import { copyMigrations } from './electron/build/copyMigrations.ts'
import { moduleUrlChunks } from './electron/build/moduleUrlChunks.ts'
import rendererConfig from './renderer/vite.config.ts'

const root = import.meta.dirname

export default defineConfig({
  // ESM (package.json "type": "module"): Electron emits 'ready' only once the ESM entry has been
  // evaluated, so index.ts's top-level setup still runs before ready.
  main: {
    // Worker threads of core/ (new URL('./x.ts', import.meta.url)) become chunks of their own, and
    // db/client.ts's default migrations folder exists beside the bundle.
    plugins: [moduleUrlChunks(), copyMigrations(resolve(root, 'db/migrations'))],
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies (better-sqlite3's native binary, drizzle, zod) stay in node_modules.
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } }
    }
  },
  preload: {
    // The API channel names, read here from core/api/channels.ts: the preload needs only the names,
    // not the zod schemas behind them.
    define: { __JIANDU_CHANNEL_NAMES__: JSON.stringify(CHANNEL_NAMES) },
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot load modules: everything but `electron` goes into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: rendererConfig.base,
    plugins: rendererConfig.plugins,
    server: rendererConfig.server,
    build: {
      ...rendererConfig.build,
      // electron-vite resolves a relative outDir against the project, Vite against renderer/: be explicit.
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } }
    }
  }
})
