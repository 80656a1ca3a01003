// 检查规则: the rule pack the app analyses with and every rule in it — its legal basis, parameters,
// severity and the interpretation decisions where the sources are loose — so that an officer or an
// auditor can see why a flag is raised. Officers switch rules on or off and choose the pack, each
// with a reason for the audit log; the strip on top says when the flags are another setting's and
// runs the analysis again.
import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Input, Segmented, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { RuleSettingsView, RuleView } from '../../../../core/api/channels.ts'
import { api } from '../../lib/api.ts'
import { formatCount } from '../../lib/format.ts'
import { DOMAIN_NAMES, labelOf, SEVERITY_COLORS, SEVERITY_LABELS } from '../../lib/labels.ts'
import { useRoute } from '../../lib/router.ts'
import { useSession } from '../../lib/sessionContext.tsx'
import { AnalysisBar } from '../flags/AnalysisBar.tsx'
import type { AnalysisJob } from '../flags/analysisProgress.ts'
import '../flags/flags.css'
import { useAnalysis } from '../flags/useAnalysis.ts'
import { CalendarCoverageCard } from './CalendarCoverageCard.tsx'
import { RuleChangeModal, type RuleChange } from './RuleChangeModal.tsx'
import { filterRules, isLocallySwitched, RULE_STATES, type RuleState } from './ruleFilter.ts'
import { paramLines } from './ruleParams.ts'
import { RULE_PARAM } from './rulesRoute.ts'
import './rules.css'

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

function SeverityTag(props: { severity: string }) {
  const color = labelOf(SEVERITY_COLORS, props.severity, 'default')
  return <Tag color={color} className="rule-severity">{labelOf(SEVERITY_LABELS, props.severity)}</Tag>
}

