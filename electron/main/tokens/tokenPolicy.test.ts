import { describe, expect, it } from 'vitest'
import { decideTokenStorage } from './tokenPolicy.ts'

describe('decideTokenStorage', () => {
  it('persists where the OS protects the key', () => {
    expect(decideTokenStorage({ platform: 'darwin', encryptionAvailable: true, linuxBackend: null })).toEqual({ persist: true })
    expect(decideTokenStorage({ platform: 'win32', encryptionAvailable: true, linuxBackend: null })).toEqual({ persist: true })
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(decideTokenStorage({ platform: 'linux', encryptionAvailable: true, linuxBackend: backend }), backend).toEqual({ persist: true })
    }
  })

  it('keeps the token in memory on Linux without a keyring (basic_text), even though "encryption is available"', () => {
    expect(decideTokenStorage({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toEqual({ persist: false, reason: 'linux-basic-text' })
  })

  it('does not trust an unknown or unrecognised Linux backend', () => {
    expect(decideTokenStorage({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' })).toEqual({ persist: false, reason: 'linux-backend-unknown' })
    expect(decideTokenStorage({ platform: 'linux', encryptionAvailable: true, linuxBackend: null })).toEqual({ persist: false, reason: 'linux-backend-unknown' })
  })

  it('keeps the token in memory wherever encryption is unavailable', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(decideTokenStorage({ platform, encryptionAvailable: false, linuxBackend: 'gnome_libsecret' }), platform).toEqual({
        persist: false,
        reason: 'encryption-unavailable'
      })
    }
  })
})
