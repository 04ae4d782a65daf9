// The back office's frame (issue 16, points 9 and 13): the header and the menu stay in place while the page scrolls, the
// menu folds and remembers it, breadcrumbs, the sign-in page's organisation and version, request lists and the board
// that keep one line per row and never scroll sideways at 1440 and 1024 wide, a 200-character applicant name that does
// not widen the request's page, and the keyboard: the menu by Tab and Enter, the board's cards focusable, every input
// labelled on every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, ADMIN_PASSWORD, launch, newPage, signIn, screenshot, admin, agencyWithStaff, unique, addDays, layoutSettled } from './support.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

const WIDTHS = [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]
const LONG_NAME = '某某市某某区某某街道某某社区居民委员会'.repeat(10).slice(0, 200)

/** The header's and the menu's boxes. */
async function frameBoxes(page) {
  return {
    header: await page.locator('[data-test=header]').boundingBox(),
    aside: await page.locator('[data-test=aside]').boundingBox()
  }
}

/** Folds or opens the menu to the state asked for. */
async function setCollapsed(page, collapsed) {
  const width = (await page.locator('[data-test=aside]').boundingBox()).width
  if ((width < 100) !== collapsed) await page.locator('[data-test=collapse]').click()
  await page.waitForFunction((c) => {
    const w = document.querySelector('[data-test=aside]').getBoundingClientRect().width
    return c ? w < 100 : w > 150
  }, collapsed)
  // The tables measure their width again after the menu moved.
  await layoutSettled(page, '.el-table')
}

/** Every body row's height of a table, and whether its body scrolls sideways. */
async function tableShape(page, selector) {
  return page.locator(selector).evaluate((table) => {
    const rows = [...table.querySelectorAll('.el-table__body-wrapper tbody tr')].map((r) => r.getBoundingClientRect().height)
    const wrap = table.querySelector('.el-table__body-wrapper .el-scrollbar__wrap') || table.querySelector('.el-table__body-wrapper')
    return { rows, scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth }
  })
}

/** Inputs a screen reader cannot name: no aria-label, no aria-labelledby, no label of their own. */
async function unlabelledInputs(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
    }
    const named = (el) => {
      if ((el.getAttribute('aria-label') || '').trim()) return true
      const by = el.getAttribute('aria-labelledby')
      if (by && by.split(/\s+/).some((id) => (document.getElementById(id)?.textContent || '').trim())) return true
      return [...(el.labels || [])].some((l) => l.textContent.trim())
    }
    return [...document.querySelectorAll('input, textarea, select')]
      .filter((el) => el.type !== 'hidden' && el.type !== 'file' && visible(el) && !named(el))
      .map((el) => {
        // Named by where it sits, so that a failure says which one.
        const item = el.closest('.el-form-item')?.querySelector('.el-form-item__label')?.textContent.trim()
        const where = item ? '「' + item + '」' : (el.closest('[class]:not(.el-input__inner):not(.el-input__wrapper):not(.el-input)')?.className || '')
        return where + ' ' + (el.getAttribute('placeholder') || el.getAttribute('role') || el.tagName)
      })
  })
}

test('the sign-in page shows the system, the organisation and the version the server reports', { timeout: 60_000 }, async () => {
  const about = await (await fetch(BASE_URL + '/api/about')).json()
  assert.equal(about.system, '政府信息公开申请办理系统')
  assert.ok(about.version, 'the build gives a version')
  for (const size of WIDTHS) {
    const page = await newPage(browser)
    await page.setViewportSize(size)
    await page.goto(BASE_URL + '/#/login')
    await page.locator('[data-test=version]').getByText('版本 ' + about.version).waitFor()
    assert.equal((await page.locator('[data-test=system-name]').innerText()).trim(), about.system)
    if (about.organisation) {
      assert.equal((await page.locator('[data-test=organisation]').innerText()).trim(), about.organisation)
    } else {
      assert.equal(await page.locator('[data-test=organisation]').count(), 0)
    }
    assert.deepEqual(await unlabelledInputs(page), [])
    await screenshot(page, 'chrome-01-sign-in-' + size.width)
    await page.context().close()
  }
})

