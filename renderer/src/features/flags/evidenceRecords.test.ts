import { describe, expect, it } from 'vitest'
import { certStatus, departmentLine, qualifiedCount, type EvidenceOfficer } from './evidenceRecords.ts'

const officer = (o: Partial<EvidenceOfficer>): EvidenceOfficer => ({ id: 'O-1', name: '张三', certNo: '沪310116', certValidUntil: null, role: 'OFFICER', ...o })

describe('evidence records', () => {
  it('judges a certificate on the visit date: valid through its last day, expired the day after', () => {
    expect(certStatus(officer({ certValidUntil: '2026-03-01' }), '2026-03-01')).toBe('VALID')
    expect(certStatus(officer({ certValidUntil: '2026-03-01' }), '2026-03-02')).toBe('EXPIRED')
    expect(certStatus(officer({ certValidUntil: null }), '2030-01-01')).toBe('VALID')
    expect(certStatus(officer({ certNo: null }), '2026-03-01')).toBe('NO_CERT')
    expect(certStatus(officer({ certNo: '  ' }), '2026-03-01')).toBe('NO_CERT')
    expect(certStatus({ id: 'O-X', name: null, certNo: null, certValidUntil: null, role: null }, '2026-03-01')).toBe('UNKNOWN_OFFICER')
  })

  it('counts distinct qualified officers of role OFFICER only', () => {
    const visit = '2026-03-01'
    const officers = [
      officer({ id: 'A' }), officer({ id: 'A' }), officer({ id: 'B', role: 'AUXILIARY' }), officer({ id: 'C', certValidUntil: '2026-02-28' }), officer({ id: 'D' })
    ]
    expect(qualifiedCount(officers, visit)).toBe(2)
  })

  it('marks the lead only for a joint task', () => {
    expect(departmentLine([{ id: 'D-1', name: null, domain: null, level: 'CITY' }])).toEqual([{ id: 'D-1', name: 'D-1', level: 'CITY', lead: false }])
    expect(departmentLine([{ id: 'D-1', name: '甲', domain: null, level: null }, { id: 'D-2', name: '乙', domain: null, level: null }]).map((d) => d.lead)).toEqual([true, false])
  })
})
