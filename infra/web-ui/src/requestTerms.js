// The words of a request's life as the API takes and gives them (keys) and as a clerk reads them (labels). The keys and
// labels are the backend's enums (cn.foi.events.request.*, the query side's status and deadline states): the API accepts
// either, the UI sends the keys where there are keys and the labels where the API has only labels (channels, categories).
// The tables below are filled from the server's terms (terms.js); only colours and the receipt rules' wording are kept here.
import { onTerms, refill, refillObject } from './terms.js'

/** Only the colours are the UI's: the statuses and their labels are the server's (GET /api/terms). */
const STATUS_TAGS = { IN_PROGRESS: 'primary', AWAITING_SUPPLEMENT: 'warning', CONSULTING: 'warning', AWAITING_FEE: 'warning', CLOSED: 'success' }

export const STATUS_OPTIONS = []
onTerms((t) => refill(STATUS_OPTIONS, t.requestStatuses.map((s) => ({ value: s.key, label: s.label, tag: STATUS_TAGS[s.key] || 'info' }))))

export function statusOption(status) {
  return STATUS_OPTIONS.find((s) => s.value === status) || { value: status, label: status, tag: 'info' }
}

/** 申请人类型 (domain §1.1): the column of Table 三. The API takes the key or the label. */
export const CATEGORY_OPTIONS = []
onTerms((t) => refill(CATEGORY_OPTIONS, options(t.applicantCategories)))

/**
 * 申请方式 and the receipt date each implies (条例第三十一条, Registration.resolveReceipt in the backend):
 * - confirm: the receipt date is the day both sides confirm (confirmedOn); the API refuses a receivedOn that differs.
 * - otherwise the receipt date is receivedOn (当面: the day handed in; 邮寄: the day signed for).
 */
const CHANNEL_RULES = [
  {
    key: 'IN_PERSON', confirm: false,
    submittedLabel: null, receiptLabel: '当面递交日期',
    rule: '当面提交的申请，以申请人当面递交之日为收到申请之日（条例第三十一条第一项）。'
  },
  {
    key: 'REGISTERED_MAIL', confirm: false,
    submittedLabel: '寄出日期', receiptLabel: '签收日期',
    rule: '以邮政快递等需要签收的方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）。寄出日期可不填。'
  },
  {
    key: 'ORDINARY_MAIL', confirm: true,
    submittedLabel: '收到信函日期', receiptLabel: '双方确认日期',
    rule: '以平常信函等无需签收的方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日（条例第三十一条第二项）；收到信函当日即应与申请人确认。'
  },
  {
    key: 'ONLINE', confirm: true,
    submittedLabel: '网上提交日期', receiptLabel: '双方确认日期',
    rule: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。'
  },
  {
    key: 'FAX', confirm: true,
    submittedLabel: '传真发送日期', receiptLabel: '双方确认日期',
    rule: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。'
  }
]

/** The channels in the server's order and words (value: the label, which the API takes), with the rules above. */
export const CHANNELS = []
onTerms((t) => refill(CHANNELS, t.channels.map((c) => ({
  value: c.label, ...(CHANNEL_RULES.find((r) => r.key === c.key) || { key: c.key, confirm: false, submittedLabel: null, receiptLabel: '收到申请日期', rule: '' })
}))))

export function channelRule(channel) {
  return CHANNELS.find((c) => c.value === channel || c.key === channel) || null
}

/** The forms an applicant may ask for (未指定 is what a registration without one records, not a choice). */
export const REQUESTED_FORMS = []
onTerms((t) => refill(REQUESTED_FORMS, t.requestedForms.filter((f) => f.key !== 'UNSPECIFIED').map((f) => f.label)))

export const ID_TYPES = ['居民身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他证件']

/**
 * Table 三's outcome rows in the official template's wording (GET /api/terms → outcomes), grouped as the table groups
 * them. A clerk chooses an answer by the row it will be counted in.
 */
export const OUTCOME_GROUPS = []
onTerms((t) => {
  const groups = []
  for (const o of t.outcomes) {
    let group = groups.find((g) => g.label === o.group)
    if (!group) groups.push(group = { label: o.group, options: [] })
    // The template's row without its group's number: 予以公开, 部分公开（区分处理的…）, 1.属于国家秘密.
    group.options.push({ value: o.key, label: (o.row || o.label).replace(/^（[一二三四五六七八九十]+）/, '') })
  }
  refill(OUTCOME_GROUPS, groups)
})

export const APPEAL_RESULTS = []
export const CONSULTED_PARTIES = []
export const CONSULTATION_ENDINGS = []
export const FEE_METHODS = []
/** What the system flags without refusing (GET /api/requests/{id} → flags; the report annex counts them by code). */
export const FLAG_LABELS = {}
export const PAUSE_LABELS = {}

