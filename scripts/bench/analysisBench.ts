// Benchmarks of the rule engine on a demo database (cli-v1.md names):
// - analysis_full_vs_scan: full analysis (load + every enabled rule) ÷ the time to read, once, every row
//   the analysis needs (tasks with their visits, items, departments) through better-sqlite3 into JS;
// - analysis_full_vs_sql_one_rule: full analysis ÷ one hand-written SQLite window query (LAG over
//   department and site) that finds REPEAT_WITHIN_MONTH candidates alone.
// Each is the median of `repeats` runs; the ratios are the targets of architecture.md (≤ 3, < 1).
import type { Sqlite } from '../../db/client.ts'
import { analyzeDatabase } from '../../core/rules/analyzeDatabase.ts'
import { builtinRulePack } from '../../core/rules/packs.ts'
import type { BenchResultRow } from './result.ts'
import { median, timeMs } from './result.ts'

export function scanRows(sqlite: Sqlite): number {
  let n = 0
  for (const sql of [
    'SELECT id, code, department_ids, kind, special, plan_id, plan_code, trigger_source, trigger_ref, recheck_of, enterprise_id, site_id, item_ids, mode, code_applied_at, joint_declined_reason, visits, status FROM tasks',
    'SELECT id, name, domain, list, legal_basis, fire_matter FROM items',
    'SELECT id, name, domain, level, district_code FROM departments'
  ]) {
    n += (sqlite.prepare(sql).raw(true).all() as unknown[]).length
  }
  return n
}

/** The analyst's query: REPEAT_WITHIN_MONTH candidates with LAG over (department, enterprise, site). */
export const REPEAT_WITHIN_MONTH_SQL = `
WITH td AS (
  SELECT t.id, d.value AS dept, t.enterprise_id, coalesce(t.site_id, json_extract(e.sites, '$[0].id')) AS site, t.kind,
         t.first_visit_date AS first_date, (SELECT max(json_extract(v.value, '$.date')) FROM json_each(t.visits) v) AS last_date
  FROM tasks t JOIN json_each(t.department_ids) d LEFT JOIN enterprises e ON e.id = t.enterprise_id
  WHERE t.mode = 'ON_SITE' AND t.status <> 'CANCELLED' AND t.first_visit_date IS NOT NULL
    AND t.special NOT IN ('SURVEY', 'COMMITMENT_VERIFY', 'RECHECK')
), ordered AS (
  SELECT id, kind, first_date, lag(last_date) OVER w AS prev_last, lag(id) OVER w AS prev_id FROM td
  WINDOW w AS (PARTITION BY dept, enterprise_id, site ORDER BY first_date, id)
)
SELECT prev_id, id FROM ordered WHERE kind = 'PLANNED' AND prev_last IS NOT NULL AND first_date < date(prev_last, '+1 month')`

export function benchAnalysis(sqlite: Sqlite, asOf: string, repeats: number): BenchResultRow[] {
  const pack = builtinRulePack()
  // Interleaved (scan, query, analysis; scan, query, analysis; …) so that drift in the machine's load
  // touches baseline and subject alike; each is the median of its runs.
  const scans: number[] = []
  const queries: number[] = []
  const fulls: number[] = []
  for (let i = 0; i < repeats; i++) {
    scans.push(timeMs(() => scanRows(sqlite)))
    queries.push(timeMs(() => sqlite.prepare(REPEAT_WITHIN_MONTH_SQL).all()))
    fulls.push(timeMs(() => analyzeDatabase(sqlite, { asOf, pack })))
  }
  const [scanMs, sqlMs, fullMs] = [median(scans), median(queries), median(fulls)]
  return [
    { name: 'analysis_full_vs_scan', value: fullMs, unit: 'ms', baseline: scanMs, ratio: fullMs / scanMs },
    { name: 'analysis_full_vs_sql_one_rule', value: fullMs, unit: 'ms', baseline: sqlMs, ratio: fullMs / sqlMs }
  ]
}
