// What happens to each line of an interchange file: skip blank lines, JSON.parse, check the header,
// count unknown types, validate with the contract's zod schema, reject with line/field/why, warn on a
// wrong USCC check character, note the references for the dangling check, and hand the valid record to
// a sink (the database writer, or the worker's row batcher). Runs in the import worker or in-thread.
import type { InterchangeRecord, RecordType } from '../contract/records.ts'
import { RECORD_SCHEMAS } from '../contract/records.ts'
import { hasValidUsccCheckChar, usccCheckChar } from '../contract/scalars.ts'
import { checkHeader, type HeaderInfo } from './header.ts'
import { describeIssues, type FieldProblem } from './issues.ts'
import { describeJsonError } from './jsonError.ts'
import { NOT_UTF8_LINE, openLineSource } from './lineReader.ts'
import { LONE_SURROGATE_REASON, loneSurrogatePath } from './surrogates.ts'
import { createReferenceCollector, type ReferenceCollector, type ReferenceSets } from './references.ts'
import { REPORT_SAMPLE_LIMIT, type ImportReport, type ImportWarning, type Rejection } from './report.ts'

/** Lines between progress reports (and, in-thread, between yields to the event loop). */
export const PROGRESS_EVERY = 16_384

export type FileReport = ImportReport['files'][number]

/** Everything the line pass learns, over all files of one import. */
export type ParseState = {
  rejected: Rejection[]
  rejectedTotal: number
  warnings: ImportWarning[]
  warningsTotal: number
  /** A Map, not an object: a type named "constructor" or "__proto__" must count like any other. */
  unknownTypes: Map<string, number>
  unknownTotal: number
  references: ReferenceCollector
  files: FileReport[]
}

/** The parse state without its functions: what the worker sends back when it is done. */
export type ParseResult = Omit<ParseState, 'references'> & { references: ReferenceSets }

export function toParseResult(state: ParseState): ParseResult {
  const { referenced, sites } = state.references
  return { ...state, references: { referenced, sites } }
}

export function createParseState(): ParseState {
  return { rejected: [], rejectedTotal: 0, warnings: [], warningsTotal: 0, unknownTypes: new Map(), unknownTotal: 0, references: createReferenceCollector(), files: [] }
}

export type FileProgress = { file: string; fileIndex: number; line: number; bytesRead: number; records: number; rejected: number }

const SCHEMAS = new Map<string, (typeof RECORD_SCHEMAS)[RecordType]>(Object.entries(RECORD_SCHEMAS))

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describeNonObject(value: unknown): FieldProblem {
  const zh = Array.isArray(value) ? '数组' : JSON.stringify(value)
  const en = Array.isArray(value) ? 'an array' : JSON.stringify(value)
  return { field: '', reason: `每行须为一个 JSON 对象（收到 ${zh}）/ each line must be a JSON object (got ${en})` }
}

/**
 * Reads one file line by line, feeding valid records to `sink`. `onBatch` is called every
 * PROGRESS_EVERY lines and may return a promise (the in-thread import yields there).
 * Throws ImportInputError when the file turns out not to be UTF-8 text (lineReader.ts) or names another version.
 */
