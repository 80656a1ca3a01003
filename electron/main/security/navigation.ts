// What a page of ours may navigate to and open (checklist items 13–15). The renderer is a single-page
// app: it never needs to navigate its window elsewhere, and never opens windows. Links a user clicks
// may open in the system browser, but only https links to government sites (*.gov.cn: the central
// system and the bureaus' portals), never anything else the data might contain. No Electron import.
import { originOf } from '../origin.ts'

/** Hosts (or their subdomains) whose https links may open in the system browser. */
export const EXTERNAL_LINK_DOMAINS: readonly string[] = ['gov.cn']

/** A navigation is allowed only inside the page's own (trusted) origin. */
export function isAllowedNavigation(targetUrl: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(targetUrl)
  return origin !== null && trusted.has(origin)
}

/** Whether a link may be handed to the system browser (`shell.openExternal`). */
export function isAllowedExternalLink(url: string, domains: readonly string[] = EXTERNAL_LINK_DOMAINS): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false
  const host = parsed.hostname.toLowerCase()
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`))
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null }

/** `window.open` and target=_blank never create a window; an allowed link goes to the system browser. */
export function decideWindowOpen(url: string, domains: readonly string[] = EXTERNAL_LINK_DOMAINS): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalLink(url, domains) ? url : null }
}
