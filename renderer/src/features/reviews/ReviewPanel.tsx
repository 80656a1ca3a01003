// One submitted plan under review: its key fields, the plan-time checks (with their legal basis), the
// recent inspection history of every target across all departments (D-25), joint-inspection proposals
// with other departments' plans on the same objects (D-26), and this workstation's earlier decisions.
// 备案 asks for confirmation; 退回 asks for the reason. Both are queued for sync (outbox).
import { CheckCircleOutlined, InfoCircleOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, App, Button, Descriptions, Form, Input, Modal, Result, Skeleton, Tag, Tooltip, Typography, type DescriptionsProps } from 'antd'
import { useState } from 'react'
import type { PlanReviewView } from '../../../../core/api/channels.ts'
import { DetailSection } from '../../components/DetailSection.tsx'
import { api } from '../../lib/api.ts'
import { formatRatio, formatTimestamp, formatWindow } from '../../lib/format.ts'
import {
  DOMAIN_NAMES, labelOf, PLAN_ORIGIN_LABELS, PLAN_TYPE_LABELS, REVIEW_DECISION_COLORS, REVIEW_DECISION_LABELS, SYNC_STATUS_COLORS, SYNC_STATUS_LABELS
} from '../../lib/labels.ts'
import { useKeyedLoad } from '../../lib/useKeyedLoad.ts'
import { useModalForm } from '../../lib/useModalForm.ts'
import { SeverityTag } from '../flags/FlagTags.tsx'
import { PlanStatusTag } from '../plans/PlanStatusTag.tsx'
import { readReviewedPlan, sortedChecks, type ReviewedPlan } from './reviewPlan.ts'
import { HighlightLegend, TargetHistories } from './TargetHistories.tsx'

export type ReviewDecision = 'FILE' | 'RETURN'

const REASON_MAX = 2000

const loadReview = (planId: string): Promise<PlanReviewView> => api.call('reviews.get', { planId })

function planFields(plan: ReviewedPlan, review: PlanReviewView): DescriptionsProps['items'] {
  const text = (v: string | null) => v ?? <span className="muted">未填写</span>
  const itemNames = plan.item_ids.map((id) => review.itemNames[id] ?? id)
  const targets = plan.targets ?? []
  return [
    { key: 'dept', label: '报送部门', children: review.departmentName ?? plan.department_id },
    { key: 'domain', label: '执法领域', children: labelOf(DOMAIN_NAMES, review.domain) },
    { key: 'type', label: '计划类型', children: labelOf(PLAN_TYPE_LABELS, plan.plan_type) },
    { key: 'origin', label: '计划来源', children: labelOf(PLAN_ORIGIN_LABELS, plan.origin) },
    { key: 'window', label: '实施期间', children: <span className="tabular">{formatWindow(plan.window_from, plan.window_to)}</span> },
    { key: 'submitted', label: '提交时间', children: <span className="tabular">{formatTimestamp(plan.submitted_at)}</span> },
    {
      key: 'items', label: '检查事项', span: 2,
      children: itemNames.length ? <span className="review-items">{itemNames.map((n, i) => <Tag key={`${n}-${i}`}>{n}</Tag>)}</span> : <span className="muted">未填写</span>
    },
    { key: 'scope', label: '检查对象', span: 2, children: targets.length ? `列明 ${targets.length} 个检查对象（见下方近期检查记录）` : text(plan.scope) },
    { key: 'ratio', label: '检查比例', children: plan.sampling_ratio !== null ? formatRatio(plan.sampling_ratio) : <span className="muted">{targets.length ? '不适用' : '未填写'}</span> },
    { key: 'frequency', label: '检查频次', children: text(plan.frequency) },
    { key: 'method', label: '检查方式', span: 2, children: text(plan.method) },
    { key: 'basis', label: '检查依据', span: 2, children: text(plan.legal_basis) }
  ]
}

