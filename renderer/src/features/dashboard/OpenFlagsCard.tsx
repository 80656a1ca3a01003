// The home screen's 待处理问题线索: the rules with the most flags still to decide, each a click away from
// its open flags in the inbox. Counted apart from the summary (flags.groups), so a large inbox does not
// hold up the rest of the home screen.
import { Alert, Button, Card, Empty, Skeleton } from 'antd'
import type { ChannelOutput } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import { formatCount } from '../../lib/format.ts'
import { labelOf, SEVERITY_HEX } from '../../lib/labels.ts'
import { formatHash, navigate } from '../../lib/router.ts'
import { useKeyedLoad } from '../../lib/useKeyedLoad.ts'
import { rulesByOpenFlags } from './openFlagRules.ts'

/** How many rules the card lists. */
const RULES_SHOWN = 6

type FlagGroups = ChannelOutput<'flags.groups'>

/** The card counts every flag: one key, loaded once per visit of the home screen. */
const ALL_FLAGS = 'all'
const loadGroups = (): Promise<FlagGroups> => api.call('flags.groups', {})

export function OpenFlagsCard(props: { open: number }) {
  const current = useKeyedLoad(ALL_FLAGS, loadGroups)
  const groups = current && 'value' in current ? current.value : null
  const error = current && 'error' in current ? current.error : null

  const rules = groups ? rulesByOpenFlags(groups.byRule) : []
  return (
    <Card title="待处理问题线索" className="dashboard-card" data-testid="open-flags-card"
      extra={<span className="muted">按问题类型</span>}>
      {error ? <Alert type="warning" showIcon title="问题线索计数读取失败" description={error} /> : null}
      {!groups && !error ? <Skeleton active paragraph={{ rows: 4 }} title={false} /> : null}
      {groups && rules.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={groups.byRule.length === 0 ? '尚未运行问题线索分析' : '问题线索均已处理'}>
          <Button onClick={() => navigate(formatHash('/flags'))}>前往问题线索</Button>
        </Empty>
      ) : null}
      {rules.length > 0 ? (
        <div className="open-flag-rules">
          {rules.slice(0, RULES_SHOWN).map((r) => (
            <button type="button" key={r.key} className="open-flag-rule" data-rule={r.key}
              onClick={() => navigate(formatHash('/flags', { rule: r.key, status: 'OPEN' }))}>
              <span className="open-flag-dot" style={{ background: labelOf(SEVERITY_HEX, r.severity ?? '', '#8c8c8c') }} />
              <span className="open-flag-name">{r.name ?? r.key}</span>
              <span className="open-flag-count">{formatCount(r.open)}</span>
            </button>
          ))}
          <Button type="link" className="waiting-more" onClick={() => navigate(formatHash('/flags', { status: 'OPEN' }))}>
            查看全部 {formatCount(props.open)} 条待处理线索{rules.length > RULES_SHOWN ? `（共 ${rules.length} 类）` : ''}
          </Button>
        </div>
      ) : null}
    </Card>
  )
}
