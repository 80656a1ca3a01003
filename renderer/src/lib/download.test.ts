import { describe, expect, it } from 'vitest'
import { bytesFromBase64 } from './download.ts'

describe('bytesFromBase64', () => {
  it('gives back the bytes, the high ones too', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f])
    expect([...bytesFromBase64(btoa(String.fromCharCode(...bytes)))]).toEqual([...bytes])
    expect([...bytesFromBase64('UEsDBAD/gH8=')]).toEqual([...bytes])
    expect(bytesFromBase64('')).toHaveLength(0)
  })
})
