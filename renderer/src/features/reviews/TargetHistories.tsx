// D-25 for every target a plan names: the enterprise and site, its list memberships and grade, and every
// inspection of it by any department since `historyFrom`, rows coloured by what should give the reviewer
// pause (same department this year, inside the minimum interval, a result of the other level to
// recognise, a pending task to merge into), with a legend.
import { Button, Empty, Table, Tag, Tooltip } from 'antd'
import { useState } from 'react'
import type { PlanReviewView } from '../../../../core/api/channels.ts'
import { formatCount } from '../../lib/format.ts'
import {
  DOMAIN_NAMES, HISTORY_HIGHLIGHT_COLORS, HISTORY_HIGHLIGHT_HINTS, HISTORY_HIGHLIGHT_LABELS, HISTORY_HIGHLIGHT_ORDER, labelOf, NAME_LIST_COLORS,
  NAME_LIST_LABELS, TASK_KIND_LABELS, TASK_MODE_LABELS, TASK_SPECIAL_LABELS, TASK_STATUS_COLORS, TASK_STATUS_LABELS
} from '../../lib/labels.ts'
import { collapsedHistory, highlightCounts, primaryHighlight, type HistoryEntryView } from './reviewPlan.ts'

type TargetHistory = PlanReviewView['history'][number]

export function HighlightLegend(props: { history: PlanReviewView['history'] }) {
  const counts = highlightCounts(props.history)
  return (
    <div className="highlight-legend" data-testid="history-legend">
      {HISTORY_HIGHLIGHT_ORDER.map((h) => (
        <Tooltip key={h} title={HISTORY_HIGHLIGHT_HINTS[h]}>
          <span className={`highlight-legend-item highlight-${h}`} data-highlight={h}>
            <span className="highlight-swatch" />
            {HISTORY_HIGHLIGHT_LABELS[h]}
            <b>{formatCount(counts[h])}</b>
          </span>
        </Tooltip>
      ))}
    </div>
  )
}

function typeText(e: HistoryEntryView): string {
  const parts = [labelOf(TASK_KIND_LABELS, e.kind), labelOf(TASK_MODE_LABELS, e.mode)]
  if (e.special !== 'NONE') parts.push(labelOf(TASK_SPECIAL_LABELS, e.special))
  return parts.join(' · ')
}

function TargetTable(props: { target: TargetHistory }) {
  const { target } = props
  const [showAll, setShowAll] = useState(false)
  if (target.entries.length === 0) return <div className="muted target-history-empty">期间内没有任何部门检查该对象。</div>
  const collapsed = collapsedHistory(target.entries)
  const hidden = target.entries.length - collapsed.length
  const rows = showAll ? target.entries : collapsed
  return (
    <Table<HistoryEntryView>
      size="small"
      rowKey="taskId"
      pagination={false}
      dataSource={rows}
      footer={hidden > 0 ? () => (
        <Button type="link" size="small" data-testid="history-show-all" onClick={() => setShowAll(!showAll)}>
          {showAll ? '只显示有审核提示的和最近的检查' : `显示全部 ${formatCount(target.entries.length)} 次检查（另有 ${formatCount(hidden)} 次未显示）`}
        </Button>
      ) : undefined}
      className="history-table"
      rowClassName={(e) => {
        const h = primaryHighlight(e)
        return h ? `history-row highlight-${h}` : 'history-row'
      }}
      onRow={(e) => ({ 'data-highlights': e.highlights.join(' ') } as object)}
      tableLayout="fixed"
      columns={[
        {
          title: '检查日期', dataIndex: 'inspectionDate', width: 96,
          render: (v: string | null, e) => (v ? <span className="tabular" title={e.lastVisitDate && e.lastVisitDate !== v ? `最后一次 ${e.lastVisitDate}` : undefined}>{v}</span> : <span className="muted">待实施</span>)
        },
        { title: '检查部门', dataIndex: 'departmentNames', render: (v: string[]) => <span className="history-wrap">{v.join('、')}</span> },
        {
          title: '检查码 / 类型', key: 'code', width: 172,
          render: (_: unknown, e) => (
            <div className="history-code">
              {e.code ? <span className="mono">{e.code}</span> : <Tag color="red">无检查码</Tag>}
              <span className="muted">{typeText(e)}</span>
            </div>
          )
        },
        { title: '检查事项', dataIndex: 'itemNames', render: (v: string[]) => (v.length ? <span className="history-wrap">{v.join('、')}</span> : <span className="muted">—</span>) },
        { title: '状态', dataIndex: 'status', width: 72, render: (v: string) => <Tag color={labelOf(TASK_STATUS_COLORS, v, 'default')}>{labelOf(TASK_STATUS_LABELS, v)}</Tag> },
        {
          title: '审核提示', dataIndex: 'highlights', width: 150,
          render: (v: HistoryEntryView['highlights']) => (v.length ? (
            <span className="history-highlights">
              {v.map((h) => (
                <Tooltip key={h} title={HISTORY_HIGHLIGHT_HINTS[h]}>
                  <Tag color={HISTORY_HIGHLIGHT_COLORS[h]} className="history-highlight-tag">{HISTORY_HIGHLIGHT_LABELS[h]}</Tag>
                </Tooltip>
              ))}
            </span>
          ) : <span className="muted">—</span>)
        }
      ]}
    />
  )
}

export function TargetHistories(props: { history: PlanReviewView['history']; gradeDomain: string | null }) {
  const { history } = props
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="计划未列明具体检查对象，频次与名单预警将在申领检查码时进行" />
  return (
    <div className="target-histories">
      {history.map((t, i) => {
        const flagged = t.entries.some((e) => e.highlights.length > 0)
        return (
          <article key={`${t.enterpriseId}-${t.siteId ?? i}`} className={`target-history${flagged ? ' is-flagged' : ''}`} data-enterprise-id={t.enterpriseId} data-testid="target-history">
            <header className="target-history-head">
              <span className="target-history-index">{i + 1}</span>
              <div className="target-history-name">
                <div>
                  <b>{t.enterpriseName ?? '检查对象库中无此企业'}</b>
                  <span className="mono muted">{t.enterpriseId}</span>
                </div>
                <div className="muted target-history-site">{t.siteAddress ?? t.siteId ?? '未指定场所'}</div>
              </div>
              <div className="target-history-tags">
                {t.lists.map((l, j) => (
                  <Tooltip key={`${l.list}-${j}`} title={`${l.domain ? labelOf(DOMAIN_NAMES, l.domain) : '全部领域'}，${l.from} 起${l.to ? `至 ${l.to}` : '长期'}`}>
                    <Tag color={labelOf(NAME_LIST_COLORS, l.list, 'default')} data-list={l.list}>{labelOf(NAME_LIST_LABELS, l.list)}</Tag>
                  </Tooltip>
                ))}
                <Tag className="target-grade" data-grade={t.grade ?? ''}>
                  {props.gradeDomain ? `${labelOf(DOMAIN_NAMES, props.gradeDomain)}等级` : '等级'}：{t.grade ?? '未评定'}
                </Tag>
                <span className="muted target-history-count">检查 {formatCount(t.entries.length)} 次</span>
              </div>
            </header>
            <TargetTable target={t} />
          </article>
        )
      })}
    </div>
  )
}
