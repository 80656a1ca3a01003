// The import report as a readable Chinese table (the CLI's default output; the UI renders the report
// object itself). Columns are aligned by display width: a CJK character takes two columns.
import { RECORD_TYPES, type RecordType } from '../contract/records.ts'
import type { ImportReport } from './report.ts'

/** 记录类型的中文名 */
export const RECORD_TYPE_NAMES: Record<RecordType, string> = {
  department: '执法主体', officer: '执法人员', enterprise: '检查对象', item: '检查事项', list_entry: '名单',
  plan: '检查计划', task: '检查任务', evaluation: '扫码评价', calendar_day: '节假日与调休'
}

const TARGET_NAMES: Record<string, string> = {
  department: '执法主体', officer: '执法人员', enterprise: '检查对象', item: '检查事项', plan: '检查计划', task: '检查任务', site: '经营场所'
}

/** Display width in a terminal: East Asian wide characters count as two columns. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1
  }
  return w
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i] ?? 0) : padStart(c, widths[i] ?? 0))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

const n = (v: number) => v.toLocaleString('en-US')

/** Lines of each list the readable report shows; the JSON report lists (nearly) all. */
const TABLE_LIST_LIMIT = 1000

function more(listed: number, total: number): string[] {
  return total > listed ? [`  …… 另有 ${n(total - listed)} 条未列出（完整列表请用 --format json）/ ${n(total - listed)} more not listed (--format json lists them)`] : []
}

export function formatImportReport(report: ImportReport): string {
  const t = report.totals
  const out: string[] = []
  const status = t.rejected > 0 ? `导入完成，${n(t.rejected)} 行被拒绝 / import finished, ${n(t.rejected)} line(s) rejected` : '导入完成 / import finished'
  out.push(`${status}（批次 / batch #${report.batch_seq}，${report.files.length} 个文件 / file(s)，${n(t.lines)} 行 / lines，${(report.duration_ms / 1000).toFixed(1)} 秒 / s）`)
  for (const f of report.files) {
    const header = f.header ? `，文件头版本 / header version ${f.header.version}${f.header.source ? `，来源 / source ${f.header.source}` : ''}` : ''
    out.push(`  ${f.path}: ${n(f.lines)} 行 / lines，${n(f.records)} 条有效记录 / valid records，${n(f.rejected)} 行拒绝 / rejected${header}`)
  }
  out.push('')
  const rows = RECORD_TYPES.filter((type) => report.counts[type].records > 0).map((type) => {
    const c = report.counts[type]
    return [`${RECORD_TYPE_NAMES[type]} ${type}`, n(c.records), n(c.inserted), n(c.updated), n(c.unchanged), n(c.duplicates)]
  })
  rows.push(['合计 total', n(t.records), n(t.inserted), n(t.updated), n(t.unchanged), n(t.duplicates)])
  out.push(...table(['记录类型 type', '读取 read', '新增 inserted', '更新 updated', '未变 unchanged', '重复 duplicates'], rows))
  if (t.duplicates > 0) out.push(`同一编号在本批中出现多次的，以最后一行为准 / for ids appearing more than once, the last line won (${n(t.duplicates)})`)

  if (t.rejected > 0) {
    out.push('', `拒绝的行 / rejected lines (${n(t.rejected)}):`)
    for (const r of report.rejected.slice(0, TABLE_LIST_LIMIT)) {
      const where = `${r.file}:${r.line}`
      const what = [r.type, r.id].filter((v) => v !== null).join(' ')
      for (const [i, issue] of r.issues.entries()) {
        const prefix = i === 0 ? `  ${where}${what ? ` [${what}]` : ''}` : `  ${' '.repeat(displayWidth(where))}`
        out.push(`${prefix}  ${issue.field || '（整行 / whole line）'}: ${issue.reason}`)
      }
    }
    out.push(...more(Math.min(report.rejected.length, TABLE_LIST_LIMIT), t.rejected))
  }
  if (t.warnings > 0) {
    out.push('', `警告 / warnings (${n(t.warnings)}):`)
    for (const w of report.warnings.slice(0, TABLE_LIST_LIMIT)) out.push(`  ${w.file}:${w.line} [${w.type} ${w.id}]  ${w.field}: ${w.message}`)
    out.push(...more(Math.min(report.warnings.length, TABLE_LIST_LIMIT), t.warnings))
  }
  if (t.unknown > 0) {
    const list = Object.entries(report.unknown_types).map(([type, count]) => `${type} × ${n(count)}`).join('，')
    out.push('', `未知记录类型（已跳过）/ unknown record types (skipped): ${list}`)
  }
  if (t.dangling > 0) {
    out.push('', `悬空引用（记录已导入，所引用的编号不存在）/ dangling references (records imported, the ids they name do not exist) (${n(t.dangling)}):`)
    for (const c of report.dangling_counts) out.push(`  ${RECORD_TYPE_NAMES[c.type]} ${c.type}.${c.field} → ${TARGET_NAMES[c.target] ?? c.target}: ${n(c.count)}`)
    for (const d of report.dangling.slice(0, TABLE_LIST_LIMIT)) out.push(`  ${d.type} ${d.id}  ${d.field} = ${d.missing_id}`)
    out.push(...more(Math.min(report.dangling.length, TABLE_LIST_LIMIT), t.dangling))
  }
  return out.join('\n')
}
