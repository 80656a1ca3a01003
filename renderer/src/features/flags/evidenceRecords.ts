// Small judgements the evidence panel makes about a flag's records, kept out of the components so they
// are tested: whether an officer's enforcement certificate was valid on the visit date (R-CONDUCT /
// D-24: a present cert_no, and a validity end absent or not before the visit), and how late a result was.
import type { FlagDetail } from '../../../../core/api/channels.ts'

export type EvidenceOfficer = FlagDetail['tasks'][number]['visits'][number]['officers'][number]

export type CertStatus = 'VALID' | 'EXPIRED' | 'NO_CERT' | 'UNKNOWN_OFFICER'

export const CERT_STATUS_LABELS = {
  VALID: '执法证有效',
  EXPIRED: '执法证已过期',
  NO_CERT: '无执法证',
  UNKNOWN_OFFICER: '人员库中无此人'
} as const satisfies Record<CertStatus, string>

export function certStatus(officer: EvidenceOfficer, visitDate: string): CertStatus {
  if (officer.name === null && officer.role === null && officer.certNo === null) return 'UNKNOWN_OFFICER'
  if (!officer.certNo || officer.certNo.trim() === '') return 'NO_CERT'
  if (officer.certValidUntil && officer.certValidUntil < visitDate) return 'EXPIRED'
  return 'VALID'
}

/** Officers who count towards the two-person rule: known, role OFFICER, certificate valid on the day. */
export function qualifiedCount(officers: readonly EvidenceOfficer[], visitDate: string): number {
  return new Set(officers.filter((o) => o.role === 'OFFICER' && certStatus(o, visitDate) === 'VALID').map((o) => o.id)).size
}

/** Lead department first, as the rules read a joint task's departments. */
export function departmentLine(departments: FlagDetail['tasks'][number]['departments']): { id: string; name: string; level: string | null; lead: boolean }[] {
  return departments.map((d, i) => ({ id: d.id, name: d.name ?? d.id, level: d.level, lead: i === 0 && departments.length > 1 }))
}
