// 申请办理 beyond its first look: the filters folded under 更多条件 (built only when first opened) filter like the others
// and are counted on the button once folded again, and a clerk gives several requests a handler at once
// (批量指定承办人, whose dialog is built only when first opened too). At 1440 and at 1024 wide.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, newPage, signIn, screenshot, admin, apiAs, addDays, agencyWithStaff, unique, animationsEnded } from './support.mjs'

let browser
let staff
let clerkApi
let today
const cases = {}

before(async () => {
  browser = await launch()
  const api = admin()
  staff = await agencyWithStaff(api)
  clerkApi = apiAs(staff.clerk.username, staff.clerk.password)
  today = (await api.expect(200, 'GET', `/api/agencies/${staff.code}/deadlines`)).today
  for (const [key, name, daysAgo] of [['older', '赵一', 20], ['recent', '钱二', 10], ['today', '孙三', 0]]) {
    cases[key] = unique('LS-')
    const created = await clerkApi.expect(201, 'POST', `/api/agencies/${staff.code}/requests`, {
      caseNo: cases[key], applicant: { category: '自然人', name }, channel: '当面', receivedOn: addDays(today, -daysAgo),
      description: '申请公开某项目的批复文件'
    })
    cases[key + 'Id'] = created.id
  }
  await clerkApi.caughtUp()
})

after(async () => { await browser?.close() })

const rows = (page) => page.locator('[data-test=request-list] .el-table__body tr.el-table__row')

async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
}

test('the filters under 更多条件 open, filter by the receipt date, and are counted on the button once folded', async () => {
  const page = await newPage(browser)
  await signIn(page, staff.clerk.username, staff.clerk.password)
  const asked = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/api/agencies/')) asked.push(path.slice(path.lastIndexOf('/') + 1))
  })
  await page.goto(BASE_URL + '/#/requests')
  await rows(page).filter({ hasText: cases.older }).waitFor()
  assert.equal(await rows(page).count(), 3)
  // Folded, the date pickers are not on the page at all.
  assert.equal(await page.locator('input[aria-label=收到日期起]').count(), 0)

  await page.locator('[data-test=more-filters]').click()
  const from = page.locator('input[aria-label=收到日期起]')
  await from.waitFor()
  await from.fill(addDays(today, -15))
  await from.press('Enter')
  await page.getByRole('button', { name: '查询' }).click()
  await page.waitForFunction((d) => location.hash.includes('receivedFrom=' + d), addDays(today, -15))
  await page.locator('[data-test=total]').getByText('共 2 件').waitFor()
  assert.equal(await rows(page).filter({ hasText: cases.older }).count(), 0, 'the request received before the date is left out')
  assert.equal(await rows(page).count(), 2)
  // Each filter is one read of the list; the 承办人 choices were read once, on the way into the page.
  assert.deepEqual(asked.filter((p) => p === 'requests' || p === 'handlers').sort(), ['handlers', 'requests', 'requests'])
  await animationsEnded(page)
  await screenshot(page, 'list-01-more-filters-open-1440')
  assert.equal(await scrollsSideways(page), false, 'the list with its filters open at 1440 wide')
  await page.setViewportSize({ width: 1024, height: 768 })
  await screenshot(page, 'list-01-more-filters-open-1024')
  assert.equal(await scrollsSideways(page), false, 'the list with its filters open at 1024 wide')
  await page.setViewportSize({ width: 1440, height: 900 })

  // Folded again, the filter still holds and the button says so.
  await page.locator('[data-test=more-filters]').click()
  assert.equal((await page.locator('[data-test=more-filters]').innerText()).trim(), '更多条件（1）')
  assert.equal(await rows(page).count(), 2)
  await screenshot(page, 'list-02-more-filters-folded-in-force')
  await page.context().close()
})

test('a clerk selects two requests and gives both a handler at once; the third keeps none', async () => {
  const page = await newPage(browser)
  await signIn(page, staff.clerk.username, staff.clerk.password)
  await page.goto(BASE_URL + '/#/requests')
  await rows(page).filter({ hasText: cases.today }).waitFor()
  const batch = page.locator('[data-test=batch-assign]')
  assert.equal(await batch.isDisabled(), true, 'nothing selected, nothing to assign')

  for (const key of ['older', 'recent']) await rows(page).filter({ hasText: cases[key] }).locator('.el-checkbox').click()
  assert.equal((await batch.innerText()).replace(/\s/g, ''), '批量指定承办人（2）')
  await screenshot(page, 'list-03-two-selected')
  await batch.click()
  const dialog = page.locator('[data-test=assign-dialog]')
  await dialog.getByText('已选 2 件申请').waitFor()
  // The dialog is built on this first opening, and still asks for its candidates.
  await dialog.locator('[data-test=assign-handler]').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: staff.clerk.username }).click()
  await animationsEnded(page)
  await screenshot(page, 'list-03-batch-assign')
  await dialog.locator('[data-test=assign-save]').click()
  await page.getByText('已指定承办人：2 件').waitFor()
  await dialog.waitFor({ state: 'hidden' })

  await clerkApi.caughtUp()
  const handlerOf = async (key) => (await clerkApi.expect(200, 'GET', '/api/requests/' + cases[key + 'Id'])).handler ?? null
  assert.equal(await handlerOf('older'), staff.clerk.username)
  assert.equal(await handlerOf('recent'), staff.clerk.username)
  assert.equal(await handlerOf('today'), null)
  await rows(page).filter({ hasText: cases.older }).getByText(staff.clerk.username).waitFor()
  await screenshot(page, 'list-04-batch-assigned')
  await page.context().close()
})
