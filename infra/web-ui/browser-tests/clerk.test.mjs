// A clerk's day with one request, as a person does it in the browser: sign in, register a request through the form
// (a mistake first: the form says what is wrong and keeps what was typed), ask for a 补正, record it, answer; and a
// supervisor of the parent agency watching the deadline board move while that happens.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, newPage, signIn, screenshot, admin, agencyWithStaff, unique, addDays, animationsEnded } from './support.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

/** The form item whose label reads exactly `label`, inside `scope` (a page, a dialog). */
function formItem(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope
  return scope.locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label', { hasText: new RegExp('^\\s*' + label + '\\s*$') })
  })
}

async function typeDate(scope, label, value) {
  const input = formItem(scope, label).locator('input')
  await input.fill(value)
  // Enter takes the typed date and closes the picker's panel (Escape would close the dialog around it).
  await input.press('Enter')
}

const dialog = (page) => page.locator('.el-dialog:visible')

/** Opens a step's dialog from its button on the request page. */
async function openStep(page, key) {
  await page.locator(`[data-test=step-${key}]`).click()
  await dialog(page).waitFor()
  // Let the opening animation end, so that a screenshot shows the dialog and not its fade-in.
  await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active, .el-overlay-dialog.dialog-fade-enter-active'))
  await animationsEnded(page)
  return dialog(page)
}

async function submitStep(page) {
  await dialog(page).locator('[data-test=step-submit]').click()
}

/** The timeline's titles, newest first. */
async function timelineTitles(page) {
  return page.locator('[data-test=timeline] .t-title').allTextContents()
}

