// The desktop app's token store (for the central-system sync): Electron's safeStorage, a file in the
// user-data folder. Call after the app is ready (safeStorage needs it).
import { app, safeStorage } from 'electron'
import { join } from 'node:path'
import { createTokenStore, type TokenStore } from './tokenStore.ts'

export const TOKEN_FILE_NAME = 'central-token.json'

export function desktopTokenStore(): TokenStore {
  return createTokenStore({ file: join(app.getPath('userData'), TOKEN_FILE_NAME), safeStorage, platform: process.platform })
}
