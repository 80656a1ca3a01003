import { describe, expect, it } from 'vitest'
import { importedSummary, importedYearsText, missingYearsWarning, sourceLabel, yearRanges } from './calendarText.ts'

const coverage = (over: Partial<Parameters<typeof missingYearsWarning>[0]>) => ({
  source: 'chinese-days@1.5.7', bundledYears: [2025, 2026], imported: [] as { year: number; holidays: number; workdays: number; differing: number }[], coveredYears: [2025, 2026], missingSoon: [], ...over
})

describe('calendar card words', () => {
  it('writes years as runs', () => {
    expect(yearRanges([2022, 2020, 2021, 2024])).toBe('2020–2022、2024 年')
    expect(yearRanges([2026])).toBe('2026 年')
    expect(yearRanges([])).toBe('无')
  })

  it('names the source package and the imported days', () => {
    expect(sourceLabel('chinese-days@1.5.7')).toBe('chinese-days 1.5.7')
    const imported = [{ year: 2026, holidays: 33, workdays: 6, differing: 0 }, { year: 2027, holidays: 8, workdays: 2, differing: 10 }]
    expect(importedYearsText(imported)).toEqual(['2026 年：节假日 33 天、调休上班 6 天', '2027 年：节假日 8 天、调休上班 2 天（与内置不同 10 天）'])
    expect(importedSummary(imported)).toBe('2026–2027 年，共 49 天，其中 10 天与内置安排不同（以导入为准）')
    expect(importedSummary(imported.slice(0, 1))).toBe('2026 年，共 39 天，均与内置安排相同')
    expect(importedSummary([])).toBe('无')
  })

  it('warns of the years deadlines will fall in without a schedule, and only then', () => {
    expect(missingYearsWarning(coverage({}))).toBeNull()
    const warning = missingYearsWarning(coverage({ missingSoon: [2027] }))
    expect(warning?.title).toBe('工作日历尚无 2027 年的节假日安排')
    expect(warning?.description).toContain('暂按周六、周日休息推算')
    expect(warning?.description).toContain('calendar_day')
  })
})
