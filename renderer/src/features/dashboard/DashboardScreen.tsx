// 工作台: the day's starting point — how many plans wait for review (longest-waiting first), the flags
// still to decide by rule, the plans by status, and the size and freshness of the data.
import { AlertOutlined, AuditOutlined, FileSearchOutlined, ScheduleOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { DashboardSummary } from '../../../../core/api/channels.ts'
import { StatCard } from '../../components/StatCard.tsx'
import { api } from '../../lib/api.ts'
import { daysBetween, formatCount, formatTimestamp } from '../../lib/format.ts'
import { PLAN_STATUS_LABELS, PLAN_STATUS_ORDER } from '../../lib/labels.ts'
import { formatHash, navigate } from '../../lib/router.ts'
import { RULES_PATH } from '../rules/rulesRoute.ts'
import { useSession } from '../../lib/sessionContext.tsx'
import { OpenFlagsCard } from './OpenFlagsCard.tsx'

const STATUS_BAR_COLORS = { DRAFT: '#bfc6d1', SUBMITTED: '#1f5fa6', FILED: '#3f9a5b', RETURNED: '#d48806', PUBLISHED: '#13a8a8', WITHDRAWN: '#b0508f' } as const

function greeting(now: Date): string {
  const h = now.getHours()
  return h < 11 ? '上午好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好'
}

function StatusDistribution(props: { summary: DashboardSummary }) {
  const { byStatus, total } = props.summary.plans
  return (
    <div className="status-bars">
      {PLAN_STATUS_ORDER.map((status) => {
        const n = byStatus[status] ?? 0
        return (
          <button type="button" key={status} className="status-bar-row" onClick={() => navigate(formatHash('/plans', { status }))}>
            <span className="status-bar-label">{PLAN_STATUS_LABELS[status]}</span>
            <span className="status-bar-track">
              <span className="status-bar-fill" style={{ width: `${total ? Math.max(n ? 1.5 : 0, (n / total) * 100) : 0}%`, background: STATUS_BAR_COLORS[status] }} />
            </span>
            <span className="status-bar-count">{formatCount(n)}</span>
          </button>
        )
      })}
    </div>
  )
}

function WaitingList(props: { summary: DashboardSummary }) {
  const { oldestWaiting, waitingReview } = props.summary.plans
  const now = new Date()
  if (oldestWaiting.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有等待审核的计划" />
  return (
    <>
      <List
        className="waiting-list"
        dataSource={oldestWaiting}
        renderItem={(plan) => {
          const days = plan.submittedAt ? daysBetween(plan.submittedAt, now) : null
          return (
            <List.Item
              className="waiting-item"
              onClick={() => navigate(formatHash('/plans', { status: 'SUBMITTED', plan: plan.id }))}
              extra={days !== null ? <Tag color={days > 10 ? 'red' : days > 5 ? 'orange' : 'default'} variant="filled">已等待 {days} 天</Tag> : null}
            >
              <List.Item.Meta
                title={<a>{plan.title}</a>}
                description={`${plan.departmentName ?? '未知部门'} · 提交于 ${formatTimestamp(plan.submittedAt)}`}
              />
            </List.Item>
          )
        }}
      />
      {waitingReview > oldestWaiting.length ? (
        <Button type="link" className="waiting-more" onClick={() => navigate(formatHash('/plans', { status: 'SUBMITTED' }))}>
          查看全部 {formatCount(waitingReview)} 项待审核计划
        </Button>
      ) : null}
    </>
  )
}

/**
 * The waiting card counts submitted plans without a decision here; the status chart counts the central
 * status, which stays 已提交 until the decisions made here are synced. Say the difference, so the two agree.
 */
function waitingHint(summary: DashboardSummary): string {
  const submitted = summary.plans.byStatus['SUBMITTED'] ?? 0
  const decidedHere = submitted - summary.plans.waitingReview
  return decidedHere > 0 ? `已提交 ${formatCount(submitted)} 项，其中 ${formatCount(decidedHere)} 项已审核、待同步` : '已提交、尚未作出审核决定'
}

export function DashboardScreen() {
  const { user } = useSession()
  const [summary, setSummary] = useState<DashboardSummary | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api.call('dashboard.summary', {}).then(
      (s) => live && setSummary(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e))
    )
    return () => {
      live = false
    }
  }, [])

  return (
    <div className="screen-scroll" data-testid="dashboard">
      <div className="screen-header">
        <Typography.Title level={4} className="screen-title">工作台</Typography.Title>
        <Typography.Text type="secondary">{user.name}，{greeting(new Date())}。以下是本工作站数据库中的最新情况。</Typography.Text>
      </div>
      {error ? <Alert type="error" showIcon title="无法读取工作台数据" description={error} /> : null}
      {!summary && !error ? <Card><Skeleton active paragraph={{ rows: 6 }} /></Card> : null}
      {summary ? (
        <>
          {summary.calendarMissing.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              className="dashboard-calendar-alert"
              data-testid="dashboard-calendar-alert"
              title={`工作日历尚无 ${summary.calendarMissing.map((y) => `${y} 年`).join('、')}的节假日安排，落在其中的工作日期限暂按周末推算`}
              action={<Button size="small" type="link" onClick={() => navigate(formatHash(RULES_PATH))}>查看工作日历</Button>}
            />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <StatCard testId="stat-plans" title="检查计划" value={summary.plans.total} accent="#1f5fa6" icon={<FileSearchOutlined />}
                hint={`已备案 ${formatCount((summary.plans.byStatus['FILED'] ?? 0) + (summary.plans.byStatus['PUBLISHED'] ?? 0))} 项（含已公示）`}
                onOpen={() => navigate(formatHash('/plans'))} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <StatCard testId="stat-waiting" title="待审核计划" value={summary.plans.waitingReview} accent="#d46b08" icon={<AuditOutlined />}
                hint={waitingHint(summary)} onOpen={() => navigate(formatHash('/plans', { status: 'SUBMITTED' }))} />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <StatCard testId="stat-tasks" title="检查任务" value={summary.tasks.total} accent="#3f9a5b" icon={<ScheduleOutlined />}
                hint="含有计划检查与触发式检查" />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <StatCard testId="stat-flags" title="待处理问题线索" value={summary.flags.undecided} accent="#cf1322" icon={<AlertOutlined />}
                hint={summary.flags.total > 0 ? `共 ${formatCount(summary.flags.total)} 条，已处理 ${formatCount(summary.flags.total - summary.flags.undecided)} 条` : '尚未运行问题线索分析'}
                onOpen={() => navigate(formatHash('/flags', { status: 'OPEN' }))} />
            </Col>
          </Row>
          <Row gutter={[16, 16]} className="dashboard-row">
            <Col xs={24} xl={14}>
              <Card title="等待审核时间最长的计划" className="dashboard-card" extra={<Tag color="orange" variant="filled">{formatCount(summary.plans.waitingReview)} 项待审核</Tag>}>
                <WaitingList summary={summary} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <OpenFlagsCard open={summary.flags.undecided} />
              <Card title="数据情况" className="dashboard-card dashboard-data-card">
                <div className="data-facts">
                  <div><span className="muted">最近同步</span><span>{summary.freshness.lastSyncAt ? formatTimestamp(summary.freshness.lastSyncAt) : '尚未与中心系统同步'}</span></div>
                  <div><span className="muted">最近导入</span><span>{summary.freshness.lastImportAt ? formatTimestamp(summary.freshness.lastImportAt) : '尚未导入数据'}</span></div>
                  <div><span className="muted">检查对象</span><span data-testid="data-enterprises">{formatCount(summary.enterprises)} 家</span></div>
                  <div><span className="muted">执法主体</span><span>{formatCount(summary.departments)} 个</span></div>
                </div>
              </Card>
            </Col>
          </Row>
          <Card title="计划状态分布" className="dashboard-card dashboard-row" extra={<span className="muted">共 {formatCount(summary.plans.total)} 项</span>}>
            <StatusDistribution summary={summary} />
          </Card>
        </>
      ) : null}
    </div>
  )
}
