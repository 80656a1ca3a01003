import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../audit.ts'
import { flagKey, type FlagRecord } from '../contract/flags.ts'
import { NOTES_SHEET } from './workbook.ts'
import { DEFAULT_USER_ID, listUsers } from '../users.ts'
import { exportFlags, FLAG_COLUMN_HEADERS, FLAGS_SHEET } from './exportFlags.ts'
import { decideFlags } from '../flags/queries.ts'
import { replaceFlags } from '../flags/store.ts'
import { E1, E2, flagsTestDatabase, testFlag } from '../flags/testing.ts'

const flag = (over: Partial<FlagRecord>): FlagRecord => testFlag(over, '上海金山甲食品有限公司现场检查未使用检查码。依据：…')
const AT = new Date('2026-12-06T02:30:00Z')

function setup() {
  const sqlite = flagsTestDatabase()
  replaceFlags(sqlite, [
    flag({}),
    flag({ rule: 'RESULT_LATE', severity: 'SHOULD', task_ids: ['T-2'], enterprise_id: E2, message: '结果录入超期' }),
    flag({ rule: 'PLAN_PUBLICATION_LATE', severity: 'SHOULD', task_ids: [], plan_ids: ['P-9'], enterprise_id: null, message: '年度计划未按时公示' })
  ], 1, { kind: 'all' })
  return sqlite
}

async function read(bytes: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows = (name: string) => {
    const sheet = book.getWorksheet(name)
    if (!sheet) throw new Error(`no sheet ${name}`)
    const out: string[][] = []
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))))
    return out
  }
  return { flags: rows(FLAGS_SHEET), notes: new Map(rows(NOTES_SHEET).map(([k, v]) => [k!, v!])) }
}

describe('exporting flags to Excel', () => {
  it('writes the filtered flags in the inbox order with Chinese labels, names and decisions, and says what was exported', async () => {
    const sqlite = setup()
    decideFlags(sqlite, { flagKeys: [flagKey(flag({}))], decision: 'CONFIRMED', reason: '经核实属实', userId: DEFAULT_USER_ID, at: '2026-12-01T09:00:00+08:00' })
    const file = await exportFlags(sqlite, {}, { userId: DEFAULT_USER_ID, at: AT })
    expect(file).toMatchObject({ fileName: '问题线索_20261206-1030.xlsx', exported: 3, total: 3 })
    const { flags, notes } = await read(file.bytes)
    expect(flags[0]).toEqual(FLAG_COLUMN_HEADERS)
    expect(flags).toHaveLength(4)
    const [, first, second, third] = flags
    const col = (row: string[] | undefined, header: string) => row?.[FLAG_COLUMN_HEADERS.indexOf(header)]
    // MUST first, then by date: the inbox's order.
    expect(col(first, '严重程度')).toBe('必须纠正')
    expect(col(first, '问题类型')).toBe('现场检查未使用检查码')
    expect(col(first, '企业名称')).toBe('上海金山甲食品有限公司')
    expect(col(first, '统一社会信用代码')).toBe(E1)
    expect(col(first, '执法部门')).toBe('金山区市场监督管理局')
    expect(col(first, '发生日期')).toBe('2025-05-06')
    expect(col(first, '处理状态')).toBe('已确认')
    expect(col(first, '处理人')).toBe(listUsers(sqlite).find((u) => u.id === DEFAULT_USER_ID)?.name)
    expect(col(first, '处理理由')).toBe('经核实属实')
    // Shanghai wall-clock time, as the plans workbook's 提交时间.
    expect(col(first, '处理时间')).toBe('2026-12-01 09:00')
    expect(col(first, '检查任务')).toBe('T-1')
    expect(col(first, '线索编号')).toBe(flagKey(flag({})))
    expect(col(second, '处理状态')).toBe('待处理')
    expect(col(second, '企业名称')).toBe('（检查对象库中无此企业）')
    expect(col(third, '企业名称')).toBe('（不涉及具体企业）')
    expect(col(third, '检查计划')).toBe('P-9')
    expect(notes.get('筛选条件')).toBe('全部问题线索')
    expect(notes.get('导出条数')).toBe('3 条')
    expect(notes.get('导出时间')).toBe('2026-12-06 10:30')
  })

  it('exports only the filter, describes it in words, and records the export in the audit log', async () => {
    const sqlite = setup()
    const file = await exportFlags(sqlite, { severity: 'SHOULD', departmentId: 'D-MKT', text: '超期' }, { userId: DEFAULT_USER_ID, at: AT })
    const { flags, notes } = await read(file.bytes)
    expect(flags.slice(1).map((r) => r[2])).toEqual(['检查结果未按时录入'])
    expect(notes.get('筛选条件')).toBe('严重程度：应当说明；执法部门：金山区市场监督管理局；关键词：超期')
    const audit = sqlite.prepare("SELECT user_id, action, detail FROM audit_log WHERE action = 'flags.export'").all() as { user_id: string; action: string; detail: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail)).toEqual({ filter: { severity: 'SHOULD', departmentId: 'D-MKT', text: '超期' }, exported: 1, total: 1 })
    expect(verifyAuditLog(sqlite).ok).toBe(true)
  })

  it('stops at the most a file holds and says how many matched', async () => {
    const sqlite = setup()
    const file = await exportFlags(sqlite, {}, { userId: DEFAULT_USER_ID, at: AT }, 2)
    expect(file).toMatchObject({ exported: 2, total: 3 })
    const { flags, notes } = await read(file.bytes)
    expect(flags).toHaveLength(3)
    expect(notes.get('导出条数')).toMatch(/^2 条（共 3 条，单个文件最多 2 条/)
  })
})
