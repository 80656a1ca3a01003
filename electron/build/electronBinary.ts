// Where the Electron binary would be, found the way the `electron` package finds it (its index.js),
// but without importing that package: importing it starts a download when the binary is missing,
// which hangs or fails on machines without access to Electron's downloads (ours).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type ElectronBinary = { present: true; path: string } | { present: false; looked: string }

export function findElectronBinary(electronPackageDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pathFile = join(electronPackageDir, 'path.txt')
  // path.txt is written by the package's installer once the binary has been unpacked.
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = override ? join(override, executable || 'electron') : executable ? join(electronPackageDir, 'dist', executable) : null
  if (candidate && existsSync(candidate)) return { present: true, path: candidate }
  return { present: false, looked: candidate ?? join(electronPackageDir, 'dist') }
}

export function binaryMissingMessage(looked: string): string {
  return [
    '监督工作台桌面版需要 Electron 运行文件，本机没有（也无法下载）。',
    'The desktop app needs the Electron binary, which is not available on this machine (and cannot be downloaded here).',
    `  查找位置 / looked for: ${looked}`,
    '',
    '请改用网页版，它使用同一数据库和同一界面 / Use the web mode instead (same database, same UI):',
    '  npm run web',
    ''
  ].join('\n')
}
