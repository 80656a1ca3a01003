// Inspection objects (检查对象): enterprises with valid USCCs, their business sites in the 街镇 of 金山区,
// per-domain grades, and the name lists (无感监管 / 不鼓励联合检查 / 白名单). Besides the records, keeps the
// compact per-enterprise and per-site facts the task scheduler needs (typed arrays: a city-scale run
// has ~100,000 enterprises).
import type { Enterprise, ListEntry } from '../contract/records.ts'
import { DOMAINS, usccCheckChar, type Domain } from '../contract/scalars.ts'
import { INDUSTRIES, TRADE_NAME_CHARS, type Industry } from './catalogue/industries.ts'
import { DISTRICT_CODE, TOWNS } from './catalogue/places.ts'
import { dateOf, dayOf } from './days.ts'
import { DOMAIN_INDEX, personName } from './organisation.ts'
import type { Random } from './random.ts'

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const GRADE_WEIGHTS = [30, 50, 15, 5]
const GRADES = ['A', 'B', 'C', 'D'] as const

/** A name-list entry reduced to what the scheduler checks: which domain (−1 = all) and which days. */
export type ListSpan = { list: ListEntry['list']; domain: number; from: number; to: number }

export type Objects = {
  enterprises: Enterprise[]
  listEntries: ListEntry[]
  industry: Uint8Array
  fireKeyUnit: Uint8Array
  /** FIRE grade: 0 none, 1 A, 2 B, 3 C, 4 D (FIRE_B_OVER and FIRE_A_OVER concern fire key units graded B and A). */
  fireGrade: Uint8Array
  /** Day the enterprise entered the object library; MAX = not in it. */
  libraryDay: Int32Array
  siteStart: Int32Array
  siteCount: Uint8Array
  siteEnterprise: Int32Array
  siteTown: Uint8Array
  siteIds: string[]
  /** Sites of enterprises each domain inspects; FIRE only fire key units. */
  sitesByDomain: Int32Array[]
  /** The same, per 街镇 (for 街镇-level bodies). */
  sitesByDomainTown: Int32Array[][]
  enterprisesByIndustry: Int32Array[]
  /** Enterprises not in the library at the start of the data (摸底 candidates). */
  notInLibrary: Int32Array
  lists: Map<number, ListSpan[]>
}

export const NOT_IN_LIBRARY = 2_147_483_647

/** 18 characters: 9 (registered by 市场监管) + 1 企业 / 2 个体工商户 + area code + 9-char subject code + check char. */
function makeUscc(random: Random, individual: boolean, taken: Set<string>): string {
  for (;;) {
    let body = `9${individual ? '2' : '1'}${DISTRICT_CODE}MA1`
    for (let i = 0; i < 6; i++) body += USCC_ALPHABET[random.int(0, 30)]
    const code = body + usccCheckChar(body)
    if (!taken.has(code)) {
      taken.add(code)
      return code
    }
  }
}

function tradeName(random: Random): string {
  const n = random.chance(0.8) ? 2 : 3
  let s = ''
  for (let i = 0; i < n; i++) s += random.pick(TRADE_NAME_CHARS)
  return s
}

function companyName(random: Random, industry: Industry, individual: boolean, townName: string): string {
  if (individual && industry.shops) {
    const owner = personName(random)
    return `${townName}${owner.slice(0, 1)}记${random.pick(industry.shops)}`
  }
  const prefix = random.chance(0.7) ? '上海' : '上海金山'
  const suffix = random.weighted(['有限公司', '股份有限公司', '有限责任公司'], [85, 5, 10])
  return `${prefix}${tradeName(random)}${random.pick(industry.trades)}${suffix}`
}

function pickTown(random: Random, industry: Industry): number {
  if (industry.towns && industry.towns.length > 0 && random.chance(0.75)) {
    const key = random.pick(industry.towns)
    return TOWNS.findIndex((t) => t.key === key)
  }
  return random.weightedIndex(TOWNS.map((t) => t.weight))
}

