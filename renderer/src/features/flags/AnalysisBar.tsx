// The strip above the inbox: what the flags come from (the last analysis run: as-of date, rule pack,
// when, how many flags, warnings), a button to run the analysis again with its progress, and a hint
// when the data changed since that run.
import { ExperimentOutlined, InfoCircleOutlined, PlayCircleOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons'
import { Button, Progress, Tag, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import { formatCount, formatTimestamp } from '../../lib/format.ts'
import { isRunning, progressPercent, rulesChangeText } from './analysisProgress.ts'
import type { AnalysisState } from './useAnalysis.ts'

export function RunAnalysisButton(props: { analysis: AnalysisState; canRun: boolean; size?: 'middle' | 'large'; label?: string }) {
  const { analysis, canRun } = props
  const running = isRunning(analysis.status?.job)
  const button = (
    <Button
      type="primary"
      size={props.size}
      icon={<PlayCircleOutlined />}
      loading={analysis.starting}
      disabled={!canRun || running}
      onClick={() => void analysis.start()}
      data-testid="run-analysis"
    >
      {props.label ?? '运行分析'}
    </Button>
  )
  return canRun ? button : <Tooltip title="仅监督员和审计人员可以运行规则分析">{button}</Tooltip>
}

function Fact(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <span className="analysis-fact" data-testid={props.testId}>
      <span className="analysis-fact-label">{props.label}</span>
      <span className="analysis-fact-value">{props.children}</span>
    </span>
  )
}

export function AnalysisBar(props: { analysis: AnalysisState; canRun: boolean }) {
  const { analysis, canRun } = props
  const status = analysis.status
  const job = status?.job ?? null
  const last = status?.lastRun ?? null
  const running = isRunning(job)
  return (
    <div className={`analysis-bar${running ? ' is-running' : ''}`} data-testid="analysis-bar">
      <div className="analysis-icon"><ExperimentOutlined /></div>
      {running && job ? (
        <div className="analysis-progress" data-testid="analysis-progress">
          <div className="analysis-progress-text">
            <b>正在分析</b>
            <span className="muted">{job.stage || '准备'}</span>
            <span className="muted">开始于 {formatTimestamp(job.startedAt)}</span>
          </div>
          <Progress percent={progressPercent(job)} size="small" status="active" className="analysis-progress-bar" />
        </div>
      ) : (
        <div className="analysis-facts" data-testid="analysis-last-run">
          {last ? (
            <>
              <b className="analysis-title">最近一次分析</b>
              <Fact label="分析基准日">{last.asOf}</Fact>
              <Fact label="规则包"><span className="mono">{last.rulePack}</span></Fact>
              <Fact label="完成时间">{formatTimestamp(last.finishedAt ?? last.startedAt)}</Fact>
              <Fact label="发现线索" testId="analysis-flag-count">{formatCount(last.flagCount)} 条</Fact>
              {last.warnings.length > 0 ? (
                <Tooltip title={<ul className="analysis-warning-list">{last.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}>
                  <Tag color="warning" icon={<WarningOutlined />} className="analysis-warnings">警告 {last.warnings.length} 条</Tag>
                </Tooltip>
              ) : (
                <Fact label="警告">无</Fact>
              )}
            </>
          ) : (
            <b className="analysis-title">尚未进行规则分析</b>
          )}
        </div>
      )}
      <div className="analysis-actions">
        {!running && last && status?.rulesChanged ? (
          <Tooltip title={`上次分析：${last.rulePack} ${last.rulePackVersion ?? ''}；下次分析：${status.rulesNow.pack} ${status.rulesNow.version}`}>
            <Tag color="orange" icon={<InfoCircleOutlined />} className="analysis-stale" data-testid="analysis-rules-changed">
              {rulesChangeText({ pack: last.rulePack, version: last.rulePackVersion }, status.rulesNow)}
            </Tag>
          </Tooltip>
        ) : null}
        {!running && last && !status?.rulesChanged && status?.changedSinceLastRun ? (
          <Tag color="gold" icon={<InfoCircleOutlined />} className="analysis-stale" data-testid="analysis-stale">
            数据已更新，建议重新分析
          </Tag>
        ) : null}
        {job?.state === 'FAILED' && !running ? <Tag color="error" title={job.error ?? ''}>上次分析失败：{job.error ?? '原因不明'}</Tag> : null}
        {running && job ? (
          <Button icon={<StopOutlined />} onClick={() => void analysis.cancel()} disabled={!canRun}>取消</Button>
        ) : null}
        <RunAnalysisButton analysis={analysis} canRun={canRun} />
      </div>
    </div>
  )
}
