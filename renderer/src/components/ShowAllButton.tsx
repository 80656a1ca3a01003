// The toggle under a list shown in part (useShowAll): "显示全部 N 行（另有 M 行）", then "只显示前 K 行".
// Nothing when the list fits.
import { Button } from 'antd'
import { formatCount } from '../lib/format.ts'
import type { ShowAll } from '../lib/useShowAll.ts'

export function ShowAllButton<T>(props: { list: ShowAll<T>; what: string; unit: string; testId: string }) {
  const { list, what, unit, testId } = props
  if (list.hidden === 0) return null
  return (
    <Button type="link" size="small" data-testid={testId} onClick={list.toggle}>
      {list.expanded ? `只显示前 ${list.limit} ${unit}` : `显示全部 ${formatCount(list.total)} ${unit}${what}（另有 ${formatCount(list.hidden)} ${unit}）`}
    </Button>
  )
}