export async function processFile(
  path: string,
  fileIndex: number,
  state: ParseState,
  sink: (record: InterchangeRecord) => void,
  onBatch?: (progress: FileProgress) => void | Promise<void>
): Promise<FileReport> {
  const source = openLineSource(path)
  let line = 0
  let records = 0
  let rejectedHere = 0
  let header: HeaderInfo | null = null
  let sawContent = false

  const reject = (type: string | null, id: string | null, problems: FieldProblem[]) => {
    rejectedHere++
    state.rejectedTotal++
    if (state.rejected.length < REPORT_SAMPLE_LIMIT) {
      const first = problems[0] ?? { field: '', reason: '' }
      state.rejected.push({ file: path, line, type, id, field: first.field, reason: first.reason, issues: problems })
    }
  }
  /** Counts a warning, and lists it while the report has room (built only then: most are never listed). */
  const warn = (build: () => Omit<ImportWarning, 'file' | 'line'>) => {
    state.warningsTotal++
    if (state.warnings.length < REPORT_SAMPLE_LIMIT) state.warnings.push({ file: path, line, ...build() })
  }
  const checkUscc = (type: RecordType, id: string, field: string, value: string) => {
    if (hasValidUsccCheckChar(value)) return
    warn(() => {
      const expected = usccCheckChar(value.slice(0, 17))
      return {
        code: 'USCC_CHECK_CHAR', type, id, field, value, expected,
        message: `统一社会信用代码 ${value} 的校验位应为 "${expected}"，记录仍已导入 / the check character of USCC ${value} should be "${expected}"; the record was imported`
      }
    })
  }
  // Imported all the same (the contract does not forbid it), but no date can fall in such a period:
  // a plan with its window reversed covers no inspection, a list entry so dated covers no day.
  const checkRange = (type: RecordType, id: string, field: string, from: string, to: string | null) => {
    if (to === null || from <= to) return
    warn(() => ({
      code: 'DATE_RANGE_REVERSED', type, id, field, value: `${from}..${to}`, expected: null,
      message: `起始日期 ${from} 晚于结束日期 ${to}，该期间不含任何日期，记录仍已导入 / the period starts (${from}) after it ends (${to}) and contains no day; the record was imported`
    }))
  }
  const progress = (): FileProgress => ({ file: path, fileIndex, line, bytesRead: source.bytesRead(), records, rejected: rejectedHere })

  for (const text of source.lines) {
    line++
    if ((line & (PROGRESS_EVERY - 1)) === 0 && onBatch) {
      const pending = onBatch(progress())
      if (pending) await pending
    }
    if (text === NOT_UTF8_LINE) {
      // In a file that is UTF-8 (lineReader.ts decides): a damaged line, rejected alone.
      sawContent = true
      reject(null, null, [{ field: '', reason: '该行含有无法按 UTF-8 解码的字节，不是有效的 JSON 文本 / the line holds bytes that are not UTF-8, so it is not valid JSON text' }])
      continue
    }
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue
    const isFirst = !sawContent
    sawContent = true

    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      reject(null, null, [{ field: '', reason: describeJsonError(text, error).reason }])
      continue
    }
    if (!isPlainObject(value)) {
      reject(null, null, [describeNonObject(value)])
      continue
    }
    const illFormed = loneSurrogatePath(text, value)
    if (illFormed !== null) {
      const type = typeof value.type === 'string' ? value.type : null
      reject(type, typeof value.id === 'string' ? value.id : null, [{ field: illFormed, reason: LONE_SURROGATE_REASON }])
      continue
    }
    const type = value.type
    if (typeof type !== 'string' || type.trim() === '') {
      const shown = JSON.stringify(type)
      reject(null, typeof value.id === 'string' ? value.id : null, [{
        field: 'type',
        reason: type === undefined ? '缺少记录类型字段 type / missing the record type field "type"'
          : typeof type === 'string' ? '记录类型 type 不能为空 / the record type "type" must not be empty'
          : `记录类型 type 须为字符串（收到 ${shown}）/ "type" must be a string (got ${shown})`
      }])
      continue
    }
    if (type === 'header') {
      if (!isFirst) {
        reject('header', null, [{ field: 'type', reason: '文件头只能位于文件第一行 / a header is allowed on the first line only' }])
        continue
      }
      const checked = checkHeader(path, value)
      if (checked.ok) header = checked.header
      else reject('header', null, checked.problems)
      continue
    }
    const schema = SCHEMAS.get(type)
    if (schema === undefined) {
      state.unknownTotal++
      state.unknownTypes.set(type, (state.unknownTypes.get(type) ?? 0) + 1)
      continue
    }
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const id = typeof value.id === 'string' ? value.id : typeof value.date === 'string' ? value.date : null
      reject(type, id, describeIssues(parsed.error, value))
      continue
    }
    const record = parsed.data
    switch (record.type) {
      case 'enterprise':
        checkUscc('enterprise', record.id, 'id', record.id)
        break
      case 'list_entry':
        checkUscc('list_entry', record.id, 'enterprise_id', record.enterprise_id)
        checkRange('list_entry', record.id, 'to', record.from, record.to)
        state.references.note(record)
        break
      case 'task':
        checkUscc('task', record.id, 'enterprise_id', record.enterprise_id)
        state.references.note(record)
        break
      case 'plan':
        checkRange('plan', record.id, 'window_to', record.window_from, record.window_to)
        if (record.targets) for (const [i, t] of record.targets.entries()) checkUscc('plan', record.id, `targets[${i}].enterprise_id`, t.enterprise_id)
        state.references.note(record)
        break
      case 'officer':
      case 'evaluation':
        state.references.note(record)
        break
      default:
        break
    }
    sink(record)
    records++
  }
  if (onBatch) {
    const pending = onBatch(progress())
    if (pending) await pending
  }
  const report: FileReport = { path, lines: line, records, rejected: rejectedHere, header }
  state.files.push(report)
  return report
}
