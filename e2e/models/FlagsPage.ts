// The 问题线索 screen as a spec drives it: the analysis strip, the group column, the list, the evidence
// drawer with its decision footer, and the bulk-decision modal.
import { expect, type Locator } from '@playwright/test'
import { boldNumber } from './AppPage.ts'
import type { WebApp } from '../fixtures/webApp.ts'
import { ScreenPage } from './ScreenPage.ts'

export class FlagsPage extends ScreenPage {
  async open(): Promise<void> {
    await this.openScreen('问题线索', 'flags-screen')
    await expect(this.page.getByTestId('analysis-bar')).toBeVisible()
  }

  /** Opens the app on this screen with the flags of one status (its group clicked). */
  async openOnStatus(app: WebApp, status: string): Promise<void> {
    await this.app.open(app)
    await this.open()
    await this.statusGroup(status).click()
    await expect(this.page).toHaveURL(new RegExp(`status=${status}`))
  }

  get runButton(): Locator {
    return this.page.getByTestId('run-analysis').first()
  }

  get lastRun(): Locator {
    return this.page.getByTestId('analysis-last-run')
  }

  get rows(): Locator {
    return this.page.locator('.flag-data-row')
  }

  row(flagKey: string): Locator {
    return this.page.locator(`.flag-data-row[data-flag-key="${flagKey}"]`)
  }

  ruleGroup(rule: string): Locator {
    return this.page.getByTestId(`flag-group-rule-${rule}`)
  }

  statusGroup(status: string): Locator {
    return this.page.getByTestId(`flag-group-status-${status}`)
  }

  get drawer(): Locator {
    return this.page.locator('.flag-drawer')
  }

  get detail(): Locator {
    return this.page.getByTestId('flag-detail')
  }

  get decision(): Locator {
    return this.page.getByTestId('flag-decision')
  }

  /** The number the header shows ("共 N 条线索"). */
  async shownTotal(): Promise<number> {
    const total = this.page.getByTestId('flag-total')
    await expect(total).toContainText('条线索')
    return boldNumber(total)
  }

  /**
   * Runs the analysis from the strip and waits for the new run: `lastRunId` reads the last run's id from
   * the API, so an earlier run's message still on screen cannot pass for this one.
   */
  async runAnalysis(lastRunId: () => Promise<number | null>): Promise<void> {
    const before = await lastRunId()
    await expect(this.runButton).toBeEnabled()
    await this.runButton.click()
    await expect.poll(lastRunId, { timeout: 120_000 }).not.toBe(before)
    await expect(this.page.getByText(/分析完成，共发现/).last()).toBeVisible()
    await expect(this.runButton).toBeEnabled()
  }

  /** Waits for the drawer to finish sliding in (its position stops changing). */
  async drawerSettled(): Promise<void> {
    let last = ''
    await expect.poll(async () => {
      const box = await this.drawer.boundingBox()
      const now = JSON.stringify(box)
      const same = now === last
      last = now
      return same && box !== null
    }, { intervals: [100] }).toBe(true)
  }

  async scrollDrawerTo(testId: string): Promise<void> {
    await this.drawer.getByTestId(testId).scrollIntoViewIfNeeded()
  }
}
