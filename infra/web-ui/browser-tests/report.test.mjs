// The annual report page (#/reports): the official tables counted from requests registered through the API, the
// checks, entry of Table 二 and the texts, publication and correction, the documents, the charts and the time the page
// takes to show its figures. Each test sets up its own agency, staff and requests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, admin, agencyWithStaff, animationsEnded, chartsSettled, launch, newPage, screenshot, signIn, unique } from './support.mjs'

const YEAR = new Date().getFullYear() - 1

/**
 * Registers last year's requests of a fresh agency and decides them: 自然人 ×5 (2 予以公开, 1 部分公开, 1 不予公开·国家秘密,
 * 1 still open at the end of the year) and 商业企业 ×1 (予以公开).
 */
async function seedLastYear(api, staff) {
  staff = staff || await agencyWithStaff(api)
  const cases = [
    { applicant: '自然人', receivedOn: `${YEAR}-03-03`, outcome: 'R3_1', decidedOn: `${YEAR}-03-10` },
    { applicant: '自然人', receivedOn: `${YEAR}-03-04`, outcome: 'R3_1', decidedOn: `${YEAR}-03-24` },
    { applicant: '商业企业', receivedOn: `${YEAR}-05-06`, outcome: 'R3_1', decidedOn: `${YEAR}-05-13` },
    { applicant: '自然人', receivedOn: `${YEAR}-06-03`, outcome: 'R3_2', decidedOn: `${YEAR}-06-17` },
    { applicant: '自然人', receivedOn: `${YEAR}-09-01`, outcome: 'R3_3_1', decidedOn: `${YEAR}-09-05` },
    { applicant: '自然人', receivedOn: `${YEAR}-12-15` }
  ]
  let n = 0
  for (const c of cases) {
    n++
    const { id } = await api.expect(201, 'POST', `/api/agencies/${staff.code}/requests`, {
      caseNo: `${YEAR}-${String(n).padStart(3, '0')}`,
      applicant: { category: c.applicant, name: c.applicant === '自然人' ? '申请人' + n : '某某有限公司' + n },
      channel: '当面',
      receivedOn: c.receivedOn,
      description: '申请公开某项目的资金使用情况（' + n + '）'
    })
    if (c.outcome) {
      await api.expect(200, 'POST', `/api/requests/${id}/decision`, { outcome: c.outcome, decidedOn: c.decidedOn })
    }
  }
  await api.caughtUp()
  return staff
}

/** The figure texts of the Table 三/四 row whose label is `label`, left to right, as the page shows them. */
async function rowFigures(page, grid, label) {
  return page.evaluate(({ grid, label }) => {
    const table = document.querySelector(`table[data-grid="${grid}"]`)
    if (!table) return null
    const cell = [...table.querySelectorAll('td, th')].find((c) => c.textContent.trim() === label)
    if (!cell) return null
    const row = cell.dataset.row
    return [...table.querySelectorAll(`td[data-row="${row}"]`)]
      .filter((c) => ['COUNT', 'SIGNED', 'AMOUNT', 'NOT_ENTERED'].includes(c.dataset.kind))
      .sort((a, b) => Number(a.dataset.col) - Number(b.dataset.col))
      .map((c) => c.textContent.trim())
  }, { grid, label })
}

async function openReport(page, code) {
  await page.goto(`${BASE_URL}/#/reports?agency=${code}&year=${YEAR}`)
  await page.locator('table[data-grid="table3"] td[data-kind="COUNT"]').first().waitFor()
}

