import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../origin.ts'
import { isAllowedOutsideRequest, saveDialogFor } from './session.ts'

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

describe('saveDialogFor', () => {
  it('offers the Downloads folder under the page’s name, with the file’s kind', () => {
    expect(saveDialogFor('问题线索_20261206-1030.xlsx', '/home/u/Downloads')).toEqual({
      title: '保存导出文件', defaultPath: '/home/u/Downloads/问题线索_20261206-1030.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]
    })
    expect(saveDialogFor('a.bin', '/d')).toEqual({ title: '保存导出文件', defaultPath: '/d/a.bin' })
  })

  it('keeps only the last part of a name that carries a path', () => {
    expect(saveDialogFor('../../etc/passwd', '/d').defaultPath).toBe('/d/passwd')
    expect(saveDialogFor('..\\..\\x.xlsx', '/d').defaultPath).toBe('/d/x.xlsx')
    expect(saveDialogFor('', '/d').defaultPath).toBe('/d/导出文件')
  })
})
