// The inbox's filter row: severity, status, rule, department, event date range and free text (the
// search box, debounced, and the reset button are FilterBar's).
import { DatePicker, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { ReactNode } from 'react'
import { FilterBar } from '../../components/FilterBar.tsx'
import { formatCount } from '../../lib/format.ts'
import { FLAG_STATUS_LABELS, FLAG_STATUS_ORDER, SEVERITY_LABELS, SEVERITY_ORDER } from '../../lib/labels.ts'
import type { FlagGroupCounts } from './FlagGroups.tsx'
import { hasAnyFlagFilter, type FlagFilterState } from './flagFilters.ts'

/** `extra` (the bulk actions) sits at the end of the last row, on the right. */
export function FlagFilterBar(props: { filter: FlagFilterState; groups: FlagGroupCounts | null; onChange: (next: FlagFilterState) => void; extra?: ReactNode }) {
  const { filter, groups, onChange } = props
  const ruleOptions = (groups?.byRule ?? []).map((g) => ({ value: g.key, label: `${g.name ?? g.key}（${formatCount(g.total)}）`, search: `${g.name ?? ''} ${g.key}` }))
  const departmentOptions = (groups?.byDepartment ?? []).map((g) => ({ value: g.key, label: `${g.name ?? g.key}（${formatCount(g.total)}）`, search: `${g.name ?? ''} ${g.key}` }))
  const range: [Dayjs | null, Dayjs | null] | null = filter.dateFrom || filter.dateTo
    ? [filter.dateFrom ? dayjs(filter.dateFrom) : null, filter.dateTo ? dayjs(filter.dateTo) : null]
    : null

  return (
    <FilterBar
      prefix="flag"
      filter={filter}
      onChange={onChange}
      onReset={() => onChange({})}
      canReset={hasAnyFlagFilter(filter)}
      searchPlaceholder="搜索企业名称、信用代码、任务编号或线索内容"
      searchLabel="搜索问题线索"
      extra={props.extra}
    >
      <Select
        className="flag-filter-severity"
        allowClear
        placeholder="严重程度"
        value={filter.severity}
        options={SEVERITY_ORDER.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
        onChange={(v: FlagFilterState['severity']) => onChange({ ...filter, severity: v ?? undefined })}
        aria-label="严重程度"
      />
      <Select
        className="flag-filter-status"
        allowClear
        placeholder="处理状态"
        value={filter.status}
        options={FLAG_STATUS_ORDER.map((s) => ({ value: s, label: FLAG_STATUS_LABELS[s] }))}
        onChange={(v: FlagFilterState['status']) => onChange({ ...filter, status: v ?? undefined })}
        aria-label="处理状态"
      />
      <Select
        className="flag-filter-rule"
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        placeholder="问题类型"
        value={filter.rule}
        options={ruleOptions}
        onChange={(v: string | undefined) => onChange({ ...filter, rule: v ?? undefined })}
        popupMatchSelectWidth={380}
        aria-label="问题类型"
      />
      <Select
        className="flag-filter-department"
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        placeholder="执法部门"
        value={filter.departmentId}
        options={departmentOptions}
        onChange={(v: string | undefined) => onChange({ ...filter, departmentId: v ?? undefined })}
        popupMatchSelectWidth={340}
        aria-label="执法部门"
      />
      <DatePicker.RangePicker
        className="flag-filter-dates"
        value={range}
        allowEmpty={[true, true]}
        placeholder={['发生日期起', '发生日期止']}
        onChange={(v) => onChange({ ...filter, dateFrom: v?.[0]?.format('YYYY-MM-DD') ?? undefined, dateTo: v?.[1]?.format('YYYY-MM-DD') ?? undefined })}
        aria-label="发生日期"
      />
    </FilterBar>
  )
}
