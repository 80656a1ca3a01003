import { describe, expect, it } from 'vitest'
import { collapsedFor, rememberCollapsed, SIDER_KEY, storedCollapsed, WIDE_SCREEN_PX } from './siderPreference.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

describe('the navigation fold', () => {
  it('folds on narrow windows and unfolds on wide ones while the officer has chosen nothing', () => {
    expect(collapsedFor(null, 1280)).toBe(true)
    expect(collapsedFor(null, WIDE_SCREEN_PX - 1)).toBe(true)
    expect(collapsedFor(null, WIDE_SCREEN_PX)).toBe(false)
    expect(collapsedFor(null, 1920)).toBe(false)
  })

  it("keeps the officer's choice whatever the width", () => {
    expect(collapsedFor(false, 1280)).toBe(false)
    expect(collapsedFor(true, 1920)).toBe(true)
  })

  it('stores the choice and reads it back; anything else stored counts as no choice', () => {
    const storage = memoryStorage()
    expect(storedCollapsed(storage)).toBeNull()
    rememberCollapsed(storage, true)
    expect(storage.data.get(SIDER_KEY)).toBe('1')
    expect(storedCollapsed(storage)).toBe(true)
    rememberCollapsed(storage, false)
    expect(storedCollapsed(storage)).toBe(false)
    expect(storedCollapsed(memoryStorage({ [SIDER_KEY]: 'yes' }))).toBeNull()
  })
})
