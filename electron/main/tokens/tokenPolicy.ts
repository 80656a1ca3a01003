// Whether the API token of the central system may be written to disk (architecture.md §Security;
// security-sync-anchors.md §1.5). Only when the OS protects the key: Keychain on macOS, DPAPI on
// Windows, a real secret service (libsecret, KWallet) on Linux. Linux without a keyring falls back to
// `basic_text`, a hard-coded key — obfuscation, not encryption — so there the token stays in memory
// and the officer signs in again after a restart. No Electron import.

export type TokenStoragePolicy =
  | { persist: true }
  | { persist: false; reason: 'encryption-unavailable' | 'linux-basic-text' | 'linux-backend-unknown' }

export type TokenStorageFacts = {
  platform: NodeJS.Platform
  /** safeStorage.isAsyncEncryptionAvailable() */
  encryptionAvailable: boolean
  /** safeStorage.getSelectedStorageBackend(), read on Linux only (null elsewhere). */
  linuxBackend: string | null
}

export function decideTokenStorage(facts: TokenStorageFacts): TokenStoragePolicy {
  if (!facts.encryptionAvailable) return { persist: false, reason: 'encryption-unavailable' }
  if (facts.platform === 'linux') {
    if (facts.linuxBackend === 'basic_text') return { persist: false, reason: 'linux-basic-text' }
    // 'unknown' means it was asked before the app was ready; anything unrecognised is not trusted.
    if (facts.linuxBackend === null || !LINUX_KEYRING_BACKENDS.has(facts.linuxBackend)) return { persist: false, reason: 'linux-backend-unknown' }
  }
  return { persist: true }
}

const LINUX_KEYRING_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])

/** Why the token is not kept, for the settings page (Chinese first). */
export const TOKEN_NOT_PERSISTED_MESSAGES = {
  'encryption-unavailable': '系统未提供加密存储，令牌仅保存在内存中，重启后需重新登录 / no OS encryption available: the token is kept in memory only',
  'linux-basic-text': '未检测到系统密钥环（basic_text），令牌仅保存在内存中 / no keyring (basic_text): the token is kept in memory only',
  'linux-backend-unknown': '无法确认系统密钥环，令牌仅保存在内存中 / keyring backend unknown: the token is kept in memory only'
} as const satisfies Record<Extract<TokenStoragePolicy, { persist: false }>['reason'], string>
