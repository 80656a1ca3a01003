import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../origin.ts'
import { isAllowedOutsideRequest } from './session.ts'

describe('isAllowedOutsideRequest', () => {
  it('cancels every network and file request of a packaged renderer', () => {
    const trusted = new Set([APP_ORIGIN])
    for (const url of ['https://example.com/x.js', 'http://localhost:5173/', 'ws://localhost:5173/', 'wss://example.com/', 'file:///etc/passwd']) {
      expect(isAllowedOutsideRequest(url, trusted), url).toBe(false)
    }
  })

  it('lets the dev server and its HMR websocket through in development', () => {
    const trusted = new Set([APP_ORIGIN, 'http://localhost:5173'])
    expect(isAllowedOutsideRequest('http://localhost:5173/src/main.tsx', trusted)).toBe(true)
    expect(isAllowedOutsideRequest('ws://localhost:5173/?token=x', trusted)).toBe(true)
    expect(isAllowedOutsideRequest('http://localhost:5174/', trusted)).toBe(false)
    expect(isAllowedOutsideRequest('https://localhost:5173/', trusted)).toBe(false)
  })
})
