// One flag, everything an officer needs to decide it: the message (ready to paste into a notice), the
// legal basis, the facts the rule recorded, and the records behind it side by side — tasks, plans,
// list entries, evaluations. The footer confirms or dismisses it (监督员 only), with the reason.
import { CheckOutlined, CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Descriptions, Drawer, Input, Skeleton, Table, Tag, Tooltip, Typography, type DescriptionsProps } from 'antd'
import { useEffect, useState } from 'react'
import type { FlagDetail } from '../../../../core/api/channels.ts'
import { DetailSection } from '../../components/DetailSection.tsx'
import { ShowAllButton } from '../../components/ShowAllButton.tsx'
import { api } from '../../lib/api.ts'
import { formatCount, formatTimestamp, formatWindow } from '../../lib/format.ts'
import {
  DOMAIN_NAMES, EVALUATION_TAG_LABELS, labelOf, NAME_LIST_COLORS, NAME_LIST_LABELS, PLAN_ORIGIN_LABELS, VERDICT_LABELS
} from '../../lib/labels.ts'
import { formatHash } from '../../lib/router.ts'
import { rememberChoice, storedChoice } from '../../lib/preferences.ts'
import { useKeyedLoad } from '../../lib/useKeyedLoad.ts'
import { useShowAll } from '../../lib/useShowAll.ts'
import { PlanStatusTag } from '../plans/PlanStatusTag.tsx'
import { RULE_PARAM, RULES_PATH } from '../rules/rulesRoute.ts'
import { REASON_MAX, reasonRequired, type FlagDecisionCode } from './DecisionModal.tsx'
import { describeEvidence, evidenceNames } from './evidenceFacts.ts'
import { EvidenceFacts } from './EvidenceFacts.tsx'
import { EvidenceTaskCard } from './EvidenceTaskCard.tsx'
import { FlagStatusTag, SeverityTag } from './FlagTags.tsx'
import { neighbourIndex, type FlagStepping } from './useFlagStepping.ts'

const loadFlag = (flagKey: string): Promise<FlagDetail> => api.call('flags.get', { flagKey })

/** Characters of a flag key shown: a flag naming a year of inspections has a key of thousands (copied whole). */
const FLAG_KEY_SHOWN = 160

function shortFlagKey(key: string): string {
  return key.length <= FLAG_KEY_SHOWN ? key : `${key.slice(0, FLAG_KEY_SHOWN)}…（共 ${formatCount(key.length)} 字符，复制得完整编号）`
}

function summaryItems(d: FlagDetail): DescriptionsProps['items'] {
  return [
    { key: 'rule', label: '问题类型', span: 2, children: <span>{d.ruleName} <span className="mono muted">{d.rule}</span></span> },
    { key: 'severity', label: '严重程度', children: <SeverityTag severity={d.severity} /> },
    { key: 'date', label: '发生日期', children: <span className="tabular">{d.eventDate ?? '—'}</span> },
    {
      key: 'enterprise', label: '企业', span: 2,
      children: d.enterpriseId ? <span>{d.enterpriseName ?? '检查对象库中无此企业'} <span className="mono muted">{d.enterpriseId}</span></span> : <span className="muted">不涉及具体企业</span>
    },
    { key: 'department', label: '执法部门', span: 2, children: d.departmentName ?? d.departmentId ?? '—' },
    {
      key: 'key', label: '线索编号', span: 2,
      children: (
        <Typography.Text className="mono flag-key-text" copyable={{ text: d.flagKey, tooltips: ['复制完整编号', '已复制'] }} title={d.flagKey.length > FLAG_KEY_SHOWN ? d.flagKey : undefined}>
          {shortFlagKey(d.flagKey)}
        </Typography.Text>
      )
    }
  ]
}

function BasisLines(props: { basis: string }) {
  const lines = props.basis.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
  if (lines.length === 0) return <div className="muted">规则包未记载该规则的依据。</div>
  return (
    <ol className="basis-list" data-testid="flag-basis">
      {lines.map((line, i) => {
        // "《文件》（文号） 002:L451：要求" — the document, the citation and the requirement read apart.
        const colon = line.indexOf('：')
        return (
          <li key={i}>
            {colon > 0 ? <><span className="basis-source">{line.slice(0, colon)}</span><span className="basis-note">{line.slice(colon + 1)}</span></> : line}
          </li>
        )
      })}
    </ol>
  )
}

