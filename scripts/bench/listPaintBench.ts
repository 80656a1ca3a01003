// Benchmark `list_first_paint_ms` (cli-v1.md; architecture.md: the plan and flag lists stay scrollable
// and filterable at 1,000,000 rows, first rows painted < 200 ms). A database of `rows` plans and `rows`
// flags is served by the real web host; the real UI in Chromium is on a screen without data, then goes to
// the list; the time from that navigation to the frame after the first rows are in the page is measured
// in the page itself (no test-driver polling in it). The value is the slower list's median.
//
// Needs the built UI (out/renderer) and a Chromium (CHROMIUM_PATH, else /usr/bin/chromium) driven by
// Playwright, a development dependency: without them the result is left out, with the reason on stderr.
import type * as Playwright from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { seedDatabase } from '../../e2e/fixtures/seedDatabase.ts'
import { openDatabase, type Sqlite } from '../../db/client.ts'
import { rendererDir } from '../../cli/commands/web.ts'
import { startWebHost } from '../../cli/webHost/server.ts'
import { builtinRulePack } from '../../core/rules/packs.ts'
import { RULE_CODES } from '../../core/rules/pack.ts'
import { median, type BenchResultRow } from './result.ts'

/** A screen with no data to load: the starting point of each navigation. */
const START_HASH = '#/settings'
const LISTS = [
  { hash: '#/plans', row: '.plan-data-row' },
  { hash: '#/flags', row: '.flag-data-row' }
] as const

/**
 * `count` flags spread over the pack's rules, the departments, the enterprises and two years, written
 * by SQL alone (a million through JavaScript would take longer than the rest of the set-up): the list
 * benchmark needs rows shaped like the analysis's, not an analysis.
 */
export function seedFlags(sqlite: Sqlite, count: number): void {
  const pack = builtinRulePack()
  const rules = RULE_CODES.map((code) => ({ code, severity: pack.rules[code].severity, title: pack.rules[code].title }))
  sqlite.transaction(() => {
    const runId = Number(
      sqlite
        .prepare("INSERT INTO analysis_runs (as_of, rule_pack, rule_pack_version, started_at, finished_at, input_seq, flag_count, warnings) VALUES ('2026-11-20', ?, ?, '2026-11-20T10:00:00Z', '2026-11-20T10:01:00Z', (SELECT coalesce(max(seq), 0) FROM tasks), ?, '[]')")
        .run(pack.name, pack.pack_version, count).lastInsertRowid
    )
    sqlite.prepare(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count),
        r AS (SELECT key AS k, json_extract(value, '$.code') AS code, json_extract(value, '$.severity') AS severity, json_extract(value, '$.title') AS title FROM json_each(@rules)),
        d AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM departments),
        e AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name FROM enterprises)
      INSERT INTO flags (flag_key, rule, severity, task_ids, plan_ids, enterprise_id, department_id, event_date, evidence, message, run_id)
      SELECT printf('BENCH-%08d', n.i), r.code, r.severity, json_array(printf('T-BENCH-%08d', n.i)), '[]', e.id, d.id,
             date('2025-01-01', printf('+%d days', (n.i * 37) % 690)), '{}', e.name || '：' || r.title, @runId
      FROM n
      JOIN r ON r.k = n.i % (SELECT count(*) FROM r)
      JOIN d ON d.k = n.i % (SELECT count(*) FROM d)
      JOIN e ON e.k = (n.i * 7919) % (SELECT count(*) FROM e)`).run({ count, rules: JSON.stringify(rules), runId })
  })()
}

/** Builds the list database: `rows` plans (the e2e seed, scaled) and `rows` flags. */
export function createListDatabase(dbPath: string, rows: number): void {
  const { sqlite } = openDatabase(dbPath)
  try {
    seedDatabase(sqlite, { plans: rows, tasks: Math.min(rows, 20_000), enterprises: 2_000, seed: 20261122 })
    seedFlags(sqlite, rows)
    sqlite.pragma('optimize')
  } finally {
    sqlite.close()
  }
}

/** Playwright's Chromium, or why not. */
async function launchChromium(): Promise<Browser | string> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) return `没有 Chromium（${executablePath}）/ no Chromium at ${executablePath}`
  let playwright: typeof Playwright
  try {
    playwright = await import('@playwright/test')
  } catch {
    return '没有 Playwright（开发依赖）/ Playwright (a development dependency) is not installed'
  }
  return playwright.chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
}

/**
 * In the page: go to `hash`, resolve with the ms until the frame after the first `row` appeared (the
 * second animation frame: the first runs before its frame is painted). Page code, so kept as text: this
 * file is type-checked for Node, without the DOM.
 */
const TIME_FIRST_ROWS = `({ hash, row }) => new Promise((resolve) => {
  const start = performance.now()
  const observer = new MutationObserver(() => {
    if (!document.querySelector(row)) return
    observer.disconnect()
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)))
  })
  observer.observe(document.body, { childList: true, subtree: true })
  location.hash = hash
})`

async function timeFirstRows(page: Page, list: { hash: string; row: string }): Promise<number> {
  const ms: unknown = await page.evaluate(`(${TIME_FIRST_ROWS})(${JSON.stringify(list)})`)
  if (typeof ms !== 'number') throw new Error(`列表首屏计时无结果 / no timing for ${list.hash}`)
  return ms
}

export async function benchListPaint(dbPath: string, repeats: number, log: (line: string) => void): Promise<BenchResultRow | null> {
  const staticDir = rendererDir()
  if (!existsSync(join(staticDir, 'index.html'))) {
    log(`略过列表首屏基准：界面尚未构建（npm run build:renderer）/ skipping list_first_paint_ms: the UI is not built in ${staticDir}`)
    return null
  }
  const browser = await launchChromium()
  if (typeof browser === 'string') {
    log(`略过列表首屏基准 / skipping list_first_paint_ms: ${browser}`)
    return null
  }
  const db = openDatabase(dbPath)
  const host = await startWebHost({ db, staticDir })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    // The host answers one request at a time: a run starts when the previous list's requests (its group
    // counts take longest) are all answered, so that none of them is measured as the next list's wait.
    let inFlight = 0
    page.on('request', () => inFlight++)
    page.on('requestfinished', () => inFlight--)
    page.on('requestfailed', () => inFlight--)
    const settled = async () => {
      for (let quiet = 0; quiet < 3; quiet = inFlight === 0 ? quiet + 1 : 0) await page.waitForTimeout(50)
    }
    await page.goto(host.url)
    await page.waitForSelector('.app-brand-name')
    const medians: number[] = []
    for (const list of LISTS) {
      const times: number[] = []
      // The first visit warms the page's code and the database's pages; it is not counted.
      for (let i = 0; i <= repeats; i++) {
        await page.evaluate(`location.hash = ${JSON.stringify(START_HASH)}`)
        await page.waitForSelector('[data-testid="pending-screen"]')
        await settled()
        const ms = await timeFirstRows(page, list)
        if (i > 0) times.push(ms)
      }
      medians.push(median(times))
      log(`  ${list.hash}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
    }
    return { name: 'list_first_paint_ms', value: Math.max(...medians), unit: 'ms', baseline: null, ratio: null }
  } finally {
    await browser.close()
    await host.close()
    db.sqlite.close()
  }
}