test('a clerk registers, asks for a 补正, records it and answers; the supervisor sees the board move', { timeout: 240_000 }, async () => {
  const api = admin()
  const parent = unique('P')
  const { code, clerk, supervisor } = await agencyWithStaff(api, { parent })
  // The server's today (its time zone, Asia/Shanghai) decides what is "in the future": take it from the board.
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const receivedOn = addDays(today, -7)
  const caseNo = unique('2026-')

  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  // Every role starts on the 工作台; the list is the menu's 申请办理.
  await page.waitForURL(/#\/workbench/)
  await page.locator('.el-aside .el-menu-item').filter({ hasText: '申请办理' }).click()
  await page.locator('[data-test=request-list]').waitFor()
  await page.getByText('本机关尚无申请').waitFor()
  await screenshot(page, 'clerk-01-list-empty')

  // ---- registration: the form's own check, then the API's, then success
  await page.locator('[data-test=register]').click()
  const form = page.locator('[data-test=register-form]')
  await form.waitFor()
  await formItem(form, '受理编号').locator('input').fill(caseNo)
  await form.locator('.el-radio-button').filter({ hasText: /^网络$/ }).click()
  await page.locator('[data-test=channel-rule]').getByText('以双方确认之日为收到申请之日').waitFor()
  await typeDate(form, '双方确认日期', addDays(today, 1))
  await form.locator('textarea[name=description]').fill('申请公开2025年度老旧小区改造项目的资金使用情况')
  await page.getByRole('button', { name: '登记', exact: true }).click()
  // The name is missing: the form says so and sends nothing.
  await formItem(form, '申请人姓名').locator('.el-form-item__error').getByText('请填写申请人姓名或名称').waitFor()
  await formItem(form, '申请人姓名').locator('input').fill('李四')
  await page.getByRole('button', { name: '登记', exact: true }).click()
  // A confirmation date in the future is refused by the picker, as the server would refuse it: the field stays empty.
  const dateError = formItem(form, '双方确认日期').locator('.el-form-item__error')
  await dateError.waitFor()
  assert.match(await dateError.textContent(), /请填写/)
  assert.equal(await formItem(form, '双方确认日期').locator('input').inputValue(), '')
  assert.equal(await formItem(form, '受理编号').locator('input').inputValue(), caseNo, 'the case number stays')
  assert.equal(await formItem(form, '申请人姓名').locator('input').inputValue(), '李四', 'the name stays')
  assert.equal(await form.locator('textarea[name=description]').inputValue(), '申请公开2025年度老旧小区改造项目的资金使用情况')
  await screenshot(page, 'clerk-02-register-form-error')

  await typeDate(form, '双方确认日期', receivedOn)
  await page.locator('[data-test=channel-rule]').getByText('收到申请之日将登记为 ' + receivedOn).waitFor()
  await page.getByRole('button', { name: '登记', exact: true }).click()

  // ---- the request's page
  await page.waitForURL(/#\/requests\/[0-9a-f-]{36}$/)
  const requestId = page.url().split('/').pop()
  await page.locator('[data-test=case-no]').getByText(caseNo).waitFor()
  // Read right after the save: the request itself, never "not found", and named by its case number, not its id.
  assert.ok(!(await page.locator('body').innerText()).includes(requestId), 'the page never shows the internal id')
  assert.equal(await page.locator('.el-alert--error').count(), 0, 'no error on the new request\'s page')
  assert.equal((await page.locator('[data-test=status]').textContent()).trim(), '办理中')
  assert.equal((await page.locator('[data-test=applicant]').textContent()).trim(), '李四')
  const stored = await api.expect(200, 'GET', `/api/requests/${requestId}`)
  assert.equal(stored.receivedOn, receivedOn)
  assert.equal(stored.channel, '网络')
  assert.equal((await page.locator('[data-test=due-date]').textContent()).trim(), stored.dueDate)
  await page.locator('[data-test=due-explanation]').getByText(`自收到申请之日（${receivedOn}）`).waitFor()
  assert.deepEqual((await timelineTitles(page)).slice(-1), ['收到申请'])
  await screenshot(page, 'clerk-03-detail-registered')

  // Every step an open request offers opens its form (looked at once, then cancelled).
  const openSteps = ['supplement-request', 'extension', 'consultations', 'fee-notice', 'later-answer-date', 'decision', 'withdrawal', 'registration-correction']
  for (const key of openSteps) {
    const d = await openStep(page, key)
    await screenshot(page, 'clerk-dialog-' + key)
    await d.getByRole('button', { name: '取消' }).click()
    await d.waitFor({ state: 'hidden' })
  }
  for (const key of ['supplement', 'fee-payment', 'reconsiderations', 'decision-correction']) {
    assert.equal(await page.locator(`[data-test=step-${key}]`).count(), 0, key + ' is not offered on an open request without it')
  }

  // ---- the supervisor of the parent agency watches the board
  const boardPage = await newPage(browser)
  await signIn(boardPage, supervisor.username, supervisor.password)
  await boardPage.waitForURL(/#\/workbench/)
  await boardPage.locator('.el-aside .el-menu-item').filter({ hasText: '期限看板' }).click()
  await boardPage.waitForURL(/#\/deadlines/)
  const count = (state) => boardPage.locator(`[data-test=count-${state}]`)
  await boardPage.locator('[data-test=deadline-table]').getByText(caseNo).waitFor()
  assert.equal((await count('total').textContent()).trim(), '1')

  // ---- 告知补正
  let d = await openStep(page, 'supplement-request')
  await typeDate(d, '告知日期', addDays(receivedOn, 1))
  await typeDate(d, '补正期限', addDays(receivedOn, 15))
  await d.locator('textarea[name=items]').fill('请写明所需信息的具体年度和项目名称')
  await submitStep(page)
  await d.waitFor({ state: 'hidden' })
  await page.locator('[data-test=status]').getByText('待补正').waitFor()
  await page.locator('[data-test=paused]').getByText('待补正').waitFor()
  assert.equal((await timelineTitles(page))[0], '告知补正')
  await screenshot(page, 'clerk-04-detail-awaiting-supplement')

  await boardPage.getByRole('button', { name: '刷新' }).click()
  await boardPage.waitForFunction(() => document.querySelector('[data-test=count-PAUSED]')?.textContent.trim() === '1')
  await boardPage.locator('[data-test=deadline-table]').getByText('待补正').first().waitFor()
  await screenshot(boardPage, 'clerk-05-board-paused')

  // ---- 收到补正: the period starts again from the supplement
  d = await openStep(page, 'supplement')
  await screenshot(page, 'clerk-dialog-supplement')
  await typeDate(d, '收到补正日期', addDays(receivedOn, 2))
  await submitStep(page)
  await d.waitFor({ state: 'hidden' })
  await page.locator('[data-test=status]').getByText('办理中').waitFor()
  await page.locator('[data-test=due-explanation]').getByText(`自收到补正之日（${addDays(receivedOn, 2)}）`).waitFor()
  assert.ok((await timelineTitles(page)).includes('收到补正'))
  assert.ok((await page.locator('[data-test=due-history] tbody tr').count()) >= 2, 'the new due date is in the history')

  await boardPage.getByRole('button', { name: '刷新' }).click()
  await boardPage.waitForFunction(() => document.querySelector('[data-test=count-PAUSED]')?.textContent.trim() === '0')
  assert.equal((await count('total').textContent()).trim(), '1')
  await boardPage.locator('[data-test=deadline-table]').getByText(caseNo).waitFor()
  await screenshot(boardPage, 'clerk-06-board-open')

  // ---- 作出答复: 予以公开
  d = await openStep(page, 'decision')
  await formItem(d, '办理结果').locator('.el-select').click()
  await page.locator('.outcome-popper .el-select-dropdown__item:visible').first().waitFor()
  // What the request's history cannot support is offered greyed, with the server's reason: no 补正 is awaited and no
  // fee unpaid; the 补正 received allows 补正后申请内容仍不明确.
  const unanswered = page.locator('.outcome-popper [data-test=outcome-R3_6_1]')
  assert.match(await unanswered.getAttribute('class'), /is-disabled/)
  assert.match(await unanswered.textContent(), /只适用于发出补正通知而未收到补正的申请/)
  assert.match(await page.locator('.outcome-popper [data-test=outcome-R3_6_2]').getAttribute('class'), /is-disabled/)
  assert.doesNotMatch(await page.locator('.outcome-popper [data-test=outcome-R3_4_3]').getAttribute('class'), /is-disabled/)
  await screenshot(page, 'clerk-dialog-decision-outcomes')
  await page.locator('.outcome-popper .el-select-dropdown__item:visible').filter({ hasText: /^予以公开$/ }).click()
  await typeDate(d, '答复日期', today)
  await screenshot(page, 'clerk-dialog-decision-filled')
  await submitStep(page)
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
  await d.waitFor({ state: 'hidden' })
  await page.locator('[data-test=status]').getByText('已办结').waitFor()
  assert.equal((await page.locator('[data-test=outcome]').textContent()).trim(), '予以公开')
  const titles = await timelineTitles(page)
  for (const title of ['作出答复', '收到补正', '告知补正', '收到申请']) assert.ok(titles.includes(title), title + ' in ' + titles)
  assert.equal(titles[0], '作出答复')
  // A closed request offers only the remedies and the corrections.
  const offered = await page.locator('[data-test=actions] [data-test^=step-]').evaluateAll((els) => els.map((e) => e.dataset.test))
  assert.deepEqual(offered.sort(), ['step-decision-correction', 'step-lawsuits', 'step-reconsiderations', 'step-registration-correction'])
  await screenshot(page, 'clerk-07-detail-closed')
  for (const key of ['reconsiderations', 'lawsuits', 'decision-correction']) {
    d = await openStep(page, key)
    await screenshot(page, 'clerk-dialog-' + key)
    await d.getByRole('button', { name: '取消' }).click()
    await d.waitFor({ state: 'hidden' })
  }

  // ---- the board no longer counts it as open
  await boardPage.getByRole('button', { name: '刷新' }).click()
  await boardPage.waitForFunction(() => document.querySelector('[data-test=count-total]')?.textContent.trim() === '0')
  assert.equal(await boardPage.locator('[data-test=deadline-table]').getByText(caseNo).count(), 0)
  await screenshot(boardPage, 'clerk-08-board-after-decision')

  // ---- the list shows it closed, and keeps its filters in the address
  await page.goto(BASE_URL + '/#/requests?status=CLOSED')
  const row = page.locator('[data-test=request-list] .el-table__body tr').filter({ hasText: caseNo })
  await row.waitFor()
  assert.match(await row.textContent(), /已办结/)
  assert.match(await row.textContent(), /李四/)
  assert.equal((await page.locator('[data-test=total]').textContent()).trim(), '共 1 件')
  await page.reload()
  await row.waitFor()
  await screenshot(page, 'clerk-09-list-closed-filter')
  await page.goto(BASE_URL + '/#/requests?status=IN_PROGRESS')
  await page.getByText('没有符合条件的申请').waitFor()
})

test('a step the state no longer allows is refused with the API\'s reason, and the dialog keeps what was typed', { timeout: 120_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const created = await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('X-'), applicant: { category: '商业企业', name: '某某有限公司' }, channel: '当面', receivedOn: addDays(today, -3)
  })
  await api.caughtUp()

  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/requests/' + created.id)
  await page.locator('[data-test=status]').getByText('办理中').waitFor()
  // Another clerk answers meanwhile; this page still offers the steps of an open request.
  await api.expect(200, 'POST', `/api/requests/${created.id}/decision`, { outcome: 'R3_1', decidedOn: today })
  const d = await openStep(page, 'extension')
  await formItem(d, '延期理由').locator('textarea').fill('需要调取档案')
  await submitStep(page)
  await d.locator('[data-test=problem]').getByText('办结后不能再延期').waitFor()
  assert.equal(await formItem(d, '延期理由').locator('textarea').inputValue(), '需要调取档案')
  await screenshot(page, 'clerk-10-dialog-conflict')
})

test('an administrator chooses the agency on the list and on the board; the choice stays in the address', { timeout: 120_000 }, async () => {
  const api = admin()
  const parent = unique('P')
  const { code } = await agencyWithStaff(api, { parent })
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const caseNo = unique('A-')
  await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo, applicant: { category: '科研机构', name: '某某研究院' }, channel: '邮寄', submittedOn: addDays(today, -5), receivedOn: addDays(today, -3)
  })
  await api.caughtUp()

  const page = await newPage(browser)
  await signIn(page, 'admin', process.env.FOI_ADMIN_PASSWORD || 'admin')
  await page.goto(BASE_URL + `/#/requests?agency=${code}&category=C3`)
  const row = page.locator('[data-test=request-list] .el-table__body tr').filter({ hasText: caseNo })
  await row.waitFor()
  assert.match(await row.textContent(), /科研机构/)
  assert.match(await row.textContent(), /邮寄/)
  assert.match(await page.locator('[data-test=agency]').textContent(), new RegExp(code))
  await screenshot(page, 'clerk-11-admin-list')
  // Another category: nothing, and the agency stays chosen.
  await page.goto(BASE_URL + `/#/requests?agency=${code}&category=C2`)
  await page.getByText('没有符合条件的申请').waitFor()

  await page.goto(BASE_URL + `/#/deadlines?agency=${parent}`)
  await page.locator('[data-test=deadline-table]').getByText(caseNo).waitFor()
  assert.equal((await page.locator('[data-test=count-total]').textContent()).trim(), '1')
  // The agency column names the subordinate agency the request belongs to.
  await page.locator('[data-test=deadline-table]').getByText('某某街道办事处' + code).waitFor()
  await screenshot(page, 'clerk-12-admin-board')
})

