import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportInputError } from './errors.ts'
import { NOT_UTF8_LINE, openLineSource, probeInputFile } from './lineReader.ts'
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

  it('refuses a file whose first non-ASCII line is not UTF-8 (GBK, say), naming the line', () => {
    const dir = tempDir()
    const gbk = Buffer.from([0xc4, 0xe3])
    const path = writeTemp(dir, 'c.jsonl', Buffer.concat([Buffer.from('ok\nok\n{"a":"'), gbk, Buffer.from('"}\n')]))
    for (const chunk of [5, 1 << 20]) {
      expect(() => linesOf(path, chunk)).toThrow(ImportInputError)
      expect(() => linesOf(path, chunk)).toThrow(/第 3 行不是 UTF-8 文本.*line 3 is not UTF-8/)
    }
  })

  it('gives a damaged line of a UTF-8 file as NOT_UTF8_LINE, in its place, whatever the chunk size', () => {
    const dir = tempDir()
    const path = writeTemp(dir, 'd.jsonl', Buffer.concat([
      Buffer.from('\uFEFF金山\r\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0d, 0x0a]), Buffer.from('区\n'), Buffer.from([0xc4, 0xe3])
    ]))
    for (const chunk of [1, 2, 3, 5, 7, 1 << 20]) expect(linesOf(path, chunk), String(chunk)).toEqual(['金山', NOT_UTF8_LINE, '区', NOT_UTF8_LINE])
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

  it('lets through a UTF-8 file with a damaged line or a NUL byte further on: those lines are rejected alone on reading', () => {
    const dir = tempDir()
    const damaged = writeTemp(dir, 'd.jsonl', Buffer.concat([Buffer.from('{"name":"金山"}\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from('{"a":"\u0000"}\n')]))
    expect(probeInputFile(damaged).firstLine).toBe('{"name":"金山"}')
    // The first non-ASCII line decides: here it is the damaged one.
    expect(() => probeInputFile(writeTemp(dir, 'e.jsonl', Buffer.concat([Buffer.from('{}\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from('{"name":"金山"}\n')]))))
      .toThrow(/第 2 行不是 UTF-8 文本/)
  })
})
