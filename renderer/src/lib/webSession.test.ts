import { describe, expect, it } from 'vitest'
import { captureTokenFromUrl, storedToken } from './webSession.ts'

function memoryStorage() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
}

describe('the web session token', () => {
  it('moves the token from the fragment into session storage and replaces the address with the home route', () => {
    const storage = memoryStorage()
    const replaced: string[] = []
    const token = 'gnJQL7lYTJ4uvARqk9uXFBZLrV70HuljKCsUEs1Tp4c'
    const found = captureTokenFromUrl({ hash: `#token=${token}`, pathname: '/', search: '' }, storage, { replaceState: (_s, _t, url) => void replaced.push(String(url)) })
    expect(found).toBe(true)
    expect(storedToken(storage)).toBe(token)
    expect(replaced).toEqual(['/#/home'])
  })

  it('leaves the address and the stored token alone when the fragment holds no token', () => {
    const storage = memoryStorage()
    storage.setItem('jiandu.webToken', 'kept-from-before-reload')
    const replaced: string[] = []
    for (const hash of ['#/plans?status=SUBMITTED', '', '#token=short', '#token=bad token with spaces']) {
      expect(captureTokenFromUrl({ hash, pathname: '/', search: '' }, storage, { replaceState: () => void replaced.push(hash) })).toBe(false)
    }
    expect(replaced).toEqual([])
    expect(storedToken(storage)).toBe('kept-from-before-reload')
  })
})
