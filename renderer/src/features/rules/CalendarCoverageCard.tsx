// 工作日历: which years the working-day calendar behind the rules' deadlines knows — the bundled
// official schedule and the days imported as calendar_day records — and a warning when deadlines
// will soon fall in a year without a schedule (counted on weekends alone until one is imported).
import { CalendarOutlined } from '@ant-design/icons'
import { Alert, Card, Tooltip } from 'antd'
import type { RuleSettingsView } from '../../../../core/api/channels.ts'
import { importedSummary, importedYearsText, missingYearsWarning, sourceLabel, yearRanges } from './calendarText.ts'

export function CalendarCoverageCard(props: { coverage: RuleSettingsView['calendar'] }) {
  const { coverage } = props
  const warning = missingYearsWarning(coverage)
  return (
    <Card className="rule-calendar-card" data-testid="rule-calendar">
      <div className="rule-calendar">
        <div className="rule-pack-icon"><CalendarOutlined /></div>
        <div className="rule-calendar-main">
          <div className="rule-calendar-title"><b>工作日历</b><span className="muted">“N 个工作日”期限按此计算</span></div>
          <div className="rule-calendar-facts" data-testid="rule-calendar-facts">
            <span>内置国务院办公厅节假日与调休安排：<b>{yearRanges(coverage.bundledYears)}</b>（{sourceLabel(coverage.source)}）</span>
            <Tooltip title={coverage.imported.length > 0 ? <ul className="rule-calendar-years">{importedYearsText(coverage.imported).map((t) => <li key={t}>{t}</li>)}</ul> : undefined}>
              <span data-testid="rule-calendar-imported">导入的工作日历：{importedSummary(coverage.imported)}</span>
            </Tooltip>
          </div>
        </div>
      </div>
      {warning ? (
        <Alert type="warning" showIcon className="rule-calendar-warning" data-testid="rule-calendar-warning" title={warning.title} description={warning.description} />
      ) : null}
    </Card>
  )
}
