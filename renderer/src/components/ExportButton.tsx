// 导出 Excel of a list screen: asks the host for the workbook of the list's current filter, saves it as
// a download and says how many rows went into it (the host caps a file; the rest needs a narrower filter).
import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Tooltip } from 'antd'
import { useState } from 'react'
import type { ChannelInput } from '../../../core/api/channels.ts'
import { api } from '../lib/api.ts'
import { saveFile, XLSX_MIME } from '../lib/download.ts'
import { formatCount } from '../lib/format.ts'

type ExportChannel = 'flags.export' | 'plans.export'

export function ExportButton<C extends ExportChannel>(props: {
  channel: C
  input: ChannelInput<C>
  /** What the rows are, with their counting word: "条问题线索", "项检查计划". */
  rows: string
  disabled?: boolean
  testId: string
}) {
  const { message } = App.useApp()
  const [exporting, setExporting] = useState(false)
  const run = async () => {
    setExporting(true)
    try {
      const file = await api.call(props.channel, props.input)
      saveFile(file.fileName, file.base64, XLSX_MIME)
      if (file.exported < file.total) void message.warning(`已导出前 ${formatCount(file.exported)} 项（共 ${formatCount(file.total)} 项），请缩小筛选范围后分批导出`)
      else void message.success(`已导出 ${formatCount(file.exported)} ${props.rows}`)
    } catch (e) {
      void message.error(`导出失败：${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setExporting(false)
    }
  }
  return (
    <Tooltip title="按当前筛选条件导出为 Excel 表格（记入审计日志）">
      <Button icon={<DownloadOutlined />} loading={exporting} disabled={props.disabled} onClick={() => void run()} data-testid={props.testId}>导出 Excel</Button>
    </Tooltip>
  )
}
