// What each screen that is not built yet will hold, so an officer opening it learns what is coming and
// where to work meanwhile. Wording follows the supervision workflow (architecture.md §Who uses it).
export type PendingScreenInfo = {
  title: string
  summary: string
  capabilities: readonly string[]
  /** A screen that already helps with this work today. */
  meanwhile?: { label: string; hash: string }
}

export const PENDING_SCREENS = {
  enterprises: {
    title: '企业',
    summary: '检查对象库中的企业：每家企业被哪些部门、以什么方式检查过，是否受到重复或过度检查。',
    capabilities: [
      '按名称或统一社会信用代码查找企业及其经营场所',
      '企业的检查时间线、检查码与扫码评价',
      '信用风险等级、无感监管与白名单情况',
      '同一企业的问题线索汇总'
    ]
  },
  documents: {
    title: '监督文书',
    summary: '行政执法监督建议书、决定书和通知的起草、审批、编号、印发与整改跟踪。',
    capabilities: [
      '依据问题线索起草文书，按公文格式（GB/T 9704）排版',
      '审批后按文号规则自动编号，打印或导出 PDF、Word',
      '印发后跟踪被监督部门的整改回复和期限',
      '文书附二维码，可核验真伪'
    ]
  },
  statistics: {
    title: '统计分析',
    summary: '涉企行政检查的成效指标，按部门、执法领域和月份统计，与上年同期对比。',
    capabilities: [
      '联合检查率、非现场检查率、检查频次同比变化',
      '计划内检查占比、检查码使用率、扫码评价满意度',
      '部门排名与趋势图，可导出报表'
    ]
  },
  sync: {
    title: '数据同步',
    summary: '与统一综合执法系统交换数据：拉取计划、任务与评价，上报审核决定与监督文书。',
    capabilities: [
      '一键同步并显示进度，断网后可继续',
      '导入、导出数据交换文件（JSONL），查看导入报告中被拒绝的记录',
      '待上报事项与上报失败原因',
      '同步与导入历史'
    ]
  },
  settings: {
    title: '设置',
    summary: '本工作站的用户、规则参数与文书设置。',
    capabilities: [
      '本机用户与角色（监督员、文书人员、审计）',
      '规则参数包：时限、频次上限、豁免情形',
      '文书编号前缀、落款单位与打印字体',
      '审计日志完整性校验'
    ]
  }
} as const satisfies Record<string, PendingScreenInfo>

export type PendingScreenKey = keyof typeof PENDING_SCREENS
