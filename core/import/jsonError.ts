// Says where and why a line is not valid JSON. V8's JSON.parse names the position for most errors
// ("… in JSON at position 7 (line 1 column 8)") but not for all ("Unexpected token 'a', "abc" is not
// valid JSON", "Unexpected end of JSON input"); for those a small scanner finds the offending column.
// Runs only on lines that already failed, so it does not need to be fast.

/** 0-based offset of the first character where `text` stops being a single JSON value. */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail()
      i++
    }
  }
  const string = () => {
    i++ // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return
      }
      if (c < 0x20) fail()
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k
              fail()
            }
          }
          i += 6
          continue
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          i++
          fail()
        }
        i += 2
        continue
      }
      i++
    }
    fail()
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!m) {
      if (text[i] === '-') i++ // V8 points past a lone minus sign
      fail()
    }
    i += m?.[0].length ?? 0
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail()
        string()
        ws()
        if (text[i] !== ':') fail()
        i++
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail()
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail()
      }
    }
    if (c === '"') return string()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number()
    fail()
  }
  try {
    value()
    ws()
    return i < text.length ? i : -1
  } catch (at) {
    return typeof at === 'number' ? at : 0
  }
}

const V8_POSITION = /at position (\d+)/

/** The rejection reason for a line JSON.parse refused: Chinese first, the column, the parser's own words. */
export function describeJsonError(text: string, error: unknown): { column: number; reason: string } {
  // V8's "(line 1 column 8)" counts within the line's text only; next to the file's line number it misleads.
  const message = (error instanceof Error ? error.message : String(error)).replace(/ \(line \d+ column \d+\)/, '')
  const fromV8 = V8_POSITION.exec(message)
  const offset = fromV8 ? Number(fromV8[1]) : Math.max(0, jsonErrorOffset(text))
  const column = offset + 1
  return {
    column,
    reason: `JSON 格式错误（第 ${column} 列）/ invalid JSON at column ${column} (position ${offset}): ${message}`
  }
}
