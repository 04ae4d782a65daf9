// The request page renders what the server says (ADR 29): the buttons are the request's allowedActions, in their
// groups and words; the labels come from GET /api/terms. Checked at the narrow width (1024x768) too.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, newPage, signIn, screenshot, admin, apiAs, agencyWithStaff, unique, addDays, animationsEnded } from './support.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

/** The buttons of the request page's step panel, as [group, label] pairs in their order. */
async function offeredButtons(page) {
  return page.locator('[data-test=actions] .action-row').evaluateAll((rows) => rows.flatMap((row) =>
    [...row.querySelectorAll('button')].map((b) => [row.querySelector('.group-label').textContent.trim(), b.textContent.trim()])))
}

test('the request page offers exactly the steps the server allows, labelled as the server says, at 1440 and 1024', { timeout: 180_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const clerkApi = apiAs(clerk.username, clerk.password)
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const created = await clerkApi.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('SO-'), applicant: { category: '自然人', name: '王五' }, channel: '当面',
    receivedOn: addDays(today, -3), description: '申请公开本街道2025年度道路养护经费'
  })
  await clerkApi.expect(200, 'POST', `/api/requests/${created.id}/supplement-request`,
    { requestedOn: addDays(today, -2), dueOn: addDays(today, 10), items: '请写明所需信息的年度' })
  await api.caughtUp()
  const detail = await clerkApi.expect(200, 'GET', `/api/requests/${created.id}`)
  const expected = detail.allowedActions.map((a) => [a.groupLabel, a.label])
  assert.ok(expected.some(([, label]) => label === '收到补正'), 'a 补正 awaited offers its receipt')
  assert.ok(!expected.some(([, label]) => label === '告知补正'), 'and no second notice')

  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/requests/' + created.id)
  await page.locator('[data-test=actions]').waitFor()
  await animationsEnded(page)
  assert.deepEqual(await offeredButtons(page), expected)
  // The status tag's words are the server's term for the status.
  const terms = await clerkApi.expect(200, 'GET', '/api/terms')
  const awaiting = terms.requestStatuses.find((s) => s.key === 'AWAITING_SUPPLEMENT').label
  assert.ok((await page.locator('body').textContent()).includes(awaiting))
  await screenshot(page, 'saidonce-01-detail-1440')

  await page.setViewportSize({ width: 1024, height: 768 })
  await animationsEnded(page)
  assert.deepEqual(await offeredButtons(page), expected)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, 'no sideways scrolling at 1024 (' + overflow + 'px)')
  await screenshot(page, 'saidonce-02-detail-1024')

  // The outcome dialog lists Table 三's rows from the terms, grouped under their headings.
  await page.locator('[data-test=step-decision]').click()
  await page.locator('.el-dialog:visible').waitFor()
  await animationsEnded(page)
  await page.locator('.el-dialog:visible .el-select').first().click()
  const secret = terms.outcomes.find((o) => o.key === 'R3_3_1')
  await page.locator('.el-select-dropdown__item', { hasText: secret.row }).first().waitFor()
  await screenshot(page, 'saidonce-03-outcomes-1024')
  await page.close()
})
