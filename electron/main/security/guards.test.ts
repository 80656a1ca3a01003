import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../origin.ts'
import { navigationGuard, windowOpenHandler } from './guards.ts'

function navigation(url: string) {
  const event = { url, prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}

describe('navigationGuard', () => {
  const blocked: string[] = []
  const guard = navigationGuard(new Set([APP_ORIGIN]), (url) => blocked.push(url))

  it('lets in-app navigation happen', () => {
    const event = navigation('app://jiandu/index.html')
    guard(event)
    expect(event.prevented).toBe(false)
  })

  it('cancels navigation elsewhere and reports it', () => {
    const event = navigation('https://example.com/phish')
    guard(event)
    expect(event.prevented).toBe(true)
    expect(blocked).toEqual(['https://example.com/phish'])
  })
})

describe('windowOpenHandler', () => {
  it('denies every window and opens only allowed links externally', async () => {
    const opened: string[] = []
    const handler = windowOpenHandler(async (url) => {
      opened.push(url)
    })
    expect(handler({ url: 'https://sfj.sh.gov.cn/doc' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'app://jiandu/index.html' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://sfj.sh.gov.cn/doc'])
  })

  it('reports a failing openExternal instead of leaving an unhandled rejection', async () => {
    const errors: unknown[] = []
    const handler = windowOpenHandler(() => Promise.reject(new Error('no browser')), (error) => errors.push(error))
    handler({ url: 'https://sfj.sh.gov.cn/doc' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(errors).toHaveLength(1)
  })
})