test('lists, board and a request page keep one line per row, never scroll sideways, and the frame stays put', { timeout: 300_000 }, async () => {
  const api = admin()
  const parent = unique('P')
  const { code, clerk, supervisor } = await agencyWithStaff(api, { parent })
  await api.caughtUp()
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  // Received more than a year ago and never answered: overdue by some two hundred working days.
  const overdue = await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('2025-'), applicant: { category: '自然人', name: LONG_NAME }, channel: '当面', receivedOn: addDays(today, -400),
    description: '申请公开本区2024年度财政预算执行情况及相关会议纪要'.repeat(4)
  })
  await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('2026-'), applicant: { category: '商业企业', name: '某某有限公司' }, channel: '网络', receivedOn: addDays(today, -2),
    confirmedOn: addDays(today, -2), description: '申请公开某路段道路改造工程的招标文件'
  })
  await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('2026-'), applicant: { category: '自然人', name: '张三' }, channel: '平信', receivedOn: addDays(today, -20),
    description: '申请公开某小区加装电梯的审批文件'
  })
  await api.caughtUp()
  const stored = await api.expect(200, 'GET', `/api/requests/${overdue.id}`)
  assert.ok(stored.workingDaysLeft < -200, 'overdue by many working days: ' + stored.workingDaysLeft)

  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  for (const size of WIDTHS) {
    await page.setViewportSize(size)
    for (const collapsed of size.width === 1024 ? [false, true] : [false]) {
      const label = size.width + (collapsed ? '-folded' : '')
      await page.goto(BASE_URL + '/#/requests')
      await page.locator('[data-test=request-list] .el-table__body tbody tr').nth(2).waitFor()
      await setCollapsed(page, collapsed)
      const list = await tableShape(page, '[data-test=request-list]')
      assert.equal(list.rows.length, 3)
      assert.ok(Math.max(...list.rows) - Math.min(...list.rows) <= 1, label + ': every row one line high: ' + list.rows)
      assert.ok(list.scrollWidth <= list.clientWidth, label + ': the list does not scroll sideways: ' + list.scrollWidth + ' > ' + list.clientWidth)
      // The overdue days in the column headed 剩余工作日, the whole phrase in the title.
      const days = page.locator('[data-test=request-list] [data-test=days-left]').filter({ hasText: '逾期' })
      assert.equal((await days.innerText()).trim(), '逾期 ' + -stored.workingDaysLeft)
      assert.equal(await days.getAttribute('title'), '逾期 ' + -stored.workingDaysLeft + ' 个工作日')
      await screenshot(page, 'chrome-02-list-' + label)

      await page.goto(BASE_URL + '/#/deadlines')
      await page.locator('[data-test=deadline-table] .el-table__body tbody tr').nth(2).waitFor()
      await layoutSettled(page, '[data-test=deadline-table]')
      const board = await tableShape(page, '[data-test=deadline-table]')
      assert.ok(Math.max(...board.rows) - Math.min(...board.rows) <= 1, label + ': every board row one line high: ' + board.rows)
      assert.ok(board.scrollWidth <= board.clientWidth, label + ': the board does not scroll sideways')
      await screenshot(page, 'chrome-03-board-' + label)

      // The request's page: the long name wraps inside its cell; the frame stays while the page scrolls.
      await page.goto(BASE_URL + '/#/requests/' + overdue.id)
      await page.locator('[data-test=applicant]').waitFor()
      const crumbs = (await page.locator('[data-test=breadcrumb]').innerText()).replace(/\s+/g, '')
      assert.equal(crumbs, '首页/申请办理/申请详情/' + stored.caseNo)
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }))
      assert.ok(widths.doc <= widths.view, label + ': the request page is no wider than the window: ' + widths.doc + ' > ' + widths.view)
      const before = await frameBoxes(page)
      await page.mouse.move(size.width / 2, size.height / 2)
      await page.mouse.wheel(0, 600)
      await page.waitForFunction(() => window.scrollY > 100)
      const after = await frameBoxes(page)
      assert.deepEqual(after, before, label + ': the header and the menu stay in place')
      await page.evaluate(() => window.scrollTo(0, 0))
      await screenshot(page, 'chrome-04-detail-' + label)
    }
  }

  // The supervisor of the parent agency: the board with the agency column at both widths.
  const other = await newPage(browser)
  await signIn(other, supervisor.username, supervisor.password)
  for (const size of WIDTHS) {
    await other.setViewportSize(size)
    await other.goto(BASE_URL + '/#/deadlines?agency=' + parent)
    await other.locator('[data-test=deadline-table] .el-table__body tbody tr').nth(2).waitFor()
    await layoutSettled(other, '[data-test=deadline-table]')
    const board = await tableShape(other, '[data-test=deadline-table]')
    assert.ok(Math.max(...board.rows) - Math.min(...board.rows) <= 1, size.width + ': every row of the district board one line high')
    assert.ok(board.scrollWidth <= board.clientWidth, size.width + ': the district board does not scroll sideways')
    await screenshot(other, 'chrome-05-district-board-' + size.width)
  }
  await other.context().close()
  await page.context().close()
})

