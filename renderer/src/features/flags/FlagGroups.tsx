// The inbox's left column: the flags counted by status, by rule and by department under the current
// filters (each dimension counted without its own filter, so the other choices stay visible). A click
// filters the list; clicking the active group again clears it.
import { Button, Skeleton } from 'antd'
import { useState } from 'react'
import type { ChannelOutput } from '../../../../core/api/channels.ts'
import { formatCount } from '../../lib/format.ts'
import { FLAG_STATUS_LABELS, FLAG_STATUS_ORDER, labelOf, SEVERITY_HEX, SEVERITY_LABELS, SEVERITY_ORDER } from '../../lib/labels.ts'

export type FlagGroupCounts = ChannelOutput<'flags.groups'>

const severityRank = (s: string | null) => {
  const i = SEVERITY_ORDER.findIndex((x) => x === s)
  return i === -1 ? SEVERITY_ORDER.length : i
}

/** Departments listed before "show all": the long tail of 60 departments would bury the rules. */
const DEPARTMENTS_SHOWN = 8

function GroupButton(props: { active: boolean; label: string; count: number; open?: number; dot?: string; title?: string; testId?: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`flag-group${props.active ? ' is-active' : ''}`}
      aria-pressed={props.active}
      onClick={props.onClick}
      title={props.title ?? props.label}
      data-testid={props.testId}
    >
      {props.dot ? <span className="flag-group-dot" style={{ background: props.dot }} /> : null}
      <span className="flag-group-label">{props.label}</span>
      {props.open !== undefined && props.open !== props.count ? (
        <span className="flag-group-open" title={`待处理 ${formatCount(props.open)} 条`}>{formatCount(props.open)}/</span>
      ) : null}
      <span className="flag-group-count">{formatCount(props.count)}</span>
    </button>
  )
}

export function FlagGroups(props: {
  groups: FlagGroupCounts | null
  rule: string | undefined
  departmentId: string | undefined
  status: string | undefined
  onRule: (rule: string) => void
  onDepartment: (departmentId: string) => void
  onStatus: (status: string) => void
}) {
  const { groups } = props
  const [allDepartments, setAllDepartments] = useState(false)
  if (!groups) return <div className="flag-groups"><Skeleton active paragraph={{ rows: 14 }} /></div>
  // Rules by how serious they are, then by how many flags they raised.
  const rules = [...groups.byRule].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.total - a.total)
  const departments = allDepartments ? groups.byDepartment : groups.byDepartment.slice(0, DEPARTMENTS_SHOWN)
  // The active department stays visible even when it is in the tail.
  const activeTail = !allDepartments && props.departmentId ? groups.byDepartment.slice(DEPARTMENTS_SHOWN).find((d) => d.key === props.departmentId) : undefined
  return (
    <nav className="flag-groups" aria-label="问题线索分组" data-testid="flag-groups">
      <section className="flag-group-section" data-testid="flag-groups-status">
        <h4 className="flag-group-title">处理状态</h4>
        {FLAG_STATUS_ORDER.map((s) => (
          <GroupButton
            key={s}
            label={FLAG_STATUS_LABELS[s]}
            count={groups.byStatus.find((g) => g.key === s)?.total ?? 0}
            active={props.status === s}
            testId={`flag-group-status-${s}`}
            onClick={() => props.onStatus(s)}
          />
        ))}
      </section>
      <section className="flag-group-section" data-testid="flag-groups-rule">
        <h4 className="flag-group-title">问题类型<span className="flag-group-hint">待处理/全部</span></h4>
        {groups.byRule.length === 0 ? <div className="muted flag-group-empty">无</div> : null}
        {rules.map((g) => (
          <GroupButton
            key={g.key}
            label={g.name ?? g.key}
            title={`${g.name ?? g.key}（${labelOf(SEVERITY_LABELS, g.severity)}）`}
            dot={g.severity ? labelOf(SEVERITY_HEX, g.severity, '#8c8c8c') : '#8c8c8c'}
            count={g.total}
            open={g.open}
            active={props.rule === g.key}
            testId={`flag-group-rule-${g.key}`}
            onClick={() => props.onRule(g.key)}
          />
        ))}
      </section>
      <section className="flag-group-section" data-testid="flag-groups-department">
        <h4 className="flag-group-title">执法部门</h4>
        {groups.byDepartment.length === 0 ? <div className="muted flag-group-empty">无</div> : null}
        {[...departments, ...(activeTail ? [activeTail] : [])].map((g) => (
          <GroupButton
            key={g.key ?? 'none'}
            label={g.name ?? g.key ?? '未归属部门'}
            count={g.total}
            open={g.open}
            active={props.departmentId === g.key}
            onClick={() => g.key && props.onDepartment(g.key)}
          />
        ))}
        {groups.byDepartment.length > DEPARTMENTS_SHOWN ? (
          <Button type="link" size="small" className="flag-group-more" onClick={() => setAllDepartments((v) => !v)}>
            {allDepartments ? '收起' : `显示全部 ${groups.byDepartment.length} 个部门`}
          </Button>
        ) : null}
      </section>
    </nav>
  )
}
