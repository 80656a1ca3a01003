// The 备案审核 screen as a spec drives it: the queue, the review panel and its two decisions.
import { expect, type Locator } from '@playwright/test'
import { boldNumber } from './AppPage.ts'
import { ScreenPage } from './ScreenPage.ts'

export class ReviewsPage extends ScreenPage {
  async open(): Promise<void> {
    await this.openScreen('备案审核', 'reviews-screen')
    await expect(this.queueTotal.locator('b')).toBeVisible()
  }

  get queueTotal(): Locator {
    return this.page.getByTestId('review-queue-total')
  }

  get items(): Locator {
    return this.page.getByTestId('review-queue-item')
  }

  item(planId: string): Locator {
    return this.page.locator(`[data-testid="review-queue-item"][data-plan-id="${planId}"]`)
  }

  /** The panel, once it shows the given plan. */
  panel(planId: string): Locator {
    return this.page.locator(`[data-testid="review-panel"][data-plan-id="${planId}"]`)
  }

  async shownTotal(): Promise<number> {
    await expect(this.queueTotal.locator('b')).toBeVisible()
    return boldNumber(this.queueTotal)
  }

  async openPlan(planId: string): Promise<Locator> {
    await this.item(planId).click()
    const panel = this.panel(planId)
    await expect(panel).toBeVisible()
    await expect(panel.getByTestId('review-checks')).toBeVisible()
    return panel
  }
}
