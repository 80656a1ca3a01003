// 问题线索: the flags the rule engine found, to verify and then confirm (认定) or dismiss (排除). The strip
// on top says which analysis they come from and runs it again; the left column counts them by status,
// rule and department; the list is virtualised (100,000+ flags) with checkboxes for bulk decisions; a
// row opens its evidence. Filters and the open flag live in the URL.
import { CloseCircleOutlined, ExperimentOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Tooltip, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { FlagRowView } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import { formatCount } from '../../lib/format.ts'
import { FLAG_DECISION_VERBS } from '../../lib/labels.ts'
import { formatHash, navigate, useRoute } from '../../lib/router.ts'
import { useSession } from '../../lib/sessionContext.tsx'
import { usePageCacheSelector } from '../../lib/useServerWindow.ts'
import { ExportButton } from '../../components/ExportButton.tsx'
import { ListTotal } from '../../components/ListTotal.tsx'
import type { AnalysisJob } from './analysisProgress.ts'
import { isRunning, resultFlagCount } from './analysisProgress.ts'
import { AnalysisBar, RunAnalysisButton } from './AnalysisBar.tsx'
import { DecisionModal, type FlagDecisionCode } from './DecisionModal.tsx'
import { FlagDetailDrawer } from './FlagDetailDrawer.tsx'
import { FlagFilterBar } from './FlagFilterBar.tsx'
import { flagFilterKey, flagFiltersFromParams, flagFiltersToParams, hasAnyFlagFilter, toggleFilter, type FlagFilterState } from './flagFilters.ts'
import { FlagGroups, type FlagGroupCounts } from './FlagGroups.tsx'
import { addRows, EMPTY_SELECTION, removeRows, toggleRow, withoutKeys, type Selection } from './flagSelection.ts'
import { FlagTable } from './FlagTable.tsx'
import { useAnalysis } from './useAnalysis.ts'
import { useFlagStepping } from './useFlagStepping.ts'
import { useFlagWindow } from './useFlagWindow.ts'
import './flags.css'

const PATH = '/flags'

type LocalDecision = Pick<FlagRowView, 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt'>

export function FlagsScreen() {
  const { message } = App.useApp()
  const route = useRoute()
  const { user, users } = useSession()
  const canDecide = user.role === 'OFFICER'
  const canRun = user.role === 'OFFICER' || user.role === 'AUDITOR'
  const filter = useMemo(() => flagFiltersFromParams(route.params), [route.params])
  const openKey = route.params.get('flag')
  const [refresh, setRefresh] = useState(0)
  const cache = useFlagWindow(filter, refresh)
  // The screen follows only these of the list; the table and the total follow the rest themselves.
  const listEmpty = usePageCacheSelector(cache, (c) => c.total === 0)
  const listError = usePageCacheSelector(cache, (c) => c.error)

  // Decisions taken here since the list was loaded: shown on the rows without reloading (and so
  // without losing the scroll position); a new analysis run or filter reloads from the database.
  const [decided, setDecided] = useState<ReadonlyMap<string, LocalDecision>>(new Map())
  const [groupsVersion, setGroupsVersion] = useState(0)
  const [groups, setGroups] = useState<FlagGroupCounts | null>(null)
  const [groupsError, setGroupsError] = useState<string | null>(null)
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION)
  const [bulk, setBulk] = useState<FlagDecisionCode | null>(null)

  // A new filter is a new list: the ticks on the old one do not carry over.
  const key = flagFilterKey(filter)
  const [selectionKey, setSelectionKey] = useState(key)
  if (selectionKey !== key) {
    setSelectionKey(key)
    setSelection(EMPTY_SELECTION)
  }

  const onFinished = useCallback(
    (job: AnalysisJob) => {
      if (job.state === 'DONE') {
        const n = resultFlagCount(job)
        void message.success(n === null ? '分析完成，问题线索已更新' : `分析完成，共发现 ${formatCount(n)} 条问题线索`)
      } else if (job.state === 'FAILED') {
        void message.error(`分析失败：${job.error ?? '原因不明'}`)
      } else {
        void message.info('分析已取消，问题线索保持上次分析的结果')
      }
      setRefresh((n) => n + 1)
      setDecided(new Map())
      setSelection(EMPTY_SELECTION)
    },
    [message]
  )
  const analysis = useAnalysis(onFinished)

  useEffect(() => {
    let live = true
    api.call('flags.groups', filter).then(
      (g) => {
        if (!live) return
        setGroups(g)
        setGroupsError(null)
      },
      (e: unknown) => live && setGroupsError(e instanceof Error ? e.message : String(e))
    )
    return () => {
      live = false
    }
    // Keyed on the filter's identity; refresh/groupsVersion re-count after a run or a decision.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filter is keyed by `key`
  }, [key, refresh, groupsVersion])

  const setFilter = useCallback(
    (next: FlagFilterState) => navigate(formatHash(PATH, flagFiltersToParams(next, openKey)), { replace: true }),
    [openKey]
  )
  const openFlag = useCallback((row: FlagRowView) => navigate(formatHash(PATH, flagFiltersToParams(filter, row.flagKey)), { replace: true }), [filter])
  const stepping = useFlagStepping(cache, openKey, openFlag)
  const closeFlag = useCallback(() => navigate(formatHash(PATH, flagFiltersToParams(filter, null)), { replace: true }), [filter])

  const patch = useCallback((row: FlagRowView): FlagRowView => {
    const local = decided.get(row.flagKey)
    return local ? { ...row, ...local } : row
  }, [decided])

  const userName = useCallback((id: string) => users.find((u) => u.id === id)?.name ?? id, [users])

  const decide = useCallback(
    async (keys: string[], decision: FlagDecisionCode, reason: string) => {
      const result = await api.call('flags.decide', { flagKeys: keys, decision, reason: reason || undefined })
      const at = new Date().toISOString()
      setDecided((prev) => {
        const next = new Map(prev)
        for (const k of result.decided) next.set(k, { status: decision, decisionReason: reason || null, decidedBy: user.id, decidedAt: at })
        return next
      })
      setSelection((prev) => withoutKeys(prev, result.decided))
      setGroupsVersion((n) => n + 1)
      void message.success(`已${FLAG_DECISION_VERBS[decision]} ${formatCount(result.decided.length)} 条问题线索`)
      if (result.unknown.length > 0) void message.warning(`${formatCount(result.unknown.length)} 条线索已在重新分析后消除，未作处理`)
    },
    [message, user.id]
  )

  const status = analysis.status
  const running = isRunning(status?.job)
  const neverAnalysed = status !== null && status.lastRun === null && !running && listEmpty
  const lockedTip = canDecide ? undefined : '仅监督员可以确认或排除问题线索'

  return (
    <div className="screen-fill" data-testid="flags-screen">
      <div className="screen-header screen-header-row">
        <div>
          <Typography.Title level={4} className="screen-title">问题线索</Typography.Title>
          <Typography.Text type="secondary">规则引擎对检查计划与检查任务逐条分析发现的问题线索。点击一行查看证据，核实后确认或排除。</Typography.Text>
        </div>
        <div className="list-header-side">
          <div className="plan-total" data-testid="flag-total">
            <ListTotal cache={cache} unit="条线索" />
          </div>
          <ExportButton channel="flags.export" input={filter} rows="条问题线索" disabled={listEmpty} testId="flags-export" />
        </div>
      </div>
      <AnalysisBar analysis={analysis} canRun={canRun} />
      {analysis.error ? <Alert type="error" showIcon title="规则分析状态读取失败" description={analysis.error} className="screen-alert" /> : null}
      {groupsError ? <Alert type="warning" showIcon title="分组计数读取失败" description={groupsError} className="screen-alert" /> : null}
      {listError ? <Alert type="error" showIcon title="问题线索读取失败" description={listError.message} className="screen-alert" /> : null}
      {neverAnalysed ? (
        <Card className="flags-empty" data-testid="flags-never-analysed">
          <div className="flags-empty-icon"><ExperimentOutlined /></div>
          <Typography.Title level={5}>尚未进行规则分析</Typography.Title>
          <Typography.Paragraph type="secondary" className="flags-empty-text">
            规则分析按当前规则包，对本机数据库中的检查计划、检查任务、名单与扫码评价逐条核对，找出未备案检查、无码检查、重复检查、超频次检查等问题线索。
            分析在后台进行，数据量大时需要几分钟，期间可以继续其他工作。
          </Typography.Paragraph>
          <RunAnalysisButton analysis={analysis} canRun={canRun} size="large" />
        </Card>
      ) : (
        <div className="flags-body">
          <Card className="flags-groups-card" styles={{ body: { padding: 0 } }}>
            <FlagGroups
              groups={groups}
              rule={filter.rule}
              departmentId={filter.departmentId}
              status={filter.status}
              onRule={(v) => setFilter(toggleFilter(filter, 'rule', v))}
              onDepartment={(v) => setFilter(toggleFilter(filter, 'departmentId', v))}
              onStatus={(v) => setFilter(toggleFilter(filter, 'status', v))}
            />
          </Card>
          <Card className="plan-card flags-list-card" styles={{ body: { padding: 0 } }}>
            <div className="plan-toolbar">
              <FlagFilterBar
                filter={filter}
                groups={groups}
                onChange={setFilter}
                extra={
                  <div className="flag-bulk" data-testid="flag-bulk">
                    <span className="flag-bulk-count">
                      {selection.size > 0 ? <>已选 <b data-testid="flag-selected-count">{formatCount(selection.size)}</b> 条</> : <span className="muted">未选择</span>}
                    </span>
                    <Tooltip title={lockedTip}>
                      <Button danger disabled={!canDecide || selection.size === 0} onClick={() => setBulk('CONFIRMED')} data-testid="bulk-confirm">批量确认</Button>
                    </Tooltip>
                    <Tooltip title={lockedTip}>
                      <Button disabled={!canDecide || selection.size === 0} onClick={() => setBulk('DISMISSED')} data-testid="bulk-dismiss">批量排除</Button>
                    </Tooltip>
                    <Tooltip title="清除选择">
                      <Button type="text" icon={<CloseCircleOutlined />} aria-label="清除选择" disabled={selection.size === 0} onClick={() => setSelection(EMPTY_SELECTION)} />
                    </Tooltip>
                  </div>
                }
              />
            </div>
            <FlagTable
              cache={cache}
              patch={patch}
              openKey={openKey}
              openIndex={stepping.index}
              onOpen={openFlag}
              selection={selection}
              onToggle={(row) => setSelection((prev) => toggleRow(prev, row))}
              onToggleLoaded={(rows, select) => {
                if (!select) {
                  setSelection((prev) => removeRows(prev, rows))
                  return
                }
                const { selection: next, skipped } = addRows(selection, rows)
                setSelection(next)
                if (skipped > 0) void message.warning(`一次最多处理 ${formatCount(next.size)} 条，其余 ${formatCount(skipped)} 条未选中`)
              }}
              emptyText={hasAnyFlagFilter(filter) ? '没有符合筛选条件的问题线索，请调整或重置筛选条件' : '本次分析未发现问题线索'}
            />
          </Card>
        </div>
      )}
      <FlagDetailDrawer flagKey={openKey} canDecide={canDecide} userName={userName} onClose={closeFlag} onDecide={decide} stepping={stepping} />
      <DecisionModal
        decision={bulk}
        count={selection.size}
        onCancel={() => setBulk(null)}
        onSubmit={async (decision, reason) => {
          await decide([...selection.keys()], decision, reason)
          setBulk(null)
        }}
      />
    </div>
  )
}
