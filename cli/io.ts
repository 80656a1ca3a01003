// Exit codes and error reporting of the `jiandu` command line (../shared/contract/cli-v1.md).
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { defaultDatabasePath } from '../core/paths.ts'

export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, REJECTED: 3 } as const

/** A failure the CLI reports as one readable line (Chinese first, English after) with its exit code. */
export class CliError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode: number = EXIT.FAILURE) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/**
 * A message as the one line the CLI prints (cli-v1.md): some come with line breaks of their own, e.g.
 * JSON.parse's, which quotes the text it failed on.
 */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/** SQLite's "database is locked": another program holds the write lock past busy_timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
}

/** That, said so that an officer knows what to do (the path when known). */
export function databaseBusyMessage(path: string | null): string {
  const db = path === null ? '' : ` ${path}`
  return `数据库${db}正被其他程序占用，请稍后再试 / the database${db} is locked by another program; try again later`
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.USAGE)
}

/** node:util parseArgs, with unknown options and bad values turned into usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true })
  } catch (error) {
    // node:util's messages may span lines; the CLI reports errors as one line (cli-v1.md).
    const message = oneLine(error instanceof Error ? error.message : String(error))
    throw usageError(`参数错误 / usage error: ${message}`)
  }
}

/**
 * The database a command works on: `--db` when given, else the desktop app's own file. An empty `--db`
 * is a usage error: SQLite would open an anonymous temporary database and lose everything written to it.
 */
export function databasePath(given: string | undefined): string {
  if (given === undefined) return defaultDatabasePath()
  if (given.trim() === '') throw usageError('--db 不能为空 / --db must not be empty')
  return given
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

/** Output is handed to stdout in pieces of about this many characters. */
const STREAM_CHUNK_CHARS = 1 << 20

/**
 * Writes exactly `JSON.stringify(value)` and a newline, but the array under `key` element by element:
 * as one string, a large flags list would be held twice in memory and, past ~512 MB, exceed the longest
 * string V8 can make ("Invalid string length"). The rest of the object keeps its key order: it is
 * stringified with the array replaced by a marker, and the elements go where the marker was.
 */
export function writeJsonStreamingArray<T extends object>(value: T, key: keyof T & string, write: (chunk: string) => void = (c) => process.stdout.write(c)): void {
  const items: unknown = value[key]
  if (!Array.isArray(items)) {
    write(`${JSON.stringify(value)}\n`)
    return
  }
  // A marker the rest of the value does not already hold (found once in the text), whatever its strings.
  for (let n = 0; ; n++) {
    const marker = JSON.stringify(`\u0000${key}#${n}\u0000`)
    const text = JSON.stringify(value, function (this: unknown, k: string, v: unknown) {
      return this === value && k === key ? JSON.parse(marker) : v
    })
    const at = text.indexOf(marker)
    if (text.indexOf(marker, at + 1) >= 0) continue
    writeElements(items, `${text.slice(0, at)}[`, `]${text.slice(at + marker.length)}\n`, write)
    return
  }
}

function writeElements(items: readonly unknown[], head: string, tail: string, write: (chunk: string) => void): void {
  write(head)
  let chunk = ''
  items.forEach((item: unknown, i) => {
    // As JSON.stringify writes an array element: undefined (and functions) become null.
    chunk += (i > 0 ? ',' : '') + (JSON.stringify(item) ?? 'null')
    if (chunk.length >= STREAM_CHUNK_CHARS) {
      write(chunk)
      chunk = ''
    }
  })
  write(chunk + tail)
}

export function writeLine(line: string): void {
  process.stdout.write(`${line}\n`)
}

export function writeProgress(line: string): void {
  process.stderr.write(`${line}\n`)
}
