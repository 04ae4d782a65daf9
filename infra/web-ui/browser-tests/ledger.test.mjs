// The ledger (台账) page: a clerk checks a file with errors (nothing stored, every error listed by row and column),
// then checks and imports a correct one, and exports the agency's ledger as Excel and CSV.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, newPage, signIn, screenshot, admin, agencyWithStaff, BASE_URL } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const HEADER = '受理编号,申请人类型,申请人,申请方式,收到日期,办理结果,办结日期'

/** A CSV file as the upload input takes it; with a BOM, as Excel writes UTF-8. */
const csv = (name, lines) => ({ name, mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n', 'utf8') })

async function chooseFile(page, file) {
  await page.locator('[data-test=ledger-upload] input[type=file]').setInputFiles(file)
  // The file list shows the new file alone once the replaced one's leaving animation is over.
  await page.locator('[data-test=ledger-upload] .el-upload-list').getByRole('button', { name: file.name, exact: true }).waitFor()
  await page.waitForFunction(() => document.querySelectorAll('[data-test=ledger-upload] .el-upload-list__item').length === 1)
}

async function requestsOf(api, code) {
  await api.caughtUp()
  return api.expect(200, 'GET', '/api/agencies/' + code + '/requests')
}

test('a clerk checks a ledger with errors, then imports a correct one and exports the ledger', async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const page = await newPage(browser)
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/ledger')
  await page.getByRole('heading', { name: '台账导入导出' }).waitFor()
  // A clerk imports into the own agency: no selector, the agency's name.
  assert.match(await page.locator('[data-test=ledger-agency]').innerText(), /某某街道办事处/)
  assert.match(await page.locator('[data-test=ledger-upload]').innerText(), /不超过 64 MB/)
  await screenshot(page, 'ledger-01-empty')

  // A file with a date that does not exist and an outcome nobody knows.
  await chooseFile(page, csv('有错误的台账.csv', [
    'T-1,自然人,张三,网络,2025-03-02,予以公开,2025-03-10',
    'T-2,自然人,李四,网络,2025-13-40,,',
    'T-3,自然人,王五,网络,2025-03-05,不知道,2025-03-09'
  ]))
  await page.locator('[data-test=ledger-check]').click()
  const rejected = page.locator('[data-test=ledger-rejected]')
  await rejected.waitFor()
  const summary = await rejected.innerText()
  assert.match(summary, /未导入任何记录/)
  assert.match(summary, /文件共 3 行，发现 2 处错误（涉及 2 行）/)
  assert.match(summary, /本次没有保存任何记录/)
  const rows = page.locator('[data-test=ledger-errors] .el-table__body tr')
  assert.equal(await rows.count(), 2)
  const first = await rows.nth(0).locator('td').allInnerTexts()
  assert.deepEqual(first.slice(0, 2), ['3', '收到日期'])
  assert.match(first[2], /收到日期“2025-13-40”不是有效的日期/)
  const second = await rows.nth(1).locator('td').allInnerTexts()
  assert.deepEqual(second.slice(0, 2), ['4', '办理结果'])
  assert.match(second[2], /办理结果“不知道”无法识别/)
  await screenshot(page, 'ledger-02-errors')
  assert.equal((await requestsOf(api, code)).length, 0, 'a ledger with errors stores nothing')

  // The corrected file (it replaces the first one in the upload box), in the other date styles the format allows.
  await chooseFile(page, csv('台账.csv', [
    'T-1,自然人,张三,网络,2025-03-02,予以公开,2025-03-10',
    'T-2,商业企业,某某有限公司,邮寄,2025/3/5,,',
    'T-3,自然人,王五,当面,2025年3月6日,本机关不掌握相关政府信息,2025-03-20'
  ]))
  assert.equal(await page.locator('.el-upload-list__item').count(), 1)
  assert.equal(await rejected.count(), 0, 'choosing another file clears the old result')
  await page.locator('[data-test=ledger-check]').click()
  const checked = page.locator('[data-test=ledger-checked]')
  await checked.waitFor()
  assert.match(await checked.innerText(), /检查通过，共 3 行可以导入/)
  await screenshot(page, 'ledger-03-checked')
  assert.equal((await requestsOf(api, code)).length, 0, 'the check stores nothing')

  await page.locator('[data-test=ledger-import]').click()
  const confirm = page.locator('.el-message-box')
  await confirm.waitFor()
  assert.match(await confirm.innerText(), /3 行导入某某街道办事处/)
  await screenshot(page, 'ledger-04-confirm')
  await confirm.getByRole('button', { name: '导入' }).click()
  const imported = page.locator('[data-test=ledger-imported]')
  await imported.waitFor()
  assert.match(await imported.innerText(), /已导入 3 件申请/)
  await screenshot(page, 'ledger-05-imported')

  const stored = await requestsOf(api, code)
  assert.deepEqual(stored.map((r) => r.caseNo).sort(), ['T-1', 'T-2', 'T-3'])
  const t2 = stored.find((r) => r.caseNo === 'T-2')
  assert.equal(t2.receivedOn, '2025-03-05')
  assert.equal(t2.applicant.category, '商业企业')

  // The export links answer with the files, with the clerk's session cookie.
  for (const [test, type] of [['ledger-export-xlsx', 'spreadsheetml'], ['ledger-export-csv', 'text/csv']]) {
    const href = await page.locator('[data-test=' + test + ']').getAttribute('href')
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' })
      const body = await response.arrayBuffer()
      return { status: response.status, type: response.headers.get('content-type'), size: body.byteLength,
        text: new TextDecoder().decode(body) }
    }, href)
    assert.equal(answer.status, 200, href)
    assert.ok(answer.type.includes(type), href + ' → ' + answer.type)
    assert.ok(answer.size > 100, href + ' is not empty')
    if (test === 'ledger-export-csv') assert.match(answer.text, /T-3/)
  }
  await page.context().close()
})

