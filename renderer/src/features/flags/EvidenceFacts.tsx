// The evidence object of a flag as a bordered key/value table: nested objects as nested tables, arrays
// of records as small grids, values already in Chinese (see evidenceFacts.ts).
import type { ReactNode } from 'react'
import { ShowAllButton } from '../../components/ShowAllButton.tsx'
import { useShowAll } from '../../lib/useShowAll.ts'
import type { EvidenceField, EvidenceNode } from './evidenceFacts.ts'

/** Rows of an evidence grid shown before 显示全部. */
const GRID_ROWS_SHOWN = 20

function GridView(props: { node: Extract<EvidenceNode, { kind: 'table' }> }) {
  const { node } = props
  const rows = useShowAll(node.rows, GRID_ROWS_SHOWN)
  return (
    <div className="evidence-grid-wrap">
      <table className="evidence-grid">
        <thead>
          <tr>{node.columns.map((c) => <th key={c.key}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.shown.map((row, r) => (
            <tr key={r}>{row.map((cell, c) => <td key={c}><NodeView node={cell} /></td>)}</tr>
          ))}
        </tbody>
      </table>
      <ShowAllButton list={rows} what="" unit="行" testId="evidence-grid-show-all" />
    </div>
  )
}

function NodeView(props: { node: EvidenceNode }): ReactNode {
  const { node } = props
  switch (node.kind) {
    case 'text':
      return <span className={`${node.mono ? 'mono' : ''}${node.muted ? ' muted' : ''}`.trim() || undefined}>{node.text}</span>
    case 'list':
      return (
        <span className="evidence-list">
          {node.items.map((item, i) => (
            <span key={i} className="evidence-list-item"><NodeView node={item} /></span>
          ))}
        </span>
      )
    case 'fields':
      return <FieldTable fields={node.fields} nested />
    case 'table':
      return <GridView node={node} />
  }
}

/** Nested records of plain values (a task, a site, a plan) read better two fields to a row. */
function pairsOf(fields: EvidenceField[]): EvidenceField[][] | null {
  if (fields.length < 4 || !fields.every((f) => f.value.kind === 'text' || f.value.kind === 'list')) return null
  const rows: EvidenceField[][] = []
  for (let i = 0; i < fields.length; i += 2) rows.push(fields.slice(i, i + 2))
  return rows
}

function FieldTable(props: { fields: EvidenceField[]; nested?: boolean }) {
  const pairs = props.nested ? pairsOf(props.fields) : null
  if (pairs) {
    return (
      <table className="evidence-table is-nested is-pairs">
        <tbody>
          {pairs.map((row) => (
            <tr key={row.map((f) => f.key).join('|')}>
              {row.map((f) => [
                <th key={`${f.key}-label`} title={f.key}>{f.label}</th>,
                <td key={`${f.key}-value`} data-evidence-key={f.key} colSpan={row.length === 1 ? 3 : 1}><NodeView node={f.value} /></td>
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    )
  }
  return (
    <table className={`evidence-table${props.nested ? ' is-nested' : ''}`}>
      <tbody>
        {props.fields.map((f) => (
          <tr key={f.key} data-evidence-key={f.key}>
            <th title={f.key}>{f.label}</th>
            <td><NodeView node={f.value} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function EvidenceFacts(props: { fields: EvidenceField[] }) {
  if (props.fields.length === 0) return <div className="muted">规则未记录证据要点。</div>
  return <div data-testid="flag-evidence-facts"><FieldTable fields={props.fields} /></div>
}
