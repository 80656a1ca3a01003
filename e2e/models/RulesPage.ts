// The 检查规则 screen as a spec drives it: the pack card, the rule table (rows keyed by rule code) with
// their switches and details, and the reason modal every change goes through.
import { expect, type Locator } from '@playwright/test'
import { ScreenPage } from './ScreenPage.ts'

export class RulesPage extends ScreenPage {
  async open(): Promise<void> {
    await this.openScreen('检查规则', 'rules-screen')
    await expect(this.page.getByTestId('rule-pack-title')).toBeVisible()
  }

  row(code: string): Locator {
    return this.page.locator(`[data-testid="rule-table"] tr[data-row-key="${code}"]`)
  }

  switchOf(code: string): Locator {
    return this.page.getByTestId(`rule-switch-${code}`)
  }

  detail(code: string): Locator {
    return this.page.getByTestId(`rule-detail-${code}`)
  }

  get modal(): Locator {
    return this.page.locator('.rule-change-modal')
  }

  /** Fills the reason and presses the modal's OK button (labelled with the change's verb). */
  async confirmChange(verb: RegExp, reason: string): Promise<void> {
    await expect(this.modal).toBeVisible()
    await this.modal.getByRole('textbox', { name: '理由' }).fill(reason)
    await this.modal.getByRole('button', { name: verb }).click()
    await expect(this.modal).toBeHidden()
  }
}
