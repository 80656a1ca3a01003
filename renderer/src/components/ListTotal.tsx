// "共 N 项计划" above a server list: its own subscription to the list's total, so that the first page
// arriving re-renders this line and the table, not the whole screen.
import { formatCount } from '../lib/format.ts'
import type { PageCache } from '../lib/pageCache.ts'
import { usePageCacheSelector } from '../lib/useServerWindow.ts'

export function ListTotal<Row, Extra>(props: { cache: PageCache<Row, Extra>; unit: string }) {
  const total = usePageCacheSelector(props.cache, (c) => c.total)
  return total === null ? <>正在统计…</> : <>共 <b>{formatCount(total)}</b> {props.unit}</>
}
