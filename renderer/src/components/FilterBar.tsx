// The filter row above a long list: a free-text search box first, the screen's own selects, a reset
// button, then anything extra (e.g. bulk actions). Typing waits a moment before the list reloads (Enter
// applies at once); the selects apply at once. The flags and the plans lists both use it.
//
// Class names come from `prefix`: `<prefix>-filters` (also its test id) and `<prefix>-filter-text`.
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Input } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'

/** Typing pauses this long before the list reloads. */
const TEXT_DEBOUNCE_MS = 300

export function FilterBar<Filter extends { text?: string }>(props: {
  prefix: string
  filter: Filter
  onChange: (next: Filter) => void
  /** Clears every filter. */
  onReset: () => void
  canReset: boolean
  searchPlaceholder: string
  searchLabel: string
  /** The selects, between the search box and the reset button. */
  children: ReactNode
  /** After the reset button, at the end of the last row. */
  extra?: ReactNode
}) {
  const { filter, onChange } = props
  const [text, setText] = useState(filter.text ?? '')
  const [committedText, setCommittedText] = useState(filter.text ?? '')

  // Follow the URL when it changes from outside (reset, back button): adjust state while rendering.
  if ((filter.text ?? '') !== committedText) {
    setCommittedText(filter.text ?? '')
    setText(filter.text ?? '')
  }

  useEffect(() => {
    if (text.trim() === (filter.text ?? '').trim()) return
    const timer = window.setTimeout(() => onChange({ ...filter, text: text.trim() || undefined }), TEXT_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text, filter, onChange])

  return (
    <div className={`${props.prefix}-filters`} data-testid={`${props.prefix}-filters`}>
      <Input
        className={`${props.prefix}-filter-text`}
        allowClear
        prefix={<SearchOutlined className="muted" />}
        placeholder={props.searchPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onChange({ ...filter, text: text.trim() || undefined })}
        aria-label={props.searchLabel}
        maxLength={200}
      />
      {props.children}
      <Button icon={<ReloadOutlined />} disabled={!props.canReset} onClick={props.onReset}>
        重置
      </Button>
      {props.extra}
    </div>
  )
}
