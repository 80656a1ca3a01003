// Enforcement bodies (执法主体) of all 14 domains at city, district and 街镇 level, and their staff:
// certified officers (持行政执法证, a few with expired certificates), auxiliary staff (辅助人员) and
// third-party staff (第三方人员), who may accompany but never count as inspectors.
import type { Department, Officer } from '../contract/records.ts'
import { DOMAINS, type Domain } from '../contract/scalars.ts'
import { DOMAIN_BODIES } from './catalogue/departments.ts'
import { GIVEN_NAME_CHARS, SURNAME_WEIGHTS, SURNAMES } from './catalogue/people.ts'
import { CITY_CODE, DISTRICT_CODE, TOWNS } from './catalogue/places.ts'
import { addMonths, dateOf, dayOf } from './days.ts'
import type { Random } from './random.ts'

export type Level = Department['level']

export type StaffMember = { id: string; role: Officer['role']; certified: boolean; validUntilDay: number }

export type DeptInfo = {
  index: number
  id: string
  name: string
  domain: Domain
  domainIndex: number
  level: Level
  /** Index into TOWNS for 街镇-level bodies, else -1. */
  town: number
  staff: StaffMember[]
}

export type Organisation = {
  departments: DeptInfo[]
  officers: Officer[]
  byDomain: Record<Domain, { city: DeptInfo; district: DeptInfo; towns: (DeptInfo | undefined)[] }>
}

export const DOMAIN_INDEX: Record<Domain, number> = Object.fromEntries(DOMAINS.map((d, i) => [d, i])) as Record<Domain, number>

export function personName(random: Random): string {
  const surname = random.weighted(SURNAMES, SURNAME_WEIGHTS)
  const given = random.chance(0.35) ? random.pick(GIVEN_NAME_CHARS) : random.pick(GIVEN_NAME_CHARS) + random.pick(GIVEN_NAME_CHARS)
  return surname + given
}

const NEVER = Number.MAX_SAFE_INTEGER

/**
 * Staff of one body. Certificates run five years from issue; `firstDay`/`lastDay` bound the data, so a
 * few certificates lapse inside it (the generator must not send those officers out after that day).
 */
function buildStaff(random: Random, dept: DeptInfo, certified: number, firstDay: number, lastDay: number, nextId: () => string, officers: Officer[]): void {
  const districtCode = dept.level === 'CITY' ? CITY_CODE : DISTRICT_CODE
  for (let i = 0; i < certified; i++) {
    const id = nextId()
    // The first three officers of a body always hold a certificate valid through the whole period, so
    // every body can always send two certified officers.
    const lapses = i >= 3 && random.chance(0.1)
    const openEnded = !lapses && random.chance(0.1)
    let validUntil: number
    if (lapses) validUntil = firstDay + random.int(60, Math.max(61, lastDay - firstDay - 30))
    else validUntil = addMonths(lastDay, random.int(3, 48))
    const issueYear = Number(dateOf(validUntil).slice(0, 4)) - 5
    officers.push({
      type: 'officer', id, name: personName(random), department_id: dept.id, role: 'OFFICER',
      cert_no: `沪${districtCode}${issueYear}${String(random.int(1, 99999)).padStart(5, '0')}`,
      cert_valid_until: openEnded ? null : dateOf(validUntil)
    })
    dept.staff.push({ id, role: 'OFFICER', certified: true, validUntilDay: openEnded ? NEVER : validUntil })
  }
  const auxiliaries = Math.max(1, Math.round(certified * random.int(15, 35) / 100))
  for (let i = 0; i < auxiliaries; i++) {
    const id = nextId()
    officers.push({ type: 'officer', id, name: personName(random), department_id: dept.id, role: 'AUXILIARY', cert_no: null, cert_valid_until: null })
    dept.staff.push({ id, role: 'AUXILIARY', certified: false, validUntilDay: 0 })
  }
  if (dept.level === 'DISTRICT' && random.chance(0.6)) {
    for (let i = random.int(1, 2); i > 0; i--) {
      const id = nextId()
      officers.push({ type: 'officer', id, name: personName(random), department_id: dept.id, role: 'THIRD_PARTY', cert_no: null, cert_valid_until: null })
      dept.staff.push({ id, role: 'THIRD_PARTY', certified: false, validUntilDay: 0 })
    }
  }
}

export function buildOrganisation(random: Random, firstDate: string, lastDate: string): Organisation {
  const departments: DeptInfo[] = []
  const officers: Officer[] = []
  let officerSeq = 0
  const nextId = () => `O-${String(++officerSeq).padStart(5, '0')}`
  const firstDay = dayOf(firstDate), lastDay = dayOf(lastDate)
  const add = (domain: Domain, level: Level, id: string, name: string, town: number): DeptInfo => {
    const dept: DeptInfo = { index: departments.length, id, name, domain, domainIndex: DOMAIN_INDEX[domain], level, town, staff: [] }
    departments.push(dept)
    return dept
  }
  const byDomain = {} as Organisation['byDomain']
  for (const domain of DOMAINS) {
    const bodies = DOMAIN_BODIES[domain]
    const city = add(domain, 'CITY', `D-${domain}-SH`, bodies.city, -1)
    const district = add(domain, 'DISTRICT', `D-${domain}-JS`, bodies.district, -1)
    const towns = TOWNS.map((t, i) => (bodies.town ? add(domain, 'TOWN', `D-${domain}-JS-${t.key}`, bodies.town(t), i) : undefined))
    byDomain[domain] = { city, district, towns }
  }
  for (const dept of departments) {
    const [cityN, districtN, townN] = DOMAIN_BODIES[dept.domain].officers
    const base = dept.level === 'CITY' ? cityN : dept.level === 'DISTRICT' ? districtN : townN
    buildStaff(random, dept, Math.max(4, base + random.int(-2, 2)), firstDay, lastDay, nextId, officers)
  }
  return { departments, officers, byDomain }
}

export function departmentRecord(d: DeptInfo): Department {
  return { type: 'department', id: d.id, name: d.name, domain: d.domain, level: d.level, district_code: d.level === 'CITY' ? CITY_CODE : DISTRICT_CODE }
}

/** Certified officers of `dept` whose certificate is valid on `day`. */
export function validOfficersOn(dept: DeptInfo, day: number): StaffMember[] {
  return dept.staff.filter((s) => s.certified && s.validUntilDay >= day)
}
