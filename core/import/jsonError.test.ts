import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeJsonError, jsonErrorOffset } from './jsonError.ts'

function v8Error(text: string): Error {
  try {
    JSON.parse(text)
  } catch (error) {
    return error as Error
  }
  throw new Error(`valid JSON: ${text}`)
}

describe('jsonErrorOffset', () => {
  it('finds the offending character where V8 does not say', () => {
    expect(jsonErrorOffset('abc')).toBe(0)
    expect(jsonErrorOffset('{"a":tru}')).toBe(8)
    expect(jsonErrorOffset('{"a":')).toBe(5)
    expect(jsonErrorOffset('')).toBe(0)
    expect(jsonErrorOffset('[1,]')).toBe(3)
  })

  it('agrees with V8 wherever V8 names a position', () => {
    const cases = ['{"a":1,}', '{"a" 1}', '[1,2', '{"a":"x\ny"}', '{"type":"task" "id":1}', '{"a":1}}', '{"a":01}', '{"a":"\\q"}', '{"a":-}']
    for (const text of cases) {
      const position = /at position (\d+)/.exec(v8Error(text).message)
      expect(position, text).not.toBeNull()
      expect(jsonErrorOffset(text), text).toBe(Number(position?.[1]))
    }
  })

  it('says valid exactly when JSON.parse accepts, for random corruptions of valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '"', '{', '}', ',', ':', ']', 'x', '\\', '\n', '0'), (json, at, ch) => {
        const i = json.length === 0 ? 0 : at % json.length
        const text = json.slice(0, i) + ch + json.slice(i + 1)
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        expect(jsonErrorOffset(text) === -1, text).toBe(valid)
      }),
      { numRuns: 3000 }
    )
  })
})

describe('describeJsonError', () => {
  it('puts Chinese first, the 1-based column, and the parser message without its confusing line/column', () => {
    const text = '{"type":"department",}'
    const { column, reason } = describeJsonError(text, v8Error(text))
    expect(column).toBe(22)
    expect(reason).toBe(`JSON 格式错误（第 22 列）/ invalid JSON at column 22 (position 21): Expected double-quoted property name in JSON at position 21`)
  })

  it('locates errors V8 reports without a position', () => {
    const text = '{"type":"task","id":tru}'
    expect(describeJsonError(text, v8Error(text)).reason).toMatch(/^JSON 格式错误（第 24 列）\/ invalid JSON at column 24 \(position 23\): Unexpected token '}'/)
    expect(describeJsonError('{"a":', v8Error('{"a":')).reason).toBe('JSON 格式错误（第 6 列）/ invalid JSON at column 6 (position 5): Unexpected end of JSON input')
  })
})