test('the menu folds to its icons and stays folded after a reload; the breadcrumbs follow the page', { timeout: 120_000 }, async () => {
  const api = admin()
  const { clerk } = await agencyWithStaff(api)
  await api.caughtUp()
  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/deadlines')
  await page.locator('h2.page-title').getByText('期限看板').waitFor()
  assert.equal((await page.locator('[data-test=breadcrumb]').innerText()).replace(/\s+/g, ''), '首页/期限看板')
  assert.equal(await page.locator('h2.page-title').innerText(), '期限看板')
  assert.ok((await page.locator('[data-test=aside]').boundingBox()).width >= 190)
  await page.locator('[data-test=collapse]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=aside]').getBoundingClientRect().width < 100)
  // Folded: the icons remain, one per item (工作台, 申请办理, 期限看板, 年度报告, 台账导入导出).
  assert.equal(await page.locator('.el-aside .el-menu-item .el-icon').count(), 5)
  await screenshot(page, 'chrome-06-folded')
  await page.reload()
  await page.locator('[data-test=user-menu]').waitFor()
  assert.ok((await page.locator('[data-test=aside]').boundingBox()).width < 100, 'still folded after a reload')
  const main = await page.locator('main.main').boundingBox()
  assert.ok(main.x < 100, 'the page takes the room the menu left')
  await page.locator('[data-test=collapse]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=aside]').getBoundingClientRect().width > 150)
  await page.reload()
  await page.locator('[data-test=user-menu]').waitFor()
  assert.ok((await page.locator('[data-test=aside]').boundingBox()).width > 150, 'open again after a reload')
  await page.context().close()
})

test('the keyboard reaches the menu and opens an item with Enter; the board\'s cards take the focus and open their list', { timeout: 120_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  await api.caughtUp()
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const lateCaseNo = unique('K-')
  await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: lateCaseNo, applicant: { category: '自然人', name: '王五' }, channel: '当面', receivedOn: addDays(today, -60)
  })
  await api.caughtUp()
  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/requests')
  await page.locator('[data-test=request-list]').waitFor()

  /** Presses Tab until the focused element matches, at most `limit` times. */
  async function tabTo(predicate, arg, limit = 40) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(predicate, arg)) return
    }
    assert.fail('Tab did not reach it within ' + limit + ' presses')
  }

  await page.locator('body').click({ position: { x: 5, y: 400 } })
  await tabTo((text) => document.activeElement?.classList.contains('el-menu-item') && document.activeElement.querySelector('.menu-label')?.textContent.trim() === text, '期限看板')
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/deadlines/)
  await page.locator('[data-test=count-OVERDUE]').getByText('1').waitFor()

  await tabTo(() => document.activeElement?.dataset?.test === 'card-OVERDUE')
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)
  assert.notEqual(ring, 'none', 'a focused card shows a focus ring')
  await screenshot(page, 'chrome-07-card-focused')
  await page.keyboard.press('Enter')
  await page.waitForURL(/state=OVERDUE/)
  await page.locator('[data-test=deadline-table]').getByText(lateCaseNo).waitFor()
  await page.context().close()
})

