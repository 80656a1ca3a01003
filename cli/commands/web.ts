// `jiandu web [--db <path>] [--port <p>]` (cli-v1.md): serves the workstation UI and API on 127.0.0.1.
// The first stdout line is the URL to open, token included; the server runs until SIGINT/SIGTERM.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../db/client.ts'
import { CliError, EXIT, parseOptions, usageError, writeLine, writeProgress, databasePath } from '../io.ts'
import { ensureDemoDatabase } from '../webHost/demoDb.ts'
import { startWebHost } from '../webHost/server.ts'

/** The built renderer (vite build --config renderer/vite.config.ts); JIANDU_RENDERER_DIR overrides it. */
export function rendererDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['JIANDU_RENDERER_DIR'] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer')
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw usageError(`端口须为 0–65535 的整数 / --port must be an integer 0–65535: ${value}`)
  }
  return Number(value)
}

function untilShutdown(): Promise<string> {
  return new Promise((resolvePromise) => {
    const stop = (signal: string) => () => resolvePromise(signal)
    process.once('SIGINT', stop('SIGINT'))
    process.once('SIGTERM', stop('SIGTERM'))
  })
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { db: { type: 'string' }, port: { type: 'string' } })
  const port = parsePort(values.port)
  const dbPath = resolve(databasePath(values.db))
  if (!existsSync(dbPath)) {
    writeProgress(`数据库不存在，正在创建演示数据库 / creating the demo database: ${dbPath}`)
    ensureDemoDatabase(dbPath)
  }
  const db = openDatabase(dbPath)
  const staticDir = rendererDir()
  if (!existsSync(join(staticDir, 'index.html'))) {
    writeProgress(`提示：界面尚未构建（${staticDir}），只提供接口；请运行 npm run build:renderer / the UI is not built: serving the API only`)
  }
  let host
  try {
    host = await startWebHost({ db, staticDir, port })
  } catch (error) {
    db.sqlite.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new CliError(`端口 ${port} 已被占用 / port ${port} is already in use`)
    if (code === 'EACCES') throw new CliError(`无权使用端口 ${port} / no permission to listen on port ${port}`)
    throw error
  }
  writeLine(host.url)
  writeProgress(`监督工作台网页模式已启动（数据库 ${dbPath}），按 Ctrl+C 停止 / web mode running; Ctrl+C stops it`)
  await untilShutdown()
  await host.close()
  db.sqlite.close()
  return EXIT.OK
}
