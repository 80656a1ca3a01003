// One plan, everything an officer checks when reviewing it: the filed fields, the inspection items and
// which list they are on, the named targets, the status history (central timestamps and this
// workstation's review decisions) and the tasks carried out under it.
import { Alert, Descriptions, Drawer, Empty, Skeleton, Table, Tag, Timeline, Typography, type DescriptionsProps, type TimelineItemProps } from 'antd'
import type { PlanDetail, PlanHistoryEvent } from '../../../../core/api/channels.ts'
import { DetailSection } from '../../components/DetailSection.tsx'
import { api } from '../../lib/api.ts'
import { formatCount, formatRatio, formatTimestamp, formatWindow } from '../../lib/format.ts'
import {
  DOMAIN_NAMES, ITEM_LIST_COLORS, ITEM_LIST_LABELS, labelOf, PLAN_ORIGIN_LABELS, PLAN_STATUS_LABELS, PLAN_TYPE_LABELS, TASK_KIND_LABELS,
  TASK_MODE_LABELS, TASK_STATUS_COLORS, TASK_STATUS_LABELS
} from '../../lib/labels.ts'
import { useKeyedLoad } from '../../lib/useKeyedLoad.ts'
import { PlanStatusTag } from './PlanStatusTag.tsx'

const loadPlan = (id: string): Promise<PlanDetail> => api.call('plans.get', { id })

const HISTORY_TEXT: Record<PlanHistoryEvent['kind'], { title: string; color: string }> = {
  SUBMITTED: { title: '部门提交备案', color: 'blue' },
  FILED: { title: '备案通过，赋予计划编码', color: 'green' },
  PUBLISHED: { title: '计划公示', color: 'cyan' },
  REVIEW_FILE: { title: '本机审核：同意备案', color: 'green' },
  REVIEW_RETURN: { title: '本机审核：退回', color: 'orange' },
  REVIEW_OTHER: { title: '本机审核记录', color: 'gray' }
}
const SYNC_LABELS: Record<string, string> = { PENDING: '待上报', SENT: '已上报', REJECTED: '上报被拒' }

function fields(d: PlanDetail): DescriptionsProps['items'] {
  const p = d.plan
  const text = (v: string | null) => v ?? <span className="muted">未填写</span>
  return [
    { key: 'code', label: '计划编码', children: p.planCode ? <span className="mono">{p.planCode}</span> : <span className="muted">尚未赋码（备案通过后赋予）</span> },
    { key: 'status', label: '计划状态', children: <PlanStatusTag status={p.status} /> },
    { key: 'lead', label: '牵头部门', children: p.department.name ?? p.department.id },
    { key: 'domain', label: '执法领域', children: labelOf(DOMAIN_NAMES, p.domain) },
    {
      key: 'participants', label: '参与部门', span: 2,
      children: p.participants.length ? p.participants.map((x) => <Tag key={x.id}>{x.name ?? x.id}</Tag>) : <span className="muted">无（单部门计划）</span>
    },
    { key: 'type', label: '计划类型', children: labelOf(PLAN_TYPE_LABELS, p.planType) },
    { key: 'origin', label: '计划来源', children: labelOf(PLAN_ORIGIN_LABELS, p.origin) },
    { key: 'year', label: '年度', children: `${p.year} 年` },
    { key: 'window', label: '实施期间', children: <span className="tabular">{formatWindow(p.windowFrom, p.windowTo)}</span> },
    { key: 'scope', label: '检查对象范围', span: 2, children: text(p.scope ?? (d.targets.length ? `列明的 ${d.targets.length} 个检查对象` : null)) },
    {
      key: 'ratio', label: '检查比例',
      children: p.samplingRatio !== null ? formatRatio(p.samplingRatio) : <span className="muted">{d.targets.length ? '不适用（已列明检查对象）' : '未填写'}</span>
    },
    { key: 'frequency', label: '检查频次', children: text(p.frequency) },
    { key: 'method', label: '检查方式', span: 2, children: text(p.method) },
    { key: 'basis', label: '检查依据', span: 2, children: text(p.legalBasis) }
  ]
}

function historyItems(d: PlanDetail): TimelineItemProps[] {
  const items: TimelineItemProps[] = d.history.map((e, i) => {
    const text = HISTORY_TEXT[e.kind]
    return {
      key: `${e.kind}-${i}`,
      color: text.color,
      content: (
        <div className="history-entry">
          <div className="history-title">{text.title}</div>
          <div className="history-time">{formatTimestamp(e.at)}</div>
          {e.actor ? <div className="muted">审核人：{e.actor}{e.syncStatus ? ` · ${SYNC_LABELS[e.syncStatus] ?? e.syncStatus}` : ''}</div> : null}
          {e.reason ? <div className="history-reason">理由：{e.reason}</div> : null}
        </div>
      )
    }
  })
  items.push({
    key: 'current',
    color: 'gray',
    content: <div className="history-entry"><div className="history-title">当前状态：{labelOf(PLAN_STATUS_LABELS, d.plan.status)}</div></div>
  })
  return items
}

