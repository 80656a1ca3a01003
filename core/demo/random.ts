// The demo generator's only source of randomness: mulberry32, seeded from the user's --seed. Same seed →
// same sequence on every machine and Node version (no Math.random, no Date.now), so a demo data set can
// be regenerated exactly from its seed.

export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Index drawn with the given non-negative weights (at least one > 0). */
  weightedIndex(weights: readonly number[]): number
  weighted<T>(items: readonly T[], weights: readonly number[]): T
  /** `count` distinct items (fewer if `items` is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** A child generator whose sequence depends only on this one's seed and `label`. */
  fork(label: string): Random
}

/** FNV-1a over the string form: any --seed value (number or text) maps to a 32-bit seed. */
export function seedFromValue(value: string | number): number {
  const text = String(value)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0
    for (const w of weights) total += w
    let r = next() * total
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0
      if (r < 0) return i
    }
    return weights.length - 1
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weightedIndex,
    weighted: (items, weights) => items[weightedIndex(weights)] as (typeof items)[number],
    sample(items, count) {
      const copy = items.slice()
      const n = Math.min(count, copy.length)
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i))
        const tmp = copy[i] as (typeof copy)[number]
        copy[i] = copy[j] as (typeof copy)[number]
        copy[j] = tmp
      }
      return copy.slice(0, n)
    },
    fork: (label) => createRandom(seedFromValue(`${seed}:${label}`))
  }
}
