import { describe, expect, it } from 'vitest'
import type { FlagDetail } from '../../../../core/api/channels.ts'
import { describeEvidence, describeValue, evidenceNames, labelForKey, nodeText, type EvidenceField } from './evidenceFacts.ts'

const field = (fields: EvidenceField[], key: string) => {
  const f = fields.find((x) => x.key === key)
  if (!f) throw new Error(`no field ${key}`)
  return f
}

describe('reading a flag evidence object', () => {
  it('labels known keys in Chinese, keeps unknown keys raw, and puts the citations last', () => {
    const fields = describeEvidence({ legal_basis: ['金发改〔2025〕36号 附件1《市场监管领域…实施方案》四、（一）1.', '访谈 第三问'], inspection_date: '2025-01-06', backfill_deadline_wd: 3, brand_new_param: 'x' })
    expect(fields.map((f) => f.label)).toEqual(['检查日期', '补码时限（工作日）', 'brand_new_param', '出处'])
    expect(nodeText(field(fields, 'legal_basis').value)).toBe('金发改〔2025〕36号 附件1《市场监管领域…实施方案》四、（一）1.、访谈 第三问')
    expect(labelForKey('wushi_item_ids')).toBe('无事不扰事项')
  })

  it('shows codes by their Chinese names and booleans and nulls as words', () => {
    const fields = describeEvidence({
      kind: 'PLANNED', mode: 'ON_SITE', special: 'EMERGENCY', reasons: ['PLAN_STATUS', 'ENTERPRISE_NOT_TARGETED', 'SOMETHING_NEW'],
      fire_key_unit: true, covers: false, trigger_source: null, month_mode: 'calendar', other_level: 'CITY', period: 'half_year', code: 'JC1'
    })
    expect(nodeText(field(fields, 'kind').value)).toBe('有计划')
    expect(nodeText(field(fields, 'mode').value)).toBe('现场检查')
    expect(nodeText(field(fields, 'special').value)).toBe('紧急检查（事后补码）')
    expect(nodeText(field(fields, 'reasons').value)).toBe('计划状态不是已备案或已公示、企业不在计划列明的检查对象中、SOMETHING_NEW')
    expect(nodeText(field(fields, 'fire_key_unit').value)).toBe('是')
    expect(nodeText(field(fields, 'covers').value)).toBe('否')
    expect(field(fields, 'trigger_source').value).toEqual({ kind: 'text', text: '无', muted: true })
    expect(nodeText(field(fields, 'other_level').value)).toBe('市级')
    expect(nodeText(field(fields, 'period').value)).toBe('每半年')
    expect(field(fields, 'code').value).toEqual({ kind: 'text', text: 'JC1', mono: true })
  })

  it('reads the evidence of a plan missing fields and of a special inspection out of scope', () => {
    const incomplete = describeEvidence({ missing_fields: ['method', 'frequency'], required_fields: ['item_ids', 'method', 'frequency'] })
    expect(field(incomplete, 'missing_fields').label).toBe('缺少的要素')
    expect(nodeText(field(incomplete, 'missing_fields').value)).toBe('检查方式、检查频次')
    expect(field(incomplete, 'required_fields').label).toBe('本领域必备要素')
    const special = describeEvidence({ reasons: ['NOT_DEPLOYED_FROM_ABOVE', 'NO_PRIOR_CASE_OR_CLUE'], earlier_cases: [] })
    expect(nodeText(field(special, 'reasons').value)).toBe('不是按上级部署开展的专项检查、专项检查启动前该企业无本领域案件线索')
    expect(field(special, 'earlier_cases').label).toBe('专项检查启动前的本领域案件线索')
  })

  it('reads a status by the record it sits in: plan statuses and task statuses both', () => {
    expect(nodeText(describeValue('status', 'RETURNED'))).toBe('已退回')
    expect(nodeText(describeValue('status', 'CANCELLED'))).toBe('已取消')
  })

  it('names departments, enterprises, items and officers the flag records know, with the id kept', () => {
    const names = {
      departments: new Map([['D-PSB-JS', '上海市公安局金山分局']]),
      enterprises: new Map([['91310116MA1RQ2XF3N', '上海甲公司']]),
      items: new Map([['I-TRAN-006', '机动车维修经营检查']]),
      officers: new Map([['O-1', '张三']])
    }
    const fields = describeEvidence({
      department_id: 'D-PSB-JS', other_department_ids: ['D-PSB-JS', 'D-UNKNOWN'], site: { enterprise_id: '91310116MA1RQ2XF3N', site_id: 'S-1' },
      wushi_item_ids: ['I-TRAN-006'], visits: [{ date: '2025-01-03', officer_ids: ['O-1'] }]
    }, names)
    expect(nodeText(field(fields, 'department_id').value)).toBe('上海市公安局金山分局（D-PSB-JS）')
    expect(nodeText(field(fields, 'other_department_ids').value)).toBe('上海市公安局金山分局（D-PSB-JS）、D-UNKNOWN')
    const site = field(fields, 'site').value
    expect(site.kind).toBe('fields')
    expect(nodeText(site)).toBe('企业：上海甲公司（91310116MA1RQ2XF3N）；场所编号：S-1')
    expect(nodeText(field(fields, 'wushi_item_ids').value)).toBe('机动车维修经营检查（I-TRAN-006）')
    const visits = field(fields, 'visits').value
    if (visits.kind !== 'table') throw new Error('visits should be a table')
    expect(visits.columns.map((c) => c.label)).toEqual(['日期', '执法人员'])
    expect(nodeText(visits)).toBe('2025-01-03，张三（O-1）')
  })

  it('turns arrays of records into a table over the union of their keys, marking missing cells', () => {
    const node = describeValue('tasks', [{ id: 'T-1', inspection_date: '2025-01-09' }, { id: 'T-2', code: null }])
    if (node.kind !== 'table') throw new Error('expected a table')
    expect(node.columns.map((c) => c.key)).toEqual(['id', 'inspection_date', 'code'])
    expect(node.rows[1]?.map(nodeText)).toEqual(['T-2', '—', '无'])
    expect(describeValue('tasks', [])).toEqual({ kind: 'text', text: '无', muted: true })
  })

  it('collects names from the flag detail records', () => {
    const detail = {
      departmentId: 'D-1', departmentName: '甲局', enterpriseId: 'E-1', enterpriseName: '甲公司',
      tasks: [{ departments: [{ id: 'D-2', name: '乙局', domain: null, level: null }], items: [{ id: 'I-1', name: '事项一', list: null }], visits: [{ officers: [{ id: 'O-1', name: '李四', certNo: null, certValidUntil: null, role: null }] }] }]
    } as unknown as FlagDetail
    const names = evidenceNames(detail)
    expect(names.departments.get('D-1')).toBe('甲局')
    expect(names.departments.get('D-2')).toBe('乙局')
    expect(names.enterprises.get('E-1')).toBe('甲公司')
    expect(names.items.get('I-1')).toBe('事项一')
    expect(names.officers.get('O-1')).toBe('李四')
  })
})