function Checks(props: { checks: PlanReviewView['checks'] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  if (props.checks.length === 0) {
    return <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="未发现需要说明的问题" description="计划要素齐全，检查对象近期无频次、名单或互认方面的预警。" />
  }
  const checks = sortedChecks(props.checks)
  return (
    <ul className="review-checks" data-testid="review-checks-list">
      {checks.map((c, i) => {
        const expanded = open.has(i)
        return (
          <li key={`${c.code}-${c.enterpriseId ?? ''}-${i}`} className={`review-check severity-${c.severity.toLowerCase()}`} data-code={c.code}>
            <SeverityTag severity={c.severity} />
            <div className="review-check-body">
              <div className="review-check-message">{c.message}</div>
              {expanded ? <div className="review-check-basis" data-testid="review-check-basis">依据：{c.basis}</div> : null}
            </div>
            <Tooltip title={expanded ? undefined : c.basis}>
              <Button
                type="link"
                size="small"
                icon={<InfoCircleOutlined />}
                className="review-check-toggle"
                onClick={() => setOpen((prev) => {
                  const next = new Set(prev)
                  if (next.has(i)) next.delete(i)
                  else next.add(i)
                  return next
                })}
              >
                {expanded ? '收起依据' : '依据'}
              </Button>
            </Tooltip>
          </li>
        )
      })}
    </ul>
  )
}

function Proposals(props: { review: PlanReviewView; plan: ReviewedPlan; names: ReadonlyMap<string, string> }) {
  const { review, plan, names } = props
  if (review.proposals.length === 0) return <div className="muted detail-note">其他部门在相近期间没有检查相同对象的计划。</div>
  return (
    <ul className="proposals">
      {review.proposals.map((p) => {
        const shared = p.sharedEnterpriseIds.map((id) => names.get(id) ?? id)
        const selfLead = p.suggestedLeadDepartmentId === plan.department_id
        return (
          <li key={p.planId} className="proposal" data-plan-id={p.planId} data-testid="review-proposal">
            <div className="proposal-head">
              <span className="proposal-title" title={p.title}>{p.title}</span>
              <PlanStatusTag status={p.status} />
            </div>
            <div className="proposal-facts">
              {p.planCode ? <span><span className="muted">计划编码</span> <span className="mono">{p.planCode}</span></span> : <span><span className="muted">计划</span> <span className="mono">{p.planId}</span><span className="muted">（尚未赋码）</span></span>}
              <span><span className="muted">部门</span> {p.departmentName ?? p.departmentId}</span>
              <span><span className="muted">实施期间</span> <span className="tabular">{formatWindow(p.windowFrom, p.windowTo)}</span></span>
            </div>
            <div className="proposal-facts">
              <span className="proposal-shared">
                <span className="muted">共同检查对象（{shared.length}）</span> {shared.join('、')}
              </span>
            </div>
            <div className="proposal-lead">
              <span className="muted">建议牵头</span>
              <b>{selfLead ? (review.departmentName ?? plan.department_id) : (p.departmentName ?? p.suggestedLeadDepartmentId)}</b>
              <Tag color={selfLead ? 'blue' : 'purple'} className="proposal-self">{selfLead ? '本计划牵头' : '对方牵头'}</Tag>
              <span className="muted">可合并为一次联合检查，减少对企业的打扰</span>
            </div>
          </li>
        )
      })}
    </ul>
  )
}

function Decisions(props: { decisions: PlanReviewView['decisions'] }) {
  if (props.decisions.length === 0) return <div className="muted detail-note">本机尚无该计划的审核记录。</div>
  return (
    <ul className="review-decisions">
      {props.decisions.map((d, i) => (
        <li key={`${d.decidedAt}-${i}`} className="review-decision">
          <Tag color={labelOf(REVIEW_DECISION_COLORS, d.decision, 'default')}>{labelOf(REVIEW_DECISION_LABELS, d.decision)}</Tag>
          <span>{d.reviewerName ?? '—'}</span>
          <span className="muted tabular">{formatTimestamp(d.decidedAt)}</span>
          <Tag color={labelOf(SYNC_STATUS_COLORS, d.syncStatus, 'default')}>{labelOf(SYNC_STATUS_LABELS, d.syncStatus)}</Tag>
          {d.reason ? <span className="review-decision-reason">理由：{d.reason}</span> : null}
        </li>
      ))}
    </ul>
  )
}

function ReturnModal(props: { open: boolean; title: string; onCancel: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const { form, saving, error, submit, cancel } = useModalForm<{ reason: string }>()
  return (
    <Modal
      open={props.open}
      title="退回计划"
      okText="退回"
      okButtonProps={{ danger: true, loading: saving }}
      cancelText="取消"
      onOk={() => void submit(({ reason }) => props.onSubmit(reason.trim()))}
      onCancel={() => {
        cancel()
        props.onCancel()
      }}
      destroyOnHidden
      width={600}
      className="return-modal"
    >
      <p className="decision-modal-lead">退回《{props.title}》，请写明需要报送部门补充或修改的内容。理由将随决定报送统一综合执法系统并记入审计日志。</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="退回理由" rules={[{ required: true, whitespace: true, message: '退回计划须说明理由' }]}>
          <Input.TextArea rows={5} maxLength={REASON_MAX} showCount placeholder="例如：检查对象范围未明确，抽查比例缺少依据，请补充后重新提交。" aria-label="退回理由" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title="退回失败" description={error} /> : null}
    </Modal>
  )
}

export function ReviewPanel(props: {
  planId: string
  canDecide: boolean
  localDecision: string | null
  onDecided: (planId: string, decision: ReviewDecision) => void
}) {
  const { planId, canDecide } = props
  const { modal, message } = App.useApp()
  const current = useKeyedLoad(planId, loadReview)
  const [returning, setReturning] = useState(false)

  if (!current) return <div className="review-panel-loading"><Skeleton active paragraph={{ rows: 16 }} /></div>
  if ('error' in current) return <Result status="error" title="无法读取计划审核信息" subTitle={current.error} />
  const review = current.value
  const plan = readReviewedPlan(review.plan)
  if (!plan) return <Result status="warning" title="计划记录不完整" subTitle={`计划 ${planId} 缺少必要字段，无法审核。`} />

  const names = new Map(review.history.map((h) => [h.enterpriseId, h.enterpriseName ?? h.enterpriseId]))
  const pending = review.decisions.find((d) => d.syncStatus === 'PENDING')
  const decidedHere = props.localDecision ?? pending?.decision ?? null
  const lockedReason = !canDecide
    ? '仅监督员可以作出备案或退回决定'
    : plan.status !== 'SUBMITTED'
      ? '只有已提交的计划可以审核'
      : decidedHere
        ? '本机已作出决定，等待同步报送'
        : undefined

  const decide = async (decision: ReviewDecision, reason?: string) => {
    await api.call('reviews.decide', { planId, decision, reason })
    void message.success(
      decision === 'FILE'
        ? `已同意备案《${plan.title}》，决定已加入待同步队列，将在下次同步时报送`
        : `已退回《${plan.title}》，决定已加入待同步队列，将在下次同步时报送`
    )
    props.onDecided(planId, decision)
  }

  const confirmFile = () => {
    modal.confirm({
      title: '同意备案',
      icon: <SafetyCertificateOutlined style={{ color: '#3f9a5b' }} />,
      content: (
        <div>
          <p>同意《{plan.title}》备案？</p>
          {review.checks.some((c) => c.severity === 'MUST') ? <Alert type="warning" showIcon title="该计划有“必须纠正”的审核要点，请确认已核实。" /> : null}
          <p className="muted">决定将记入审计日志，并在下次同步时报送统一综合执法系统。</p>
        </div>
      ),
      okText: '同意备案',
      cancelText: '取消',
      onOk: async () => {
        try {
          await decide('FILE')
        } catch (e) {
          void message.error(`备案失败：${e instanceof Error ? e.message : String(e)}`)
        }
      }
    })
  }

  return (
    <div className="review-panel" data-testid="review-panel" data-plan-id={planId}>
      <header className="review-panel-head">
        <div className="review-panel-title">
          <Typography.Title level={5} className="review-title" ellipsis={{ tooltip: plan.title }}>{plan.title}</Typography.Title>
          <div className="review-panel-sub">
            <PlanStatusTag status={plan.status} />
            <span className="mono muted">{plan.plan_code ?? plan.id}</span>
            <span className="muted">{review.departmentName ?? plan.department_id}</span>
            {decidedHere ? <Tag color="gold">本机已{labelOf(REVIEW_DECISION_LABELS, decidedHere)} · 待同步</Tag> : null}
          </div>
        </div>
        <div className="review-actions">
          <Tooltip title={lockedReason}>
            <Button icon={<RollbackOutlined />} danger disabled={Boolean(lockedReason)} onClick={() => setReturning(true)} data-testid="review-return">退回</Button>
          </Tooltip>
          <Tooltip title={lockedReason}>
            <Button type="primary" icon={<CheckCircleOutlined />} disabled={Boolean(lockedReason)} onClick={confirmFile} data-testid="review-file">备案</Button>
          </Tooltip>
        </div>
      </header>
      <div className="review-panel-body">
        <Descriptions bordered size="small" column={2} items={planFields(plan, review)} className="review-fields" styles={{ label: { width: 96 } }} />

        <DetailSection title="审核要点" count={review.checks.length} testId="review-checks">
          <Checks checks={review.checks} />
        </DetailSection>

        <DetailSection
          title="检查对象近期检查记录"
          count={review.history.length}
          testId="review-history"
          extra={
            <Tooltip title={`做法参考：${review.historyBasis}`}>
              <span className="review-history-scope" data-testid="review-history-scope">
                自 {review.historyFrom} 起，全部执法部门 <InfoCircleOutlined aria-label="做法参考" />
              </span>
            </Tooltip>
          }
        >
          {review.history.length > 0 ? <HighlightLegend history={review.history} /> : null}
          <TargetHistories history={review.history} gradeDomain={review.domain} />
        </DetailSection>

        <DetailSection title="联合检查建议" count={review.proposals.length} testId="review-proposals">
          <Proposals review={review} plan={plan} names={names} />
        </DetailSection>

        <DetailSection title="审核记录" count={review.decisions.length} testId="review-decisions">
          <Decisions decisions={review.decisions} />
        </DetailSection>
      </div>
      <ReturnModal
        open={returning}
        title={plan.title}
        onCancel={() => setReturning(false)}
        onSubmit={async (reason) => {
          await decide('RETURN', reason)
          setReturning(false)
        }}
      />
    </div>
  )
}
