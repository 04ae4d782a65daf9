// What every browser test shares: Debian's Chromium driven by playwright-core (no browser download), the system's
// address, an API client for setting up data, sign-in through the page, and a screenshot of every page visited.
//
// Environment (set by the JUnit test that starts the system, BrowserIT):
//   FOI_BASE_URL        the system's origin, e.g. http://localhost:8080 (the all-in-one, or nginx in front of both sides)
//   FOI_ADMIN_PASSWORD  the administrator's password
//   FOI_SCREENSHOTS     where the screenshots go (kept as test output)
//   CHROMIUM            the browser, default /usr/bin/chromium
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import assert from 'node:assert/strict'

export const BASE_URL = process.env.FOI_BASE_URL || 'http://localhost:8080'
export const ADMIN_PASSWORD = process.env.FOI_ADMIN_PASSWORD || 'admin'
const SCREENSHOTS = process.env.FOI_SCREENSHOTS || 'target/screenshots'

export async function launch() {
  // The flags keep Chromium from reaching for Google's services, which this machine's closed network refuses.
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
  })
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return page
}

/** Signs in through the sign-in page and waits for the user's first page. */
export async function signIn(page, username, password) {
  await page.goto(BASE_URL + '/#/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.locator('[data-test=user-menu]').waitFor()
}

/**
 * Waits until the page's CSS transitions and animations (a dialog's or a message box's opening) have ended, so that a
 * screenshot shows the element and not its fade-in. Endless ones (a loading spinner) are not waited for.
 */
export async function animationsEnded(page) {
  await page.waitForFunction(() => document.getAnimations()
    .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    .every((a) => a.playState !== 'running' && a.playState !== 'pending'))
}

/**
 * Waits until the elements the selector matches keep their size over three polls 100 ms apart and no animation runs:
 * Element Plus tables measure their columns again after the window or the menu changed width, a frame or two later.
 */
export async function layoutSettled(page, selector = 'body') {
  await animationsEnded(page)
  await page.waitForFunction((selector) => {
    const shape = JSON.stringify([...document.querySelectorAll(selector)].map((e) => {
      const box = e.getBoundingClientRect()
      const rows = [...e.querySelectorAll('tr')].map((r) => r.getBoundingClientRect().height)
      return [box.width, box.height, e.scrollWidth, e.scrollHeight, rows]
    }))
    const same = shape === window.__foiLayoutShape
    window.__foiLayoutStable = same ? (window.__foiLayoutStable || 0) + 1 : 0
    window.__foiLayoutShape = shape
    return window.__foiLayoutStable >= 2
  }, selector, { polling: 100 })
}

/** Waits until the charts' canvases are drawn alike twice in a row: their entry animation (drawn by script) is over. */
export async function chartsSettled(page, selector = '[data-test^=chart-] canvas') {
  await page.waitForFunction((selector) => {
    const drawn = [...document.querySelectorAll(selector)].map((c) => c.toDataURL()).join('|')
    const settled = drawn !== '' && drawn === window.__foiChartsDrawn
    window.__foiChartsDrawn = drawn
    return settled
  }, selector, { polling: 250 })
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, name + '.png'), fullPage: true })
}

/** The API as a user, with HTTP Basic: for setting up agencies, users and requests, and for checking what was stored. */
export function apiAs(username, password) {
  const auth = 'Basic ' + Buffer.from(username + ':' + password).toString('base64')
  async function call(method, path, body) {
    const response = await fetch(BASE_URL + path, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await response.text()
    const json = text && (response.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : text
    return { status: response.status, json, headers: response.headers }
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
    async expect(status, method, path, body) {
      const result = await call(method, path, body)
      assert.equal(result.status, status, method + ' ' + path + ' → ' + result.status + ' ' + JSON.stringify(result.json))
      return result.json
    },
    /** Waits until every stored event has reached every projection. */
    async caughtUp(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs
      while (Date.now() < until) {
        const status = await call('GET', '/api/projections/status')
        if (status.status === 200 && status.json.caughtUp) return
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      throw new Error('the projections did not catch up within ' + timeoutMs + ' ms')
    }
  }
}

export const admin = () => apiAs('admin', ADMIN_PASSWORD)

/** An ISO date n calendar days from another. */
export function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A fresh agency code per test run, so that the tests can run again on the same data. */
export function unique(prefix) {
  return prefix + Date.now().toString(36).toUpperCase() + Math.floor(Math.random() * 1000)
}

/** Sets up an agency with a clerk and a supervisor; returns their names and passwords. */
export async function agencyWithStaff(api, { parent } = {}) {
  const code = unique('A')
  if (parent) {
    await api.expect(201, 'POST', '/api/agencies', { code: parent, name: '某区人民政府' + parent })
  }
  await api.expect(201, 'POST', '/api/agencies', { code, name: '某某街道办事处' + code, parentCode: parent })
  const clerk = { username: 'clerk' + code.toLowerCase(), password: 'clerk-pass-' + code }
  const supervisor = { username: 'sup' + code.toLowerCase(), password: 'sup-pass-' + code }
  await api.expect(201, 'POST', '/api/users', { ...clerk, role: 'CLERK', agencyCode: code })
  await api.expect(201, 'POST', '/api/users', { ...supervisor, role: 'SUPERVISOR', agencyCode: parent || code })
  // The agency is read from the query side: a spec that asks for its deadlines at once must not race the projection
  // (seen on a freshly started system as the 404 "未找到编码为 … 的机关").
  await api.caughtUp()
  return { code, clerk, supervisor }
}
