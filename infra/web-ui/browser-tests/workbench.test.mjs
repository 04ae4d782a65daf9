// 工作台: the start page of every role. A clerk's counts link to the list with the same filters (the list then shows
// as many rows as the count said), 我的待办 lists the clerk's open requests overdue first; a supervisor sees the agencies
// under them; an administrator the system's state. Each at 1440 and at 1024 wide, without sideways scrolling.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, newPage, signIn, screenshot, admin, apiAs, addDays, agencyWithStaff, unique, ADMIN_PASSWORD, animationsEnded, layoutSettled } from './support.mjs'

let browser
let staff
let today
const cases = {}

before(async () => {
  browser = await launch()
  const api = admin()
  staff = await agencyWithStaff(api, { parent: unique('P') })
  const clerk = apiAs(staff.clerk.username, staff.clerk.password)
  today = (await api.expect(200, 'GET', `/api/agencies/${staff.code}/deadlines`)).today
  const register = async (key, name, receivedOn) => {
    cases[key] = unique('WB-')
    const created = await clerk.expect(201, 'POST', `/api/agencies/${staff.code}/requests`, {
      caseNo: cases[key], applicant: { category: '自然人', name }, channel: '当面', receivedOn, description: '申请公开某文件'
    })
    return created.id
  }
  const overdue = await register('overdue', '王小明', addDays(today, -70))
  const fresh = await register('fresh', '李四', today)
  await register('unassigned', '张三', today)
  for (const id of [overdue, fresh]) {
    await clerk.expect(200, 'POST', `/api/requests/${id}/assignment`, { handler: staff.clerk.username })
  }
  await api.caughtUp()
})

after(async () => { await browser?.close() })

/** Whether the page scrolls sideways: a 工作台 must fit at 1024 wide. */
async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
}

