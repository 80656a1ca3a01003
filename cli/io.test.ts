import { describe, expect, it } from 'vitest'
import { writeJsonStreamingArray } from './io.ts'

function streamed<T extends object>(value: T, key: keyof T & string): { text: string; chunks: number } {
  const chunks: string[] = []
  writeJsonStreamingArray(value, key, (c) => chunks.push(c))
  return { text: chunks.join(''), chunks: chunks.length }
}

describe('writeJsonStreamingArray', () => {
  it('writes exactly what JSON.stringify writes, key order included, whatever the array holds', () => {
    const cases: { format: string; flags: unknown[]; as_of?: string; warnings?: string[] }[] = [
      { format: 'jiandu-flags', flags: [], as_of: '2025-12-31' },
      { format: 'x', flags: [{ rule: 'R', message: '引号"与\\反斜杠\u0000和😀', evidence: { a: [1, null, { b: true }] } }, 3, 'text', null], warnings: ['注意'] },
      { flags: [undefined, { a: undefined }], format: 'flags first' } as unknown as { format: string; flags: unknown[] }
    ]
    for (const value of cases) expect(streamed(value, 'flags').text).toBe(`${JSON.stringify(value)}\n`)
  })

  it('does not mistake a nested "flags" key or the marker text in a value for the list', () => {
    const value = { note: '\u0000flags#0\u0000', nested: { flags: [1, 2], again: '\u0000flags#1\u0000' }, flags: [{ flags: ['x'] }] }
    expect(streamed(value, 'flags').text).toBe(`${JSON.stringify(value)}\n`)
  })

  it('hands a long list over in pieces', () => {
    const value = { flags: Array.from({ length: 30_000 }, (_, i) => ({ id: i, message: '线索'.repeat(20) })) }
    const { text, chunks } = streamed(value, 'flags')
    expect(text).toBe(`${JSON.stringify(value)}\n`)
    expect(chunks).toBeGreaterThan(2)
  })
})
