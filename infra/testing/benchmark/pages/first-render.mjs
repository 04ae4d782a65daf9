// The first render of the 工作台 and of the sorted, filtered request list in Chromium, for `./bench.sh pages`
// (PageBenchmark starts the system, seeds the agencies, runs this script and prints what it answers).
//
// Usage: node first-render.mjs '<config>', the config being JSON:
//   { "baseUrl": "http://localhost:…", "runs": 5,
//     "agencies": [ { "key": "baseline", "agency": "XZ0000", "city": "TOWN",
//                     "clerk": { "username": …, "password": … }, "supervisor": { … } }, … ] }
// Answers on stdout one JSON line: { "pages": [ { "key", "role", "page", "runs": [ms…], "shown",
//   "api": { "/api/…": [ms…] }, "phases": { "html": [ms…], "scripts", "session", "asked", "answered" } } ] }
// Progress goes to stderr.
//
// One load is timed from the navigation's start (the document's time origin: performance.now() counts from it) until
// the page shows its data and has settled: the API answer it waits for has arrived, the loading mask is gone and the
// rows (or the empty state) and the counts are in the DOM. The condition is checked on every animation frame inside
// the page, so the figure is the frame that paints it, without Playwright's round trips. Each page is loaded `runs`
// times in a fresh browser context: the first load with an empty browser cache (cold), the others with the scripts
// and styles cached (warm), as an office's browser has them from the second visit on.
import { launch, newPage } from '../../../web-ui/browser-tests/support.mjs'

const config = JSON.parse(process.argv[2])
const BASE = config.baseUrl
const RUNS = config.runs || 5

/** The pages of each role: the 工作台 and the list sorted by 剩余工作日 with a filter (the 工作台's own links). */
function pagesOf(agency) {
  const supervisorList = `agency=${agency.city}&includeSubordinates=true`
  return {
    clerk: [
      { page: 'workbench', path: '/workbench', kind: 'workbench' },
      { page: 'list overdue', path: '/requests?sort=workingDaysLeft&overdue=true', kind: 'list' },
      { page: 'list dueWithin=3', path: '/requests?sort=workingDaysLeft&dueWithin=3', kind: 'list' }
    ],
    supervisor: [
      { page: 'workbench', path: '/workbench', kind: 'workbench', agencyTable: true },
      { page: 'list overdue', path: `/requests?${supervisorList}&sort=workingDaysLeft&overdue=true`, kind: 'list' }
    ]
  }
}

/**
 * Runs in the page on every frame: the time since the navigation's start once the page shows its data, else null.
 * A fetch's resource entry appears when its answer has arrived; the loading mask leaves after the rows are set.
 */
function settled({ kind, agencyTable }) {
  const fetched = (pattern) => performance.getEntriesByType('resource').some((e) => pattern.test(e.name))
  const tableShown = (table) => !!table && (table.querySelector('.el-table__body tr.el-table__row') !== null ||
    table.querySelector('.el-table__empty-block') !== null)
  if (kind === 'workbench') {
    if (!fetched(/\/api\/workbench(\?|$)/)) return null
    const refresh = document.querySelector('[data-test=refresh]')
    const count = document.querySelector('[data-test=count-open] .card-count')
    if (!refresh || refresh.classList.contains('is-loading') || !count || !/\d/.test(count.textContent)) return null
    if (!tableShown(document.querySelector('[data-test=todo-table]'))) return null
    if (agencyTable && !document.querySelector('[data-test=agency-table] .el-table__body tr.el-table__row')) return null
    return performance.now()
  }
  if (!fetched(/\/api\/agencies\/[^/]+\/requests\?/)) return null
  const table = document.querySelector('[data-test=request-list]')
  if (!tableShown(table)) return null
  // A mask on its way out (the fade after loading ends) no longer hides the rows.
  const mask = table.querySelector('.el-loading-mask')
  if (mask && mask.style.display !== 'none' && !mask.className.includes('leave')) return null
  const total = document.querySelector('[data-test=total]')
  if (!total || !/共 \d+ 件/.test(total.textContent)) return null
  return performance.now()
}

