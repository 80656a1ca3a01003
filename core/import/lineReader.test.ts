import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportInputError } from './errors.ts'
import { firstInvalidUtf8Offset, openLineSource, probeInputFile } from './lineReader.ts'
import { tempDir, writeTemp } from './testFixtures.ts'

const linesOf = (path: string, chunkBytes?: number) => [...openLineSource(path, chunkBytes).lines]

describe('openLineSource', () => {
  it('splits LF and CRLF lines, drops the BOM of line 1 only, keeps blank lines and a last line without EOL', () => {
    const dir = tempDir()
    const path = writeTemp(dir, 'a.jsonl', '\uFEFFone\r\ntwo\n\n\uFEFFthree\r\nlast')
    expect(linesOf(path)).toEqual(['one', 'two', '', '\uFEFFthree', 'last'])
  })

  it('gives the same lines whatever the chunk size, with multi-byte characters and CRLF cut across chunks', () => {
    const dir = tempDir()
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '金', '山', '𠀀', ' ', '"', '\r'), maxLength: 12 }), { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        (lines, crlf, chunk) => {
          // A CR at the very end of a line would be taken for part of the line end: keep them inside.
          const clean = lines.map((l) => (l.endsWith('\r') ? `${l}x` : l))
          const text = clean.join(crlf ? '\r\n' : '\n')
          const path = writeTemp(dir, 'p.jsonl', text)
          // A final line end ends the last line; it does not start an empty one.
          const expected = text === '' ? [] : clean.at(-1) === '' ? clean.slice(0, -1) : clean
          expect(linesOf(path, chunk)).toEqual(expected)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('counts the bytes it has read', () => {
    const dir = tempDir()
    const path = writeTemp(dir, 'b.jsonl', '金山\n区\n')
    const source = openLineSource(path, 4)
    expect([...source.lines]).toEqual(['金山', '区'])
    expect(source.bytesRead()).toBe(Buffer.byteLength('金山\n区\n'))
  })

  it('refuses bytes that are not UTF-8, naming the line', () => {
    const dir = tempDir()
    const path = writeTemp(dir, 'c.jsonl', Buffer.concat([Buffer.from('ok\nok\n{"a":"'), Buffer.from([0xc4, 0xe3]), Buffer.from('"}\n')]))
    expect(() => linesOf(path, 5)).toThrow(ImportInputError)
    expect(() => linesOf(path, 5)).toThrow(/第 3 行不是 UTF-8 文本.*line 3 is not UTF-8/)
  })
})

describe('probeInputFile', () => {
  it('returns the size and the first non-blank line without its BOM', () => {
    const dir = tempDir()
    const text = '\uFEFF\r\n  \n{"type":"header"}\r\nrest\n'
    expect(probeInputFile(writeTemp(dir, 'h.jsonl', text))).toEqual({ size: Buffer.byteLength(text), firstLine: '{"type":"header"}' })
    expect(probeInputFile(writeTemp(dir, 'e.jsonl', ''))).toEqual({ size: 0, firstLine: null })
  })

  it('refuses a missing file, a directory, a binary file and a non-UTF-8 file with the path in the message', () => {
    const dir = tempDir()
    const cases: [string, string][] = [
      [`${dir}/nope.jsonl`, 'NOT_FOUND'],
      [dir, 'NOT_A_FILE'],
      [writeTemp(dir, 'x.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), 'BINARY'],
      [writeTemp(dir, 'g.jsonl', Buffer.from([0x7b, 0xbd, 0xf0, 0x7d])), 'NOT_UTF8']
    ]
    for (const [path, problem] of cases) {
      let caught: unknown
      try {
        probeInputFile(path)
      } catch (error) {
        caught = error
      }
      expect(caught, path).toBeInstanceOf(ImportInputError)
      expect((caught as ImportInputError).problem).toBe(problem)
      expect((caught as Error).message).toContain(path)
      expect((caught as Error).message).toMatch(/^[^a-zA-Z]*无法读取/)
    }
  })
})

describe('firstInvalidUtf8Offset', () => {
  it('agrees with a strict decoder on where valid UTF-8 ends', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const offset = firstInvalidUtf8Offset(bytes)
        const valid = (b: Uint8Array) => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(b)
            return true
          } catch {
            return false
          }
        }
        expect(offset === -1).toBe(valid(bytes))
        if (offset >= 0) expect(valid(bytes.subarray(0, offset))).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })
})
