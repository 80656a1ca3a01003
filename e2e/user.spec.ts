// Switching the signed-in user from the header.
import { AppPage } from './models/AppPage.ts'
import { callApi } from './fixtures/api.ts'
import { screenshot } from './fixtures/screenshots.ts'
import { expect, test } from './fixtures/webApp.ts'

const ROLE_NAMES: Record<string, string> = { OFFICER: '监督员', STAFF: '文书人员', AUDITOR: '审计（只读）' }

test('switches to another local user and back', async ({ page, webApp, request }) => {
  const users = await callApi(request, webApp, 'session.users', {})
  const current = await callApi(request, webApp, 'session.current', {})
  const other = users.find((u) => u.id !== current.id)
  if (!other) throw new Error('the test database needs two local users')
  const app = new AppPage(page)
  await app.open(webApp)
  await expect(page.locator('.header-user-name')).toHaveText(current.name)
  await expect(page.locator('.header-user-role')).toHaveText(ROLE_NAMES[current.role] ?? current.role)

  await page.locator('.header-user').click()
  for (const u of users) await expect(page.locator(`.user-option[data-user-id="${u.id}"]`)).toBeVisible()
  await screenshot(page, 'user-switcher')
  await page.locator(`.user-option[data-user-id="${other.id}"]`).click()
  await expect(page.locator('.header-user-name')).toHaveText(other.name)
  await expect(page.locator('.header-user-role')).toHaveText(ROLE_NAMES[other.role] ?? other.role)
  await expect(page.getByText(`已切换为 ${other.name}`)).toBeVisible()
  expect((await callApi(request, webApp, 'session.current', {})).id).toBe(other.id)
  // The screen reloads under the new user.
  await expect(page.getByTestId('dashboard')).toContainText(other.name)

  await page.locator('.header-user').click()
  await page.locator(`.user-option[data-user-id="${current.id}"]`).click()
  await expect(page.locator('.header-user-name')).toHaveText(current.name)
  expect((await callApi(request, webApp, 'session.current', {})).id).toBe(current.id)
})
