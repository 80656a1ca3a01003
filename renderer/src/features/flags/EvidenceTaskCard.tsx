// One task of a flag's evidence, as a card: code, departments with their level, kind/special/mode, the
// plan it cites, items with their list, and each visit with its officers (certificate valid on the day
// or not) and when the result was entered. Cards sit side by side so a pair of tasks reads across.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import type { FlagDetail } from '../../../../core/api/channels.ts'
import { formatTimestamp } from '../../lib/format.ts'
import {
  DEPARTMENT_LEVEL_LABELS, ITEM_LIST_COLORS, ITEM_LIST_LABELS, labelOf, OFFICER_ROLE_LABELS, TASK_KIND_LABELS, TASK_MODE_LABELS, TASK_SPECIAL_LABELS,
  TASK_STATUS_COLORS, TASK_STATUS_LABELS, TRIGGER_SOURCE_LABELS, VISIT_OUTCOME_LABELS
} from '../../lib/labels.ts'
import { CERT_STATUS_LABELS, certStatus, departmentLine, qualifiedCount } from './evidenceRecords.ts'

type EvidenceTask = FlagDetail['tasks'][number]

function Line(props: { label: string; children: ReactNode }) {
  return (
    <div className="task-card-line">
      <span className="task-card-label">{props.label}</span>
      <span className="task-card-value">{props.children}</span>
    </div>
  )
}

const CERT_ICONS = {
  VALID: <CheckCircleFilled className="cert-ok" />,
  EXPIRED: <CloseCircleFilled className="cert-bad" />,
  NO_CERT: <CloseCircleFilled className="cert-bad" />,
  UNKNOWN_OFFICER: <ExclamationCircleFilled className="cert-warn" />
} as const

function Visit(props: { visit: EvidenceTask['visits'][number] }) {
  const v = props.visit
  const qualified = qualifiedCount(v.officers, v.date)
  return (
    <div className="task-visit">
      <div className="task-visit-head">
        <b className="tabular">{v.date}</b>
        <span>{labelOf(VISIT_OUTCOME_LABELS, v.outcome, '结果未录入')}</span>
        <span className="muted">结果录入：{v.resultEnteredAt ? formatTimestamp(v.resultEnteredAt) : '未录入'}</span>
      </div>
      <ul className="task-officers">
        {v.officers.length === 0 ? <li className="muted">未记录执法人员</li> : null}
        {v.officers.map((o) => {
          const status = certStatus(o, v.date)
          return (
            <li key={o.id} data-cert={status}>
              <Tooltip title={CERT_STATUS_LABELS[status]}>{CERT_ICONS[status]}</Tooltip>
              <span className="task-officer-name">{o.name ?? o.id}</span>
              {o.role && o.role !== 'OFFICER' ? <Tag className="task-officer-role">{labelOf(OFFICER_ROLE_LABELS, o.role)}</Tag> : null}
              <span className="mono muted">{o.certNo ?? '无证号'}</span>
              <span className={status === 'EXPIRED' ? 'cert-bad-text' : 'muted'}>
                {o.certNo ? (o.certValidUntil ? `有效期至 ${o.certValidUntil}` : '长期有效') : ''}
              </span>
            </li>
          )
        })}
      </ul>
      <div className={`task-visit-count${qualified < 2 ? ' is-short' : ''}`}>持有效执法证的执法人员 {qualified} 名</div>
    </div>
  )
}

export function EvidenceTaskCard(props: { task: EvidenceTask; index: number }) {
  const t = props.task
  return (
    <article className="task-card" data-task-id={t.id} data-testid="flag-evidence-task">
      <header className="task-card-head">
        <span className="task-card-index">{props.index + 1}</span>
        {t.code ? <span className="mono task-card-code">{t.code}</span> : <Tag color="red">无检查码</Tag>}
        <span className="mono muted task-card-id">{t.id}</span>
        <Tag color={labelOf(TASK_STATUS_COLORS, t.status, 'default')} className="task-card-status">{labelOf(TASK_STATUS_LABELS, t.status)}</Tag>
      </header>
      <div className="task-card-body">
        <Line label="检查部门">
          {departmentLine(t.departments).map((d) => (
            <span key={d.id} className="task-dept">
              {d.name}
              {d.level ? <Tag className="task-dept-level">{labelOf(DEPARTMENT_LEVEL_LABELS, d.level)}</Tag> : null}
              {d.lead ? <Tag color="blue" className="task-dept-level">牵头</Tag> : null}
            </span>
          ))}
        </Line>
        <Line label="检查类型">
          {labelOf(TASK_KIND_LABELS, t.kind)} · {labelOf(TASK_SPECIAL_LABELS, t.special)} · {labelOf(TASK_MODE_LABELS, t.mode)}
        </Line>
        <Line label="依据计划">
          {t.planCode ? <span className="mono">{t.planCode}</span> : null}
          {t.planId ? <span className="mono muted">{t.planCode ? `（${t.planId}）` : t.planId}</span> : null}
          {!t.planCode && !t.planId ? <span className="muted">未关联计划</span> : null}
        </Line>
        {t.kind === 'TRIGGERED' || t.triggerSource || t.triggerRef ? (
          <Line label="触发来源">
            {t.triggerSource ? labelOf(TRIGGER_SOURCE_LABELS, t.triggerSource) : <span className="cert-bad-text">未填写</span>}
            {t.triggerRef ? <span className="mono muted">（线索 {t.triggerRef}）</span> : null}
          </Line>
        ) : null}
        <Line label="检查场所">{t.siteAddress ?? <span className="muted">{t.siteId ?? '—'}</span>}</Line>
        <Line label="申领检查码">{t.codeAppliedAt ? formatTimestamp(t.codeAppliedAt) : <span className="muted">—</span>}</Line>
        {t.jointDeclinedReason ? <Line label="未联合理由">{t.jointDeclinedReason}</Line> : null}
        <Line label="检查事项">
          {t.items.length === 0 ? <span className="muted">未列明</span> : (
            <span className="task-items">
              {t.items.map((i) => (
                <span key={i.id} className="task-item">
                  {i.list ? <Tag color={labelOf(ITEM_LIST_COLORS, i.list, 'default')} className="task-item-list">{labelOf(ITEM_LIST_LABELS, i.list)}</Tag> : null}
                  <span>{i.name ?? <span className="mono">{i.id}</span>}</span>
                </span>
              ))}
            </span>
          )}
        </Line>
        <div className="task-card-visits">
          <div className="task-card-label">检查记录</div>
          {t.visits.length === 0 ? <div className="muted">尚未实施</div> : t.visits.map((v, i) => <Visit key={`${v.date}-${i}`} visit={v} />)}
        </div>
      </div>
    </article>
  )
}
