// Words for the working-day calendar card (CalendarCoverageCard.tsx).
import type { RuleSettingsView } from '../../../../core/api/channels.ts'

type Coverage = RuleSettingsView['calendar']

/** Years as runs: 2020、2021、2022、2024 → "2020–2022、2024 年". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b)
  const runs: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]))
    i = j + 1
  }
  return runs.length > 0 ? `${runs.join('、')} 年` : '无'
}

/** "chinese-days@1.5.7" → "chinese-days 1.5.7". */
export function sourceLabel(source: string): string {
  const at = source.lastIndexOf('@')
  return at > 0 ? `${source.slice(0, at)} ${source.slice(at + 1)}` : source
}

/** One phrase per year of imported days: "2027 年：节假日 8 天、调休上班 2 天（与内置不同 10 天）". */
export function importedYearsText(imported: Coverage['imported']): string[] {
  return imported.map((y) => `${y.year} 年：节假日 ${y.holidays} 天、调休上班 ${y.workdays} 天${y.differing > 0 ? `（与内置不同 ${y.differing} 天）` : ''}`)
}

/** The imported days in one line: which years, how many days, how many change the bundled calendar. */
export function importedSummary(imported: Coverage['imported']): string {
  if (imported.length === 0) return '无'
  const days = imported.reduce((n, y) => n + y.holidays + y.workdays, 0)
  const differing = imported.reduce((n, y) => n + y.differing, 0)
  return `${yearRanges(imported.map((y) => y.year))}，共 ${days} 天，${differing > 0 ? `其中 ${differing} 天与内置安排不同（以导入为准）` : '均与内置安排相同'}`
}

/** The warning for years deadlines will soon fall in without a schedule, or null. */
export function missingYearsWarning(coverage: Coverage): { title: string; description: string } | null {
  if (coverage.missingSoon.length === 0) return null
  const years = coverage.missingSoon.map((y) => `${y} 年`).join('、')
  return {
    title: `工作日历尚无 ${years}的节假日安排`,
    description:
      `截止日期落在 ${years}的（如补码、结果录入期限），暂按周六、周日休息推算，遇法定节假日和调休时可能算错。` +
      `国务院办公厅公布安排后，请将 ${years}的节假日和调休上班日作为工作日历（calendar_day）记录导入，导入后重新分析。`
  }
}
