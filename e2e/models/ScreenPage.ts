// What every screen's page model starts from: the page, the app shell (menu navigation) and opening
// the screen from the menu.
import { expect, type Page } from '@playwright/test'
import { AppPage } from './AppPage.ts'

export abstract class ScreenPage {
  readonly page: Page
  readonly app: AppPage
  constructor(page: Page) {
    this.page = page
    this.app = new AppPage(page)
  }

  /** Clicks the menu item and waits for the screen's root (by test id). */
  protected async openScreen(menuLabel: string, screenTestId: string): Promise<void> {
    await this.app.goTo(menuLabel)
    await expect(this.page.getByTestId(screenTestId)).toBeVisible()
  }
}
