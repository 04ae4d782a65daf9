// The one way the pages talk to the API: same origin, the session cookie, and every error turned into an ApiError
// whose message is the problem's Chinese detail (RFC 9457), never a stack trace.
import { reactive } from 'vue'
import { pause } from './polling.js'

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || defaultMessage(status))
    this.status = status
    this.title = problem?.title || defaultMessage(status)
    this.problem = problem || {}
    // Field errors ({field, message}) and ledger errors ({row, column, message}) as the API sent them.
    this.errors = problem?.errors || []
  }

  /** The message of one form field, for el-form-item's error attribute. */
  fieldMessage(field) {
    const found = this.errors.find((e) => e.field === field)
    return found ? found.message : ''
  }
}

function defaultMessage(status) {
  if (status === 0) return '无法连接服务器，请检查网络后重试'
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '您的账号无权进行此操作'
  if (status === 404) return '未找到所请求的内容'
  if (status === 413) return '文件过大'
  if (status === 503) return '正在同步，请稍候'
  if (status >= 500) return '服务器暂时无法处理，请稍后重试；如果一直如此，请联系系统管理员'
  return '操作未成功（' + status + '）'
}

/** Listeners of a lost session (the router sends the user to the sign-in page). */
export const sessionEvents = reactive({ expired: 0 })

/**
 * Read-your-writes. Every save answers with X-Event-Position, the place of its last event in the event store; the
 * reads after it send that position as ?after=, and the server answers them only once every list and page has the
 * save (or 503 "正在同步，请稍候" when that takes longer than a few seconds: the read is then asked again, and
 * `sync.waiting` shows it on the page). Once a read with the position has succeeded, later reads need not send it.
 */
export const sync = reactive({ waiting: 0 })
let pendingPosition = null
const SYNC_PATIENCE_MS = 120000

function rememberPosition(headers) {
  const position = Number(headers.get('X-Event-Position'))
  if (Number.isFinite(position) && position > 0 && (pendingPosition === null || position > pendingPosition)) {
    pendingPosition = position
  }
}

export function isSyncing(error) {
  return error instanceof ApiError && error.status === 503 && error.problem?.type === 'urn:foi:problem:syncing'
}

function query(params) {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(key, value)
  }
  const text = search.toString()
  return text ? '?' + text : ''
}

/** A read that follows the saves of this tab: it waits (on the server, then here) until they show. */
async function read(path, params) {
  const after = pendingPosition
  if (after === null) return call('GET', path, { params })
  const until = Date.now() + SYNC_PATIENCE_MS
  let waiting = false
  try {
    for (;;) {
      try {
        const result = await call('GET', path, { params: { ...params, after } })
        if (pendingPosition === after) pendingPosition = null
        return result
      } catch (e) {
        if (!isSyncing(e) || Date.now() > until) throw e
        if (!waiting) {
          waiting = true
          sync.waiting++
        }
        const retryAfter = Number(e.retryAfter) || 1
        await pause(Math.min(retryAfter, 5) * 1000)
      }
    }
  } finally {
    if (waiting) sync.waiting--
  }
}

/**
 * Reads started before the page that shows them is built (router.js starts a page's first reads as soon as it knows who
 * is signed in, while the page's scripts and the terms are still on their way). The page's own read of the same address
 * takes the answer already travelling instead of asking again: once, and only for a few seconds, after which a read
 * asks anew.
 */
const early = new Map()
const EARLY_KEPT_MS = 5000

function earlyKey(path, params) {
  return path + query(Object.fromEntries(Object.entries(params || {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
}

function readEarly(path, params) {
  const key = earlyKey(path, params)
  const started = early.get(key)
  if (started) {
    early.delete(key)
    if (Date.now() - started.at < EARLY_KEPT_MS) return started.answer
  }
  return read(path, params)
}

async function call(method, path, { params, body, form } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'foi-ui' }
  let payload
  if (form) {
    payload = form
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  let response
  try {
    response = await fetch(path + query(params), { method, headers, body: payload, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, null)
  }
  const type = response.headers.get('Content-Type') || ''
  const json = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/session')) sessionEvents.expired++
    // A 422 ledger answer is a result with errors, not a problem document: keep its errors.
    const error = new ApiError(response.status, json && !json.detail && json.errors ? { ...json, detail: '文件中有错误' } : json)
    error.retryAfter = response.headers.get('Retry-After')
    throw error
  }
  if (method !== 'GET') rememberPosition(response.headers)
  return { data: json, headers: response.headers, status: response.status }
}

export const api = {
  async get(path, params) {
    return (await readEarly(path, params)).data
  },
  /** A list with server-side paging: the items and X-Total-Count. */
  async page(path, params) {
    const { data, headers } = await readEarly(path, params)
    return { items: data || [], total: Number(headers.get('X-Total-Count') || (data || []).length) }
  },
  async post(path, body, params) {
    return (await call('POST', path, { body: body ?? {}, params })).data
  },
  async put(path, body) {
    return (await call('PUT', path, { body })).data
  },
  async patch(path, body) {
    return (await call('PATCH', path, { body })).data
  },
  async del(path) {
    return (await call('DELETE', path)).data
  },
  async upload(path, file, params) {
    const form = new FormData()
    form.append('file', file)
    return (await call('POST', path, { form, params })).data
  },
  /** A POST whose answer is a file (a preview, an error workbook): the file as a Blob; a problem as an ApiError. */
  async postForFile(path, form, accept, params) {
    let response
    try {
      response = await fetch(path + query(params), {
        method: 'POST', body: form, credentials: 'same-origin',
        headers: { Accept: accept + ', application/problem+json', 'X-Requested-With': 'foi-ui' }
      })
    } catch (e) {
      throw new ApiError(0, null)
    }
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null))
    return response.blob()
  },
  /** Starts a read that a page's `get` or `page` of the same address and parameters will take (see `early`). */
  prefetch(path, params) {
    const answer = read(path, params)
    answer.catch(() => {}) // the page's own read reports a failure; a prefetch nobody takes stays silent
    early.set(earlyKey(path, params), { answer, at: Date.now() })
  },
  /** The address of a download (XLSX, DOCX, HTML, CSV): the browser fetches it with the session cookie. */
  href(path, params) {
    return path + query(params)
  }
}
