// `jiandu analyze --db <path> [--as-of YYYY-MM-DD] [--rules <pack>] [--format json|table]`
// (../shared/contract/cli-v1.md): runs every enabled rule of the pack on the database. json prints
// exactly the flags object of interchange-v1 §Analysis output; table prints a readable Chinese summary.
import { existsSync } from 'node:fs'
import type { OpenedDb } from '../../db/client.ts'
import { isCalendarDate, shanghaiToday } from '../../core/contract/scalars.ts'
import { analyzeDatabase } from '../../core/rules/analyzeDatabase.ts'
import { loadRulePack } from '../../core/rules/pack-file.ts'
import { DEFAULT_RULE_PACK } from '../../core/rules/packs.ts'
import { isRuleCode, RulePackError, type RulePack } from '../../core/rules/pack.ts'
import type { AnalysisOutput } from '../../core/rules/types.ts'
import { openCliDatabase } from './import.ts'
import { EXIT, parseOptions, usageError, writeJsonStreamingArray, writeLine, writeProgress, databasePath } from '../io.ts'

const SEVERITY_CN = { MUST: '必须纠正', SHOULD: '应当说明', INFO: '提示' } as const
const TABLE_DETAIL_LIMIT = 50

/** An existing database (analysis never creates one), opened with the same errors as import and export. */
function openForAnalysis(path: string): OpenedDb {
  if (!existsSync(path)) throw usageError(`数据库文件不存在 / database not found: ${path}`)
  return openCliDatabase(path)
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1
  return w
}
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)))

export function renderTable(output: AnalysisOutput, pack: RulePack): string[] {
  const lines: string[] = []
  const flags = output.flags
  lines.push(`问题线索分析 / analysis — 分析日期 ${output.as_of}，规则包 ${pack.name}（${pack.title}）`)
  const bySeverity = { MUST: 0, SHOULD: 0, INFO: 0 }
  const byRule = new Map<string, { severity: Set<string>; count: number }>()
  for (const f of flags) {
    bySeverity[f.severity]++
    const r = byRule.get(f.rule) ?? { severity: new Set<string>(), count: 0 }
    r.severity.add(f.severity)
    r.count++
    byRule.set(f.rule, r)
  }
  lines.push(`共 ${flags.length} 条：${(['MUST', 'SHOULD', 'INFO'] as const).map((s) => `${SEVERITY_CN[s]}（${s}）${bySeverity[s]} 条`).join('，')}`)
  if (flags.length === 0) lines.push('未发现问题线索。')
  else {
    lines.push('')
    const rows = [...byRule].map(([rule, r]) => {
      const title = isRuleCode(rule) ? pack.rules[rule].title : ''
      return [rule, title, [...r.severity].sort().join('/'), String(r.count)] as const
    })
    const w0 = Math.max(...rows.map((r) => width(r[0])), width('规则'))
    const w1 = Math.max(...rows.map((r) => width(r[1])), width('说明'))
    const w2 = Math.max(...rows.map((r) => width(r[2])), width('程度'))
    lines.push(`${padEnd('规则', w0)}  ${padEnd('说明', w1)}  ${padEnd('程度', w2)}  条数`)
    for (const r of rows) lines.push(`${padEnd(r[0], w0)}  ${padEnd(r[1], w1)}  ${padEnd(r[2], w2)}  ${r[3]}`)
    lines.push('')
    const shown = flags.slice(0, TABLE_DETAIL_LIMIT)
    lines.push(flags.length > shown.length ? `明细（前 ${shown.length} 条，全部请用 --format json）：` : '明细：')
    shown.forEach((f, i) => {
      const ids = [...f.task_ids, ...f.plan_ids].join(', ')
      lines.push(`${i + 1}. [${f.severity}] ${f.rule}  ${ids}`)
      lines.push(`   ${f.message}`)
    })
  }
  for (const w of output.warnings ?? []) lines.push(`注意 / warning: ${w}`)
  return lines
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    rules: { type: 'string' },
    format: { type: 'string' }
  })
  const format = values.format ?? 'table'
  if (format !== 'json' && format !== 'table') throw usageError(`--format 只能是 json 或 table / --format must be json or table: ${format}`)
  const asOf = values['as-of'] ?? shanghaiToday(new Date())
  if (!isCalendarDate(asOf)) throw usageError(`--as-of 须为 YYYY-MM-DD 的有效日期 / --as-of must be a valid YYYY-MM-DD date: ${asOf}`)
  let pack: RulePack
  try {
    pack = loadRulePack(values.rules ?? DEFAULT_RULE_PACK)
  } catch (error) {
    if (error instanceof RulePackError) throw usageError(error.message)
    throw error
  }
  const { sqlite } = openForAnalysis(databasePath(values.db))
  try {
    const output = analyzeDatabase(sqlite, { asOf, pack })
    if (format === 'json') {
      // The flags object of the contract; rules-core-v1 (working days) has the output carry a warning
      // when a date falls outside the calendar: a `warnings` array then, repeated on stderr for a reader.
      writeJsonStreamingArray(output, 'flags')
      for (const w of output.warnings ?? []) writeProgress(`注意 / warning: ${w}`)
    } else for (const line of renderTable(output, pack)) writeLine(line)
    return EXIT.OK
  } finally {
    sqlite.close()
  }
}
