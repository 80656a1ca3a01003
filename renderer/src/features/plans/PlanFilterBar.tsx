// The filters above the plans list: text search (debounced, FilterBar's), enforcement domain, lead
// department (narrowed by the domain), plan type and year. The status filter is the tab row above the table.
import { Select } from 'antd'
import type { PlanFacets } from '../../../../core/api/channels.ts'
import { DOMAINS, type Domain } from '../../../../core/contract/scalars.ts'
import { PLAN_TYPES } from '../../../../core/contract/records.ts'
import { FilterBar } from '../../components/FilterBar.tsx'
import { formatCount } from '../../lib/format.ts'
import { DOMAIN_NAMES, labelOf, PLAN_TYPE_LABELS } from '../../lib/labels.ts'
import { hasAnyFilter, type PlanFilterState } from './planFilters.ts'

export function PlanFilterBar(props: { filter: PlanFilterState; facets: PlanFacets | null; onChange: (next: PlanFilterState) => void }) {
  const { filter, facets, onChange } = props
  const set = <K extends keyof PlanFilterState>(key: K, value: PlanFilterState[K] | null | undefined) => onChange({ ...filter, [key]: value ?? undefined })

  const domainOptions = DOMAINS.filter((d) => !facets || facets.domains.some((f) => f.domain === d)).map((d: Domain) => {
    const n = facets?.domains.find((f) => f.domain === d)?.planCount
    return { value: d, label: `${DOMAIN_NAMES[d]}${n !== undefined ? `（${formatCount(n)}）` : ''}` }
  })
  const departmentOptions = (facets?.departments ?? [])
    .filter((d) => !filter.domain || d.domain === filter.domain)
    .map((d) => ({ value: d.id, label: `${d.name}（${formatCount(d.planCount)}）`, search: `${d.name} ${d.id}` }))

  return (
    <FilterBar
      prefix="plan"
      filter={filter}
      onChange={onChange}
      onReset={() => onChange({})}
      canReset={hasAnyFilter(filter)}
      searchPlaceholder="搜索计划名称、计划编码或牵头部门"
      searchLabel="搜索计划"
    >
      <Select
        className="plan-filter-domain"
        allowClear
        placeholder="执法领域"
        value={filter.domain}
        options={domainOptions}
        onChange={(v: Domain | undefined) => onChange({ ...filter, domain: v, departmentId: undefined })}
        aria-label="执法领域"
      />
      <Select
        className="plan-filter-department"
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        placeholder="牵头部门"
        value={filter.departmentId}
        options={departmentOptions}
        onChange={(v: string | undefined) => set('departmentId', v)}
        popupMatchSelectWidth={320}
        aria-label="牵头部门"
      />
      <Select
        className="plan-filter-type"
        allowClear
        placeholder="计划类型"
        value={filter.planType}
        options={PLAN_TYPES.map((t) => ({ value: t, label: labelOf(PLAN_TYPE_LABELS, t) }))}
        onChange={(v: PlanFilterState['planType']) => set('planType', v)}
        aria-label="计划类型"
      />
      <Select
        className="plan-filter-year"
        allowClear
        placeholder="年度"
        value={filter.year}
        options={(facets?.years ?? []).map((y) => ({ value: y, label: `${y} 年` }))}
        onChange={(v: number | undefined) => set('year', v)}
        aria-label="年度"
      />
    </FilterBar>
  )
}