test('the other steps go through their dialogs: extension, consultation, fee, 第三十五条, corrections, withdrawal, appeals', { timeout: 240_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const created = await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('S-'), applicant: { category: '自然人', name: '张三' }, channel: '当面', receivedOn: addDays(today, -10)
  })
  await api.caughtUp()
  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/requests/' + created.id)
  await page.locator('[data-test=status]').getByText('办理中').waitFor()

  /** Runs one step: opens it, lets `fill` type, submits (confirming when asked), waits for its timeline entry. */
  async function step(key, title, fill, { confirm = false } = {}) {
    const titles = () => page.evaluate(() => [...document.querySelectorAll('[data-test=timeline] .t-title')].map((e) => e.textContent))
    const before = (await titles()).filter((t) => t === title).length
    const d = await openStep(page, key)
    await fill(d)
    await submitStep(page)
    if (confirm) await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await d.waitFor({ state: 'hidden' })
    // The step's entry appears (a step that moves the due date adds a 答复期限 entry after its own).
    await page.waitForFunction(([t, n]) => [...document.querySelectorAll('[data-test=timeline] .t-title')].filter((e) => e.textContent === t).length > n, [title, before])
    const stored = await api.expect(200, 'GET', `/api/requests/${created.id}`)
    return stored
  }
  const radio = (d, text) => d.locator('.el-radio').filter({ hasText: text }).click()

  let stored = await step('extension', '延长答复期限', async (d) => {
    await typeDate(d, '告知日期', today)
    await formItem(d, '延期理由').locator('textarea').fill('需要调取多个部门的档案')
  })
  assert.equal(stored.extended, true)
  assert.equal(await page.locator('[data-test=step-extension]').count(), 0, 'only one extension')

  stored = await step('consultations', '征求意见', async (d) => {
    await radio(d, '其他机关')
    await formItem(d, '被征求意见方').locator('input').fill('某某区财政局')
    await typeDate(d, '发出日期', today)
  })
  assert.equal(stored.status, 'CONSULTING')
  await page.locator('[data-test=paused]').getByText('征求意见中').waitFor()

  stored = await step('consultation-end', '征求意见结束', async (d) => {
    assert.match(await formItem(d, '征求意见').textContent(), /第 1 次：其他机关（某某区财政局）/)
    await typeDate(d, '结束日期', today)
    await formItem(d, '意见摘要').locator('textarea').fill('同意公开')
  })
  assert.equal(stored.status, 'IN_PROGRESS')

  stored = await step('fee-notice', '收费通知', async (d) => {
    await typeDate(d, '通知日期', today)
    await radio(d, '按量收费')
    // 65 pages: the first 30 free, 35 at 10 元 (国办函〔2020〕109号); the quote fills in the amount.
    await formItem(d, '页数').locator('input').fill('65')
    await formItem(d, '页数').locator('input').press('Tab')
    await d.locator('[data-test=fee-quote]').getByText('350.00 元', { exact: true }).waitFor()
    await formItem(d, '金额（元）').locator('input').fill('350')
  })
  assert.equal(stored.status, 'AWAITING_FEE')
  assert.deepEqual(stored.flags, [], 'the quoted amount needs no 减免 reason and raises no flag')
  stored = await step('fee-payment', '缴费', async (d) => typeDate(d, '缴费日期', today))
  assert.equal(stored.status, 'IN_PROGRESS')

  const later = addDays(today, 90)
  stored = await step('later-answer-date', '确定答复期限', async (d) => {
    await typeDate(d, '告知日期', today)
    await typeDate(d, '确定的答复期限', later)
    await formItem(d, '理由').locator('textarea').fill('申请数量明显超过合理范围')
  })
  assert.equal(stored.laterAnswerDate, later)
  assert.equal((await page.locator('[data-test=due-date]').textContent()).trim(), later)

  stored = await step('registration-correction', '更正登记', async (d) => {
    await formItem(d, '申请人姓名').locator('input').fill('张叁')
    await formItem(d, '更正原因').locator('textarea').fill('申请人姓名录入错误')
  })
  assert.equal(stored.applicant.name, '张叁')

  stored = await step('withdrawal', '申请人撤回', async (d) => {
    await typeDate(d, '撤回日期', today)
    await formItem(d, '说明').locator('textarea').fill('申请人书面撤回')
  }, { confirm: true })
  assert.equal(stored.status, 'CLOSED')
  assert.equal(stored.outcome, 'R3_6_3')

  await step('reconsiderations', '行政复议', (d) => typeDate(d, '复议申请日期', today))
  await step('reconsideration-result', '行政复议决定', async (d) => {
    await radio(d, '结果维持')
    await typeDate(d, '决定日期', today)
  })
  stored = await step('lawsuits', '行政诉讼', async (d) => {
    await typeDate(d, '起诉日期', today)
    await radio(d, '复议后起诉')
  })
  assert.equal(stored.lawsuits, 1)
  await step('lawsuit-result', '行政诉讼判决', async (d) => {
    await radio(d, '结果纠正')
    await typeDate(d, '判决日期', today)
  })
  stored = await step('decision-correction', '更正答复', async (d) => {
    await formItem(d, '办理结果').locator('.el-select').click()
    await page.locator('.outcome-popper .el-select-dropdown__item:visible').filter({ hasText: '4.保护第三方合法权益' }).click()
    await typeDate(d, '答复日期', today)
    await formItem(d, '更正原因').locator('textarea').fill('办理结果登记错误')
  })
  assert.equal(stored.outcome, 'R3_3_4')
  assert.equal((await page.locator('[data-test=outcome]').textContent()).trim(), '不予公开·保护第三方合法权益')
  assert.equal(await page.locator('[data-test=step-reconsideration-result]').count(), 0, 'no pending reconsideration')
  await screenshot(page, 'clerk-13-detail-all-steps')
})