test('an administrator chooses the agency; a file that is not a ledger and an empty file are refused in the API\'s words', async () => {
  const api = admin()
  const { code } = await agencyWithStaff(api)
  const page = await newPage(browser)
  await signIn(page, 'admin', process.env.FOI_ADMIN_PASSWORD || 'admin')
  await page.goto(BASE_URL + '/#/ledger')
  await page.getByText('请先选择机关').waitFor()
  await page.locator('[data-test=ledger-agency]').click()
  await page.locator('.el-select-dropdown__item').filter({ hasText: '（' + code + '）' }).click()
  await page.locator('[data-test=ledger-upload]').waitFor()
  assert.match(await page.locator('[data-test=ledger-export-csv]').getAttribute('href'), new RegExp('/api/agencies/' + code + '/ledger.csv$'))

  // A CSV that is not a ledger: the API's error on row 1, nothing stored.
  await chooseFile(page, { name: '通讯录.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,电话\n张三,123\n', 'utf8') })
  await page.locator('[data-test=ledger-check]').click()
  await page.locator('[data-test=ledger-rejected]').waitFor()
  const cells = await page.locator('[data-test=ledger-errors] .el-table__body tr').first().locator('td').allInnerTexts()
  assert.deepEqual(cells.slice(0, 2), ['1', '—'])
  assert.match(cells[2], /这不是政府信息公开申请台账/)
  await screenshot(page, 'ledger-06-admin-not-a-ledger')

  // An empty file: 400, shown as the API words it.
  await chooseFile(page, { name: '空文件.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) })
  await page.locator('[data-test=ledger-check]').click()
  const problem = page.locator('[data-test=problem]')
  await problem.waitFor()
  assert.match(await problem.innerText(), /上传的台账文件是空的/)
  assert.equal(await page.locator('[data-test=ledger-rejected]').count(), 0)
  await screenshot(page, 'ledger-07-admin-empty-file')

  // The format explained: every column with its Chinese name and key.
  await page.getByText('台账格式说明').click()
  const format = page.locator('.ledger-format .el-table')
  await format.getByText('reconsideration_result').waitFor()
  assert.equal(await format.locator('.el-table__body tr').count(), 21)
  await page.waitForFunction(() => document.getAnimations().length === 0) // the panel has opened
  await screenshot(page, 'ledger-08-format')
  assert.equal((await requestsOf(api, code)).length, 0)
  await page.context().close()
})

test('a clerk maps an office\'s own headers, sees the first rows as read, imports, and the next file reuses the mapping', async () => {
  const api = admin()
  const { code, clerk } = await agencyWithStaff(api)
  const page = await newPage(browser)
  await page.setViewportSize({ width: 1024, height: 900 })
  await signIn(page, clerk.username, clerk.password)
  await page.goto(BASE_URL + '/#/ledger')
  await page.getByRole('heading', { name: '台账导入导出' }).waitFor()

  const office = (name, lines) => ({ name, mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF' + ['编号,申请人类别,申请人姓名/名称,受理日期,答复日期,经办人', ...lines].join('\r\n') + '\r\n', 'utf8') })
  await chooseFile(page, office('办公室台账.csv', ['M-1,自然人,张三,2025-03-02,', 'M-2,自然人,李四,2025/3/5,']))
  const table = page.locator('[data-test=ledger-mapping-table]')
  await table.waitFor()
  // The suggestions are pre-chosen: 受理日期 → 收到日期; 经办人 is like none of ours and is left out.
  assert.match(await table.locator('tr', { hasText: '受理日期' }).innerText(), /建议/)
  assert.equal((await page.locator('[data-test="ledger-map-受理日期"]').innerText()).trim(), '收到日期（必填）')
  assert.equal((await page.locator('[data-test="ledger-map-经办人"]').innerText()).trim(), '忽略（不导入此列）')
  const grid = page.locator('[data-test=ledger-preview-rows]')
  assert.match(await grid.innerText(), /2025-03-05/)
  await screenshot(page, 'ledger-09-mapping')

  // 答复日期 is a 办结日期 here, but these rows have none: the clerk leaves it out.
  await page.locator('[data-test="ledger-map-答复日期"]').click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '忽略（不导入此列）' }).click()
  await page.locator('[data-test=ledger-check]').click()
  const checked = page.locator('[data-test=ledger-checked]')
  await checked.waitFor()
  assert.match(await checked.innerText(), /共 2 行可以导入/)
  await page.locator('[data-test=ledger-import]').click()
  await page.locator('.el-message-box').getByRole('button', { name: '导入' }).click()
  const imported = page.locator('[data-test=ledger-imported]')
  await imported.waitFor()
  assert.match(await imported.innerText(), /列对应已记住/)
  assert.deepEqual((await requestsOf(api, code)).map((r) => r.caseNo).sort(), ['M-1', 'M-2'])

  // The next file in the same layout: the remembered mapping is used and said so.
  await chooseFile(page, office('办公室台账2.csv', ['M-3,自然人,王五,2025-04-01,']))
  await page.locator('[data-test=ledger-mapping-remembered]').waitFor()
  assert.equal((await page.locator('[data-test="ledger-map-答复日期"]').innerText()).trim(), '忽略（不导入此列）')
  await page.locator('[data-test=ledger-check]').click()
  await checked.waitFor()
  assert.match(await checked.innerText(), /共 1 行可以导入/)
  await page.context().close()
})
