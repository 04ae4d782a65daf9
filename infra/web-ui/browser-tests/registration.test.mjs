// Registration aids in the browser (ADR 24): an agency's own case-number pattern, set in its settings with a live
// example and offered by the registration form; and the request page's 关联申请, linked through the 关联 dialog and
// shown on both requests. Each at 1440 and 1024 wide.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, newPage, signIn, screenshot, admin, apiAs, agencyWithStaff, addDays, animationsEnded } from './support.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

const CONTENT = '申请公开某路段改造工程的招标文件和中标结果'

/** Waits until a dialog's opening animation has ended, so that a screenshot shows the dialog and not its fade-in. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'))
  await animationsEnded(page)
}

/** Whether the page scrolls sideways (what a 1024-wide screen must not need). */
async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
}

test('an administrator sets an agency\'s case-number pattern with a live example; a bad one is refused; the form offers the next number', { timeout: 180_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const year = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today.slice(0, 4)
  const clerkApi = apiAs(clerk.username, clerk.password)
  await clerkApi.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: `街依申〔${year}〕6号`, applicant: { category: '自然人', name: '王五' }, channel: '当面',
    receivedOn: (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  })

  for (const width of [1440, 1024]) {
    const page = await newPage(browser)
    if (width === 1024) await page.setViewportSize({ width: 1024, height: 768 })
    await signIn(page, 'admin', process.env.FOI_ADMIN_PASSWORD || 'admin')
    await page.goto(BASE_URL + '/#/admin/agencies')
    await page.locator(`[data-test=agency-settings-${code}]`).click()
    const settings = page.locator('.el-dialog').filter({ hasText: '机关设置' })
    await settings.waitFor()
    await settled(page)
    const pattern = settings.locator('input[name=caseNumberPattern]')
    const example = settings.locator('[data-test=case-number-example]')

    if (width === 1440) {
      // No pattern of its own yet: the deployment's, and its next number.
      assert.equal(await pattern.inputValue(), '')
      await example.filter({ hasText: year + '-001' }).waitFor()

      await pattern.fill('街依申〔{年}〕号')
      const wrong = settings.locator('[data-test=case-number-example-error]')
      await wrong.filter({ hasText: '{序号}' }).waitFor()
      await settings.locator('[data-test=save-numbering]').click()
      await settings.locator('.el-form-item__error').filter({ hasText: '{序号}' }).waitFor()
      await screenshot(page, 'registration-01-bad-case-number-pattern')
      const unchanged = await api.expect(200, 'GET', `/api/agencies/${code}/next-case-number`)
      assert.equal(unchanged.agencyPattern, null, 'a refused pattern is not stored')

      await pattern.fill('街依申〔{年}〕{序号}号')
      // The example is the number registration would offer: the series already has 6.
      await example.filter({ hasText: `街依申〔${year}〕7号` }).waitFor()
      await settings.locator('[data-test=save-numbering]').click()
      await page.locator('.el-message--success').filter({ hasText: '受理编号格式已保存' }).waitFor()
      await screenshot(page, 'registration-02-case-number-pattern-saved')
    } else {
      assert.equal(await pattern.inputValue(), '街依申〔{年}〕{序号}号', 'the saved pattern is shown again')
      await example.filter({ hasText: `街依申〔${year}〕7号` }).waitFor()
      assert.equal(await scrollsSideways(page), false, 'the dialog fits 1024 wide')
      await screenshot(page, 'registration-03-case-number-pattern-1024')
    }
    await page.context().close()
  }

  // The clerk's registration form offers the next number of the agency's own series.
  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/requests/new')
  const caseNo = page.locator('input[name=caseNo]')
  await page.waitForFunction(() => document.querySelector('input[name=caseNo]')?.value)
  assert.equal(await caseNo.inputValue(), `街依申〔${year}〕7号`)
  await page.context().close()
})

test('a clerk links a request to the applicant\'s similar earlier one through 关联; both pages show the link', { timeout: 180_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const clerkApi = apiAs(clerk.username, clerk.password)
  const register = async (caseNo, name, receivedOn, description) => (await clerkApi.expect(201, 'POST',
    `/api/agencies/${code}/requests`, { caseNo, applicant: { category: '自然人', name }, channel: '当面', receivedOn, description })).id
  const similarId = await register('R-1', '张三', addDays(today, -60), CONTENT)
  await register('R-2', '张三', addDays(today, -30), '申请公开本街道2024年度低保发放名单')
  await register('R-3', '李四', addDays(today, -20), CONTENT)
  const later = await register('R-4', '张三', today, '关于某路段改造工程，请公开其招标文件、中标结果以及施工合同')
  await clerkApi.caughtUp()

  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/requests/' + later)
  const related = page.locator('[data-test=related-requests]')
  await related.getByText('尚无关联申请').waitFor()
  await related.locator('[data-test=link-open]').click()
  const dialog = page.locator('[data-test=link-dialog]')
  const rows = dialog.locator('[data-test=link-candidates] .el-table__body tr.el-table__row')
  await rows.first().waitFor()
  await settled(page)
  // The applicant's other requests only (李四's is not), the similar one first with its similarity.
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.cells[1].innerText.trim())), ['R-1', 'R-2'])
  assert.match(await rows.first().innerText(), /\d+%/)
  assert.equal(await dialog.locator('[data-test=link-submit]').isDisabled(), true, 'nothing chosen yet')
  await screenshot(page, 'registration-04-link-dialog')

  await rows.first().click()
  await dialog.locator('input[name=reason]').fill('同一申请人就同一事项再次申请')
  await dialog.locator('[data-test=link-submit]').click()
  await page.locator('.el-message--success').filter({ hasText: '已登记：关联到 R-1' }).waitFor()
  const earlierLink = related.locator('[data-test=related-EARLIER]')
  await earlierLink.filter({ hasText: 'R-1' }).waitFor()
  assert.match(await related.locator('[data-test=related-list]').innerText(), /既往申请[\s\S]*同一申请人就同一事项再次申请/)
  await page.locator('[data-test=timeline]').getByText('R-1').first().waitFor()
  await screenshot(page, 'registration-05-linked')

  // The earlier request's page shows the later one, linked to it.
  await earlierLink.click()
  await page.waitForURL('**/#/requests/' + similarId)
  const laterLink = page.locator('[data-test=related-requests] [data-test=related-LATER]')
  await laterLink.filter({ hasText: 'R-4' }).waitFor()
  assert.match(await page.locator('[data-test=related-list]').innerText(), /后续申请/)
  await screenshot(page, 'registration-06-linked-from-the-earlier')

  // At 1024 wide the panel and the dialog fit without scrolling sideways.
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(BASE_URL + '/#/requests/' + later)
  await page.locator('[data-test=related-EARLIER]').filter({ hasText: 'R-1' }).waitFor()
  assert.equal(await scrollsSideways(page), false, 'the request page fits 1024 wide')
  await page.locator('[data-test=related-requests]').scrollIntoViewIfNeeded()
  await screenshot(page, 'registration-07-related-1024')
  await page.locator('[data-test=link-open]').click()
  await rows.first().waitFor()
  await settled(page)
  // The request already linked is shown as such and cannot be chosen again.
  assert.match(await rows.first().innerText(), /已关联/)
  assert.equal(await scrollsSideways(page), false, 'the dialog fits 1024 wide')
  await screenshot(page, 'registration-08-link-dialog-1024')
  await page.context().close()
})
