// A small hash router: `#/plans?status=SUBMITTED&plan=P-1`. The fragment keeps routes working under the
// desktop shell's custom protocol and the web host alike, and a reload lands on the same screen.
import { useMemo, useSyncExternalStore } from 'react'

export type Route = { path: string; params: URLSearchParams }

const ROUTE_CHANGED = 'jiandu:route'

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '')
  const [path = '', query = ''] = raw.split('?', 2)
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(query) }
}

export function formatHash(path: string, params?: Record<string, string | number | null | undefined> | URLSearchParams): string {
  const search = new URLSearchParams()
  if (params instanceof URLSearchParams) params.forEach((v, k) => search.set(k, v))
  else if (params) for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, String(v))
  const query = search.toString()
  return `#${path}${query ? `?${query}` : ''}`
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  window.addEventListener(ROUTE_CHANGED, onChange)
  return () => {
    window.removeEventListener('hashchange', onChange)
    window.removeEventListener(ROUTE_CHANGED, onChange)
  }
}

const currentHash = () => window.location.hash

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash)
  return useMemo(() => parseHash(hash), [hash])
}

/** Goes to a route; `replace` changes the current history entry (filter edits), else adds one. */
export function navigate(hash: string, options: { replace?: boolean } = {}): void {
  if (hash === window.location.hash) return
  if (options.replace) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`)
    window.dispatchEvent(new Event(ROUTE_CHANGED))
  } else {
    window.location.hash = hash
  }
}