/** What the page showed, as a check that it showed the agency's data (printed next to the figures). */
function shown({ kind }) {
  const text = (selector) => document.querySelector(selector)?.textContent.trim().replace(/\s+/g, ' ')
  if (kind === 'workbench') {
    const open = text('[data-test=count-open] .card-count')
    const overdue = text('[data-test=count-overdue] .card-count')
    const todo = document.querySelectorAll('[data-test=todo-table] .el-table__body tr.el-table__row').length
    return `${open} open, ${overdue} overdue, ${todo} rows of 我的待办`
  }
  const rows = document.querySelectorAll('[data-test=request-list] .el-table__body tr.el-table__row').length
  return `${text('[data-test=total]')}, ${rows} rows`
}

/**
 * The API calls of the load, their durations in the browser, by path with the agency and the year as placeholders (so
 * that the baseline's calls line up) and the query's parameter names only.
 */
function apiCalls() {
  return performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
    .map((e) => {
      const url = new URL(e.name)
      const keys = [...url.searchParams.keys()]
      const path = url.pathname.replace(/^\/api\/agencies\/[^/]+/, '/api/agencies/{agency}')
        .replace(/^\/api\/calendar\/\d{4}/, '/api/calendar/{year}')
      return { call: path + (keys.length ? '?' + keys.join('&') : ''), ms: e.duration }
    })
}

/**
 * Where the load's time went, in ms since the navigation's start: the HTML received, the scripts run (the module
 * scripts run before DOMContentLoaded ends), the session answered (the router waits for it), and the page's own data
 * asked for and answered.
 */
function phases({ kind }) {
  const navigation = performance.getEntriesByType('navigation')[0]
  const resources = performance.getEntriesByType('resource')
  const find = (pattern) => resources.find((e) => pattern.test(new URL(e.name).pathname + new URL(e.name).search))
  const session = find(/^\/api\/session$/)
  const data = find(kind === 'workbench' ? /^\/api\/workbench/ : /^\/api\/agencies\/[^/]+\/requests\?/)
  return {
    html: navigation?.responseEnd,
    scripts: navigation?.domContentLoadedEventEnd,
    session: session?.responseEnd,
    asked: data?.startTime,
    answered: data?.responseEnd
  }
}

async function signedInPage(browser, user) {
  const page = await newPage(browser)
  page.setDefaultTimeout(120_000)
  // Signing in through the API (the cookie lands in the context) keeps the sign-in page from filling the cache.
  const response = await page.context().request.post(BASE + '/api/session', {
    data: { username: user.username, password: user.password }, headers: { 'X-Requested-With': 'foi-ui' }
  })
  if (!response.ok()) throw new Error(`sign-in of ${user.username}: ${response.status()} ${await response.text()}`)
  return page
}

async function load(page, spec) {
  await page.goto('about:blank')
  await page.goto(BASE + '/#' + spec.path, { waitUntil: 'commit' })
  const ms = await (await page.waitForFunction(settled, spec, { polling: 'raf', timeout: 120_000 })).jsonValue()
  return { ms, shown: await page.evaluate(shown, spec), api: await page.evaluate(apiCalls),
    phases: await page.evaluate(phases, spec) }
}

const browser = await launch()
try {
  const results = []
  // The server's code paths run once before anything is timed (the baseline's pages, not timed), so that the first
  // (cold) load measures a cold browser and the agency's first query, not the JVM's first call.
  for (const role of ['clerk', 'supervisor']) {
    const warmup = config.agencies[0]
    const page = await signedInPage(browser, warmup[role])
    for (const spec of pagesOf(warmup)[role]) await load(page, spec)
    await page.context().close()
  }
  for (const agency of config.agencies) {
    const pages = pagesOf(agency)
    for (const role of ['clerk', 'supervisor']) {
      for (const spec of pages[role]) {
        const page = await signedInPage(browser, agency[role])
        const runs = []
        const api = {}
        const phaseRuns = {}
        let seen
        for (let run = 0; run < RUNS; run++) {
          const result = await load(page, spec)
          runs.push(Math.round(result.ms * 10) / 10)
          seen = result.shown
          for (const call of result.api) (api[call.call] ??= []).push(Math.round(call.ms * 10) / 10)
          for (const [phase, at] of Object.entries(result.phases)) {
            if (at !== undefined) (phaseRuns[phase] ??= []).push(Math.round(at * 10) / 10)
          }
        }
        await page.context().close()
        console.error(`  ${agency.key} ${role} ${spec.page}: ${runs.join(', ')} ms (${seen})`)
        results.push({ key: agency.key, role, page: spec.page, path: spec.path, runs, shown: seen, api, phases: phaseRuns })
      }
    }
  }
  process.stdout.write(JSON.stringify({ pages: results }) + '\n')
} finally {
  await browser.close()
}