function DecisionStatus(props: { detail: FlagDetail; userName: (id: string) => string }) {
  const d = props.detail
  if (d.status === 'OPEN') return <span className="muted">尚未处理</span>
  return (
    <div className="flag-decision-status" data-testid="flag-decision-status">
      <FlagStatusTag status={d.status} />
      <span>{d.decidedBy ? props.userName(d.decidedBy) : '—'}</span>
      <span className="muted tabular">{formatTimestamp(d.decidedAt)}</span>
      {d.decisionReason ? <span className="flag-decision-reason" title={d.decisionReason}>理由：{d.decisionReason}</span> : null}
    </div>
  )
}

/** Local storage key of 处理后转到下一条. */
const ADVANCE_KEY = 'jiandu.flagAdvance'

function DecisionFooter(props: {
  detail: FlagDetail
  canDecide: boolean
  userName: (id: string) => string
  advance: boolean
  onAdvanceChange: (advance: boolean) => void
  onDecide: (decision: FlagDecisionCode, reason: string) => Promise<void>
}) {
  const { detail, canDecide } = props
  const [reason, setReason] = useState('')
  const [saving, setSaving] = useState<FlagDecisionCode | null>(null)
  const [error, setError] = useState<string | null>(null)
  const decide = async (decision: FlagDecisionCode) => {
    if (reasonRequired(decision) && reason.trim() === '') {
      setError('排除问题线索须说明理由')
      return
    }
    setSaving(decision)
    setError(null)
    try {
      await props.onDecide(decision, reason.trim())
      setReason('')
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(null)
    }
  }
  const lockedTip = canDecide ? undefined : '仅监督员可以确认或排除问题线索'
  const again = detail.status !== 'OPEN'
  return (
    <div className="flag-decision" data-testid="flag-decision">
      <div className="flag-decision-row">
        <span className="flag-decision-label">处理结果</span>
        <DecisionStatus detail={detail} userName={props.userName} />
      </div>
      <div className="flag-decision-row">
        <Input.TextArea
          className="flag-decision-reason-input"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value)
            if (error) setError(null)
          }}
          placeholder={canDecide ? (again ? '如需改变处理结果，请写明理由（排除时必填）' : '处理理由（排除时必填）') : '仅监督员可以处理问题线索'}
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={REASON_MAX}
          disabled={!canDecide}
          aria-label="处理理由"
          status={error ? 'error' : undefined}
        />
        <div className="flag-decision-buttons">
          <Checkbox checked={props.advance} disabled={!canDecide} onChange={(e) => props.onAdvanceChange(e.target.checked)} data-testid="flag-advance">
            处理后转到下一条
          </Checkbox>
          <Tooltip title={lockedTip}>
            <Button danger type="primary" icon={<CheckOutlined />} disabled={!canDecide || detail.status === 'CONFIRMED'} loading={saving === 'CONFIRMED'} onClick={() => void decide('CONFIRMED')}>
              确认问题
            </Button>
          </Tooltip>
          <Tooltip title={lockedTip}>
            <Button icon={<CloseOutlined />} disabled={!canDecide || detail.status === 'DISMISSED'} loading={saving === 'DISMISSED'} onClick={() => void decide('DISMISSED')}>
              排除
            </Button>
          </Tooltip>
        </div>
      </div>
      {error ? <div className="flag-decision-error" role="alert">{error}</div> : null}
    </div>
  )
}

/** Task cards shown before 显示全部: a flag can name a year's worth of inspections. */
const TASK_CARDS_SHOWN = 12

function TaskCards(props: { tasks: FlagDetail['tasks'] }) {
  const cards = useShowAll(props.tasks, TASK_CARDS_SHOWN)
  if (props.tasks.length === 0) return <div className="muted detail-note">该线索不涉及具体检查任务。</div>
  return (
    <>
      <div className={`task-cards${props.tasks.length > 1 ? ' is-multi' : ''}`}>
        {cards.shown.map((t, i) => <EvidenceTaskCard key={t.id} task={t} index={i} />)}
      </div>
      <ShowAllButton list={cards} what="检查任务" unit="项" testId="flag-tasks-show-all" />
    </>
  )
}

