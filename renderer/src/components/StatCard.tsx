// One headline figure of the home screen; clickable when it leads to the list behind it.
import { Card } from 'antd'
import type { ReactNode } from 'react'
import { formatCount } from '../lib/format.ts'

export function StatCard(props: { title: string; value: number; hint: ReactNode; icon: ReactNode; accent: string; onOpen?: () => void; testId?: string }) {
  const { onOpen } = props
  return (
    <Card
      className={`stat-card${onOpen ? ' stat-card-link' : ''}`}
      hoverable={Boolean(onOpen)}
      onClick={onOpen}
      data-testid={props.testId}
      role={onOpen ? 'link' : undefined}
      tabIndex={onOpen ? 0 : undefined}
      onKeyDown={onOpen ? (e) => e.key === 'Enter' && onOpen() : undefined}
    >
      <div className="stat-card-body">
        <div className="stat-card-icon" style={{ color: props.accent, background: `${props.accent}14` }}>{props.icon}</div>
        <div>
          <div className="stat-card-title">{props.title}</div>
          <div className="stat-card-value">{formatCount(props.value)}</div>
          <div className="stat-card-hint">{props.hint}</div>
        </div>
      </div>
    </Card>
  )
}