function address(random: Random, town: number): string {
  const t = TOWNS[town] ?? TOWNS[0]
  if (!t) throw new Error('no towns')
  return `上海市金山区${t.name}${random.pick(t.roads)}${random.int(1, 2999)}号`
}

/** Domains that inspect an enterprise of this industry (FIRE only if it is a fire key unit). */
function domainsOf(industry: Industry, fireKeyUnit: boolean): Domain[] {
  const set = new Set<Domain>(industry.domains.filter((d) => d !== 'FIRE'))
  if (fireKeyUnit) set.add('FIRE')
  return [...set]
}

export function buildObjects(random: Random, count: number, firstDate: string, lastDate: string): Objects {
  const firstDay = dayOf(firstDate), lastDay = dayOf(lastDate)
  const taken = new Set<string>()
  const enterprises: Enterprise[] = []
  const industry = new Uint8Array(count), fireKeyUnit = new Uint8Array(count), fireGrade = new Uint8Array(count)
  const libraryDay = new Int32Array(count)
  const siteStart = new Int32Array(count), siteCount = new Uint8Array(count)
  const siteEnterprise: number[] = [], siteTown: number[] = [], siteIds: string[] = []
  const byDomain: number[][] = DOMAINS.map(() => [])
  const byDomainTown: number[][][] = DOMAINS.map(() => TOWNS.map(() => []))
  const byIndustry: number[][] = INDUSTRIES.map(() => [])
  const notInLibrary: number[] = []
  const gradeA: { e: number; domains: Domain[] }[] = []
  const industryWeights = INDUSTRIES.map((i) => i.weight)

  for (let e = 0; e < count; e++) {
    const ii = random.weightedIndex(industryWeights)
    const ind = INDUSTRIES[ii] as Industry
    const individual = random.chance(ind.individual)
    const id = makeUscc(random, individual && !!ind.shops, taken)
    const isKey = random.chance(ind.fireKeyUnit)
    const crowded = random.chance(ind.crowdedPlace)
    const domains = domainsOf(ind, isKey)
    const nSites = individual ? 1 : random.int(ind.sites[0], ind.sites[1])
    const firstTown = pickTown(random, ind)
    siteStart[e] = siteIds.length
    siteCount[e] = nSites
    const sites: Enterprise['sites'] = []
    for (let s = 0; s < nSites; s++) {
      const town = s === 0 ? firstTown : pickTown(random, ind)
      const siteIndex = siteIds.length
      const siteId = `S-${String(siteIndex + 1).padStart(7, '0')}`
      siteIds.push(siteId)
      siteEnterprise.push(e)
      siteTown.push(town)
      sites.push({ id: siteId, address: address(random, town) })
      for (const d of domains) {
        byDomain[DOMAIN_INDEX[d]]?.push(siteIndex)
        byDomainTown[DOMAIN_INDEX[d]]?.[town]?.push(siteIndex)
      }
    }
    const grades: Partial<Record<Domain, 'A' | 'B' | 'C' | 'D'>> = {}
    const aDomains: Domain[] = []
    for (const d of domains) {
      const g = GRADES[random.weightedIndex(GRADE_WEIGHTS)] ?? 'B'
      grades[d] = g
      if (g === 'A') aDomains.push(d)
    }
    if (aDomains.length > 0) gradeA.push({ e, domains: aDomains })
    const libraryRoll = random.next()
    let library: number
    if (libraryRoll < 0.07) library = NOT_IN_LIBRARY
    else if (libraryRoll < 0.17) library = firstDay + random.int(20, lastDay - firstDay - 20)
    else library = dayOf('2024-06-01') + random.int(0, 240)
    if (library > firstDay) notInLibrary.push(e)
    industry[e] = ii
    fireKeyUnit[e] = isKey ? 1 : 0
    fireGrade[e] = grades.FIRE ? GRADES.indexOf(grades.FIRE) + 1 : 0
    libraryDay[e] = library
    byIndustry[ii]?.push(e)
    enterprises.push({
      type: 'enterprise', id, name: companyName(random, ind, individual, TOWNS[firstTown]?.name ?? ''),
      district_code: DISTRICT_CODE, industry: ind.label, sites, grades, fire_key_unit: isKey, crowded_place: crowded,
      in_library_since: library === NOT_IN_LIBRARY ? null : dateOf(library)
    })
  }

  const { listEntries, lists } = buildListEntries(random, enterprises, gradeA, firstDay, lastDay)
  return {
    enterprises, listEntries, industry, fireKeyUnit, fireGrade, libraryDay, siteStart, siteCount,
    siteEnterprise: Int32Array.from(siteEnterprise), siteTown: Uint8Array.from(siteTown), siteIds,
    sitesByDomain: byDomain.map((a) => Int32Array.from(a)),
    sitesByDomainTown: byDomainTown.map((t) => t.map((a) => Int32Array.from(a))),
    enterprisesByIndustry: byIndustry.map((a) => Int32Array.from(a)),
    notInLibrary: Int32Array.from(notInLibrary), lists
  }
}