function DetailBody(props: { detail: FlagDetail }) {
  const d = props.detail
  const facts = describeEvidence(d.evidence, evidenceNames(d))
  return (
    <div className="flag-detail" data-testid="flag-detail">
      <div className={`flag-message-box severity-${d.severity.toLowerCase()}`} data-testid="flag-message">
        <Typography.Paragraph className="flag-message-text" copyable={{ text: d.message, tooltips: ['复制线索描述', '已复制'] }}>{d.message}</Typography.Paragraph>
      </div>
      <Descriptions bordered size="small" column={2} items={summaryItems(d)} className="flag-fields" styles={{ label: { width: 96 } }} />

      <DetailSection
        title="法律依据"
        testId="flag-basis-section"
        extra={<a href={formatHash(RULES_PATH, { [RULE_PARAM]: d.rule })} data-testid="flag-rule-link">规则参数与解释口径</a>}
      >
        <BasisLines basis={d.basis} />
      </DetailSection>

      <DetailSection title="证据要点" testId="flag-facts-section">
        <EvidenceFacts fields={facts} />
      </DetailSection>

      <DetailSection title="检查任务" count={d.tasks.length} testId="flag-tasks">
        <TaskCards tasks={d.tasks} />
      </DetailSection>

      <DetailSection title="检查计划" count={d.plans.length} testId="flag-plans">
        {d.plans.length === 0 ? (
          <div className="muted detail-note">没有关联的检查计划。</div>
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.plans}
            columns={[
              { title: '计划编码', dataIndex: 'planCode', width: 170, render: (v: string | null, r) => (v ? <span className="mono">{v}</span> : <span className="muted">未赋码（{r.id}）</span>) },
              { title: '计划名称', dataIndex: 'title', ellipsis: true, render: (v: string, r) => <span title={`${v}（${r.departmentName ?? ''}）`}>{v}</span> },
              { title: '状态', dataIndex: 'status', width: 84, render: (v: string) => <PlanStatusTag status={v} /> },
              { title: '来源', dataIndex: 'origin', width: 90, render: (v: string) => labelOf(PLAN_ORIGIN_LABELS, v) },
              { title: '实施期间', key: 'window', width: 190, render: (_: unknown, r) => <span className="tabular">{formatWindow(r.windowFrom, r.windowTo)}</span> },
              { title: '备案', dataIndex: 'filedAt', width: 132, render: (v: string | null) => (v ? <span className="tabular">{formatTimestamp(v)}</span> : <span className="muted">未备案</span>) },
              { title: '公示', dataIndex: 'publishedAt', width: 132, render: (v: string | null) => (v ? <span className="tabular">{formatTimestamp(v)}</span> : <span className="muted">未公示</span>) }
            ]}
          />
        )}
      </DetailSection>

      {d.listEntries.length > 0 ? (
        <DetailSection title="企业名单记录" count={d.listEntries.length} testId="flag-lists">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.listEntries}
            columns={[
              { title: '名单', dataIndex: 'list', width: 150, render: (v: string) => <Tag color={labelOf(NAME_LIST_COLORS, v, 'default')}>{labelOf(NAME_LIST_LABELS, v)}</Tag> },
              { title: '适用领域', dataIndex: 'domain', render: (v: string | null) => (v ? labelOf(DOMAIN_NAMES, v) : '全部领域') },
              { title: '起始日期', dataIndex: 'from', width: 120 },
              { title: '截止日期', dataIndex: 'to', width: 120, render: (v: string | null) => v ?? <span className="muted">长期</span> },
              { title: '编号', dataIndex: 'id', width: 120, render: (v: string) => <span className="mono muted">{v}</span> }
            ]}
          />
        </DetailSection>
      ) : null}

      {d.evaluations.length > 0 ? (
        <DetailSection title="企业扫码评价" count={d.evaluations.length} testId="flag-evaluations">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.evaluations}
            columns={[
              { title: '任务', dataIndex: 'taskId', width: 110, render: (v: string) => <span className="mono">{v}</span> },
              { title: '结论', dataIndex: 'verdict', width: 80, render: (v: string) => <Tag color={v === 'DISAPPROVE' ? 'red' : 'green'}>{labelOf(VERDICT_LABELS, v)}</Tag> },
              { title: '反映问题', dataIndex: 'tags', width: 170, render: (v: string[]) => (v.length ? v.map((t) => <Tag key={t} color="volcano">{labelOf(EVALUATION_TAG_LABELS, t)}</Tag>) : <span className="muted">无</span>) },
              { title: '评价内容', dataIndex: 'comment', ellipsis: true, render: (v: string | null) => v ?? <span className="muted">—</span> },
              { title: '提交时间', dataIndex: 'submittedAt', width: 132, render: (v: string) => <span className="tabular">{formatTimestamp(v)}</span> }
            ]}
          />
        </DetailSection>
      ) : null}
    </div>
  )
}

