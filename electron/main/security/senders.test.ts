import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../origin.ts'
import { isTrustedSender, type IpcSenderEvent } from './senders.ts'

const trusted = new Set([APP_ORIGIN])
const mainFrame = (url: string): IpcSenderEvent => ({ senderFrame: { url, parent: null } })

describe('isTrustedSender', () => {
  it('trusts the main frame of our own page', () => {
    expect(isTrustedSender(mainFrame('app://jiandu/index.html'), trusted)).toBe(true)
    expect(isTrustedSender(mainFrame('app://jiandu/plans/7#review'), trusted)).toBe(true)
  })

  it('refuses a subframe, even one of ours', () => {
    const parent = { url: 'app://jiandu/index.html', parent: null }
    expect(isTrustedSender({ senderFrame: { url: 'app://jiandu/frame.html', parent } }, trusted)).toBe(false)
  })

  it('refuses a frame that is gone, about:blank and foreign origins', () => {
    expect(isTrustedSender({ senderFrame: null }, trusted)).toBe(false)
    for (const url of ['about:blank', '', 'https://example.com/', 'file:///tmp/x.html', 'app://evil/index.html', 'http://localhost:5173/']) {
      expect(isTrustedSender(mainFrame(url), trusted), url).toBe(false)
    }
  })

  it('trusts the dev server only when it is in the trusted set', () => {
    expect(isTrustedSender(mainFrame('http://localhost:5173/'), new Set([APP_ORIGIN, 'http://localhost:5173']))).toBe(true)
  })
})