test('经办人查看上一年度报告：表三按办理结果统计，表四为零，校验通过；录入表二和文字部分；下载文件；查看图表', async () => {
  const api = admin()
  const staff = await seedLastYear(api)
  const browser = await launch()
  try {
    const page = await newPage(browser)
    await signIn(page, staff.clerk.username, staff.clerk.password)
    // Without parameters the page shows the clerk's own agency and last year.
    await page.goto(BASE_URL + '/#/reports')
    await page.locator('table[data-grid="table3"] td[data-kind="COUNT"]').first().waitFor()
    assert.match(page.url(), new RegExp(`agency=${staff.code}&year=${YEAR}`))
    await page.getByText(`某某街道办事处${staff.code}${YEAR}年度政府信息公开工作年度报告`).first().waitFor()
    await page.locator('[data-test=template]').getByText('2021 年版').waitFor()

    // Table 三: columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
    assert.deepEqual(await rowFigures(page, 'table3', '一、本年新收政府信息公开申请数量'), ['5', '1', '0', '0', '0', '0', '6'])
    assert.deepEqual(await rowFigures(page, 'table3', '二、上年结转政府信息公开申请数量'), ['0', '0', '0', '0', '0', '0', '0'])
    assert.deepEqual(await rowFigures(page, 'table3', '（一）予以公开'), ['2', '1', '0', '0', '0', '0', '3'])
    assert.deepEqual(await rowFigures(page, 'table3', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), ['1', '0', '0', '0', '0', '0', '1'])
    assert.deepEqual(await rowFigures(page, 'table3', '1.属于国家秘密'), ['1', '0', '0', '0', '0', '0', '1'])
    assert.deepEqual(await rowFigures(page, 'table3', '（七）总计'), ['4', '1', '0', '0', '0', '0', '5'])
    assert.deepEqual(await rowFigures(page, 'table3', '四、结转下年度继续办理'), ['1', '0', '0', '0', '0', '0', '1'])
    // The printed layout: the results label spans its rows, the headers are real header cells.
    const spans = await page.evaluate(() => {
      const cell = [...document.querySelectorAll('table[data-grid="table3"] td')].find((c) => c.textContent.trim() === '三、本年度办理结果')
      return { rowSpan: cell?.rowSpan, headers: document.querySelectorAll('table[data-grid="table3"] thead th').length }
    })
    assert.ok(spans.rowSpan >= 20, 'the results label spans its rows: ' + spans.rowSpan)
    assert.ok(spans.headers >= 9)

    // Table 四: nothing was appealed.
    const table4 = await page.locator('table[data-grid="table4"] td[data-kind="COUNT"]').allTextContents()
    assert.equal(table4.length, 15)
    assert.ok(table4.every((t) => t.trim() === '0'), 'Table 四 all zeros: ' + table4.join(','))
    // Table 二 not entered yet: dashes, never zeros.
    const table2 = await page.locator('table[data-grid="table2"] td[data-kind="NOT_ENTERED"]').allTextContents()
    assert.ok(table2.length >= 5 && table2.every((t) => t.trim() === '—'))

    // The checks hold.
    // Every check holds, but Table 二 and the texts are still missing: the summary does not say 全部校验通过.
    await page.locator('[data-test=checks-summary]').getByText('各项校验通过').waitFor()
    await page.locator('[data-test=checks-missing]').getByText('发布前尚缺 2 项').waitFor()
    assert.equal(await page.locator('[data-test=checks] .el-tag--danger').count(), 0)
    assert.ok(await page.locator('[data-test=checks] .el-tag--success').count() >= 5)
    await screenshot(page, 'report-tables')

    // Table 二: a figure of the wrong kind is refused under its field, what was typed stays.
    await page.locator('[data-test=enter-table2]').click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '录入表二' })
    await dialog.waitFor()
    await dialog.locator('input[name=RULES_ISSUED]').fill('-2')
    await dialog.locator('[data-test=table2-save]').click()
    await dialog.getByText('须为不小于 0 的整数').waitFor()
    assert.equal(await dialog.locator('input[name=RULES_ISSUED]').inputValue(), '-2')
    await dialog.getByRole('button', { name: '未填项填 0' }).click()
    await dialog.locator('input[name=RULES_ISSUED]').fill('3')
    // The server's own refusal (too large an amount) also stands under its field.
    await dialog.locator('input[name=FEES_AMOUNT]').fill('12345678901234')
    await dialog.locator('[data-test=table2-save]').click()
    await dialog.locator('.field-error').getByText('数值过大').waitFor()
    assert.equal(await dialog.locator('input[name=FEES_AMOUNT]').inputValue(), '12345678901234')
    assert.equal(await dialog.locator('input[name=RULES_ISSUED]').inputValue(), '3')
    await screenshot(page, 'report-table2-dialog')
    await dialog.locator('input[name=FEES_AMOUNT]').fill('1.25')
    await dialog.locator('[data-test=table2-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table[data-grid="table2"] td')]
      const label = cells.find((c) => c.textContent.trim() === '规章')
      if (!label) return false
      const row = cells.filter((c) => c.dataset.row === label.dataset.row && c.dataset.kind === 'COUNT')
      return row.length && row[0].textContent.trim() === '3'
    })
    assert.equal(await page.locator('table[data-grid="table2"] td[data-kind="NOT_ENTERED"]').count(), 0)
    await page.locator('table[data-grid="table2"] td').getByText('1.25', { exact: true }).waitFor()

    // The texts: 一 is required; what is saved shows in the report.
    await page.locator('[data-test=enter-texts]').click()
    const texts = page.locator('.el-dialog').filter({ hasText: '填写年度报告文字部分' })
    await texts.waitFor()
    await texts.locator('[data-test=texts-save]').click()
    await texts.getByText('请填写“一、总体情况”').waitFor()
    await texts.locator('textarea[name=overview]').fill('本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法办理政府信息公开申请。')
    await texts.locator('textarea[name=problems]').fill('个别申请答复用时较长，下一年度将加强办理时限管理。')
    await screenshot(page, 'report-texts-dialog')
    await texts.locator('[data-test=texts-save]').click()
    await texts.waitFor({ state: 'hidden' })
    await page.locator('[data-test=text-overview]').getByText('依法办理政府信息公开申请').waitFor()
    await page.locator('[data-test=text-problems]').getByText('加强办理时限管理').waitFor()
    await screenshot(page, 'report-entered')

    // A clerk does not publish.
    await page.locator('[data-test=tab-publication]').click()
    await page.locator('[data-test=publication-status]').getByText('未发布').waitFor()
    assert.equal(await page.locator('[data-test=publish]').count(), 0)

    // The documents, fetched with the page's session cookie.
    const expected = { xlsx: 'spreadsheetml', docx: 'wordprocessingml', html: 'text/html' }
    for (const [kind, type] of Object.entries(expected)) {
      const href = await page.locator(`[data-test=download-${kind}]`).getAttribute('href')
      assert.ok(href.startsWith(`/api/agencies/${staff.code}/reports/${YEAR}.${kind}`), href)
      const response = await page.request.get(BASE_URL + href)
      assert.equal(response.status(), 200, kind + ' ' + href)
      assert.ok((response.headers()['content-type'] || '').includes(type), kind + ': ' + response.headers()['content-type'])
      assert.ok((await response.body()).length > 1000)
      // The 校验单 beside it: the checks, notes and annex the published file leaves out.
      const checks = await page.locator(`[data-test=download-checks-${kind}]`).getAttribute('href')
      assert.ok(checks.startsWith(`/api/agencies/${staff.code}/reports/${YEAR}/checks.${kind}`), checks)
      const checksResponse = await page.request.get(BASE_URL + checks)
      assert.equal(checksResponse.status(), 200, 'checks ' + kind + ' ' + checks)
      assert.ok((checksResponse.headers()['content-type'] || '').includes(type), 'checks ' + kind)
    }
    const [htmlPage] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator('[data-test=download-html]').click()
    ])
    await htmlPage.waitForLoadState()
    await htmlPage.getByText('三、收到和处理政府信息公开申请情况').waitFor()
    await htmlPage.getByText('依法办理政府信息公开申请').waitFor()
    await screenshot(htmlPage, 'report-html-document')
    await htmlPage.close()

    // Charts: drawn (canvas) for what happened, the response times in words too.
    await page.getByRole('tab', { name: '统计图表' }).click()
    for (const chart of ['chart-outcomes', 'chart-applicants', 'chart-monthly', 'chart-response', 'chart-trend']) {
      await page.locator(`[data-test=${chart}] canvas`).first().waitFor()
    }
    await page.locator('[data-test=response-times]').getByText('中位数').waitFor()
    await chartsSettled(page) // the charts' entry animation
    await screenshot(page, 'report-charts')
    // They follow the window's size: the canvas takes its box's new width.
    const canvas = '[data-test=chart-monthly] canvas'
    const before = await page.locator(canvas).first().evaluate((c) => c.clientWidth)
    await page.setViewportSize({ width: 1100, height: 900 })
    await page.waitForFunction(({ canvas, before }) => {
      const c = document.querySelector(canvas)
      const box = c?.closest('.report-chart')
      return c && box && c.clientWidth !== before && Math.abs(c.clientWidth - box.clientWidth) <= 2
    }, { canvas, before })
    await page.setViewportSize({ width: 1440, height: 900 })

    await page.getByRole('tab', { name: '办理情况分析' }).click()
    await page.locator('[data-test=annex-share]').waitFor()
    assert.equal((await page.locator('[data-test=annex-share]').textContent()).trim(), '100.0%')
    await screenshot(page, 'report-annex')
  } finally {
    await browser.close()
  }
})

