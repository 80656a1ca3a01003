// Where the workstation keeps its database. The desktop app, the web host and the CLI agree on one
// file per user: the same place Electron's userData would be for app name `jiandu-workstation`.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'jiandu-workstation'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['JIANDU_DATA_DIR']) return env['JIANDU_DATA_DIR']
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR_NAME)
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return env['JIANDU_DB'] ?? join(defaultDataDir(env, platform), 'jiandu.sqlite')
}
