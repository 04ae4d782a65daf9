// The words of a request's life as the API takes and gives them (keys) and as a clerk reads them (labels). The keys and
// labels are the backend's enums (cn.foi.events.request.*, the query side's status and deadline states): the API accepts
// either, the UI sends the keys where there are keys and the labels where the API has only labels (channels, categories).

export const STATUS_OPTIONS = [
  { value: 'IN_PROGRESS', label: '办理中', tag: 'primary' },
  { value: 'AWAITING_SUPPLEMENT', label: '待补正', tag: 'warning' },
  { value: 'CONSULTING', label: '征求意见中', tag: 'warning' },
  { value: 'AWAITING_FEE', label: '待缴费', tag: 'warning' },
  { value: 'CLOSED', label: '已办结', tag: 'success' }
]

export function statusOption(status) {
  return STATUS_OPTIONS.find((s) => s.value === status) || { value: status, label: status, tag: 'info' }
}

/** 申请人类型 (domain §1.1): the column of Table 三. The API takes the key or the label. */
export const CATEGORY_OPTIONS = [
  { value: 'C1', label: '自然人' },
  { value: 'C2', label: '商业企业' },
  { value: 'C3', label: '科研机构' },
  { value: 'C4', label: '社会公益组织' },
  { value: 'C5', label: '法律服务机构' },
  { value: 'C6', label: '其他' }
]

/**
 * 申请方式 and the receipt date each implies (条例第三十一条, Registration.resolveReceipt in the backend):
 * - confirm: the receipt date is the day both sides confirm (confirmedOn); the API refuses a receivedOn that differs.
 * - otherwise the receipt date is receivedOn (当面: the day handed in; 邮寄: the day signed for).
 */
export const CHANNELS = [
  {
    value: '当面', key: 'IN_PERSON', confirm: false,
    submittedLabel: null, receiptLabel: '当面递交日期',
    rule: '当面提交的申请，以申请人当面递交之日为收到申请之日（条例第三十一条第一项）。'
  },
  {
    value: '邮寄', key: 'REGISTERED_MAIL', confirm: false,
    submittedLabel: '寄出日期', receiptLabel: '签收日期',
    rule: '以邮政快递等需要签收的方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第二项）。寄出日期可不填。'
  },
  {
    value: '平信', key: 'ORDINARY_MAIL', confirm: true,
    submittedLabel: '收到信函日期', receiptLabel: '双方确认日期',
    rule: '以平常信函等无需签收的方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日（条例第三十一条第二项）；收到信函当日即应与申请人确认。'
  },
  {
    value: '网络', key: 'ONLINE', confirm: true,
    submittedLabel: '网上提交日期', receiptLabel: '双方确认日期',
    rule: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。'
  },
  {
    value: '传真', key: 'FAX', confirm: true,
    submittedLabel: '传真发送日期', receiptLabel: '双方确认日期',
    rule: '通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。'
  }
]

export function channelRule(channel) {
  return CHANNELS.find((c) => c.value === channel || c.key === channel) || null
}

export const REQUESTED_FORMS = ['纸质', '电子', '查阅']

export const ID_TYPES = ['居民身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他证件']

/**
 * Table 三's outcome rows in the official template's wording (ReportLayout.TABLE3_LABELS in the backend), grouped as the
 * table groups them. A clerk chooses an answer by the row it will be counted in.
 */
export const OUTCOME_GROUPS = [
  { label: '（一）予以公开', options: [{ value: 'R3_1', label: '予以公开' }] },
  { label: '（二）部分公开', options: [{ value: 'R3_2', label: '部分公开（区分处理的，只计这一情形，不计其他情形）' }] },
  {
    label: '（三）不予公开',
    options: [
      { value: 'R3_3_1', label: '1.属于国家秘密' },
      { value: 'R3_3_2', label: '2.其他法律行政法规禁止公开' },
      { value: 'R3_3_3', label: '3.危及“三安全一稳定”' },
      { value: 'R3_3_4', label: '4.保护第三方合法权益' },
      { value: 'R3_3_5', label: '5.属于三类内部事务信息' },
      { value: 'R3_3_6', label: '6.属于四类过程性信息' },
      { value: 'R3_3_7', label: '7.属于行政执法案卷' },
      { value: 'R3_3_8', label: '8.属于行政查询事项' }
    ]
  },
  {
    label: '（四）无法提供',
    options: [
      { value: 'R3_4_1', label: '1.本机关不掌握相关政府信息' },
      { value: 'R3_4_2', label: '2.没有现成信息需要另行制作' },
      { value: 'R3_4_3', label: '3.补正后申请内容仍不明确' }
    ]
  },
  {
    label: '（五）不予处理',
    options: [
      { value: 'R3_5_1', label: '1.信访举报投诉类申请' },
      { value: 'R3_5_2', label: '2.重复申请' },
      { value: 'R3_5_3', label: '3.要求提供公开出版物' },
      { value: 'R3_5_4', label: '4.无正当理由大量反复申请' },
      { value: 'R3_5_5', label: '5.要求行政机关确认或重新出具已获取信息' }
    ]
  },
  {
    label: '（六）其他处理',
    options: [
      { value: 'R3_6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
      { value: 'R3_6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
      { value: 'R3_6_3', label: '3.其他' }
    ]
  }
]

export const APPEAL_RESULTS = [
  { value: 'UPHELD', label: '结果维持' },
  { value: 'CORRECTED', label: '结果纠正' },
  { value: 'OTHER', label: '其他结果' }
]

export const CONSULTED_PARTIES = [
  { value: 'THIRD_PARTY', label: '第三方' },
  { value: 'OTHER_AGENCY', label: '其他机关' }
]

export const CONSULTATION_ENDINGS = [
  { value: 'REPLIED', label: '已答复' },
  { value: 'LAPSED', label: '逾期未答复' }
]

export const FEE_METHODS = [
  { value: 'PER_REQUEST', label: '按件收费' },
  { value: 'PER_PAGE', label: '按量收费' }
]

/** What the system flags without refusing (GET /api/requests/{id} → flags; the report annex counts them by code). */
export const FLAG_LABELS = {
  RECONSIDERATION_LATE: '行政复议申请超过 60 日',
  LAWSUIT_AFTER_RECONSIDERATION_LATE: '复议后起诉超过 15 日',
  LAWSUIT_LATE: '直接起诉超过 6 个月',
  LAWSUIT_WITHOUT_RECONSIDERATION: '不予公开未经复议直接起诉',
  APPEAL_AGAINST_WITHDRAWN: '对已撤回的申请提起复议或诉讼',
  FEE_DIFFERS_FROM_QUOTE: '收费金额与计算金额不同',
  FEE_AMOUNT_UNKNOWN: '收费金额未记录'
}

export const PAUSE_LABELS = { SUPPLEMENT: '待补正', CONSULTATION: '征求意见中', FEE: '待缴费' }

/** The deadline board's states (DeadlineState in the query side) and the colours of their cards. */
export const DEADLINE_STATES = [
  { value: 'OVERDUE', label: '已逾期', tag: 'danger', color: '#f56c6c' },
  { value: 'DUE_SOON', label: '即将到期', tag: 'warning', color: '#e6a23c' },
  { value: 'NORMAL', label: '正常', tag: 'success', color: '#67c23a' },
  { value: 'PAUSED', label: '已暂停', tag: 'info', color: '#909399' }
]

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