function DetailBody(props: { detail: PlanDetail }) {
  const d = props.detail
  return (
    <div className="plan-detail" data-testid="plan-detail">
      <Descriptions bordered size="small" column={2} items={fields(d)} className="plan-fields" styles={{ label: { width: 124 } }} />

      <DetailSection title="检查事项" count={d.items.length} testId="plan-items">
        {d.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="计划未列明检查事项" />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: '事项名称', dataIndex: 'name', render: (v: string | null, r) => v ?? <span className="muted">未知事项（{r.id}）</span> },
              { title: '所属清单', dataIndex: 'list', width: 110, render: (v: string | null) => (v ? <Tag color={labelOf(ITEM_LIST_COLORS, v, 'default')}>{labelOf(ITEM_LIST_LABELS, v)}</Tag> : '—') },
              { title: '执法领域', dataIndex: 'domain', width: 96, render: (v: string | null) => labelOf(DOMAIN_NAMES, v) },
              { title: '依据', dataIndex: 'legalBasis', ellipsis: true, render: (v: string | null) => v ?? <span className="muted">—</span> }
            ]}
          />
        )}
      </DetailSection>

      <DetailSection title="检查对象" count={d.targets.length} testId="plan-targets">
        {d.targets.length === 0 ? (
          <div className="muted detail-note">计划未列明具体检查对象，按“检查对象范围”{d.plan.samplingRatio !== null ? `抽取 ${formatRatio(d.plan.samplingRatio)}` : '确定'}。</div>
        ) : (
          <ul className="target-list">
            {d.targets.map((t, i) => (
              <li key={`${t.enterpriseId}-${i}`} className="target-item">
                <div className="target-head">
                  <span className="target-name">{t.enterpriseName ?? <span className="muted">检查对象库中无此企业</span>}</span>
                  <span className="mono muted">{t.enterpriseId}</span>
                </div>
                <div className="target-sites">
                  <span className="muted">{t.allSites ? '全部经营场所' : '指定场所'}：</span>
                  {t.sites.length ? t.sites.map((s) => s.address || s.id).join('；') : '—'}
                </div>
              </li>
            ))}
          </ul>
        )}
      </DetailSection>

      <DetailSection title="状态记录" testId="plan-history">
        <Timeline className="plan-history" items={historyItems(d)} />
      </DetailSection>

      <DetailSection title="执行的检查任务" count={d.tasks.total} testId="plan-tasks">
        {d.tasks.total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无依据此计划实施的检查任务" />
        ) : (
          <>
            <Table
              size="small"
              rowKey="id"
              dataSource={d.tasks.rows}
              pagination={d.tasks.rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
              columns={[
                { title: '检查码', dataIndex: 'code', width: 200, render: (v: string | null) => (v ? <span className="mono">{v}</span> : <Tag color="red">无检查码</Tag>) },
                { title: '检查对象', dataIndex: 'enterpriseName', ellipsis: true, render: (v: string | null, r) => v ?? r.enterpriseId },
                { title: '检查日期', dataIndex: 'inspectionDate', width: 104, render: (v: string | null) => v ?? <span className="muted">未检查</span> },
                { title: '方式', dataIndex: 'mode', width: 92, render: (v: string) => labelOf(TASK_MODE_LABELS, v) },
                { title: '类别', dataIndex: 'kind', width: 72, render: (v: string) => labelOf(TASK_KIND_LABELS, v) },
                { title: '状态', dataIndex: 'status', width: 80, render: (v: string) => <Tag color={labelOf(TASK_STATUS_COLORS, v, 'default')}>{labelOf(TASK_STATUS_LABELS, v)}</Tag> },
                {
                  title: '关联方式', dataIndex: 'linkedBy', width: 92,
                  render: (v: string) => (v === 'PLAN_ID' ? '计划' : <span title="任务只引用了计划编码">计划编码</span>)
                }
              ]}
            />
            {d.tasks.total > d.tasks.rows.length ? (
              <div className="muted detail-note">仅显示最近的 {formatCount(d.tasks.rows.length)} 项，共 {formatCount(d.tasks.total)} 项。</div>
            ) : null}
          </>
        )}
      </DetailSection>
    </div>
  )
}

export function PlanDetailDrawer(props: { planId: string | null; onClose: () => void }) {
  const { planId } = props
  const current = useKeyedLoad(planId, loadPlan)
  const detail = current && 'value' in current ? current.value : null
  const title = detail ? detail.plan.title : '检查计划详情'
  return (
    <Drawer
      open={planId !== null}
      onClose={props.onClose}
      size={860}
      destroyOnHidden
      title={<Typography.Text className="drawer-title" ellipsis={{ tooltip: title }}>{title}</Typography.Text>}
      extra={detail ? <PlanStatusTag status={detail.plan.status} /> : null}
      className="plan-drawer"
    >
      {!current ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {current && 'error' in current ? <Alert type="error" showIcon title="无法读取计划详情" description={current.error} /> : null}
      {detail ? <DetailBody detail={detail} /> : null}
    </Drawer>
  )
}
