// The one main window: our renderer with the preload, every security preference from one helper.
import { BrowserWindow } from 'electron'
import { secureWebPreferences } from '../security/webPreferences.ts'

export type MainWindowOptions = { preload: string; devTools: boolean; url: string; log: (message: string) => void }

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '监督工作台',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences({ kind: 'main', preload: options.preload, devTools: options.devTools })
  })
  // Shown once painted, so the officer never sees a blank white frame.
  window.once('ready-to-show', () => window.show())
  window.loadURL(options.url).catch((error: unknown) => options.log(`无法加载界面 / could not load the UI: ${String(error)}`))
  return window
}
