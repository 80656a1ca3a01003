// The header's data freshness: when the central records were last imported or synced. Officers must
// know how current the figures are before they act on them.
import { ClockCircleOutlined } from '@ant-design/icons'
import { Tooltip } from 'antd'
import { useEffect, useState } from 'react'
import type { DataFreshness as Freshness } from '../../../core/api/channels.ts'
import { api } from '../lib/api.ts'
import { formatTimestamp } from '../lib/format.ts'
import { useSession } from '../lib/sessionContext.tsx'

/** Re-read now and then: a sync may land while the window stays open. */
const REFRESH_MS = 60_000

function latest(f: Freshness): { at: string; how: string } | null {
  const candidates = [
    f.lastSyncAt ? { at: f.lastSyncAt, how: '同步' } : null,
    f.lastImportAt ? { at: f.lastImportAt, how: '导入' } : null
  ].filter((c): c is { at: string; how: string } => c !== null)
  candidates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return candidates[0] ?? null
}

export function DataFreshness() {
  const { generation } = useSession()
  const [freshness, setFreshness] = useState<Freshness | null>(null)
  useEffect(() => {
    let live = true
    const load = () => void api.call('data.freshness', {}).then((f) => live && setFreshness(f), () => undefined)
    load()
    const timer = window.setInterval(load, REFRESH_MS)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [generation])
  if (!freshness) return null
  const last = latest(freshness)
  const detail = (
    <div>
      <div>最近同步：{freshness.lastSyncAt ? formatTimestamp(freshness.lastSyncAt) : '尚未同步'}</div>
      <div>最近导入：{freshness.lastImportAt ? formatTimestamp(freshness.lastImportAt) : '尚未导入'}</div>
    </div>
  )
  return (
    <Tooltip title={detail} placement="bottom">
      <span className="header-freshness" data-testid="data-freshness">
        <ClockCircleOutlined />
        {last ? `数据更新于 ${formatTimestamp(last.at)}（${last.how}）` : '尚无中心数据'}
      </span>
    </Tooltip>
  )
}
