import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTokenStore, type SafeStorageLike } from './tokenStore.ts'

/**
 * safeStorage with a real (if toy) cipher: XOR with a key and a version tag, so a wrong key or a
 * damaged ciphertext is detected like Chromium's OSCrypt detects it.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string; key?: number } = {}) {
  const state = { available: options.available ?? true, backend: options.backend ?? 'gnome_libsecret', key: options.key ?? 0x5a, reEncrypt: false }
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptStringAsync: async (text) => Buffer.from(Buffer.from(`v11${text}`, 'utf8').map((b) => b ^ state.key)),
    decryptStringAsync: async (encrypted) => {
      const plain = Buffer.from(encrypted.map((b) => b ^ state.key)).toString('utf8')
      if (!plain.startsWith('v11')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return { result: plain.slice(3), shouldReEncrypt: state.reEncrypt }
    }
  }
  return { storage, state }
}

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiandu-token-'))
  file = join(dir, 'sub', 'central-token.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const TOKEN = 'tok_3f9a-央-系统'

describe('createTokenStore', () => {
  it('persists the token encrypted, owner-only, and reads it back after a restart', async () => {
    const { storage } = fakeSafeStorage()
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).save(TOKEN)).toEqual({ persist: true })
    const content = readFileSync(file, 'utf8')
    expect(content).not.toContain(TOKEN)
    expect(JSON.parse(content)).toMatchObject({ version: 1, platform: 'linux', backend: 'gnome_libsecret' })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // A new process: nothing in memory, the file is all there is.
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).load()).toBe(TOKEN)
  })

  it('on Linux without a keyring keeps the token in memory only and writes nothing', async () => {
    const { storage } = fakeSafeStorage({ backend: 'basic_text' })
    const store = createTokenStore({ file, safeStorage: storage, platform: 'linux' })
    expect(await store.save(TOKEN)).toEqual({ persist: false, reason: 'linux-basic-text' })
    expect(existsSync(file)).toBe(false)
    expect(await store.load()).toBe(TOKEN)
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).load()).toBeNull()
  })

  it('removes an older token on disk when the new one cannot be persisted', async () => {
    const { storage, state } = fakeSafeStorage()
    await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).save('old')
    state.available = false
    await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).save(TOKEN)
    expect(existsSync(file)).toBe(false)
  })

  it('treats a token from another key backend as signed out, and leaves its file alone', async () => {
    const { storage, state } = fakeSafeStorage()
    await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).save(TOKEN)
    const before = readFileSync(file, 'utf8')
    state.backend = 'kwallet6'
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'linux' }).load()).toBeNull()
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('treats a decryption failure (key lost) as signed out, never a crash, and keeps the file', async () => {
    const { storage, state } = fakeSafeStorage()
    await createTokenStore({ file, safeStorage: storage, platform: 'darwin' }).save(TOKEN)
    state.key = 0x33
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'darwin' }).load()).toBeNull()
    expect(existsSync(file)).toBe(true)
  })

  it('treats a damaged file as signed out', async () => {
    const { storage } = fakeSafeStorage()
    await createTokenStore({ file, safeStorage: storage, platform: 'win32' }).save(TOKEN)
    writeFileSync(file, '{"version":1,"platform":"win32"')
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'win32' }).load()).toBeNull()
    writeFileSync(file, JSON.stringify({ version: 2, platform: 'win32', backend: 'win32', ciphertext: 'AA==' }))
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'win32' }).load()).toBeNull()
  })

  it('re-encrypts under a rotated key when safeStorage asks for it', async () => {
    const { storage, state } = fakeSafeStorage()
    await createTokenStore({ file, safeStorage: storage, platform: 'darwin' }).save(TOKEN)
    const before = readFileSync(file, 'utf8')
    state.reEncrypt = true
    const decrypt = storage.decryptStringAsync
    // The old ciphertext still decrypts once; new encryptions use the new key.
    storage.decryptStringAsync = async (encrypted) => {
      const result = await decrypt(encrypted)
      state.key = 0x21
      return result
    }
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'darwin' }).load()).toBe(TOKEN)
    expect(readFileSync(file, 'utf8')).not.toBe(before)
    state.reEncrypt = false
    storage.decryptStringAsync = decrypt
    expect(await createTokenStore({ file, safeStorage: storage, platform: 'darwin' }).load()).toBe(TOKEN)
  })

  it('signs out: clear forgets the token and removes the file', async () => {
    const { storage } = fakeSafeStorage()
    const store = createTokenStore({ file, safeStorage: storage, platform: 'linux' })
    await store.save(TOKEN)
    await store.clear()
    expect(await store.load()).toBeNull()
    expect(existsSync(file)).toBe(false)
  })
})
