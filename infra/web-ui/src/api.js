// The one way the pages talk to the API: same origin, the session cookie, and every error turned into an ApiError
// whose message is the problem's Chinese detail (RFC 9457), never a stack trace.
import { reactive } from 'vue'

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
  if (status >= 500) return '服务器暂时无法处理，请稍后重试；如果一直如此，请联系系统管理员'
  return '操作未成功（' + status + '）'
}

/** Listeners of a lost session (the router sends the user to the sign-in page). */
export const sessionEvents = reactive({ expired: 0 })

function query(params) {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(key, value)
  }
  const text = search.toString()
  return text ? '?' + text : ''
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
    throw new ApiError(response.status, json && !json.detail && json.errors ? { ...json, detail: '文件中有错误' } : json)
  }
  return { data: json, headers: response.headers, status: response.status }
}

export const api = {
  async get(path, params) {
    return (await call('GET', path, { params })).data
  },
  /** A list with server-side paging: the items and X-Total-Count. */
  async page(path, params) {
    const { data, headers } = await call('GET', path, { params })
    return { items: data || [], total: Number(headers.get('X-Total-Count') || (data || []).length) }
  },
  async post(path, body, params) {
    return (await call('POST', path, { body: body ?? {}, params })).data
  },
  async put(path, body) {
    return (await call('PUT', path, { body })).data
  },
  async del(path) {
    return (await call('DELETE', path)).data
  },
  async upload(path, file, params) {
    const form = new FormData()
    form.append('file', file)
    return (await call('POST', path, { form, params })).data
  },
  /** The address of a download (XLSX, DOCX, HTML, CSV): the browser fetches it with the session cookie. */
  href(path, params) {
    return path + query(params)
  }
}
