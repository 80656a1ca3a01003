// A JSON string may spell half of a UTF-16 surrogate pair on its own (`"\ud800"`): JSON.parse accepts
// it, but it is no Unicode character, and SQLite's UTF-8 text would silently hold U+FFFD instead, so
// the stored record would differ from the file. Such a line is rejected, naming the field.
import { formatPath } from './issues.ts'

/**
 * A line can hold a lone surrogate only as a `\uD800`–`\uDFFF` escape: most lines never reach the walk
 * (and most hold no `\u` at all, which indexOf tells several times faster than the regex).
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * The path (`visits[0].note`) of the first string, or object key, in `value` holding a lone surrogate;
 * null when there is none. `text` is the line `value` was parsed from (a cheap pre-check).
 */
export function loneSurrogatePath(text: string, value: unknown): string | null {
  if (text.indexOf('\\u') < 0 || !SURROGATE_ESCAPE.test(text)) return null
  return walk(value, [])
}

function walk(value: unknown, path: PropertyKey[]): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? formatPath(path) : null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, i])
      if (found !== null) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return formatPath([...path, key])
      const found = walk(child, [...path, key])
      if (found !== null) return found
    }
  }
  return null
}

export const LONE_SURROGATE_REASON =
  '含有不成对的 UTF-16 代理项转义（如 \\ud800），不是有效的 Unicode 字符，无法原样保存 / holds an unpaired UTF-16 surrogate escape (e.g. \\ud800): not a Unicode character, it cannot be stored as written'
