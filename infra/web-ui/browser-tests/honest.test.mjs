// The pages tell the truth (issue 16, points 10 and 11): a page offers only what the server allows and lists every
// missing prerequisite of a publication before asking to confirm; a failed load shows the error and no empty state;
// nothing reads "undefined"; a half-filled step dialog asks before Esc throws it away; a date of something that has
// happened cannot be picked in the future; a form shows every field the server refused at once. At 1440 and 1024 wide.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, newPage, signIn, screenshot, admin, agencyWithStaff, unique, addDays, animationsEnded, layoutSettled } from './support.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

const YEAR = new Date().getFullYear() - 1
const WIDTHS = [1440, 1024]

async function noUndefined(page, where) {
  const text = await page.locator('body').innerText()
  assert.ok(!/undefined|NaN/.test(text), where + ' shows "undefined" or "NaN": ' + (text.match(/.{0,30}(undefined|NaN).{0,30}/) || [''])[0])
}

async function atWidths(page, name, check) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 1440 ? 900 : 768 })
    await layoutSettled(page)
    if (check) await check(width)
    await screenshot(page, name + '-' + width)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

async function newUser(api, role, agencyCode) {
  const user = { username: 'own' + role.toLowerCase().slice(0, 3) + agencyCode.toLowerCase(), password: 'pass-' + agencyCode }
  await api.expect(201, 'POST', '/api/users', { ...user, role, agencyCode })
  return user
}

test('年度报告：区主管看不到街道报告的发布按钮；街道主管发布前一次看到全部缺少的条件，不弹出确认框', { timeout: 180_000 }, async () => {
  const api = admin()
  const district = unique('D')
  const street = await agencyWithStaff(api, { parent: district }) // its supervisor is the district's
  const streetSupervisor = await newUser(api, 'SUPERVISOR', street.code)
  await api.caughtUp()
  const url = `${BASE_URL}/#/reports?agency=${street.code}&year=${YEAR}`

  const page = await newPage(browser)
  try {
    // The district's supervisor reads the street's report, but is offered neither entry nor publication.
    await signIn(page, street.supervisor.username, street.supervisor.password)
    await page.goto(url)
    await page.locator('[data-test=report-title]').waitFor()
    assert.equal(await page.locator('[data-test=enter-table2]').count(), 0)
    assert.equal(await page.locator('[data-test=enter-texts]').count(), 0)
    await page.locator('[data-test=tab-publication]').click()
    await page.locator('[data-test=publish-not-allowed]').waitFor()
    assert.equal(await page.locator('[data-test=publish]').count(), 0, 'no 发布 for a report the server would refuse')
    await noUndefined(page, 'the district supervisor\'s view of the street report')
    await atWidths(page, 'honest-report-district-supervisor')

    // The street's own supervisor: the header does not claim all is well while Table 二 and the texts are missing.
    await page.context().clearCookies()
    await signIn(page, streetSupervisor.username, streetSupervisor.password)
    await page.goto(url)
    await page.locator('[data-test=report-title]').waitFor()
    await page.locator('[data-test=head-missing]').getByText('发布前尚缺 2 项').waitFor()
    assert.equal(await page.locator('.report-head').getByText('全部校验通过').count(), 0)
    assert.equal(await page.locator('[data-test=checks-summary]').getByText('全部校验通过').count(), 0)
    await page.locator('[data-test=enter-table2]').waitFor()

    await page.locator('[data-test=tab-publication]').click()
    const blockers = page.locator('[data-test=publication-blockers]')
    await blockers.waitFor()
    assert.deepEqual(await blockers.locator('li').allTextContents(), [
      '请先录入表二（主动公开政府信息情况）再发布年度报告',
      '请先填写“一、总体情况”等文字部分再发布年度报告'
    ])
    await page.locator('[data-test=publish]').click()
    // The click answered: the list of what is missing turns from a warning into an error.
    await page.locator('[data-test=publication-blockers].el-alert--error').waitFor()
    assert.equal(await page.locator('.el-message-box').count(), 0, 'no confirmation while something is missing')
    await blockers.locator('li').nth(1).waitFor()
    await noUndefined(page, 'the street supervisor\'s publication tab')
    await atWidths(page, 'honest-report-missing')
  } finally {
    await page.context().close()
  }
})

