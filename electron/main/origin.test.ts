import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN, devServerUrl, originOf, trustedOrigins } from './origin.ts'

describe('originOf', () => {
  it('gives scheme://host[:port] for our custom scheme, where URL.origin would be "null"', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null')
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/plans?x=1#top')).toBe('http://localhost:5173')
  })

  it('is null for URLs without a host or that do not parse', () => {
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('javascript:alert(1)')).toBeNull()
    expect(originOf('data:text/html,<p>x')).toBeNull()
    expect(originOf('not a url')).toBeNull()
  })
})

describe('devServerUrl', () => {
  it('accepts a loopback http(s) URL when not packaged', () => {
    expect(devServerUrl('http://localhost:5173', false)?.href).toBe('http://localhost:5173/')
    expect(devServerUrl('http://127.0.0.1:5173/', false)?.host).toBe('127.0.0.1:5173')
    expect(devServerUrl('https://[::1]:5173/', false)?.host).toBe('[::1]:5173')
  })

  it('is ignored in a packaged app, whatever the environment says', () => {
    expect(devServerUrl('http://localhost:5173', true)).toBeNull()
  })

  it('refuses remote hosts, other schemes and garbage', () => {
    expect(devServerUrl('http://example.com:5173', false)).toBeNull()
    expect(devServerUrl('http://localhost.example.com', false)).toBeNull()
    expect(devServerUrl('file:///tmp/index.html', false)).toBeNull()
    expect(devServerUrl('ws://localhost:5173', false)).toBeNull()
    expect(devServerUrl('::', false)).toBeNull()
    expect(devServerUrl(undefined, false)).toBeNull()
  })
})

describe('trustedOrigins', () => {
  it('is our origin, plus the dev server only when there is one', () => {
    expect([...trustedOrigins(null)]).toEqual([APP_ORIGIN])
    expect([...trustedOrigins(new URL('http://localhost:5173/'))]).toEqual([APP_ORIGIN, 'http://localhost:5173'])
  })
})
