// The central system's API token: encrypted with safeStorage into one small file in the user-data
// folder when tokenPolicy.ts allows it, else held in memory only. The file records the key backend
// next to the ciphertext (as Signal-Desktop does): a token encrypted under another backend, a file
// that does not parse, or a decryption failure all mean "signed out" — never a crash, and the file is
// left alone (never deleted on a failure). Uses Electron's async safeStorage API (the sync one is
// deprecated in Electron 45). No Electron import: safeStorage is passed in.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { decideTokenStorage, type TokenStoragePolicy } from './tokenPolicy.ts'

/** The part of Electron's safeStorage used here. */
export type SafeStorageLike = {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>
  getSelectedStorageBackend(): string
}

const tokenFileSchema = z.object({
  version: z.literal(1),
  platform: z.string(),
  backend: z.string(),
  ciphertext: z.base64()
})

export type TokenStoreOptions = { file: string; safeStorage: SafeStorageLike; platform: NodeJS.Platform }

export type TokenStore = {
  /** The token, from memory or the encrypted file; null when signed out. */
  load(): Promise<string | null>
  /** Keeps the token; says whether it was written to disk or kept in memory only (and why). */
  save(token: string): Promise<TokenStoragePolicy>
  /** Signs out: forgets the token and removes the file. */
  clear(): Promise<void>
}

export function createTokenStore(options: TokenStoreOptions): TokenStore {
  let inMemory: string | null = null

  const backend = (): string => (options.platform === 'linux' ? options.safeStorage.getSelectedStorageBackend() : options.platform)
  const policy = async (): Promise<TokenStoragePolicy> =>
    decideTokenStorage({
      platform: options.platform,
      encryptionAvailable: await options.safeStorage.isAsyncEncryptionAvailable(),
      linuxBackend: options.platform === 'linux' ? options.safeStorage.getSelectedStorageBackend() : null
    })

  async function writeEncrypted(token: string): Promise<void> {
    const ciphertext = (await options.safeStorage.encryptStringAsync(token)).toString('base64')
    const content = JSON.stringify({ version: 1, platform: options.platform, backend: backend(), ciphertext } satisfies z.input<typeof tokenFileSchema>)
    await mkdir(dirname(options.file), { recursive: true })
    // Write then rename: a crash never leaves a half-written token file.
    const temporary = `${options.file}.tmp`
    await writeFile(temporary, content, { mode: 0o600 })
    await rename(temporary, options.file)
  }

  async function readEncrypted(): Promise<string | null> {
    let raw: string
    try {
      raw = await readFile(options.file, 'utf8')
    } catch {
      return null
    }
    let parsed: z.output<typeof tokenFileSchema>
    try {
      parsed = tokenFileSchema.parse(JSON.parse(raw))
    } catch {
      return null
    }
    if (parsed.platform !== options.platform || parsed.backend !== backend()) return null
    if (!(await policy()).persist) return null
    try {
      const { result, shouldReEncrypt } = await options.safeStorage.decryptStringAsync(Buffer.from(parsed.ciphertext, 'base64'))
      // The key was rotated: store the token again under the new key.
      if (shouldReEncrypt) await writeEncrypted(result).catch(() => {})
      return result
    } catch {
      return null
    }
  }

  return {
    async load() {
      if (inMemory === null) inMemory = await readEncrypted()
      return inMemory
    },
    async save(token) {
      inMemory = token
      const decision = await policy()
      if (decision.persist) await writeEncrypted(token)
      // An older token on disk must not come back after a restart in place of this one.
      else await rm(options.file, { force: true })
      return decision
    },
    async clear() {
      inMemory = null
      await rm(options.file, { force: true })
    }
  }
}