test('申请：加载失败只显示错误；不出现 undefined；未提交的补正对话框按 Esc 先询问；不能选择未来日期；服务器指出的多个错误同时显示', { timeout: 240_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const { id } = await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('H-'), applicant: { category: '自然人', name: '王五' }, channel: '当面',
    receivedOn: addDays(today, -3), description: '申请公开本街道老旧小区改造资金使用情况'
  })
  await api.caughtUp()

  const page = await newPage(browser)
  try {
    await signIn(page, clerk.username, clerk.password)

    // A request that does not exist: the error, and no empty state beside it.
    await page.goto(`${BASE_URL}/#/requests/no-such-request`)
    await page.locator('[data-test=problem]').waitFor()
    // Visible ones: the header's reminder list keeps its own (hidden) empty state in the page.
    assert.equal(await page.locator('.el-empty:visible').count(), 0)
    await atWidths(page, 'honest-detail-not-found')

    // The list failing on the server: the error, not "本机关尚无申请".
    await page.route('**/api/agencies/*/requests?**', (route) => route.fulfill({
      status: 500, contentType: 'application/problem+json',
      body: JSON.stringify({ title: '服务器错误', status: 500, detail: '服务器暂时无法处理，请稍后重试' })
    }))
    await page.goto(`${BASE_URL}/#/requests?agency=${code}`)
    await page.locator('[data-test=problem]').getByText('服务器暂时无法处理').waitFor()
    await layoutSettled(page)
    assert.equal(await page.locator('.el-empty:visible').count(), 0, 'no empty state under a failed load')
    assert.equal(await page.getByText('本机关尚无申请').count(), 0)
    await atWidths(page, 'honest-list-failed')
    await page.unroute('**/api/agencies/*/requests?**')

    // The request's page reads no "undefined" anywhere.
    await page.goto(`${BASE_URL}/#/requests/${id}`)
    await page.locator('[data-test=days-left]').waitFor()
    await noUndefined(page, 'the request page')

    // A half-filled 补正 dialog: Esc asks first; keeping on leaves what was typed.
    await page.locator('[data-test=step-supplement-request]').click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.waitFor()
    await animationsEnded(page)
    await dialog.locator('textarea[name=items]').fill('请补充说明所需信息的具体小区名称')
    await page.keyboard.press('Escape')
    const ask = page.locator('.el-message-box').filter({ hasText: '尚未提交' })
    await ask.waitFor()
    await animationsEnded(page)
    await screenshot(page, 'honest-step-escape-asks')
    await ask.getByRole('button', { name: '继续填写' }).click()
    await ask.waitFor({ state: 'hidden' })
    assert.equal(await dialog.locator('textarea[name=items]').inputValue(), '请补充说明所需信息的具体小区名称')

    // The 告知日期 is a day that has happened: tomorrow cannot be picked. The 补正期限 lies ahead: tomorrow can.
    const pickerOf = (label) => dialog.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp('^\\s*' + label + '\\s*$') }) }).locator('input')
    // The server's tomorrow (the browser's own clock may be in another zone): its cell in the open panel.
    const tomorrow = addDays(today, 1)
    const tomorrowCell = () => page.evaluate(({ day, sameMonth }) => {
      const panel = [...document.querySelectorAll('.el-picker__popper')].find((p) => p.style.display !== 'none' && p.offsetParent !== null)
      const cell = [...panel.querySelectorAll('.el-date-table td')].find((c) => c.textContent.trim() === day
        && (sameMonth ? !c.classList.contains('prev-month') && !c.classList.contains('next-month') : c.classList.contains('next-month')))
      return cell ? cell.className : null
    }, { day: String(Number(tomorrow.slice(8))), sameMonth: tomorrow.slice(0, 7) === today.slice(0, 7) })
    await pickerOf('告知日期').click()
    await page.locator('.el-picker__popper .el-date-table td.current').first().waitFor()
    const requested = await tomorrowCell()
    assert.ok(requested && requested.includes('disabled'), '告知日期: tomorrow is disabled (' + requested + ')')
    await atWidths(page, 'honest-date-future-disabled')
    await pickerOf('告知日期').press('Enter')
    await pickerOf('补正期限').click()
    // The first picker's panel has faded out and the second's is open.
    await animationsEnded(page)
    await page.locator('.el-picker__popper:visible .el-date-table').waitFor()
    const due = await tomorrowCell()
    assert.ok(due && !due.includes('disabled'), '补正期限: tomorrow may be picked (' + due + ')')
    await pickerOf('补正期限').press('Enter')
    await dialog.getByRole('button', { name: '取消' }).click()

    // Registration: two fields only the server refuses (control characters) come back together, each under its field.
    await page.goto(`${BASE_URL}/#/requests/new?agency=${code}`)
    const form = page.locator('[data-test=register-form]')
    await form.locator('input[name=caseNo]').waitFor()
    await form.locator('input[name=caseNo]').fill(unique('H-'))
    await form.locator('input[name=applicantName]').fill('赵六')
    await form.locator('.el-radio-button').filter({ hasText: /^网络$/ }).click()
    const confirmed = form.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: /^\s*双方确认日期\s*$/ }) }).locator('input')
    await confirmed.fill(addDays(today, -1))
    await confirmed.press('Enter')
    await form.locator('input[name=contact]').fill('138\u0001')
    await form.locator('textarea[name=description]').fill('申请公开\u0007资金情况')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    const errors = page.locator('.el-form-item__error')
    await errors.nth(1).waitFor()
    const messages = await errors.allTextContents()
    assert.ok(messages.some((m) => m.includes('联系方式')), 'contact error shown: ' + messages)
    assert.ok(messages.some((m) => m.includes('申请内容')), 'description error shown: ' + messages)
    await atWidths(page, 'honest-register-all-errors')
  } finally {
    await page.context().close()
  }
})