test('the administration tables (用户管理, 文书模板) give way at 1024 wide: no sideways scrolling of the page or the table', { timeout: 120_000 }, async () => {
  const api = admin()
  const { code } = await agencyWithStaff(api)
  await api.caughtUp()
  const page = await newPage(browser)
  await signIn(page, 'admin', ADMIN_PASSWORD)
  const tables = [['/admin/users', '[data-test=user-table]'], ['/admin/notice-templates?agency=' + code, '[data-test=template-kinds]']]
  for (const size of WIDTHS) {
    await page.setViewportSize(size)
    for (const [path, selector] of tables) {
      await page.goto(BASE_URL + '/#' + path)
      // The templates are read from the agency's tree and the shipped files: slow on a busy machine.
      await page.locator(selector + ' .el-table__body tbody tr').first().waitFor({ timeout: 60_000 })
      await layoutSettled(page, selector)
      const label = path.split('?')[0] + ' at ' + size.width
      const widths = await page.evaluate(() => ({ doc: document.scrollingElement.scrollWidth, view: innerWidth }))
      assert.ok(widths.doc <= widths.view, label + ': the page is no wider than the window: ' + widths.doc + ' > ' + widths.view)
      const table = await tableShape(page, selector)
      assert.ok(table.scrollWidth <= table.clientWidth, label + ': the table does not scroll sideways: ' + table.scrollWidth + ' > ' + table.clientWidth)
      // Nor does a one-line cell hide what it holds (the 操作 column's last button, a header).
      const clipped = await page.locator(selector).evaluate((el) => [...el.querySelectorAll('.nowrap-cell .cell')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent.trim()))
      assert.deepEqual(clipped, [], label + ': one-line cells show all they hold')
      await screenshot(page, 'chrome-09' + path.split('?')[0].replace(/[/]/g, '-') + '-' + size.width)
    }
  }
  await page.context().close()
})

test('every input of every page has a label, and every page is screenshotted at both widths', { timeout: 300_000 }, async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  await api.caughtUp()
  const today = (await api.expect(200, 'GET', `/api/agencies/${code}/deadlines`)).today
  const created = await api.expect(201, 'POST', `/api/agencies/${code}/requests`, {
    caseNo: unique('L-'), applicant: { category: '自然人', name: '赵六' }, channel: '当面', receivedOn: addDays(today, -3)
  })
  await api.caughtUp()
  const pages = {
    clerk: ['/workbench', '/requests', '/requests/new', '/requests/' + created.id, '/deadlines', '/reports', '/ledger', '/account/password'],
    admin: ['/admin/agencies', '/admin/users', '/admin/notice-templates', '/admin/calendar', '/admin/sign-ins', '/audit',
      '/admin/parked-events', '/admin/personal-data-reads']
  }
  const found = []
  for (const [who, paths] of Object.entries(pages)) {
    const page = await newPage(browser)
    // A full-page screenshot of a long page (the calendar, the report) on a busy machine takes its time.
    page.setDefaultTimeout(60_000)
    if (who === 'clerk') await signIn(page, clerk.username, clerk.password)
    else await signIn(page, 'admin', ADMIN_PASSWORD)
    for (const size of WIDTHS) {
      await page.setViewportSize(size)
      for (const path of paths) {
        await page.goto(BASE_URL + '/#' + path)
        await page.locator('h2.page-title').first().waitFor()
        await page.waitForLoadState('networkidle')
        await layoutSettled(page)
        for (const html of await unlabelledInputs(page)) found.push(path + ': ' + html)
        const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }))
        assert.ok(widths.doc <= widths.view, path + ' at ' + size.width + ' is no wider than the window: ' + widths.doc + ' > ' + widths.view)
        await screenshot(page, 'chrome-08-' + who + path.replace(/[/]/g, '-').replace(/-[0-9a-f-]{36}$/, '-detail') + '-' + size.width)
      }
    }
    await page.context().close()
  }
  assert.deepEqual([...new Set(found)], [])
})
