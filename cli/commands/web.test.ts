// `jiandu web` as a real child process: the URL line, the token, a clean stop, and its usage errors.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const running: ChildProcess[] = []

function startWeb(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['cli/main.ts', 'web', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const exit = new Promise<number | null>((resolvePromise) => child.once('exit', (code) => resolvePromise(code)))
  const firstLine = new Promise<string>((resolvePromise, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolvePromise)
    void exit.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)))
  })
  // A test that expects the process to fail never awaits the line: keep that rejection handled.
  firstLine.catch(() => undefined)
  return { child, firstLine, exit, stderr: () => stderr }
}

function freshDb(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jiandu-web-cli-')), 'w.sqlite')
  openDatabase(path).sqlite.close()
  return path
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

describe('jiandu web', () => {
  it('prints the URL with its token first, serves the API with that token, and stops cleanly on SIGTERM', async () => {
    const web = startWeb(['--db', freshDb(), '--port', '0'])
    const url = await web.firstLine
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/.exec(url)
    expect(match).not.toBeNull()
    const [, port, token] = match as RegExpExecArray
    const call = (auth: string) =>
      fetch(`http://127.0.0.1:${port}/api/session.current`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: '{}' })
    const ok = await call(`Bearer ${token}`)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ ok: true, value: { role: 'OFFICER' } })
    expect((await call('Bearer not-the-token')).status).toBe(401)
    web.child.kill('SIGTERM')
    expect(await web.exit).toBe(0)
  })

  it('creates the demo database when the file does not exist yet', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jiandu-web-cli-')), 'new.sqlite')
    const web = startWeb(['--db', path, '--port', '0'])
    const url = await web.firstLine
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/)
    expect(existsSync(path)).toBe(true)
    const { sqlite } = openDatabase(path, { readonly: true })
    expect(sqlite.prepare('SELECT count(*) FROM plans').pluck().get()).toBeGreaterThan(0)
    sqlite.close()
    web.child.kill('SIGTERM')
    expect(await web.exit).toBe(0)
  })

  it('refuses a bad port as a usage error (exit 2) and a taken port as a failure (exit 1), one line each', async () => {
    for (const port of ['abc', '70000', '-1']) {
      const r = spawnSync(process.execPath, ['cli/main.ts', 'web', '--db', freshDb(), '--port', port], { cwd: root, encoding: 'utf8' })
      expect(r.status).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    const blocker = createServer()
    await new Promise<void>((resolvePromise) => blocker.listen(0, '127.0.0.1', () => resolvePromise()))
    const taken = (blocker.address() as { port: number }).port
    try {
      const web = startWeb(['--db', freshDb(), '--port', String(taken)])
      expect(await web.exit).toBe(1)
      expect(web.stderr()).toContain(`端口 ${taken} 已被占用`)
    } finally {
      blocker.close()
    }
  })
})
