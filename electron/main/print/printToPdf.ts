// `renderHtmlToPdf(html)`: lays a document template out in a hidden, sandboxed window (the document's
// own scripts blocked by its CSP), waits for its fonts — a 仿宋 body must not print in a fallback
// font — and prints it to PDF (printJob.ts has the options and why). For the documents feature: call
// it from the main process once the app is ready.
import { BrowserWindow, session } from 'electron'
import { printCsp } from '../security/csp.ts'
import { hardenSession } from '../security/session.ts'
import { secureWebPreferences } from '../security/webPreferences.ts'
import { serveRendererRequest } from '../protocol/rendererFiles.ts'
import { APP_ORIGIN, APP_SCHEME } from '../origin.ts'
import { createPrintQueue, PDF_OPTIONS, PRINT_PARTITION, type PrintQueue } from './printJob.ts'

let queue: PrintQueue | null = null

/** Sets up the print session once: its protocol serves the queued documents and the renderer's fonts/images. */
function printQueue(rendererRoot: string, log: (message: string) => void): PrintQueue {
  if (queue) return queue
  const created = createPrintQueue()
  const ses = session.fromPartition(PRINT_PARTITION)
  hardenSession(ses, new Set([APP_ORIGIN]), log, null)
  ses.protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, { root: rendererRoot, csp: printCsp(), lookup: created.lookup }))
  queue = created
  return created
}

export type PrintDeps = { rendererRoot: string; log: (message: string) => void }

export async function renderHtmlToPdf(html: string, deps: PrintDeps): Promise<Buffer> {
  const job = printQueue(deps.rendererRoot, deps.log).add(html)
  const window = new BrowserWindow({
    show: false,
    width: 794, // A4 at 96 dpi, so the on-screen layout matches the page
    height: 1123,
    webPreferences: secureWebPreferences({ kind: 'print', partition: PRINT_PARTITION })
  })
  try {
    await window.loadURL(job.url)
    await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)')
    return await window.webContents.printToPDF(PDF_OPTIONS)
  } finally {
    job.remove()
    window.destroy()
  }
}
