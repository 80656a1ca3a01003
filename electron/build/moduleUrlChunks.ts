// A build plugin for the main process: `new URL('./worker.ts', import.meta.url)` (how core/ starts a
// worker thread, e.g. core/import/importFiles.ts) names a source file that does not exist once main
// is bundled into out/main. The plugin builds each such module as its own chunk and points the URL at
// the emitted file, relative to the chunk that asks, so the same code runs from source (CLI, tests)
// and from the bundle (desktop).
import { dirname, posix, relative } from 'node:path'
import type { Plugin } from 'vite'

const MODULE_URL = /new URL\((['"])(\.{1,2}\/[^'"\n]+\.[cm]?ts)\1,\s*import\.meta\.url\)/g
const PLACEHOLDER = /__JIANDU_MODULE_URL_([A-Za-z0-9_$-]+)__/g

export function moduleUrlChunks(): Plugin {
  return {
    name: 'jiandu:module-url-chunks',
    async transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('import.meta.url')) return null
      const matches = [...code.matchAll(MODULE_URL)]
      if (matches.length === 0) return null
      let result = ''
      let last = 0
      for (const match of matches) {
        const specifier = match[2] ?? ''
        const resolved = await this.resolve(specifier, id)
        if (!resolved) this.error(`无法解析 / cannot resolve ${specifier} from ${id}`)
        const reference = this.emitFile({ type: 'chunk', id: resolved.id })
        // The emitted file's name is known only once chunks are rendered (renderChunk below).
        result += `${code.slice(last, match.index)}new URL("__JIANDU_MODULE_URL_${reference}__", import.meta.url)`
        last = match.index + match[0].length
      }
      return { code: result + code.slice(last), map: null }
    },
    renderChunk(code, chunk) {
      if (!code.includes('__JIANDU_MODULE_URL_')) return null
      const rendered = code.replace(PLACEHOLDER, (_whole, reference: string) => {
        const target = relative(dirname(chunk.fileName), this.getFileName(reference)).split('\\').join(posix.sep)
        return target.startsWith('.') ? target : `./${target}`
      })
      return { code: rendered, map: null }
    }
  }
}
