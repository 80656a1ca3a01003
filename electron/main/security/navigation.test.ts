import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../origin.ts'
import { decideWindowOpen, isAllowedExternalLink, isAllowedNavigation } from './navigation.ts'

const trusted = new Set([APP_ORIGIN])

describe('isAllowedNavigation', () => {
  it('allows moving within our own origin', () => {
    expect(isAllowedNavigation('app://jiandu/index.html', trusted)).toBe(true)
    expect(isAllowedNavigation('app://jiandu/plans/42?tab=review', trusted)).toBe(true)
  })

  it('refuses everything else, including look-alike hosts', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'app://evil/index.html',
      'app://jiandu.evil/index.html',
      'app://jiandu@evil/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank'
    ]) {
      expect(isAllowedNavigation(url, trusted), url).toBe(false)
    }
  })

  it('allows the dev server only when it is trusted', () => {
    expect(isAllowedNavigation('http://localhost:5173/plans', new Set([APP_ORIGIN, 'http://localhost:5173']))).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/plans', new Set([APP_ORIGIN, 'http://localhost:5173']))).toBe(false)
  })
})

describe('isAllowedExternalLink', () => {
  it('lets https links to government sites through', () => {
    expect(isAllowedExternalLink('https://gov.cn/')).toBe(true)
    expect(isAllowedExternalLink('https://sfj.sh.gov.cn/notice/1')).toBe(true)
    expect(isAllowedExternalLink('https://ZWDT.SH.GOV.CN/')).toBe(true)
  })

  it('refuses plain http, other schemes, look-alikes and credentials in the URL', () => {
    for (const url of [
      'http://sfj.sh.gov.cn/',
      'https://evilgov.cn/',
      'https://gov.cn.evil.com/',
      'https://sh.gov.cn@evil.com/',
      'https://user:pw@sfj.sh.gov.cn/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://sh.gov.cn/share',
      'javascript:alert(1)',
      'not a url'
    ]) {
      expect(isAllowedExternalLink(url), url).toBe(false)
    }
  })

  it('follows the allow-list it is given', () => {
    expect(isAllowedExternalLink('https://docs.example.org/x', ['example.org'])).toBe(true)
    expect(isAllowedExternalLink('https://sfj.sh.gov.cn/', ['example.org'])).toBe(false)
  })
})

describe('decideWindowOpen', () => {
  it('never allows a new window; hands only allowed links to the system browser', () => {
    expect(decideWindowOpen('https://sfj.sh.gov.cn/a')).toEqual({ action: 'deny', openExternally: 'https://sfj.sh.gov.cn/a' })
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'deny', openExternally: null })
    expect(decideWindowOpen('app://jiandu/index.html')).toEqual({ action: 'deny', openExternally: null })
  })
})
