// The words officers read for a flag's severity and decision status: shared by the screens
// (renderer/src/lib/labels.ts re-exports them) and the files the workstation writes (flags workbook).
// Severity follows the modal verbs of the sources (rules-catalogue §1.1): 必须 → MUST, 应当 → SHOULD.
export const SEVERITY_ORDER = ['MUST', 'SHOULD', 'INFO'] as const
export type Severity = (typeof SEVERITY_ORDER)[number]
export const SEVERITY_LABELS = { MUST: '必须纠正', SHOULD: '应当说明', INFO: '提示' } as const satisfies Record<Severity, string>

export const FLAG_STATUS_ORDER = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const
export type FlagStatusCode = (typeof FLAG_STATUS_ORDER)[number]
export const FLAG_STATUS_LABELS = { OPEN: '待处理', CONFIRMED: '已确认', DISMISSED: '已排除' } as const satisfies Record<FlagStatusCode, string>
