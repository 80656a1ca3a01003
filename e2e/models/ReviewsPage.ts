// The 备案审核 screen as a spec drives it: the queue, the review panel and its two decisions.
import { expect, type Locator, type Page } from '@playwright/test'
import { AppPage } from './AppPage.ts'

export class ReviewsPage {
  readonly page: Page
  readonly app: AppPage
  constructor(page: Page) {
    this.page = page
    this.app = new AppPage(page)
  }

  async open(): Promise<void> {
    await this.app.goTo('备案审核')
    await expect(this.page.getByTestId('reviews-screen')).toBeVisible()
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
    return Number(((await this.queueTotal.locator('b').textContent()) ?? '').replace(/[^\d]/g, ''))
  }

  async openPlan(planId: string): Promise<Locator> {
    await this.item(planId).click()
    const panel = this.panel(planId)
    await expect(panel).toBeVisible()
    await expect(panel.getByTestId('review-checks')).toBeVisible()
    return panel
  }
}
