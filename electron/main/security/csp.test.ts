import { describe, expect, it } from 'vitest'
import { printCsp, rendererCsp } from './csp.ts'

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    })
  )
}

describe('rendererCsp', () => {
  const csp = directives(rendererCsp())

  it('runs only our own scripts: no inline, no eval, no remote', () => {
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(rendererCsp()).not.toContain('unsafe-eval')
    expect(rendererCsp()).not.toMatch(/https?:/)
  })

  it('shuts plugins, frames, forms and base rewriting out', () => {
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'form-action', 'base-uri']) {
      expect(csp.get(name), name).toEqual(["'none'"])
    }
  })

  it('allows inline styles (antd CSS-in-JS) but only for styles', () => {
    expect(csp.get('style-src')).toContain("'unsafe-inline'")
    const inlineElsewhere = [...csp].filter(([name, sources]) => name !== 'style-src' && sources.includes("'unsafe-inline'"))
    expect(inlineElsewhere).toEqual([])
  })

  it('names every directive once', () => {
    const names = rendererCsp()
      .split(';')
      .map((p) => p.trim().split(/\s+/)[0])
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('printCsp', () => {
  it('allows no script at all and nothing by default', () => {
    const csp = directives(printCsp())
    expect(csp.get('script-src')).toEqual(["'none'"])
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('font-src')).toContain("'self'")
  })
})