/** The rule's basis, parameters, per-domain differences and interpretation decisions, under its row. */
function RuleDetail(props: { rule: RuleView }) {
  const { rule } = props
  const params = paramLines(rule.params)
  return (
    <div className="rule-detail" data-testid={`rule-detail-${rule.code}`}>
      <section>
        <h4>依据</h4>
        <ul className="rule-basis">{rule.basis.map((line) => <li key={line}>{line}</li>)}</ul>
        {rule.basisByDomain.map((d) => (
          <div key={d.domain} className="rule-domain-basis">
            <span className="rule-domain-name">{labelOf(DOMAIN_NAMES, d.domain)}领域另依</span>
            <ul className="rule-basis">{d.lines.map((line) => <li key={line}>{line}</li>)}</ul>
          </div>
        ))}
      </section>
      <section>
        <h4>参数</h4>
        {params.length === 0 ? (
          <Typography.Text type="secondary">此规则没有可调参数。</Typography.Text>
        ) : (
          <dl className="rule-params">
            {params.map((p) => (
              <div key={p.key} className="rule-param">
                <dt>{p.label}</dt>
                <dd>{p.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {rule.severityByDomain.length > 0 ? (
          <p className="rule-severity-domains">
            分领域严重程度：{rule.severityByDomain.map((s) => `${labelOf(DOMAIN_NAMES, s.domain)} ${labelOf(SEVERITY_LABELS, s.severity)}`).join('；')}
          </p>
        ) : null}
      </section>
      {rule.decisions.length > 0 ? (
        <section>
          <h4>解释口径</h4>
          <ul className="rule-decisions">{rule.decisions.map((d) => <li key={d}>{d}</li>)}</ul>
        </section>
      ) : null}
    </div>
  )
}

export function RulesScreen() {
  const { message: toast } = App.useApp()
  const { user, generation } = useSession()
  const canChange = user.role === 'OFFICER'
  const canRun = user.role === 'OFFICER' || user.role === 'AUDITOR'
  const [view, setView] = useState<RuleSettingsView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)
  const [state, setState] = useState<RuleState>('ALL')
  const [text, setText] = useState('')
  const [packChoice, setPackChoice] = useState<string | null>(null)
  const [change, setChange] = useState<RuleChange | null>(null)
  const [expanded, setExpanded] = useState<string[]>([])
  // A link from elsewhere (a flag's basis) names one rule: its row opens and comes into view.
  const focused = useRoute().params.get(RULE_PARAM)
  // Adjusted while rendering when the link changes (React's pattern for state that follows a prop).
  const [seenFocus, setSeenFocus] = useState<string | null>(null)
  if (focused !== seenFocus) {
    setSeenFocus(focused)
    if (focused && !expanded.includes(focused)) setExpanded([...expanded, focused])
  }
  const loaded = view !== null
  useEffect(() => {
    if (!focused || !loaded) return
    document.querySelector(`tr[data-row-key="${CSS.escape(focused)}"]`)?.scrollIntoView({ block: 'start' })
  }, [focused, loaded])

  useEffect(() => {
    let live = true
    api.call('rules.get', {}).then(
      (v) => {
        if (!live) return
        setView(v)
        setError(null)
      },
      (e: unknown) => live && setError(message(e))
    )
    return () => {
      live = false
    }
  }, [reloads, generation])

  const onFinished = useCallback(
    (job: AnalysisJob) => {
      if (job.state === 'DONE') void toast.success('分析完成，问题线索已按当前规则更新')
      else if (job.state === 'FAILED') void toast.error(`分析失败：${job.error ?? '原因不明'}`)
      setReloads((n) => n + 1)
    },
    [toast]
  )
  const analysis = useAnalysis(onFinished)

  const save = useCallback(
    async (c: RuleChange, reason: string) => {
      const next =
        c.kind === 'rule' ? await api.call('rules.setEnabled', { rule: c.rule.code, enabled: c.enabled, reason })
        : c.kind === 'pack' ? await api.call('rules.selectPack', { pack: c.pack, reason })
        : await api.call('rules.reset', { reason })
      setView(next)
      setChange(null)
      setPackChoice(null)
      analysis.reload()
      const what = c.kind === 'rule' ? `已${c.enabled ? '启用' : '停用'}规则「${c.rule.title}」` : c.kind === 'pack' ? `已改用规则包「${c.title}」` : '已恢复规则包默认设置'
      void toast.success(next.flagsStale ? `${what}，重新分析后生效` : what)
    },
    [analysis, toast]
  )

  const rules = useMemo(() => (view ? filterRules(view.rules, state, text) : []), [view, state, text])
  const switched = view ? view.rules.filter(isLocallySwitched).length : 0
  const lockedTip = canChange ? undefined : '仅监督员可以调整规则设置'

  const columns: TableColumnsType<RuleView> = [
    {
      title: '启用', key: 'enabled', width: 76, align: 'center',
      render: (_, rule) => (
        <Tooltip title={lockedTip}>
          <Switch
            checked={rule.enabled}
            disabled={!canChange}
            size="small"
            aria-label={`${rule.enabled ? '停用' : '启用'}规则 ${rule.title}`}
            data-testid={`rule-switch-${rule.code}`}
            onClick={(checked, event) => {
              event.stopPropagation()
              setChange({ kind: 'rule', rule, enabled: checked })
            }}
          />
        </Tooltip>
      )
    },
    {
      title: '规则', key: 'rule',
      render: (_, rule) => (
        <div className={`rule-name${rule.enabled ? '' : ' is-off'}`}>
          <div className="rule-title">
            {rule.title}
            {isLocallySwitched(rule) ? <Tag color="gold" className="rule-local-tag">{rule.enabled ? '本地启用' : '本地停用'}</Tag> : null}
          </div>
          <div className="rule-code"><span className="mono">{rule.code}</span><span className="rule-catalogue">{rule.catalogue}</span></div>
        </div>
      )
    },
    { title: '严重程度', key: 'severity', width: 120, render: (_, rule) => <SeverityTag severity={rule.severity} /> },
    {
      title: '主要参数', key: 'params', width: 300,
      render: (_, rule) => {
        const lines = paramLines(rule.params)
        if (lines.length === 0) return <span className="muted">—</span>
        return (
          <div className="rule-param-summary">
            {lines.slice(0, 2).map((p) => <div key={p.key} title={`${p.label}：${p.value}`}>{p.label}：{p.value}</div>)}
            {lines.length > 2 ? <div className="muted">另 {lines.length - 2} 项，展开查看</div> : null}
          </div>
        )
      }
    }
  ]

  return (
    <div className="screen-scroll" data-testid="rules-screen">
      <div className="screen-header screen-header-row">
        <div>
          <Typography.Title level={4} className="screen-title">检查规则</Typography.Title>
          <Typography.Text type="secondary">规则引擎按所选规则包查找问题线索。每条规则列明依据、参数和解释口径；停用、启用或改用规则包须说明理由，记入审计日志，下次分析时生效。</Typography.Text>
        </div>
      </div>
      <AnalysisBar analysis={analysis} canRun={canRun} />
      {error ? <Alert type="error" showIcon title="规则设置读取失败" description={error} className="screen-alert" action={<Button icon={<ReloadOutlined />} onClick={() => setReloads((n) => n + 1)}>重试</Button>} /> : null}
      {view ? (
        <>
          <Card className="rule-pack-card" data-testid="rule-pack">
            <div className="rule-pack">
              <div className="rule-pack-icon"><SafetyCertificateOutlined /></div>
              <div className="rule-pack-main">
                <div className="rule-pack-title">
                  <b data-testid="rule-pack-title">{view.pack.title}</b>
                  <Tag>{view.pack.jurisdiction}</Tag>
                  <span className="mono muted" data-testid="rule-pack-version">{view.pack.name} · {view.pack.effectiveVersion}</span>
                </div>
                <Typography.Paragraph type="secondary" className="rule-pack-description">{view.pack.description}</Typography.Paragraph>
                <div className="rule-pack-facts">
                  共 {view.rules.length} 条规则，启用 <b>{view.rules.filter((r) => r.enabled).length}</b> 条
                  {switched > 0 ? <>，其中本地调整 <b data-testid="rule-switched-count">{switched}</b> 条</> : null}
                  {view.pack.extends ? <>；在「{view.packs.find((p) => p.name === view.pack.extends)?.title ?? view.pack.extends}」基础上调整</> : null}
                </div>
              </div>
              <div className="rule-pack-actions">
                <Select
                  value={packChoice ?? view.pack.name}
                  onChange={setPackChoice}
                  disabled={!canChange}
                  options={view.packs.map((p) => ({ value: p.name, label: p.title }))}
                  className="rule-pack-select"
                  aria-label="规则包"
                  data-testid="rule-pack-select"
                />
                <Tooltip title={lockedTip}>
                  <Button
                    type="primary"
                    disabled={!canChange || packChoice === null || packChoice === view.pack.name}
                    onClick={() => {
                      const p = view.packs.find((x) => x.name === packChoice)
                      if (p) setChange({ kind: 'pack', pack: p.name, title: p.title })
                    }}
                  >
                    改用此规则包
                  </Button>
                </Tooltip>
                {switched > 0 ? (
                  <Button icon={<UndoOutlined />} disabled={!canChange} onClick={() => setChange({ kind: 'reset', count: switched })} data-testid="rule-reset">
                    恢复默认
                  </Button>
                ) : null}
              </div>
            </div>
          </Card>
          <CalendarCoverageCard coverage={view.calendar} />
          <Card className="rule-list-card" styles={{ body: { padding: 0 } }}>
            <div className="rule-toolbar">
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder="搜索规则名称、编号或目录号"
                value={text}
                onChange={(e) => setText(e.target.value)}
                className="rule-search"
                aria-label="搜索规则"
              />
              <Segmented
                value={state}
                onChange={(v) => setState(v)}
                options={(Object.keys(RULE_STATES) as RuleState[]).map((k) => ({ value: k, label: RULE_STATES[k] }))}
              />
              <span className="rule-count" data-testid="rule-count">{formatCount(rules.length)} 条</span>
            </div>
            <Table<RuleView>
              rowKey="code"
              columns={columns}
              dataSource={rules}
              pagination={false}
              size="middle"
              expandable={{
                expandedRowRender: (rule) => <RuleDetail rule={rule} />,
                expandRowByClick: true,
                expandedRowKeys: expanded,
                onExpandedRowsChange: (keys) => setExpanded(keys.map(String))
              }}
              rowClassName={(rule) => `${rule.enabled ? '' : 'rule-row-off'}${rule.code === focused ? ' rule-row-focused' : ''}`}
              locale={{ emptyText: '没有符合条件的规则' }}
              data-testid="rule-table"
            />
          </Card>
        </>
      ) : null}
      <RuleChangeModal change={change} onCancel={() => setChange(null)} onSubmit={save} />
    </div>
  )
}