/** Typing in a field (the decision's reason) must not step to another flag. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** 上一条 / 下一条 with the open flag's place in the list; J and K step too (not while typing). */
function StepButtons(props: { stepping: FlagStepping; open: boolean }) {
  const { index, total, step } = props.stepping
  const { open } = props
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return
      if (e.key === 'j' || e.key === 'J') step(1)
      else if (e.key === 'k' || e.key === 'K') step(-1)
      else return
      e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open, step])
  return (
    <span className="flag-stepper" data-testid="flag-stepper">
      <span className="flag-stepper-place muted tabular" data-testid="flag-stepper-place">
        {index >= 0 ? <>第 {formatCount(index + 1)} / {formatCount(total)} 条</> : null}
      </span>
      <Tooltip title="上一条（K）">
        <Button size="small" icon={<UpOutlined />} aria-label="上一条" disabled={neighbourIndex(index, -1, total) === null} onClick={() => step(-1)} />
      </Tooltip>
      <Tooltip title="下一条（J）">
        <Button size="small" icon={<DownOutlined />} aria-label="下一条" disabled={neighbourIndex(index, 1, total) === null} onClick={() => step(1)} />
      </Tooltip>
    </span>
  )
}

export function FlagDetailDrawer(props: {
  flagKey: string | null
  canDecide: boolean
  userName: (id: string) => string
  onClose: () => void
  onDecide: (keys: string[], decision: FlagDecisionCode, reason: string) => Promise<void>
  stepping: FlagStepping
}) {
  const { flagKey } = props
  const [reloads, setReloads] = useState(0)
  const [advance, setAdvance] = useState(() => storedChoice(localStorage, ADVANCE_KEY) ?? false)
  const current = useKeyedLoad(flagKey, loadFlag, reloads)
  const detail = current && 'value' in current ? current.value : null
  const title = detail ? detail.ruleName : '问题线索详情'
  return (
    <Drawer
      open={flagKey !== null}
      onClose={props.onClose}
      size={1040}
      destroyOnHidden
      title={<Typography.Text className="drawer-title" ellipsis={{ tooltip: title }}>{title}</Typography.Text>}
      extra={
        <span className="flag-drawer-extra">
          {detail ? <span className="flag-drawer-tags"><SeverityTag severity={detail.severity} /><FlagStatusTag status={detail.status} /></span> : null}
          <StepButtons stepping={props.stepping} open={flagKey !== null} />
        </span>
      }
      className="flag-drawer"
      footer={detail ? (
        <DecisionFooter
          key={detail.flagKey}
          detail={detail}
          canDecide={props.canDecide}
          userName={props.userName}
          advance={advance}
          onAdvanceChange={(value) => {
            rememberChoice(localStorage, ADVANCE_KEY, value)
            setAdvance(value)
          }}
          onDecide={async (decision, reason) => {
            await props.onDecide([detail.flagKey], decision, reason)
            const { index, total, step } = props.stepping
            // Working through a list: the next flag, decided or not, opens in its place.
            if (advance && neighbourIndex(index, 1, total) !== null) step(1)
            else setReloads((n) => n + 1)
          }}
        />
      ) : null}
    >
      {!current ? <Skeleton active paragraph={{ rows: 14 }} /> : null}
      {current && 'error' in current ? <Alert type="error" showIcon title="无法读取问题线索" description={current.error} /> : null}
      {detail ? <DetailBody key={detail.flagKey} detail={detail} /> : null}
    </Drawer>
  )
}