test('主管发布上一年度报告（第1版），修改表二后写明原因更正发布（第2版）', async () => {
  const api = admin()
  const staff = await seedLastYear(api)
  const figures = { RULES_ISSUED: 1, RULES_REPEALED: 0, RULES_IN_FORCE: 5, NORMATIVE_ISSUED: 2, NORMATIVE_REPEALED: 0,
    NORMATIVE_IN_FORCE: 9, LICENSING_DECISIONS: 12, PENALTY_DECISIONS: 3, ENFORCEMENT_DECISIONS: 0, FEES_AMOUNT: 0 }
  await api.expect(200, 'PUT', `/api/agencies/${staff.code}/reports/${YEAR}/table2`, { figures })
  await api.expect(200, 'PUT', `/api/agencies/${staff.code}/reports/${YEAR}/texts`, { overview: '本年度政府信息公开工作总体平稳。' })
  await api.caughtUp()

  const browser = await launch()
  try {
    const page = await newPage(browser)
    await signIn(page, staff.supervisor.username, staff.supervisor.password)
    await openReport(page, staff.code)
    await page.locator('[data-test=tab-publication]').click()
    await page.locator('[data-test=publication-status]').getByText('未发布').waitFor()
    await page.locator('[data-test=publish]').click()
    const confirm = page.locator('.el-message-box').filter({ hasText: '发布年度报告' })
    await confirm.getByText('将被固定').waitFor()
    await animationsEnded(page) // the box's opening animation
    await screenshot(page, 'report-publish-confirm')
    await confirm.getByRole('button', { name: '确定发布' }).click()
    await page.locator('[data-test=publication-status]').getByText('已发布 第1版').waitFor()
    await page.locator('[data-test=status-published]').getByText('已发布 第1版').waitFor()
    const versions = page.locator('[data-test=versions] tbody tr')
    assert.equal(await versions.count(), 1)
    const v1 = await versions.first().locator('a', { hasText: 'Excel' }).getAttribute('href')
    assert.match(v1, /\.xlsx\?version=1$/)
    assert.equal((await page.request.get(BASE_URL + v1)).status(), 200)
    await screenshot(page, 'report-published')

    // A correction of Table 二 after publishing: the difference shows, and republishing needs a reason.
    await page.getByRole('tab', { name: '报告正文' }).click()
    await page.locator('[data-test=enter-table2]').click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '录入表二' })
    await dialog.locator('input[name=RULES_ISSUED]').fill('2')
    await dialog.locator('[data-test=table2-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test=status-published]').getByText('内容已变化').waitFor()
    await page.locator('[data-test=tab-publication]').click()
    const difference = page.locator('[data-test=differences] tbody tr').filter({ hasText: '规章·本年制发件数' })
    await difference.waitFor()
    assert.match(await difference.textContent(), /1\s*2/)
    await page.locator('[data-test=republish]').click()
    const republish = page.locator('.el-dialog').filter({ hasText: '更正发布年度报告' })
    await republish.locator('[data-test=republish-confirm]').click()
    await republish.getByText('请写明更正原因').waitFor()
    await republish.locator('textarea[name=reason]').fill('表二中规章本年制发件数有误，予以更正')
    assert.equal(await republish.getByText('请写明更正原因').count(), 0)
    await screenshot(page, 'report-republish-dialog')
    await republish.locator('[data-test=republish-confirm]').click()
    await page.locator('[data-test=publication-status]').getByText('已发布 第2版').waitFor()
    await page.locator('[data-test=versions] tbody tr').nth(1).getByText('表二中规章本年制发件数有误').waitFor()
    assert.equal(await page.locator('[data-test=differences]').count(), 0)
    await screenshot(page, 'report-republished')

    // The supervisor compares the agencies under him (here: his own).
    await page.getByRole('tab', { name: '下级机关对比' }).click()
    await page.locator('[data-test=comparison] tbody tr').filter({ hasText: staff.code }).first().waitFor()
    await screenshot(page, 'report-comparison')
  } finally {
    await browser.close()
  }
})

