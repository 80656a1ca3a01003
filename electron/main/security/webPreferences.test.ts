import { describe, expect, it } from 'vitest'
import { secureWebPreferences } from './webPreferences.ts'

// The checklist settings every window must have, whichever kind it is.
const REQUIRED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false
}

describe('secureWebPreferences', () => {
  it('locks the main window down and gives it only the preload', () => {
    const prefs = secureWebPreferences({ kind: 'main', preload: '/app/out/preload/index.cjs', devTools: false })
    expect(prefs).toMatchObject(REQUIRED)
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs.devTools).toBe(false)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('partition')
  })

  it('allows devtools only when asked (development)', () => {
    expect(secureWebPreferences({ kind: 'main', preload: 'p', devTools: true }).devTools).toBe(true)
  })

  it('gives a print window no preload, no devtools and its own session', () => {
    const prefs = secureWebPreferences({ kind: 'print', partition: 'jiandu-print' })
    expect(prefs).toMatchObject({ ...REQUIRED, devTools: false, partition: 'jiandu-print' })
    expect(prefs).not.toHaveProperty('preload')
  })
})
