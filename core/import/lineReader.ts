// Reading interchange JSONL files line by line without loading them whole: fixed-size chunks read
// synchronously (fast, and no other work can slip into the import's open transaction), decoded as
// strict UTF-8 (a file that is not UTF-8 text is refused, never half-read as mojibake), split on LF
// with an optional CR stripped, and the UTF-8 BOM of line 1 dropped (TextDecoder does that).
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { ImportInputError } from './errors.ts'

const CHUNK_BYTES = 1 << 20
const PROBE_BYTES = 1 << 16

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function openForReading(path: string): number {
  let stat
  try {
    stat = statSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImportInputError(path, 'NOT_FOUND', `无法读取 ${path}：文件不存在 / cannot read ${path}: no such file`)
    throw new ImportInputError(path, 'UNREADABLE', `无法读取 ${path} / cannot read ${path}: ${describe(error)}`)
  }
  if (stat.isDirectory()) throw new ImportInputError(path, 'NOT_A_FILE', `无法读取 ${path}：这是一个目录，不是文件 / cannot read ${path}: it is a directory, not a file`)
  if (!stat.isFile()) throw new ImportInputError(path, 'NOT_A_FILE', `无法读取 ${path}：不是普通文件 / cannot read ${path}: not a regular file`)
  try {
    return openSync(path, 'r')
  } catch (error) {
    throw new ImportInputError(path, 'UNREADABLE', `无法读取 ${path} / cannot read ${path}: ${describe(error)}`)
  }
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1.
 * Only used to say where a file stops being UTF-8 (the decoder itself does the real check).
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const c = bytes[i] ?? 0
    if (c < 0x80) {
      i++
      continue
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (extra < 0) return i
    const second = bytes[i + 1] ?? 0
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF (RFC 3629 table 3-7).
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second >= 0xa0) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second >= 0x90)) return i
    for (let k = 1; k <= extra; k++) {
      if (i + k >= bytes.length) return i
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    }
    i += extra + 1
  }
  return -1
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++
  return n
}

function notUtf8(path: string, line: number): ImportInputError {
  return new ImportInputError(
    path, 'NOT_UTF8',
    `无法读取 ${path}：第 ${line} 行不是 UTF-8 文本（GBK/GB18030 等编码的文件请先另存为 UTF-8），未导入任何数据 / ` +
      `cannot read ${path}: line ${line} is not UTF-8 text (convert GBK/GB18030 files to UTF-8 first); nothing was imported`
  )
}

export type FileProbe = { size: number; firstLine: string | null }

/**
 * Checks, before anything is written, that `path` is a readable UTF-8 text file, and returns its first
 * non-blank line (when it lies within the probed start of the file) so a header can be checked early.
 */
export function probeInputFile(path: string): FileProbe {
  const fd = openForReading(path)
  try {
    const size = fstatSync(fd).size
    const bytes = Buffer.allocUnsafe(Math.min(PROBE_BYTES, size))
    let read = 0
    try {
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, read)
        if (n === 0) break
        read += n
      }
    } catch (error) {
      throw new ImportInputError(path, 'UNREADABLE', `无法读取 ${path} / cannot read ${path}: ${describe(error)}`)
    }
    const head = bytes.subarray(0, read)
    const nul = head.indexOf(0)
    if (nul >= 0) {
      throw new ImportInputError(path, 'BINARY', `无法读取 ${path}：这是二进制文件，不是 JSONL 文本（第 ${countNewlines(head, nul) + 1} 行含 NUL 字节）/ cannot read ${path}: a binary file, not JSONL text`)
    }
    let text: string
    try {
      // stream: true tolerates a multi-byte character cut by the probe's end.
      text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: read < size })
    } catch {
      const at = firstInvalidUtf8Offset(head)
      throw notUtf8(path, countNewlines(head, at < 0 ? 0 : at) + 1)
    }
    let firstLine: string | null = null
    let start = 0
    for (;;) {
      const nl = text.indexOf('\n', start)
      if (nl < 0 && read < size) break // the first non-blank line runs past the probe
      const line = stripCr(text.slice(start, nl < 0 ? text.length : nl))
      if (line.trim() !== '') {
        firstLine = line
        break
      }
      if (nl < 0) break
      start = nl + 1
    }
    return { size, firstLine }
  } finally {
    closeSync(fd)
  }
}

function stripCr(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line
}

/** A file being read: its lines in order (line n is the n-th yielded value) and how many bytes were consumed. */
export type LineSource = { lines: Generator<string, void, undefined>; bytesRead: () => number }

export function openLineSource(path: string, chunkBytes = CHUNK_BYTES): LineSource {
  let bytesRead = 0
  function* lines(): Generator<string, void, undefined> {
    const fd = openForReading(path)
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const buffer = Buffer.allocUnsafe(chunkBytes)
    let carry = ''
    let yielded = 0
    try {
      for (;;) {
        let n: number
        try {
          n = readSync(fd, buffer, 0, chunkBytes, null)
        } catch (error) {
          throw new ImportInputError(path, 'UNREADABLE', `无法读取 ${path} / cannot read ${path}: ${describe(error)}`)
        }
        bytesRead += n
        const chunk = buffer.subarray(0, n)
        let text: string
        try {
          text = decoder.decode(chunk, { stream: n > 0 })
        } catch {
          const at = firstInvalidUtf8Offset(chunk)
          throw notUtf8(path, yielded + 1 + countNewlines(chunk, at < 0 ? 0 : at))
        }
        if (n === 0) {
          const last = carry + text
          if (last !== '') yield stripCr(last)
          return
        }
        if (carry !== '') text = carry + text
        let start = 0
        let nl = text.indexOf('\n')
        while (nl !== -1) {
          const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
          yielded++
          yield text.slice(start, end)
          start = nl + 1
          nl = text.indexOf('\n', start)
        }
        carry = start === 0 ? text : text.slice(start)
      }
    } finally {
      closeSync(fd)
    }
  }
  return { lines: lines(), bytesRead: () => bytesRead }
}