async function atBothWidths(page, name) {
  await screenshot(page, name + '-1440')
  assert.equal(await scrollsSideways(page), false, name + ' at 1440 wide')
  await page.setViewportSize({ width: 1024, height: 768 })
  await screenshot(page, name + '-1024')
  assert.equal(await scrollsSideways(page), false, name + ' at 1024 wide')
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('a clerk starts on the 工作台: counts of the agency and their own, 我的待办 overdue first; a count opens its list', async () => {
  const page = await newPage(browser)
  let asked = 0
  page.on('request', (request) => { if (new URL(request.url()).pathname === '/api/workbench') asked++ })
  await signIn(page, staff.clerk.username, staff.clerk.password)
  await page.waitForURL(/#\/workbench/)
  await page.locator('[data-test=todo-table]').getByText(cases.overdue).waitFor()
  // The router starts the 工作台's read on the way from the sign-in, and the page takes that answer.
  assert.equal(asked, 1, 'the 工作台 asked for once')

  assert.equal((await page.locator('[data-test=count-open] .card-count').innerText()).trim(), '3')
  assert.equal((await page.locator('[data-test=count-overdue] .card-count').innerText()).trim(), '1')
  assert.equal((await page.locator('[data-test=count-receivedThisWeek] .card-count').innerText()).trim(), '2')
  assert.match(await page.locator('[data-test=mine-open]').innerText(), /我承办 2/)
  const todo = page.locator('[data-test=todo-table] .el-table__body tr')
  assert.equal(await todo.count(), 2)
  assert.match(await todo.nth(0).innerText(), new RegExp(cases.overdue + '[\\s\\S]*王小明[\\s\\S]*逾期 \\d+ 个工作日[\\s\\S]*待答复'))
  assert.match(await todo.nth(1).innerText(), new RegExp(cases.fresh))
  await atBothWidths(page, 'workbench-01-clerk')

  // The count is a link reached by the keyboard: Enter opens the list with its filter, showing as many rows.
  await page.locator('[data-test=count-overdue]').focus()
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/requests\?.*overdue=true/)
  const rows = page.locator('[data-test=request-list] .el-table__body tr')
  await rows.filter({ hasText: cases.overdue }).waitFor()
  assert.equal(await rows.count(), 1)
  assert.equal((await page.locator('[data-test=total]').innerText()).trim(), '共 1 件')
  await screenshot(page, 'workbench-02-clerk-overdue-list')

  await page.goBack()
  await page.locator('[data-test=mine-open]').click()
  await page.waitForURL(/#\/requests\?.*handler=me/)
  await rows.filter({ hasText: cases.fresh }).waitFor()
  assert.equal(await rows.count(), 2)
  assert.equal((await page.locator('[data-test=total]').innerText()).trim(), '共 2 件')
  await page.context().close()
})

test('a supervisor\'s 工作台 covers the agencies under them with a table by agency and its 按期答复率', async () => {
  const page = await newPage(browser)
  await signIn(page, staff.supervisor.username, staff.supervisor.password)
  await page.waitForURL(/#\/workbench/)
  const table = page.locator('[data-test=agency-table]')
  const street = table.locator('.el-table__body tr').filter({ hasText: '某某街道办事处' + staff.code })
  await street.waitFor()
  assert.match(await street.innerText(), /3\s+1\s+0\s+—/)
  assert.match(await page.locator('[data-test=workbench-scope]').innerText(), /及下级机关/)
  assert.equal((await page.locator('[data-test=count-overdue] .card-count').innerText()).trim(), '1')
  await page.locator('[data-test=todo-table]').getByText('没有由您承办的未办结申请').waitFor()
  await atBothWidths(page, 'workbench-03-supervisor')

  await page.locator('[data-test=count-open]').click()
  await page.waitForURL(/#\/requests\?.*includeSubordinates=true/)
  await page.locator('[data-test=request-list]').getByText(cases.unassigned).waitFor()
  assert.equal((await page.locator('[data-test=total]').innerText()).trim(), '共 3 件')
  await screenshot(page, 'workbench-04-supervisor-open-list')
  await page.context().close()
})

test('a supervisor sets the case-number pattern (案号规则) of an agency under them from the 工作台', async () => {
  const page = await newPage(browser)
  await signIn(page, staff.supervisor.username, staff.supervisor.password)
  await page.waitForURL(/#\/workbench/)
  const button = page.locator('[data-test=case-numbering-' + staff.code + ']')
  await button.waitFor()
  await button.click()
  const dialog = page.locator('[data-test=settings-dialog]')
  await dialog.getByText('案号规则 — 某某街道办事处' + staff.code).waitFor()
  assert.equal(await dialog.locator('[data-test=save-period]').count(), 0, 'the administrator\'s other settings are not offered')
  assert.equal(await dialog.locator('[data-test=save-report]').count(), 0)
  const year = today.slice(0, 4)
  await dialog.locator('input[name=caseNumberPattern]').fill('街依申〔{年}〕{序号}号')
  await dialog.locator('[data-test=case-number-example]').getByText('街依申〔' + year + '〕1号').waitFor()
  await animationsEnded(page)
  await screenshot(page, 'workbench-05-supervisor-case-numbering-1440')
  await dialog.locator('[data-test=save-numbering]').click()
  await page.locator('.el-message').getByText('受理编号格式已保存').waitFor()
  const clerk = apiAs(staff.clerk.username, staff.clerk.password)
  const next = await clerk.expect(200, 'GET', `/api/agencies/${staff.code}/next-case-number`)
  assert.equal(next.agencyPattern, '街依申〔{年}〕{序号}号')
  await page.setViewportSize({ width: 1024, height: 768 })
  await layoutSettled(page, '[data-test=settings-dialog]')
  assert.equal(await scrollsSideways(page), false, 'the dialog fits at 1024 wide')
  await screenshot(page, 'workbench-05-supervisor-case-numbering-1024')
  await page.context().close()

  // A clerk's 工作台 has no table of agencies, so no 案号规则 (the server refuses a clerk: 403).
  const clerkPage = await newPage(browser)
  await signIn(clerkPage, staff.clerk.username, staff.clerk.password)
  await clerkPage.locator('[data-test=todo-table]').waitFor()
  assert.equal(await clerkPage.locator('[data-test^=case-numbering-]').count(), 0)
  await clerkPage.context().close()
})

test('an administrator\'s 工作台 shows the projections, parked events, disk, databases and accounts', async () => {
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)
  await page.waitForURL(/#\/workbench/)
  const state = page.locator('[data-test=system-state]')
  await state.waitFor()
  assert.match(await page.locator('[data-test=card-parked]').innerText(), /滞留事件\s*\d+/)
  assert.match(await page.locator('[data-test=card-disk]').innerText(), /可用磁盘空间\s*[\d.]+ [KMGT]?B\s*共 [\d.]+ [KMGT]?B/)
  assert.match(await page.locator('[data-test=card-caught-up]').innerText(), /已同步/)
  await page.locator('[data-test=database-table]').getByText('foi_query').waitFor()
  assert.equal(await page.locator('[data-test=workbench-counts]').count(), 0)
  await atBothWidths(page, 'workbench-05-admin')
  await page.context().close()
})
