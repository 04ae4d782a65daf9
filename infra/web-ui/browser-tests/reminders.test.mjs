// The header's bell and the menu's counts, as a clerk sees them: requests they handle whose answer period ran out
// show in the bell with the unread count; a click opens the request and marks it read; 全部标为已读 marks the rest; the
// menu counts the agency's overdue and due-soon requests; a request whose clock stands still (补正 awaited) is not
// reminded as overdue. At 1440 and 1024 wide.
//
// An overdue reminder follows the list's own rule (open, the clock running, the due date before today), so the bell
// rings as soon as the request is registered, without waiting for the scheduler.
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

async function register(api, code, caseNo, receivedOn) {
  return api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo, applicant: { category: '自然人', name: '张三' }, channel: '当面', receivedOn,
    description: '申请公开某小区旧改补偿方案'
  })
}

/** The user's reminders once `count` of them are listed, or null when the server has not found them in time. */
async function remindersOnce(api, count, timeoutMs) {
  const until = Date.now() + timeoutMs
  for (;;) {
    await api.caughtUp()
    const list = (await api.get('/api/reminders')).json
    if (list.total >= count) return list
    if (Date.now() > until) return null
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

test('the bell lists the handler\'s reminders, opens the request and marks read; the menu counts overdue and due soon', { timeout: 240_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const clerkApi = apiAs(clerk.username, clerk.password)
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const first = unique('R-')
  const second = unique('R-')
  const a = await register(api, code, first, addDays(today, -90))
  const b = await register(api, code, second, addDays(today, -80))
  await register(api, code, unique('N-'), today)
  // Past its due date too, but waiting for a 补正 due after today: paused, neither overdue nor reminded.
  const paused = await register(api, code, unique('P-'), addDays(today, -90))
  await api.expect(200, 'POST', `/api/requests/${paused.id}/supplement-request`, {
    requestedOn: addDays(today, -89), dueOn: addDays(today, 10), items: '请写明所需信息的具体名称'
  })
  // About 18 working days ago: due within the next 3 working days, unless holidays intervene (the badge then stays away).
  await register(api, code, unique('S-'), addDays(today, -26))
  for (const id of [a.id, b.id, paused.id]) {
    await api.expect(200, 'POST', `/api/requests/${id}/assignment`, { handler: clerk.username })
  }
  await api.caughtUp()
  const badges = (await clerkApi.get('/api/reminders/badges')).json
  assert.equal(badges.overdue, 2)

  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  const requestsBadge = page.locator('[data-test="menu-badge-/requests"]')
  await requestsBadge.waitFor()
  assert.equal((await requestsBadge.innerText()).trim(), '2')
  if (badges.dueSoon > 0) {
    assert.equal((await page.locator('[data-test="menu-badge-/deadlines"]').innerText()).trim(), String(badges.dueSoon))
  }
  await screenshot(page, 'reminders-01-menu-badges')

  const list = await remindersOnce(clerkApi, 2, 10_000)
  assert.ok(list, 'the overdue requests are reminded at once')
  assert.equal(list.total, 2, 'the paused request is not reminded: ' + JSON.stringify(list.items.map((r) => r.caseNo)))

  await page.reload()
  const count = page.locator('[data-test=reminder-count] sup')
  await count.getByText('2').waitFor()
  await page.locator('[data-test=reminder-bell]').click()
  const items = page.locator('[data-test=reminder-item]')
  await items.first().waitFor()
  assert.equal(await items.count(), 2)
  // Newest first: the request received later ran out later.
  assert.match(await items.nth(0).innerText(), new RegExp(second))
  assert.match(await items.nth(0).innerText(), /逾期未答复/)
  assert.match(await items.nth(0).innerText(), /已逾期 \d+ 个工作日/)
  await animationsEnded(page)
  await screenshot(page, 'reminders-02-bell-1440')

  await items.nth(1).click()
  await page.waitForURL(new RegExp('/requests/' + a.id))
  await count.getByText('1').waitFor()
  await screenshot(page, 'reminders-03-opened-request')
  const after = (await clerkApi.get('/api/reminders')).json
  assert.equal(after.unread, 1)
  assert.equal(after.items.find((r) => r.requestId === a.id).read, true)

  await page.setViewportSize({ width: 1024, height: 768 })
  await page.locator('[data-test=reminder-bell]').click()
  await page.locator('[data-test=reminder-item][data-read=false]').waitFor()
  assert.equal(await items.count(), 2)
  const unreadText = await page.locator('[data-test=reminder-item][data-read=false]').innerText()
  assert.match(unreadText, new RegExp(second))
  assert.match(unreadText, /逾期未答复/)
  assert.match(unreadText, /已逾期 \d+ 个工作日/)
  const widths = await page.evaluate(() => ({ doc: document.scrollingElement.scrollWidth, view: innerWidth }))
  assert.ok(widths.doc <= widths.view, 'the open bell is no wider than the window at 1024: ' + widths.doc + ' > ' + widths.view)
  await animationsEnded(page)
  await screenshot(page, 'reminders-04-bell-1024')
  await page.locator('[data-test=reminders-read-all]').click()
  await page.locator('[data-test=reminder-count] sup').waitFor({ state: 'hidden' })
  assert.equal(await page.locator('[data-test=reminder-item][data-read=false]').count(), 0)
  assert.equal(await page.locator('[data-test=reminder-item]').count(), 2, 'read reminders stay listed')
  await animationsEnded(page)
  await screenshot(page, 'reminders-05-all-read-1024')
  assert.equal((await clerkApi.get('/api/reminders')).json.unread, 0)
  await page.close()
})