/** The deadline board's states (DeadlineState in the query side); the colours of their cards are the UI's. */
const DEADLINE_COLOURS = {
  OVERDUE: { tag: 'danger', color: '#f56c6c' },
  DUE_SOON: { tag: 'warning', color: '#e6a23c' },
  NORMAL: { tag: 'success', color: '#67c23a' },
  PAUSED: { tag: 'info', color: '#909399' }
}
/** The board shows the most urgent first. */
const DEADLINE_ORDER = ['OVERDUE', 'DUE_SOON', 'NORMAL', 'PAUSED']
export const DEADLINE_STATES = []

onTerms((t) => {
  refill(APPEAL_RESULTS, options(t.appealResults))
  refill(CONSULTED_PARTIES, options(t.consultedParties))
  // 逾期后答复 is what the system records for a reply after the 15 days; the clerk chooses between the other two.
  refill(CONSULTATION_ENDINGS, options(t.consultationEndings.filter((e) => e.key !== 'REPLIED_LATE')))
  refill(FEE_METHODS, t.feeMethods.map((m) => ({ value: m.key, label: m.label + '收费' })))
  refillObject(FLAG_LABELS, Object.fromEntries(t.flags.map((f) => [f.key, f.label])))
  refillObject(PAUSE_LABELS, Object.fromEntries(t.pauseReasons.map((p) => [p.key, p.label])))
  refill(DEADLINE_STATES, [...t.deadlineStates]
    .sort((a, b) => DEADLINE_ORDER.indexOf(a.key) - DEADLINE_ORDER.indexOf(b.key))
    .map((d) => ({ value: d.key, label: d.label, ...(DEADLINE_COLOURS[d.key] || { tag: 'info', color: '#909399' }) })))
})

function options(list) {
  return list.map((item) => ({ value: item.key, label: item.label }))
}

/** Working days left as a clerk reads it, and how urgent it looks (overdue red, five days or fewer orange). */
export function daysLeftView(days, { paused = false, closed = false, compact = false } = {}) {
  if (closed || days === null || days === undefined) return { text: '—', tone: 'none', title: '' }
  if (days < 0) {
    const full = '逾期 ' + -days + ' 个工作日'
    // In a table column headed 剩余工作日 the unit is said once, in the header: "逾期 226" keeps every row one line.
    return { text: compact ? '逾期 ' + -days : full, tone: paused ? 'paused' : 'overdue', title: full + (paused ? '（暂停计时）' : '') }
  }
  if (paused) return { text: days + '（暂停）', tone: 'paused', title: '剩余 ' + days + ' 个工作日（暂停计时）' }
  return { text: String(days), tone: days <= 5 ? 'soon' : 'normal', title: '剩余 ' + days + ' 个工作日' }
}

/**
 * A field error as the form shows it under its field: the API says "字段 caseNo：请填写受理编号"; the field's own
 * label is already there, so the field's name is left out.
 */
export function fieldMessage(error, ...fields) {
  if (!error || !error.errors) return ''
  for (const field of fields) {
    const found = error.errors.find((e) => e.field === field)
    // "字段 applicant.contact（联系方式）含有…" reads "联系方式含有…" under its field.
    if (found) return found.message.replace(/^(?:字段|参数) [\w.]+(?:（([^）]*)）)?[：:]?\s*/, (m, label) => label || '')
  }
  return ''
}

// Business dates are the offices' dates (China has one time zone, as the server counts), whatever the computer's
// own time zone: a laptop set to UTC must not default a step to yesterday.
const OFFICE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
})

function officeParts(date) {
  const parts = {}
  for (const part of OFFICE_TIME.formatToParts(date)) parts[part.type] = part.value
  return parts
}

/** Today as an ISO date in the offices' time zone. */
export function todayIso() {
  const p = officeParts(new Date())
  return p.year + '-' + p.month + '-' + p.day
}

/** A moment's time of day in the offices' time zone: HH:mm:ss (the board's "最近刷新"). */
export function officeClock(date) {
  return OFFICE_CLOCK.format(date)
}

const OFFICE_CLOCK = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
})

/** This year in the offices' time zone (a report's year is over from 1 January, Beijing time). */
export function officeYear() {
  return Number(officeParts(new Date()).year)
}

/** A value not known (yet) reads "—", never "undefined" or "null" or an empty cell. */
export function dash(value) {
  return value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value)) ? '—' : value
}

/** When something was recorded, in the offices' time: YYYY-MM-DD HH:mm. */
export function formatInstant(text) {
  if (!text) return ''
  const p = officeParts(new Date(text))
  return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute
}
