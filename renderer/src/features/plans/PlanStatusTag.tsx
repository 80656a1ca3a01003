import { Tag } from 'antd'
import { labelOf, PLAN_STATUS_COLORS, PLAN_STATUS_LABELS } from '../../lib/labels.ts'

export function PlanStatusTag(props: { status: string }) {
  const color = labelOf(PLAN_STATUS_COLORS, props.status, 'default')
  return <Tag color={color} className="plan-status-tag" data-status={props.status}>{labelOf(PLAN_STATUS_LABELS, props.status)}</Tag>
}
