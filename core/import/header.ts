// The optional header line of an interchange file (interchange-v1.md §Container). A header naming
// another major version, or another format, refuses the whole file; a malformed header is only a
// rejected line (the header is optional, the records can still be read).
import { headerSchema } from '../contract/records.ts'
import { ImportInputError } from './errors.ts'
import type { FieldProblem } from './issues.ts'
import { describeIssues } from './issues.ts'

export const SUPPORTED_MAJOR_VERSION = 1
export const INTERCHANGE_FORMAT = 'jiandu-interchange'

export type HeaderInfo = { version: number; exported_at: string | null; source: string | null }

/** The major version a header names: 1 for 1, 1.2 or "1.2"; null when it names none. */
function majorVersion(version: unknown): number | null {
  if (typeof version === 'number' && Number.isFinite(version)) return Math.trunc(version)
  if (typeof version === 'string' && /^\d+(\.\d+)*$/.test(version.trim())) return Number.parseInt(version, 10)
  return null
}

/**
 * Checks a header object found on line 1: throws ImportInputError when the whole file must be refused,
 * returns the header or the problems that make the line a rejected one.
 */
export function checkHeader(path: string, header: Record<string, unknown>): { ok: true; header: HeaderInfo } | { ok: false; problems: FieldProblem[] } {
  if (typeof header.format === 'string' && header.format !== INTERCHANGE_FORMAT) {
    throw new ImportInputError(
      path, 'NOT_INTERCHANGE',
      `无法导入 ${path}：不是数据交换格式文件（format 为 "${header.format}"），未导入任何数据 / cannot import ${path}: not a ${INTERCHANGE_FORMAT} file (format "${header.format}"); nothing was imported`
    )
  }
  const major = majorVersion(header.version)
  if (major !== null && major !== SUPPORTED_MAJOR_VERSION) {
    throw new ImportInputError(
      path, 'UNSUPPORTED_VERSION',
      `无法导入 ${path}：数据交换格式版本为 ${String(header.version)}，本程序只能读取版本 ${SUPPORTED_MAJOR_VERSION}，整个文件未导入 / ` +
        `cannot import ${path}: interchange format version ${String(header.version)}; this program reads version ${SUPPORTED_MAJOR_VERSION} only, nothing was imported`
    )
  }
  // A version written as text ("1", "1.2") reads as its number, as the major version check above does.
  const asNumber = typeof header.version === 'string' && major !== null ? Number(header.version.trim()) : null
  const parsed = headerSchema.safeParse(asNumber === null ? header : { ...header, version: Number.isFinite(asNumber) ? asNumber : major })
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error, header) }
  return { ok: true, header: { version: parsed.data.version, exported_at: parsed.data.exported_at, source: parsed.data.source } }
}

/** Preflight: refuses a file early (before the database is opened) when its first line is a foreign header. */
export function checkFirstLine(path: string, firstLine: string | null): void {
  if (firstLine === null) return
  let value: unknown
  try {
    value = JSON.parse(firstLine)
  } catch {
    return // a broken first line is a rejected line, found again by the import itself
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>).type === 'header') {
    checkHeader(path, value as Record<string, unknown>)
  }
}