/**
 * 无感监管 (mostly A-graded objects, for that domain or all), 白名单, and 不鼓励联合检查 (e.g. classified or
 * hazardous sites), some open-ended and some closed.
 */
function buildListEntries(random: Random, enterprises: Enterprise[], gradeA: { e: number; domains: Domain[] }[], firstDay: number, lastDay: number) {
  const listEntries: ListEntry[] = []
  const lists = new Map<number, ListSpan[]>()
  let seq = 0
  const add = (e: number, list: ListEntry['list'], domain: Domain | null, from: number, to: number | null) => {
    const enterprise = enterprises[e]
    if (!enterprise) return
    listEntries.push({ type: 'list_entry', id: `L-${String(++seq).padStart(6, '0')}`, list, domain, enterprise_id: enterprise.id, from: dateOf(from), to: to === null ? null : dateOf(to) })
    const spans = lists.get(e) ?? []
    spans.push({ list, domain: domain === null ? -1 : DOMAIN_INDEX[domain], from, to: to ?? Number.MAX_SAFE_INTEGER })
    lists.set(e, spans)
  }
  const span = (): [number, number | null] => {
    const from = firstDay + random.int(-90, lastDay - firstDay - 60)
    return [from, random.chance(0.6) ? null : from + random.int(120, 400)]
  }
  for (const { e, domains } of gradeA) {
    if (random.chance(0.07)) {
      const [from, to] = span()
      add(e, 'WUGAN', random.chance(0.3) ? null : random.pick(domains), from, to)
    }
    if (random.chance(0.08)) {
      const [from, to] = span()
      add(e, 'WHITELIST', random.chance(0.5) ? null : random.pick(domains), from, to)
    }
  }
  // Small data sets still get a few 无感 objects, so every rule has something to be planted on.
  for (let i = listEntries.filter((l) => l.list === 'WUGAN').length; i < 3 && gradeA.length > 0; i++) {
    const { e, domains } = random.pick(gradeA)
    add(e, 'WUGAN', random.chance(0.5) ? null : random.pick(domains), firstDay - 30, null)
  }
  const noJoint = Math.max(1, Math.round(enterprises.length * 0.012))
  for (let i = 0; i < noJoint; i++) {
    const e = random.int(0, enterprises.length - 1)
    const [from, to] = span()
    const grades = Object.keys(enterprises[e]?.grades ?? {}) as Domain[]
    add(e, 'NO_JOINT', random.chance(0.7) || grades.length === 0 ? null : random.pick(grades), from, to)
  }
  return { listEntries, lists }
}

/** A list entry of `list` for the enterprise covering `day`, for any domain in `domains` or all domains. */
export function hasListEntry(objects: Objects, e: number, list: ListEntry['list'], day: number, domains: readonly number[]): boolean {
  const spans = objects.lists.get(e)
  if (!spans) return false
  for (const s of spans) {
    if (s.list === list && s.from <= day && day <= s.to && (s.domain === -1 || domains.includes(s.domain))) return true
  }
  return false
}
