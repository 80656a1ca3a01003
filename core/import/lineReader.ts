// Reading interchange JSONL files line by line without loading them whole: fixed-size chunks read
// synchronously (fast, and no other work can slip into the import's open transaction), split on LF
// with an optional CR stripped, the UTF-8 BOM of line 1 dropped, decoded as strict UTF-8.
//
// What is not UTF-8 (never half-read as mojibake): the first line holding any non-ASCII byte decides the
// file's encoding. When that line is not UTF-8 the file is refused as a whole (a GBK/GB18030 export:
// every Chinese line would fail); a later line that is not UTF-8, in a file that is, is a damaged line
// and is rejected alone like any line that is not valid JSON (interchange-v1.md).
import { isAscii } from 'node:buffer'
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

function notUtf8(path: string, line: number): ImportInputError {
  return new ImportInputError(
    path, 'NOT_UTF8',
    `无法读取 ${path}：第 ${line} 行不是 UTF-8 文本（GBK/GB18030 等编码的文件请先另存为 UTF-8），未导入任何数据 / ` +
      `cannot read ${path}: line ${line} is not UTF-8 text (convert GBK/GB18030 files to UTF-8 first); nothing was imported`
  )
}

/**
 * The rule at the top, applied as lines go by: the first line holding a non-ASCII byte decides the
 * file's encoding, and when that line is not UTF-8 the file is refused.
 */
class EncodingJudge {
  decided = false
  private readonly path: string
  constructor(path: string) {
    this.path = path
  }
  /** `decoded` is the line's (or a run of whole lines') strict decoding, null when it failed. */
  see(bytes: Uint8Array, decoded: string | null, line: number): void {
    if (this.decided || isAscii(bytes)) return
    this.decided = true
    if (decoded === null) throw notUtf8(this.path, line)
  }
}

export type FileProbe = { size: number; firstLine: string | null }

const BOM = [0xef, 0xbb, 0xbf] as const
const startsWithBom = (bytes: Uint8Array): boolean => bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]

/** Strict decoding, with no BOM taken off (only line 1's is, by the caller). */
function decodeStrict(bytes: Uint8Array, stream = false): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream })
  } catch {
    return null
  }
}

function binary(path: string, line: number): ImportInputError {
  return new ImportInputError(path, 'BINARY', `无法读取 ${path}：这是二进制文件，不是 JSONL 文本（第 ${line} 行含 NUL 字节）/ cannot read ${path}: a binary file, not JSONL text (NUL bytes on line ${line})`)
}

/**
 * Checks, before anything is written, that `path` is a readable text file whose start is UTF-8 (see the
 * rule at the top: its first non-ASCII line, and its first non-blank line holds no NUL byte), and
 * returns that first non-blank line (when it lies within the probed start of the file) so a header can
 * be checked early.
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
    let firstLine: string | null = null
    const encoding = new EncodingJudge(path)
    let line = 0
    for (let start = 0; start < head.length && !(firstLine !== null && encoding.decided);) {
      const nl = head.indexOf(0x0a, start)
      // The last line may run past the probe: decoded as a stream, a character cut at the end is no error.
      const cut = nl < 0 && read < size
      let bytesOfLine = head.subarray(start, nl < 0 ? head.length : nl)
      line++
      if (line === 1 && startsWithBom(bytesOfLine)) bytesOfLine = bytesOfLine.subarray(BOM.length)
      const text = decodeStrict(bytesOfLine, cut)
      encoding.see(bytesOfLine, text, line)
      if (firstLine === null && text !== null && text.trim() !== '') {
        if (text.includes('\u0000')) throw binary(path, line)
        // A first line that runs past the probe is checked when the file is read.
        if (!cut) firstLine = stripCr(text)
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

/** A line that is not UTF-8 in a file that is: the caller rejects it alone. */
export const NOT_UTF8_LINE: unique symbol = Symbol('a line that is not UTF-8')
export type SourceLine = string | typeof NOT_UTF8_LINE

/** A file being read: its lines in order (line n is the n-th yielded value) and how many bytes were consumed. */
export type LineSource = { lines: Generator<SourceLine, void, undefined>; bytesRead: () => number }

const NO_BYTES = Buffer.alloc(0)

export function openLineSource(path: string, chunkBytes = CHUNK_BYTES): LineSource {
  let bytesRead = 0
  function* lines(): Generator<SourceLine, void, undefined> {
    const fd = openForReading(path)
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    const buffer = Buffer.allocUnsafe(chunkBytes)
    /** The bytes of a line not yet ended (copied: the buffer is read into again). */
    let carry: Buffer = NO_BYTES
    let line = 0
    let atStart = true
    const encoding = new EncodingJudge(path)

    /** The lines of whole lines' bytes (ending with LF, or the last line of the file): decoded at once, or one by one when that fails. */
    function* linesOf(region: Buffer, last: boolean): Generator<SourceLine, void, undefined> {
      let text: string | null = null
      try {
        text = decoder.decode(region)
      } catch {
        // Some line in here is not UTF-8: find it below.
      }
      if (text !== null) {
        // Every line here is UTF-8: whichever holds the first non-ASCII byte passes.
        encoding.see(region, text, line + 1)
        let start = 0
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
          const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
          line++
          yield text.slice(start, end)
          start = nl + 1
        }
        if (last && start < text.length) {
          line++
          yield stripCr(text.slice(start))
        }
        return
      }
      for (let start = 0; start < region.length;) {
        const nl = region.indexOf(0x0a, start)
        const bytesOfLine = region.subarray(start, nl < 0 ? region.length : nl)
        line++
        const decoded = decodeStrict(bytesOfLine)
        encoding.see(bytesOfLine, decoded, line)
        yield decoded === null ? NOT_UTF8_LINE : stripCr(decoded)
        if (nl < 0) break
        start = nl + 1
      }
    }

    try {
      for (;;) {
        let n: number
        try {
          n = readSync(fd, buffer, 0, chunkBytes, null)
        } catch (error) {
          throw new ImportInputError(path, 'UNREADABLE', `无法读取 ${path} / cannot read ${path}: ${describe(error)}`)
        }
        bytesRead += n
        let bytes = n === 0 ? carry : carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n)
        if (atStart && (bytes.length >= BOM.length || n === 0)) {
          atStart = false
          if (startsWithBom(bytes)) bytes = bytes.subarray(BOM.length)
        } else if (atStart) {
          // Fewer bytes than a BOM so far: wait for more before deciding.
          carry = Buffer.from(bytes)
          continue
        }
        if (n === 0) {
          yield* linesOf(bytes, true)
          return
        }
        const end = bytes.lastIndexOf(0x0a) + 1
        carry = Buffer.from(bytes.subarray(end))
        if (end > 0) yield* linesOf(bytes.subarray(0, end), false)
      }
    } finally {
      closeSync(fd)
    }
  }
  return { lines: lines(), bytesRead: () => bytesRead }
}
