// The queue of plans waiting for review, oldest submission first: each shows its department, type,
// window, how long it has waited and how many targets it names; a plan decided here but not yet synced
// is marked 待同步 (shown only when the toggle asks for them).
import { SearchOutlined } from '@ant-design/icons'
import { Button, Empty, Input, Select, Skeleton, Switch, Tag, Tooltip } from 'antd'
import { useEffect, useState } from 'react'
import type { ChannelOutput, PlanFacets } from '../../../../core/api/channels.ts'
import { daysBetween, formatCount, formatTimestamp, formatWindowShort } from '../../lib/format.ts'
import { DOMAIN_NAMES, labelOf, PLAN_TYPE_SHORT, REVIEW_DECISION_COLORS, REVIEW_DECISION_LABELS } from '../../lib/labels.ts'
import type { ReviewQueueFilter } from './reviewParams.ts'

export type QueueRow = ChannelOutput<'reviews.queue'>['rows'][number]

const TEXT_DEBOUNCE_MS = 300

function waitingTag(submittedAt: string | null, now: Date) {
  const days = submittedAt ? daysBetween(submittedAt, now) : null
  if (days === null) return null
  return <Tag color={days > 20 ? 'red' : days > 10 ? 'orange' : 'default'} variant="filled" className="queue-wait">已等待 {days} 天</Tag>
}

function QueueItem(props: { row: QueueRow; active: boolean; now: Date; onOpen: () => void }) {
  const { row } = props
  return (
    <li>
      <button
        type="button"
        className={`queue-item${props.active ? ' is-active' : ''}${row.localDecision ? ' is-decided' : ''}`}
        onClick={props.onOpen}
        aria-current={props.active ? 'true' : undefined}
        data-plan-id={row.id}
        data-testid="review-queue-item"
      >
        <div className="queue-item-title" title={row.title}>{row.title}</div>
        <div className="queue-item-dept" title={row.departmentName ?? row.departmentId}>{row.departmentName ?? row.departmentId}</div>
        <div className="queue-item-meta">
          <Tag className="queue-type">{labelOf(PLAN_TYPE_SHORT, row.planType)}</Tag>
          {row.domain ? <span className="muted">{labelOf(DOMAIN_NAMES, row.domain)}</span> : null}
          <span className="tabular">{formatWindowShort(row.windowFrom, row.windowTo)}</span>
          <span className="muted">{row.targetCount ? `${formatCount(row.targetCount)} 个对象` : '按范围'}</span>
        </div>
        <div className="queue-item-foot">
          <span className="muted tabular">
            {row.resubmitted ? (
              <Tooltip title="本机曾对该计划的上一次提交作出决定（见审核记录），部门修改后再次提交">
                <Tag color="purple" className="queue-resubmitted" data-testid="queue-resubmitted">再次提交</Tag>
              </Tooltip>
            ) : null}
            提交 {row.submittedAt ? formatTimestamp(row.submittedAt) : '—'}
          </span>
          {row.localDecision ? (
            <Tooltip title={`本机已于 ${formatTimestamp(row.localDecidedAt)} 作出决定，等待同步报送`}>
              <span className="queue-decided">
                <Tag color={labelOf(REVIEW_DECISION_COLORS, row.localDecision, 'default')}>{labelOf(REVIEW_DECISION_LABELS, row.localDecision)}</Tag>
                <Tag color="gold" data-testid="queue-pending-sync">待同步</Tag>
              </span>
            </Tooltip>
          ) : waitingTag(row.submittedAt, props.now)}
        </div>
      </button>
    </li>
  )
}

export function ReviewQueue(props: {
  filter: ReviewQueueFilter
  onFilter: (next: ReviewQueueFilter) => void
  facets: PlanFacets | null
  rows: QueueRow[] | null
  total: number | null
  error: string | null
  selectedId: string | null
  onOpen: (id: string) => void
  onMore: () => void
  loadingMore: boolean
}) {
  const { filter, onFilter, rows } = props
  const [text, setText] = useState(filter.text ?? '')
  const [committed, setCommitted] = useState(filter.text ?? '')
  if ((filter.text ?? '') !== committed) {
    setCommitted(filter.text ?? '')
    setText(filter.text ?? '')
  }
  useEffect(() => {
    if (text.trim() === (filter.text ?? '')) return
    const timer = window.setTimeout(() => onFilter({ ...filter, text: text.trim() || undefined }), TEXT_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text, filter, onFilter])

  const now = new Date()
  const departmentOptions = (props.facets?.departments ?? []).map((d) => ({ value: d.id, label: d.name, search: `${d.name} ${d.id}` }))
  return (
    <div className="review-queue" data-testid="review-queue">
      <div className="review-queue-filters">
        <Input
          allowClear
          prefix={<SearchOutlined className="muted" />}
          placeholder="搜索计划名称或部门"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="搜索待审核计划"
          maxLength={200}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          placeholder="全部报送部门"
          value={filter.departmentId}
          options={departmentOptions}
          onChange={(v: string | undefined) => onFilter({ ...filter, departmentId: v ?? undefined })}
          aria-label="报送部门"
          popupMatchSelectWidth={320}
        />
        <div className="review-queue-toolbar">
          <span className="review-queue-total" data-testid="review-queue-total">
            {props.total === null ? '正在读取…' : filter.includeDecided ? <>共 <b>{formatCount(props.total)}</b> 项<span className="muted">（含待同步）</span></> : <>待审核 <b>{formatCount(props.total)}</b> 项</>}
          </span>
          <label className="review-queue-toggle">
            <Switch size="small" checked={filter.includeDecided} onChange={(v) => onFilter({ ...filter, includeDecided: v })} aria-label="显示已审核待同步的计划" />
            <span>含已审核待同步</span>
          </label>
        </div>
      </div>
      <div className="review-queue-list">
        {props.error ? <div className="review-queue-error">{props.error}</div> : null}
        {rows === null && !props.error ? <div className="review-queue-loading"><Skeleton active paragraph={{ rows: 8 }} /></div> : null}
        {rows !== null && rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter.departmentId || filter.text ? '没有符合条件的待审核计划' : '没有等待审核的计划'} className="review-queue-empty" />
        ) : null}
        {rows && rows.length > 0 ? (
          <ul className="queue-items">
            {rows.map((r) => <QueueItem key={r.id} row={r} active={r.id === props.selectedId} now={now} onOpen={() => props.onOpen(r.id)} />)}
          </ul>
        ) : null}
        {rows && props.total !== null && rows.length < props.total ? (
          <div className="review-queue-more">
            <Button onClick={props.onMore} loading={props.loadingMore} block>加载更多（还有 {formatCount(props.total - rows.length)} 项）</Button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
