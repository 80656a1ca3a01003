// The app as a spec drives it: open with the token, navigate, read the plans list and its detail.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { callApi } from '../fixtures/api.ts'
import type { WebApp } from '../fixtures/webApp.ts'

/** The number in a total's `<b>` ("共 <b>1,234</b> 条线索"), thousands separators and units dropped. */
export async function boldNumber(total: Locator): Promise<number> {
  return Number(((await total.locator('b').textContent()) ?? '').replace(/[^\d]/g, ''))
}

export class AppPage {
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }

  async open(app: WebApp): Promise<void> {
    await this.page.goto(app.url)
    await expect(this.page.locator('.app-brand-name')).toHaveText('监督工作台')
  }

  nav(label: string): Locator {
    // The accessible name of a menu item includes its icon's label, so match the visible title.
    return this.page.locator('.app-menu .ant-menu-title-content').getByText(label, { exact: true })
  }

  /** Switches the signed-in user from the header's menu. */
  async signInAs(userId: string, name: string): Promise<void> {
    await this.page.locator('.header-user').click()
    await this.page.locator(`.user-option[data-user-id="${userId}"]`).click()
    await expect(this.page.locator('.header-user-name')).toHaveText(name)
  }

  /**
   * Opens the app, signs the database's auditor in from the header and runs `body`; afterwards the user
   * signed in before is signed in again (through the API, so a failed body cannot leave the auditor on).
   */
  async asAuditor(request: APIRequestContext, app: WebApp, body: () => Promise<void>): Promise<void> {
    const users = await callApi(request, app, 'session.users', {})
    const before = await callApi(request, app, 'session.current', {})
    const auditor = users.find((u) => u.role === 'AUDITOR')
    if (!auditor) throw new Error('the demo database needs an auditor')
    await this.open(app)
    await this.signInAs(auditor.id, auditor.name)
    try {
      await body()
    } finally {
      await callApi(request, app, 'session.signIn', { userId: before.id })
    }
  }

  async goTo(label: string): Promise<void> {
    await this.nav(label).click()
  }

  get planRows(): Locator {
    return this.page.locator('.plan-data-row')
  }

  get planTotal(): Locator {
    return this.page.getByTestId('plan-total')
  }

  async openPlans(): Promise<void> {
    await this.goTo('检查计划')
    await expect(this.page.getByTestId('plans-screen')).toBeVisible()
    await expect(this.planRows.first()).toBeVisible()
  }

  /** The total the list header shows, as a number. */
  async shownTotal(): Promise<number> {
    await expect(this.planTotal).toContainText('项计划')
    return boldNumber(this.planTotal)
  }

  /** Clicks the status tab of a plan status code (its label carries the count too). */
  async filterByStatus(status: string): Promise<void> {
    await this.page.locator(`.plan-status-tabs .status-option[data-status="${status}"]`).click()
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '搜索计划' }).fill(text)
  }

  get detail(): Locator {
    return this.page.getByTestId('plan-detail')
  }
}
