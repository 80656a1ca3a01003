// Loading one thing by its key (a flag, a plan) for a detail view. While a new key loads the answer is
// null, so an earlier key's detail is never shown under the new one; a late answer for an old key is
// dropped. Bumping `reload` fetches the same key again and keeps showing the current answer meanwhile.
import { useEffect, useState } from 'react'

export type KeyedLoad<T> = { value: T } | { error: string }

export function useKeyedLoad<T>(key: string | null, load: (key: string) => Promise<T>, reload = 0): KeyedLoad<T> | null {
  const [loaded, setLoaded] = useState<({ key: string } & KeyedLoad<T>) | null>(null)

  useEffect(() => {
    if (!key) return
    let live = true
    load(key).then(
      (value) => live && setLoaded({ key, value }),
      (e: unknown) => live && setLoaded({ key, error: e instanceof Error ? e.message : String(e) })
    )
    return () => {
      live = false
    }
  }, [key, load, reload])

  return loaded && loaded.key === key ? loaded : null
}
