// The small coloured tags of the flags inbox: how serious a flag is, and where the officer's decision stands.
import { Tag } from 'antd'
import { FLAG_STATUS_COLORS, FLAG_STATUS_LABELS, labelOf, SEVERITY_COLORS, SEVERITY_LABELS } from '../../lib/labels.ts'

export function SeverityTag(props: { severity: string }) {
  return (
    <Tag color={labelOf(SEVERITY_COLORS, props.severity, 'default')} className="severity-tag" data-severity={props.severity}>
      {labelOf(SEVERITY_LABELS, props.severity)}
    </Tag>
  )
}

export function FlagStatusTag(props: { status: string }) {
  return (
    <Tag color={labelOf(FLAG_STATUS_COLORS, props.status, 'default')} className="flag-status-tag" data-status={props.status}>
      {labelOf(FLAG_STATUS_LABELS, props.status)}
    </Tag>
  )
}
