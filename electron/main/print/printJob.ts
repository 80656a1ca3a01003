// Printing a document template to PDF (architecture.md §Documents): the HTML is laid out in a hidden,
// sandboxed window whose CSP allows no script, on its own in-memory session, and is served from
// memory through our protocol at `app://jiandu/__print/<id>.html` — never a file:// page, never a
// data: URL (capped in size, and its opaque origin cannot load the bundled fonts). These are the pure
// parts; printToPdf.ts drives Electron. No Electron import here.
import { randomUUID } from 'node:crypto'
import type { PrintToPDFOptions } from 'electron'
import { APP_ORIGIN } from '../origin.ts'

/** The print windows' session: in memory (no `persist:` prefix), separate from the app's. */
export const PRINT_PARTITION = 'jiandu-print'

const PRINT_PATH_PREFIX = '/__print/'

/**
 * A4 with the background printed (red header lines, seals). The margins are the template's own
 * (@page, GB/T 9704: 37/26/35/28 mm), so Chromium adds none and honours the CSS page size.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
  displayHeaderFooter: false,
  landscape: false
} as const satisfies PrintToPDFOptions

/** The documents waiting to be loaded by their print window, by URL path. */
export function createPrintQueue() {
  const documents = new Map<string, string>()
  return {
    /** Queues a document; returns its URL and the function that forgets it. */
    add(html: string): { url: string; remove: () => void } {
      const path = `${PRINT_PATH_PREFIX}${randomUUID()}.html`
      documents.set(path, html)
      return { url: `${APP_ORIGIN}${path}`, remove: () => documents.delete(path) }
    },
    /** The document at a URL path, if queued (the protocol handler's `lookup`). */
    lookup(pathname: string): string | undefined {
      return pathname.startsWith(PRINT_PATH_PREFIX) ? documents.get(pathname) : undefined
    },
    get size(): number {
      return documents.size
    }
  }
}

export type PrintQueue = ReturnType<typeof createPrintQueue>
