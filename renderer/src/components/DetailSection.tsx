// A titled block of a detail panel (blue bar, title, optional count), as in the plan detail drawer.
import type { ReactNode } from 'react'
import { formatCount } from '../lib/format.ts'

export function DetailSection(props: { title: ReactNode; count?: number; extra?: ReactNode; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={`detail-section${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
      <h3 className="detail-section-title">
        {props.title}
        {props.count !== undefined ? <span className="detail-section-count">{formatCount(props.count)}</span> : null}
        {props.extra ? <span className="detail-section-extra">{props.extra}</span> : null}
      </h3>
      {props.children}
    </section>
  )
}
