// Web mode's session token. The host prints `http://127.0.0.1:<port>/#token=<token>`: the fragment never
// reaches a server or a referrer. The app reads it once, keeps it in sessionStorage (gone with the tab),
// and takes it out of the address bar so it is not bookmarked, shared or left in the history.
const TOKEN_KEY = 'jiandu.webToken'
const TOKEN_IN_FRAGMENT = /(?:^#|[#&?])token=([A-Za-z0-9_-]{16,200})/

type Place = { hash: string; pathname: string; search: string }
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>
type HistoryLike = Pick<History, 'replaceState'>

/** Moves a token from the URL fragment into session storage; true when one was found. */
export function captureTokenFromUrl(place: Place, storage: StorageLike, history: HistoryLike): boolean {
  const match = TOKEN_IN_FRAGMENT.exec(place.hash)
  if (!match?.[1]) return false
  storage.setItem(TOKEN_KEY, match[1])
  history.replaceState(null, '', `${place.pathname}${place.search}#/home`)
  return true
}

export function storedToken(storage: Pick<Storage, 'getItem'>): string | null {
  return storage.getItem(TOKEN_KEY)
}
