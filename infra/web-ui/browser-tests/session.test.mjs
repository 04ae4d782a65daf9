// Signing in and out, the menu a role sees, changing one's own password, and the administrator's pages: agencies,
// users and the working-day calendar.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, newPage, signIn, screenshot, admin, apiAs, addDays, agencyWithStaff, unique, BASE_URL, ADMIN_PASSWORD } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

// The labels alone: a menu badge's count is not part of an item's name.
async function menuItems(page) {
  return (await page.locator('.el-aside .el-menu-item .menu-label').allInnerTexts()).map((t) => t.trim())
}

async function signOut(page) {
  await page.locator('[data-test=user-menu]').click()
  await page.locator('.el-dropdown-menu__item').filter({ hasText: '退出登录' }).click()
  await page.waitForURL(/#\/login/)
}

/** Fills the sign-in form and waits for its error. */
async function failedSignIn(page, username, password) {
  await page.goto(BASE_URL + '/#/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  const error = page.locator('.el-alert--error')
  await error.waitFor()
  return error.innerText()
}

async function choose(page, select, text) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).click()
}

test('a wrong password is refused and the user name kept; a clerk sees the clerk\'s menu; sign-out ends the session', async () => {
  const { clerk } = await agencyWithStaff(admin())
  const page = await newPage(browser)

  await page.goto(BASE_URL + '/#/login')
  await page.getByRole('button', { name: '登录' }).waitFor()
  await screenshot(page, 'session-01-sign-in')
  const message = await failedSignIn(page, clerk.username, 'not-the-password')
  assert.match(message, /用户名或密码/)
  assert.equal(await page.locator('input[name=username]').inputValue(), clerk.username)
  assert.equal(await page.locator('input[name=password]').inputValue(), '')
  await screenshot(page, 'session-02-wrong-password')

  await signIn(page, clerk.username, clerk.password)
  await page.waitForURL(/#\/workbench/)
  assert.match(await page.locator('[data-test=user-menu]').innerText(), new RegExp(clerk.username + '（经办人）'))
  const menu = await menuItems(page)
  assert.deepEqual(menu, ['工作台', '申请办理', '期限看板', '年度报告', '台账导入导出'])
  await screenshot(page, 'session-03-clerk-home')
  // An administrator's page is not the clerk's: the router sends the clerk home.
  await page.goto(BASE_URL + '/#/admin/users')
  await page.waitForURL(/#\/workbench/)

  await signOut(page)
  await page.getByRole('button', { name: '登录' }).waitFor()
  await page.goto(BASE_URL + '/#/requests')
  await page.waitForURL(/#\/login\?next=/)
  await page.getByRole('button', { name: '登录' }).waitFor()
  // With the UI's header, as the UI asks: without it a 401 asks the browser for HTTP Basic credentials.
  const session = await page.evaluate(async () => (await fetch('/api/session', { headers: { 'X-Requested-With': 'foi-ui' } })).status)
  assert.equal(session, 401, 'the session is gone on the server too')
  await screenshot(page, 'session-04-signed-out')
  await page.context().close()
})

test('a user changes the own password: the wrong current one is refused, then the new one signs in, the old one not', async () => {
  const { clerk } = await agencyWithStaff(admin())
  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.locator('[data-test=user-menu]').click()
  await page.locator('.el-dropdown-menu__item').filter({ hasText: '修改密码' }).click()
  await page.waitForURL(/#\/account\/password/)
  const fresh = 'new-pass-' + unique('P').toLowerCase()

  await page.locator('input[name=currentPassword]').fill('wrong-current-pass')
  await page.locator('input[name=newPassword]').fill(fresh)
  await page.locator('input[name=repeated]').fill(fresh)
  await page.getByRole('button', { name: '修改密码' }).click()
  const error = page.locator('.el-alert--error')
  await error.waitFor()
  assert.match(await error.innerText(), /[\u4e00-\u9fa5]/)
  await screenshot(page, 'session-05-password-wrong-current')

  await page.locator('input[name=currentPassword]').fill(clerk.password)
  await page.locator('input[name=newPassword]').fill(fresh)
  await page.locator('input[name=repeated]').fill(fresh)
  await page.getByRole('button', { name: '修改密码' }).click()
  await page.locator('.el-message--success').filter({ hasText: '密码已修改' }).waitFor()
  await screenshot(page, 'session-06-password-changed')

  await signOut(page)
  assert.match(await failedSignIn(page, clerk.username, clerk.password), /用户名或密码/)
  await signIn(page, clerk.username, fresh)
  assert.match(await page.locator('[data-test=user-menu]').innerText(), new RegExp(clerk.username))
  await page.context().close()
})

test('an administrator creates an agency and a user through the pages, and the new user signs in', async () => {
  const api = admin()
  const parent = unique('P')
  await api.expect(201, 'POST', '/api/agencies', { code: parent, name: '某某区人民政府' + parent })
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)
  assert.deepEqual(await menuItems(page), ['工作台', '申请办理', '期限看板', '年度报告', '台账导入导出', '机关管理', '用户管理', '文书模板', '工作日历', '登录日志', '操作日志', '投影异常', '个人信息查看记录'])
  await page.goto(BASE_URL + '/#/admin/agencies')
  const table = page.locator('[data-test=agency-table]')
  await table.getByText(parent, { exact: true }).waitFor()
  await screenshot(page, 'session-07-agencies')

  // The form's own checks, then the API's: a code in use.
  await page.locator('[data-test=agency-create]').click()
  const dialog = page.locator('.el-dialog').filter({ hasText: '新建机关' })
  await dialog.locator('[data-test=agency-save]').click()
  await dialog.getByText('请填写机关编码').waitFor()
  await dialog.getByText('请填写机关名称').waitFor()
  await dialog.locator('input[name=code]').fill(parent)
  await dialog.locator('input[name=name]').fill('重复的机关')
  await dialog.locator('[data-test=agency-save]').click()
  await dialog.locator('[data-test=problem]').filter({ hasText: '机关编码 ' + parent + ' 已被使用' }).waitFor()
  assert.equal(await dialog.locator('input[name=name]').inputValue(), '重复的机关', 'the form keeps what was typed')
  await dialog.locator('.el-form-item__error').first().waitFor({ state: 'detached' }) // the form's own checks passed
  await screenshot(page, 'session-08-agency-code-in-use')

  const code = unique('N')
  const name = '某某街道办事处' + code
  await dialog.locator('input[name=code]').fill(code)
  await dialog.locator('input[name=name]').fill(name)
  await choose(page, dialog.locator('[data-test=agency-parent]'), '（' + parent + '）')
  await dialog.locator('[data-test=agency-save]').click()
  await page.locator('.el-message--success').filter({ hasText: '已创建机关：' + name }).waitFor()
  // The new agency is a row under its parent in the tree.
  const row = table.locator('.el-table__row').filter({ hasText: code })
  await row.waitFor()
  assert.match(await row.innerText(), new RegExp('某某区人民政府' + parent + '（' + parent + '）'))
  assert.equal(await row.locator('.el-table__indent').count(), 1, 'a subordinate agency is indented under its parent')
  const created = await api.expect(200, 'GET', '/api/agencies/' + code)
  assert.equal(created.parentCode, parent)

  // Its settings.
  await row.getByRole('button', { name: '设置' }).click()
  const settings = page.locator('.el-dialog').filter({ hasText: '机关设置' })
  await settings.waitFor()
  await settings.getByText('收到申请当日起算').click()
  await settings.locator('[data-test=save-period]').click()
  await page.locator('.el-message--success').filter({ hasText: '期限计算设置已保存' }).waitFor()
  await settings.getByText('本年度作出决定（判决）的案件').click()
  await settings.locator('[data-test=save-report]').click()
  await page.locator('.el-message--success').filter({ hasText: '年报统计口径已保存' }).waitFor()
  await screenshot(page, 'session-09-agency-settings')
  await settings.getByRole('button', { name: '关闭', exact: true }).click()

  // A user of the new agency; a short password first, refused with the API's rule.
  await page.goto(BASE_URL + '/#/admin/users')
  const users = page.locator('[data-test=user-table]')
  await users.getByText('admin', { exact: true }).first().waitFor()
  const username = 'u' + code.toLowerCase()
  await page.locator('[data-test=user-create]').click()
  const userDialog = page.locator('.el-dialog').filter({ hasText: '新建用户' })
  await userDialog.locator('input[name=username]').fill(username)
  await userDialog.locator('input[name=password]').fill('short')
  await choose(page, userDialog.locator('[data-test=user-agency]'), '（' + code + '）')
  await userDialog.locator('[data-test=user-save]').click()
  await userDialog.locator('.el-form-item__error').filter({ hasText: '密码至少需要 10 个字符' }).waitFor()
  await screenshot(page, 'session-10-user-short-password')
  const password = 'pass-' + code.toLowerCase() // replaced by the administrator's reset below
  await userDialog.locator('input[name=password]').fill(password)
  await userDialog.locator('[data-test=user-save]').click()
  await page.locator('.el-message--success').filter({ hasText: '已创建用户：' + username }).waitFor()
  const userRow = users.locator('.el-table__row').filter({ hasText: username })
  await userRow.waitFor()
  const cells = await userRow.locator('td').allInnerTexts()
  assert.deepEqual(cells.slice(0, 3).map((c) => c.trim()), [username, '经办人', name + '（' + code + '）'])
  await screenshot(page, 'session-11-users')

  // The user forgot the password: the administrator resets it.
  await userRow.locator('[data-test=reset-' + username + ']').click()
  const resetDialog = page.locator('[data-test=reset-dialog]')
  await resetDialog.locator('input[name=newPassword]').fill('given-' + code.toLowerCase())
  await screenshot(page, 'session-11b-reset-password')
  await resetDialog.getByRole('button', { name: '重置密码' }).click()
  await page.locator('.el-message--success').filter({ hasText: '已重置 ' + username + ' 的密码' }).waitFor()
  await api.caughtUp()

  const other = await newPage(browser)
  await signIn(other, username, 'given-' + code.toLowerCase())
  // The header names the user's agency.
  assert.match(await other.locator('.header').innerText(), new RegExp(name))
  assert.match(await other.locator('[data-test=user-menu]').innerText(), new RegExp(username + '（经办人）'))
  assert.deepEqual(await menuItems(other), ['工作台', '申请办理', '期限看板', '年度报告', '台账导入导出'])
  // The administrator knows a reset password: the user sees only the password page until choosing their own.
  await other.waitForURL(/#\/account\/password/)
  await other.locator('[data-test=must-change]').waitFor()
  await screenshot(other, 'session-12-must-change-password')
  await other.goto(BASE_URL + '/#/requests')
  await other.waitForURL(/#\/account\/password/)
  const own = 'own-pass-' + code.toLowerCase()
  await other.locator('input[name=currentPassword]').fill('given-' + code.toLowerCase())
  await other.locator('input[name=newPassword]').fill(own)
  await other.locator('input[name=repeated]').fill(own)
  await other.getByRole('button', { name: '修改密码' }).click()
  await other.waitForURL(/#\/workbench/)
  await other.context().close()
  await page.context().close()
})

test('the calendar shows 2026\'s holidays in red and make-up working days in orange; a region\'s extra day is declared', async () => {
  const api = admin()
  const code = unique('R')
  await api.expect(201, 'POST', '/api/agencies', { code, name: '某某自治州人民政府' + code })
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)
  await page.goto(BASE_URL + '/#/admin/calendar')
  const yearButton = page.locator('[data-test=year]')
  await yearButton.waitFor()
  for (let i = 0; i < 20 && (await yearButton.innerText()).trim() !== '2026 年'; i++) {
    const year = parseInt(await yearButton.innerText(), 10)
    await page.locator(year > 2026 ? '[data-test=year-prev]' : '[data-test=year-next]').click()
  }
  assert.equal((await yearButton.innerText()).trim(), '2026 年')
  const day = (date) => page.locator('[data-test=calendar-year] [data-date="' + date + '"]')
  await day('2026-10-01').and(page.locator('.is-holiday')).waitFor()
  const red = 'rgb(245, 108, 108)'
  const orange = 'rgb(230, 162, 60)'
  const background = (date) => day(date).evaluate((e) => getComputedStyle(e).backgroundColor)
  for (let d = 1; d <= 7; d++) assert.equal(await background('2026-10-0' + d), red, '国庆 2026-10-0' + d)
  assert.equal(await background('2026-10-10'), orange, 'the Saturday worked after 国庆')
  assert.equal(await background('2026-09-20'), orange, 'the Sunday worked before 中秋 and 国庆')
  assert.equal(await background('2026-10-08'), 'rgba(0, 0, 0, 0)', 'an ordinary working day')
  assert.match(await page.locator('[data-test=declared]').innerText(), /已公布 2026 年/)
  // The 2026 schedule (国办发明电〔2025〕7号): 33 days off, 6 Saturdays and Sundays worked, 248 working days.
  assert.equal(await page.locator('[data-test=count-working]').innerText(), '248')
  assert.equal(await page.locator('[data-test=count-holidays]').innerText(), '33')
  assert.equal(await page.locator('[data-test=count-workdays]').innerText(), '6')
  // The declaration form starts from the year's schedule: 国庆 as one period.
  const ranges = await page.locator('[data-test=national-ranges] input').evaluateAll((inputs) => inputs.map((i) => i.value))
  assert.ok(ranges.join(' ').includes('2026-10-01 2026-10-07'), ranges.join(' '))
  await screenshot(page, 'session-12-calendar-2026')

  // The form checks what the API would refuse before asking: a make-up day must be a Saturday or Sunday.
  await page.locator('[data-test=national-add-workday]').click()
  const workday = page.locator('[data-test=national-workdays] input').last()
  await workday.fill('2026-10-12')
  await workday.press('Enter')
  await page.locator('[data-test=national-save]').click()
  const formErrors = page.locator('[data-test=calendar-form-errors]')
  await formErrors.waitFor()
  assert.match(await formErrors.innerText(), /调休上班日 2026-10-12 不是周六或周日/)
  assert.equal(await page.locator('.el-message-box').count(), 0, 'nothing is sent')
  await screenshot(page, 'session-12b-calendar-form-error')

  // A regional holiday for the new agency.
  await page.getByRole('tab', { name: '地方假日' }).click()
  await choose(page, page.locator('[data-test=regional-agency]'), '（' + code + '）')
  await page.locator('[data-test=regional-reason]').fill('某自治州民族节日放假一天')
  await page.locator('[data-test=regional-add-range]').click()
  const inputs = page.locator('[data-test=regional-ranges] .el-table__row').last().locator('input')
  await inputs.nth(0).fill('民族节日')
  await inputs.nth(1).fill('2026-07-15')
  await inputs.nth(1).press('Enter')
  assert.equal(await inputs.nth(2).inputValue(), '2026-07-15', 'a one-day holiday ends on its first day')
  await page.locator('[data-test=regional-save]').click()
  const confirm = page.locator('.el-message-box')
  await confirm.waitFor()
  assert.match(await confirm.innerText(), /放假 1 天/)
  await confirm.getByRole('button', { name: '登记' }).click()
  await page.locator('.el-message--success').filter({ hasText: '2026 年地方假日已登记' }).waitFor()
  // The grids now show the agency's calendar, with the regional day in red, the national days still there.
  await day('2026-07-15').and(page.locator('.is-holiday')).waitFor()
  assert.equal(await background('2026-07-15'), red)
  assert.equal(await background('2026-10-01'), red)
  assert.equal(await page.locator('[data-test=count-working]').innerText(), '247')
  const calendar = await api.expect(200, 'GET', '/api/calendar/2026?agency=' + code)
  assert.ok(calendar.holidays.includes('2026-07-15'))
  const national = await api.expect(200, 'GET', '/api/calendar/2026')
  assert.ok(!national.holidays.includes('2026-07-15'), 'the national calendar is unchanged')
  await screenshot(page, 'session-13-calendar-regional')
  await page.context().close()
})

test('an administrator declares a year\'s national holidays; the grids show them once the query side has them', async () => {
  // 2099: a year no other test and no request uses; declaring it again replaces it with the same days.
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)
  await page.goto(BASE_URL + '/#/admin/calendar?year=2099')
  await page.locator('[data-test=year]').filter({ hasText: '2099 年' }).waitFor()
  await page.locator('[data-test=declared]').waitFor()
  await page.locator('[data-test=national-source]').fill('国办发明电〔2098〕1号')
  await page.locator('[data-test=national-add-range]').click()
  const inputs = page.locator('[data-test=national-ranges] .el-table__row').last().locator('input')
  await inputs.nth(0).fill('元旦')
  await inputs.nth(1).fill('2099-01-01')
  await inputs.nth(1).press('Enter')
  await inputs.nth(2).fill('2099-01-04')
  await inputs.nth(2).press('Enter')
  await page.locator('[data-test=national-add-workday]').click()
  const workday = page.locator('[data-test=national-workdays] input').last()
  await workday.fill('2099-01-10')
  await workday.press('Enter')
  await page.locator('[data-test=national-save]').click()
  const confirm = page.locator('.el-message-box')
  await confirm.waitFor()
  assert.match(await confirm.innerText(), /2099 年全国节假日安排：放假 4 天，调休上班 1 天/)
  await confirm.getByRole('button', { name: '公布' }).click()
  await page.locator('.el-message--success').filter({ hasText: '2099 年全国节假日安排已公布' }).waitFor()
  await page.locator('[data-test=declared]').filter({ hasText: '已公布 2099 年' }).waitFor()
  const day = (date) => page.locator('[data-test=calendar-year] [data-date="' + date + '"]')
  for (const date of ['2099-01-01', '2099-01-02', '2099-01-03', '2099-01-04']) {
    assert.equal(await day(date).getAttribute('data-kind'), 'holiday', date)
  }
  assert.equal(await day('2099-01-10').getAttribute('data-kind'), 'workday')
  assert.equal(await page.locator('[data-test=count-holidays]').innerText(), '4')
  assert.equal(await page.locator('[data-test=count-workdays]').innerText(), '1')
  const stored = await admin().expect(200, 'GET', '/api/calendar/2099')
  assert.deepEqual(stored.holidays, ['2099-01-01', '2099-01-02', '2099-01-03', '2099-01-04'])
  assert.deepEqual(stored.workdays, ['2099-01-10'])
  // 2099 has 261 weekdays; 元旦 takes 2 of them (Thursday, Friday) and a Saturday is worked.
  assert.equal(await page.locator('[data-test=count-working]').innerText(), '260')
  await screenshot(page, 'session-14-calendar-declared')
  await page.context().close()
})

test('an administrator opens the page of parked projection events from the menu', async () => {
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)
  await page.locator('.el-aside .el-menu-item').filter({ hasText: '投影异常' }).click()
  await page.locator('h2').filter({ hasText: '投影异常' }).waitFor()
  await page.locator('[data-test=parked-count]').filter({ hasText: /共 \d+ 个滞留事件/ }).waitFor()
  await page.locator('[data-test=parked-table]').waitFor()
  await screenshot(page, 'session-15-parked-events')
  await page.context().close()
})

test('an administrator sees the notice templates of an agency and the operation log with the registration a clerk made', async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const caseNo = unique('C')
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const clerkApi = apiAs(clerk.username, clerk.password)
  await clerkApi.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo, applicant: { category: '商业企业', name: '某某有限公司' }, channel: '当面', receivedOn: addDays(today, -3)
  })
  await clerkApi.caughtUp()
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)

  await page.goto(BASE_URL + '/#/admin/notice-templates')
  // An administrator has no agency of their own: the page opens on the first top agency (the empty state shows only
  // while the agencies load, so it is not waited for), then the administrator chooses this one.
  await page.waitForFunction(() => /[?&]agency=/.test(location.hash))
  await choose(page, page.locator('[data-test=templates-agency]'), '（' + code + '）')
  await page.waitForFunction((c) => new RegExp('[?&]agency=' + c + '(&|$)').test(location.hash), code)
  const kinds = page.locator('[data-test=template-kinds] .el-table__body tr.el-table__row')
  await kinds.first().waitFor()
  // Every kind of letter has a layout; the 送达回证 is a form the system draws and is not among them.
  assert.equal(await kinds.count(), 6)
  assert.equal(await page.locator('[data-test=template-kinds]').getByText('送达回证').count(), 0)
  assert.equal(await page.locator('[data-test=template-version]').first().innerText(), 'default-1')
  await screenshot(page, 'session-20-notice-templates')

  await page.goto(BASE_URL + '/#/audit')
  await page.locator('input[name=user]').fill(clerk.username)
  await page.locator('[data-test=audit-search]').click()
  const row = page.locator('[data-test=audit-table] .el-table__row').filter({ hasText: caseNo })
  await row.first().waitFor()
  assert.match(await row.first().innerText(), new RegExp(clerk.username))
  await screenshot(page, 'session-21-operation-log')
  await page.context().close()
})
