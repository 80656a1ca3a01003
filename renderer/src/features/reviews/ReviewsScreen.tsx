// 备案审核: the departments' submitted plans, oldest first, on the left; the selected plan's review on the
// right — checks, the targets' recent inspections across all departments, joint-inspection proposals —
// with 备案 and 退回. A decided plan leaves the queue (unless the toggle keeps decided ones in view) and
// the decision waits in the outbox for the next sync. Filters and the open plan live in the URL.
import { AuditOutlined } from '@ant-design/icons'
import { Card, Empty, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PlanFacets } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import { formatHash, navigate, useRoute } from '../../lib/router.ts'
import { useSession } from '../../lib/sessionContext.tsx'
import { ReviewPanel, type ReviewDecision } from './ReviewPanel.tsx'
import { nextAfterRemoval, reviewFilterFromParams, reviewFilterKey, reviewParams, type ReviewQueueFilter } from './reviewParams.ts'
import { ReviewQueue, type QueueRow } from './ReviewQueue.tsx'
import './reviews.css'

const PATH = '/plan-review'
const QUEUE_PAGE = 100

type Queue = { key: string; rows: QueueRow[]; total: number } | { key: string; error: string }

export function ReviewsScreen() {
  const route = useRoute()
  const { user } = useSession()
  const filter = useMemo(() => reviewFilterFromParams(route.params), [route.params])
  const key = reviewFilterKey(filter)
  const planId = route.params.get('plan')
  const [reloads, setReloads] = useState(0)
  const [queue, setQueue] = useState<Queue | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [facets, setFacets] = useState<PlanFacets | null>(null)
  // Bumped after a decision so the open review re-reads its decisions.
  const [panelVersion, setPanelVersion] = useState(0)

  useEffect(() => {
    let live = true
    api.call('plans.facets', {}).then((f) => live && setFacets(f), () => undefined)
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    let live = true
    const frozen: ReviewQueueFilter = { ...filter }
    api.call('reviews.queue', { ...frozen, offset: 0, limit: QUEUE_PAGE }).then(
      (page) => live && setQueue({ key, rows: page.rows, total: page.total }),
      (e: unknown) => live && setQueue({ key, error: e instanceof Error ? e.message : String(e) })
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is keyed by `key`
  }, [key, reloads])

  const current = queue && queue.key === key ? queue : null
  const rows = current && 'rows' in current ? current.rows : null

  const go = useCallback((next: ReviewQueueFilter, id: string | null) => navigate(formatHash(PATH, reviewParams(next, id)), { replace: true }), [])
  const setFilter = useCallback((next: ReviewQueueFilter) => go(next, planId), [go, planId])
  const open = useCallback((id: string) => go(filter, id), [go, filter])

  // Open the longest-waiting plan when none is chosen, so the screen starts with work on it.
  useEffect(() => {
    if (!planId && rows && rows[0]) go(filter, rows[0].id)
  }, [planId, rows, filter, go])

  const more = async () => {
    if (!rows) return
    setLoadingMore(true)
    try {
      const page = await api.call('reviews.queue', { ...filter, offset: rows.length, limit: QUEUE_PAGE })
      setQueue({ key, rows: [...rows, ...page.rows.filter((r) => !rows.some((x) => x.id === r.id))], total: page.total })
    } finally {
      setLoadingMore(false)
    }
  }

  const onDecided = (id: string, decision: ReviewDecision) => {
    if (!rows) return
    if (filter.includeDecided) {
      setQueue({ key, rows: rows.map((r) => (r.id === id ? { ...r, localDecision: decision, localDecidedAt: new Date().toISOString() } : r)), total: rows.length })
    } else {
      // Drop it here at once (the reload confirms), so nothing re-opens the plan just decided.
      setQueue({ key, rows: rows.filter((r) => r.id !== id), total: Math.max(0, (current && 'total' in current ? current.total : rows.length) - 1) })
      go(filter, nextAfterRemoval(rows.map((r) => r.id), id))
    }
    setPanelVersion((n) => n + 1)
    setReloads((n) => n + 1)
  }

  const selected = rows?.find((r) => r.id === planId) ?? null
  return (
    <div className="screen-fill" data-testid="reviews-screen">
      <div className="screen-header screen-header-row">
        <div>
          <Typography.Title level={4} className="screen-title">备案审核</Typography.Title>
          <Typography.Text type="secondary">各执法部门报送备案的检查计划，按提交时间先后排列。逐项核对审核要点与检查对象近期检查记录后，作出备案或退回决定。</Typography.Text>
        </div>
      </div>
      <div className="reviews-body">
        <Card className="review-queue-card" styles={{ body: { padding: 0 } }}>
          <ReviewQueue
            filter={filter}
            onFilter={setFilter}
            facets={facets}
            rows={rows}
            total={current && 'total' in current ? current.total : null}
            error={current && 'error' in current ? current.error : null}
            selectedId={planId}
            onOpen={open}
            onMore={() => void more()}
            loadingMore={loadingMore}
          />
        </Card>
        <Card className="review-panel-card" styles={{ body: { padding: 0 } }}>
          {planId ? (
            <ReviewPanel
              key={`${planId}#${panelVersion}`}
              planId={planId}
              canDecide={user.role === 'OFFICER'}
              localDecision={selected?.localDecision ?? null}
              onDecided={onDecided}
            />
          ) : (
            <div className="review-panel-empty">
              <Empty image={<AuditOutlined className="review-empty-icon" />} description={rows && rows.length === 0 ? '没有等待审核的计划' : '在左侧选择一项计划开始审核'} />
            </div>
          )}
        </Card>
      </div>
    </div>
  )
}
