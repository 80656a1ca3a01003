// 检查计划: every plan the departments filed or are filing, filtered by status, domain, department, type,
// year and text, in a virtualised list; a row opens the plan's detail. Filters and the open plan live in
// the URL so the home screen can link straight to "submitted plans" or one plan.
import { Alert, Card, Segmented, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PlanFacets, PlanRow } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import { formatCount } from '../../lib/format.ts'
import { PLAN_STATUS_LABELS, PLAN_STATUS_ORDER } from '../../lib/labels.ts'
import type { PageCache } from '../../lib/pageCache.ts'
import { formatHash, navigate, useRoute } from '../../lib/router.ts'
import { usePageCacheSelector } from '../../lib/useServerWindow.ts'
import { ExportButton } from '../../components/ExportButton.tsx'
import { ListTotal } from '../../components/ListTotal.tsx'
import { PlanDetailDrawer } from './PlanDetailDrawer.tsx'
import { PlanFilterBar } from './PlanFilterBar.tsx'
import { filtersFromParams, filtersToParams, hasAnyFilter, type PlanFilterState } from './planFilters.ts'
import { PlanTable } from './PlanTable.tsx'
import { usePlanWindow, type StatusCounts } from './usePlanWindow.ts'

const ALL = 'ALL'

/**
 * The status tabs with their counts, which come with the list's first page: subscribed on their own, and
 * keeping the last counts on screen while the next filter's first page loads (no flicker to zero).
 */
function PlanStatusTabs(props: { cache: PageCache<PlanRow, StatusCounts>; filter: PlanFilterState; onChange: (next: PlanFilterState) => void }) {
  const { filter } = props
  const extra = usePageCacheSelector(props.cache, (c) => c.extra)
  const [counts, setCounts] = useState<StatusCounts | null>(null)
  if (extra && extra !== counts) setCounts(extra)
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null
  const options = [
    { value: ALL, label: <span className="status-option">全部<b>{formatCount(allCount)}</b></span> },
    ...PLAN_STATUS_ORDER.map((s) => ({
      value: s,
      label: <span className="status-option" data-status={s}>{PLAN_STATUS_LABELS[s]}<b>{formatCount(counts ? (counts[s] ?? 0) : null)}</b></span>
    }))
  ]
  return (
    <Segmented
      className="plan-status-tabs"
      value={filter.status ?? ALL}
      options={options}
      onChange={(v) => props.onChange({ ...filter, status: PLAN_STATUS_ORDER.find((s) => s === v) })}
      aria-label="计划状态"
    />
  )
}

export function PlansScreen() {
  const route = useRoute()
  const filter = useMemo(() => filtersFromParams(route.params), [route.params])
  const openPlanId = route.params.get('plan')
  const cache = usePlanWindow(filter)
  const [facets, setFacets] = useState<PlanFacets | null>(null)
  const [facetsError, setFacetsError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api.call('plans.facets', {}).then(
      (f) => live && setFacets(f),
      (e: unknown) => live && setFacetsError(e instanceof Error ? e.message : String(e))
    )
    return () => {
      live = false
    }
  }, [])

  const listError = usePageCacheSelector(cache, (c) => c.error)
  const listEmpty = usePageCacheSelector(cache, (c) => c.total === 0)

  const setFilter = useCallback(
    (next: PlanFilterState) => navigate(formatHash('/plans', filtersToParams(next, openPlanId)), { replace: true }),
    [openPlanId]
  )
  const openPlan = useCallback((row: PlanRow) => navigate(formatHash('/plans', filtersToParams(filter, row.id)), { replace: true }), [filter])
  const closePlan = useCallback(() => navigate(formatHash('/plans', filtersToParams(filter, null)), { replace: true }), [filter])

  return (
    <div className="screen-fill" data-testid="plans-screen">
      <div className="screen-header screen-header-row">
        <div>
          <Typography.Title level={4} className="screen-title">检查计划</Typography.Title>
          <Typography.Text type="secondary">各执法部门报送的涉企行政检查计划（计划备案）。点击一行查看计划详情、状态记录与已实施的检查任务。</Typography.Text>
        </div>
        <div className="list-header-side">
          <div className="plan-total" data-testid="plan-total">
            <ListTotal cache={cache} unit="项计划" />
            {facets && hasAnyFilter(filter) ? <span className="muted">（全部 {formatCount(facets.total)} 项）</span> : null}
          </div>
          <ExportButton channel="plans.export" input={filter} rows="项检查计划" disabled={listEmpty} testId="plans-export" />
        </div>
      </div>
      {facetsError ? <Alert type="warning" showIcon title="筛选项读取失败" description={facetsError} className="screen-alert" /> : null}
      {listError ? <Alert type="error" showIcon title="计划列表读取失败" description={listError.message} className="screen-alert" /> : null}
      <Card className="plan-card" styles={{ body: { padding: 0 } }}>
        <div className="plan-toolbar">
          <PlanStatusTabs cache={cache} filter={filter} onChange={setFilter} />
          <PlanFilterBar filter={filter} facets={facets} onChange={setFilter} />
        </div>
        <PlanTable
          cache={cache}
          selectedId={openPlanId}
          onOpen={openPlan}
          emptyText={hasAnyFilter(filter) ? '没有符合筛选条件的计划，请调整或重置筛选条件' : '数据库中还没有检查计划，请先同步或导入数据'}
        />
      </Card>
      <PlanDetailDrawer planId={openPlanId} onClose={closePlan} />
    </div>
  )
}
