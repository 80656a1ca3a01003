import { describe, expect, it } from 'vitest'
import { loneSurrogatePath } from './surrogates.ts'

const check = (text: string) => loneSurrogatePath(text, JSON.parse(text))

describe('loneSurrogatePath', () => {
  it('names the first field, array element or key holding an unpaired surrogate', () => {
    expect(check('{"a":"x","b":"\\ud800"}')).toBe('b')
    expect(check('{"visits":[{"note":"ok"},{"note":"\\uDFFF!"}]}')).toBe('visits[1].note')
    expect(check('{"grades":{"\\udbff":"A"}}')).toBe('grades.\udbff')
    expect(check('{"a":"\\ude00\\ud83d"}')).toBe('a') // a pair in the wrong order is two lone halves
  })

  it('lets well-formed text through: pairs, other escapes, and a literal backslash before u', () => {
    expect(check('{"a":"\\ud83d\\ude00","b":"\\u4e2d","c":"\\\\ud800"}')).toBeNull()
    expect(check('{"a":"plain"}')).toBeNull()
  })
})
