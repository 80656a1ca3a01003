// The desktop shell's entry (electron-vite builds it to out/main/index.js). Thin on purpose: it wires
// Electron to the pure modules beside it — security/ (checklist), protocol/ (app://), ipc/ (the typed
// API over the core handlers), print/, tokens/ — and owns only the app's lifecycle:
//   before ready: data folder = core/paths.ts's (so the CLI's default --db is this app's database),
//                 app:// registered as privileged, the sandbox forced on every renderer, one instance;
//   on ready:     sessions locked down, app:// served, database opened (demo data on first start;
//                 a database from a newer version → dialog and quit), API registered, window created.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import { join } from 'node:path'
import { CHANNEL_NAMES } from '../../core/api/channels.ts'
import { invoke } from '../../core/api/registry.ts'
import { ensureDemoDatabase } from '../../core/demo/index.ts'
import { defaultDatabasePath, defaultDataDir } from '../../core/paths.ts'
import type { OpenedDb } from '../../db/client.ts'
import { resolveAppPaths } from './appPaths.ts'
import { openDesktopDatabase } from './database.ts'
import { createDesktopContext } from './ipc/apiContext.ts'
import { registerApiHandlers } from './ipc/registerApi.ts'
import { APP_ENTRY_URL, APP_SCHEME, devServerUrl, trustedOrigins } from './origin.ts'
import { serveRendererRequest } from './protocol/rendererFiles.ts'
import { rendererCsp } from './security/csp.ts'
import { guardWebContents } from './security/guards.ts'
import { isTrustedSender } from './security/senders.ts'
import { hardenSession } from './security/session.ts'
import { createMainWindow } from './windows/mainWindow.ts'

const log = (message: string): void => console.warn(`[jiandu] ${message}`)

const paths = resolveAppPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  mainDir: import.meta.dirname
})
const devUrl = devServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)
const trusted = trustedOrigins(devUrl)

// Electron would name the folder after productName (监督工作台); the CLI and the web host use
// core/paths.ts, so the desktop app does too. Chromium's own files go to a subfolder.
const dataDir = defaultDataDir()
app.setPath('userData', dataDir)
app.setPath('sessionData', join(dataDir, 'chromium'))

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
])
app.enableSandbox()

let mainWindow: BrowserWindow | null = null
let database: OpenedDb | null = null

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow({ preload: paths.preload, devTools: !app.isPackaged, url: devUrl?.href ?? APP_ENTRY_URL, log })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, trusted, log, app.getPath('downloads'))
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, { root: paths.rendererRoot, csp: rendererCsp() }))

  const opened = await openDesktopDatabase({
    path: defaultDatabasePath(),
    migrationsFolder: paths.migrationsFolder,
    createDemo: (path) => ensureDemoDatabase(path, { migrationsFolder: paths.migrationsFolder })
  })
  if (!opened.ok) {
    dialog.showErrorBox(opened.title, opened.message)
    app.exit(1)
    return
  }
  database = opened.db
  const ctx = createDesktopContext(opened.db, () => new Date(), paths.migrationsFolder)
  registerApiHandlers({
    ipcMain,
    channels: CHANNEL_NAMES,
    isTrustedSender: (event) => isTrustedSender(event, trusted),
    call: (channel, input) => invoke(ctx, channel, input),
    log
  })
  showMainWindow()
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has the database open: hand over to it (it gets 'second-instance').
  app.quit()
} else {
  app.on('second-instance', showMainWindow)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { trusted, openExternal: (url) => shell.openExternal(url), log }))
  app.on('window-all-closed', () => app.quit())
  app.on('activate', () => {
    if (database && BrowserWindow.getAllWindows().length === 0) showMainWindow()
  })
  app.on('will-quit', () => {
    database?.sqlite.close()
    database = null
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('启动失败 / Start failed', error instanceof Error ? (error.stack ?? error.message) : String(error))
      app.exit(1)
    })
}