test('年度报告页面的首次呈现时间（从打开页面到表三的数字可见）', async () => {
  const api = admin()
  const staff = await seedLastYear(api)
  const browser = await launch()
  try {
    const page = await newPage(browser)
    await signIn(page, staff.clerk.username, staff.clerk.password)
    const runs = []
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank')
      const start = Date.now()
      await page.goto(`${BASE_URL}/#/reports?agency=${staff.code}&year=${YEAR}`)
      await page.locator('table[data-grid="table3"] td[data-kind="COUNT"]').first().waitFor()
      runs.push(Date.now() - start)
    }
    assert.deepEqual(await rowFigures(page, 'table3', '（七）总计'), ['4', '1', '0', '0', '0', '0', '5'])
    const median = [...runs].sort((a, b) => a - b)[1]
    console.log(`time to first render of the report page: median ${median} ms (runs: ${runs.join(', ')})`)
  } finally {
    await browser.close()
  }
})

test('上级机关主管查看含下级机关的汇总报告和下级机关对比', async () => {
  const api = admin()
  const parent = unique('P')
  const staff = await seedLastYear(api, await agencyWithStaff(api, { parent }))
  const browser = await launch()
  try {
    const page = await newPage(browser)
    await signIn(page, staff.supervisor.username, staff.supervisor.password)
    await page.goto(BASE_URL + '/#/reports')
    await page.locator('table[data-grid="table3"] td[data-kind="COUNT"]').first().waitFor()
    // The supervisor's own agency first: it received nothing itself.
    assert.match(page.url(), new RegExp(`agency=${parent}&`))
    assert.deepEqual(await rowFigures(page, 'table3', '一、本年新收政府信息公开申请数量'), ['0', '0', '0', '0', '0', '0', '0'])

    // The roll-up counts the agency under it.
    await page.locator('[data-test=roll-up]').click()
    await page.waitForURL(/sub=1/)
    await page.getByText('汇总 2 个机关').waitFor()
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table[data-grid="table3"] td')]
      const label = cells.find((c) => c.textContent.trim() === '一、本年新收政府信息公开申请数量')
      const row = label && cells.filter((c) => c.dataset.row === label.dataset.row && c.dataset.kind === 'COUNT')
      return row && row.length === 7 && row[6].textContent.trim() === '6'
    })
    assert.deepEqual(await rowFigures(page, 'table3', '（七）总计'), ['4', '1', '0', '0', '0', '0', '5'])
    assert.equal(await page.locator('[data-test=enter-table2]').count(), 0)
    const xlsx = await page.locator('[data-test=download-xlsx]').getAttribute('href')
    assert.match(xlsx, /includeSubordinates=true/)
    assert.equal((await page.request.get(BASE_URL + xlsx)).status(), 200)
    await screenshot(page, 'report-roll-up')

    // The comparison lists the parent and the agency under it.
    await page.getByRole('tab', { name: '下级机关对比' }).click()
    const child = page.locator('[data-test=comparison] .el-table__body tr').filter({ hasText: staff.code })
    await child.first().waitFor()
    assert.match((await child.first().textContent()).replace(/\s+/g, ' '), /6\s*0\s*3\s*1\s*1\s*0\s*0\s*0\s*5\s*1/)
    await page.locator('[data-test=comparison] .el-table__body tr').filter({ hasText: parent }).first().waitFor()
    await screenshot(page, 'report-comparison-subordinates')

    // Choosing the agency under him shows its own report.
    await page.locator('[data-test=agency-select]').click()
    await page.locator('.el-select-dropdown__item').filter({ hasText: staff.code }).click()
    await page.waitForURL(new RegExp(`agency=${staff.code}`))
    await page.getByText(`某某街道办事处${staff.code}${YEAR}年度政府信息公开工作年度报告`).first().waitFor()
  } finally {
    await browser.close()
  }
})
