// The forms of the steps a clerk records on a request (RequestCommandController): each step's fields, its body
// (RequestBodies.*) and its path. Which steps a request allows now, with their labels and the consultations or appeals
// they may apply to, is the server's to say (GET /api/requests/{id} → allowedActions, ADR 0029): the page renders the
// offered ones only. The API checks again and its 409 answer is shown if a stale page still tries.
import { todayIso, OUTCOME_GROUPS, APPEAL_RESULTS, CONSULTED_PARTIES, CONSULTATION_ENDINGS, FEE_METHODS } from './requestTerms.js'
import { registrationBody, registrationFromView } from './requestRegistration.js'

/**
 * What the server offers on this request: `has(key)`, and `targets(key)`, the numbered items ({no, label}) an offered
 * step may apply to (open consultations, pending appeals, decided reconsiderations a lawsuit may follow, corrected
 * appeals awaiting a new answer).
 */
export function requestFacts(view) {
  const actions = new Map((view.allowedActions || []).map((a) => [a.key, a]))
  return {
    closed: view.status === 'CLOSED' || !!view.closedOn,
    actions,
    has: (key) => actions.has(key),
    targets: (key) => actions.get(key)?.targets || [],
    /** The outcomes the server would refuse for this step today, by key, with its reason. */
    excluded: (key) => Object.fromEntries((actions.get(key)?.excluded || []).map((e) => [e.key, e.reason]))
  }
}

/** The offered steps grouped as the server groups them (办理, 复议诉讼, 更正), in its order, with its labels. */
export function offeredSteps(view, facts) {
  const groups = []
  for (const action of facts.actions.values()) {
    const step = STEPS.find((s) => s.key === action.key)
    if (!step) continue
    let group = groups.find((g) => g.name === action.groupLabel)
    if (!group) groups.push(group = { name: action.groupLabel, steps: [] })
    group.steps.push({ ...step, label: action.label })
  }
  return groups
}

// A step's date is of something that has happened: the server refuses a day after today, and so does the picker;
// only a deadline the agency sets (补正期限, 确定的答复期限) is marked `future: true`.
const date = (name, label, extra = {}) => ({ name, label, type: 'date', required: true, ...extra })
const text = (name, label, extra = {}) => ({ name, label, type: 'text', ...extra })
const area = (name, label, extra = {}) => ({ name, label, type: 'textarea', ...extra })
const choose = (name, label, options, extra = {}) => ({ name, label, type: 'radio', options, required: true, ...extra })
const which = (label, targets) => ({
  name: 'no', label, type: 'select', required: true,
  options: targets.map((t) => ({ value: t.no, label: t.label }))
})

/** The outcome of Table 三; those the server says it would refuse for this step are shown greyed, with the reason. */
const outcomeField = (facts, step) => ({
  name: 'outcome', label: '办理结果', type: 'outcome', required: true, groups: OUTCOME_GROUPS,
  excluded: facts ? facts.excluded(step) : {}
})
const noteRequiredForOther = (form) => (form.outcome === 'R3_6_3' ? '选择“其他处理·其他”时须写明具体原因（如申请人撤回）' : '')

/** Every step's form, by the key the server offers it under. */
export const STEPS = [
  {
    key: 'supplement-request', title: '告知申请人补正',
    hint: (v) => '依条例第三十条，申请内容不明确的，应当自收到申请之日起 7 个工作日内一次性告知申请人补正，说明需要补正的事项和合理的补正期限。'
      + (v.supplementRounds > 0 ? '该申请已补正过 ' + v.supplementRounds + ' 次，再次告知补正将记为不规范情形。' : ''),
    fields: () => [
      date('requestedOn', '告知日期'),
      date('dueOn', '补正期限', { future: true, hint: '由本机关确定的合理期限，须晚于告知日期' }),
      area('items', '补正事项', { required: true, placeholder: '需要申请人补正的具体事项' })
    ],
    initial: () => ({ requestedOn: todayIso(), dueOn: '', items: '' }),
    path: () => 'supplement-request'
  },
  {
    key: 'supplement', title: '登记收到补正',
    hint: () => '收到补正的申请之日起，答复期限重新计算（条例第三十条）。',
    fields: () => [date('receivedOn', '收到补正日期')],
    initial: () => ({ receivedOn: todayIso() }),
    path: () => 'supplement'
  },
  {
    key: 'supplement-lapse', title: '登记逾期未补正',
    hint: (v) => '补正期限' + (v.supplementDueOn ? '为 ' + v.supplementDueOn + '，' : '') + '届满之后才能登记。申请人无正当理由逾期不补正的，视为放弃申请；登记后请以“其他处理·逾期不补正”作出答复。',
    confirm: '登记后视为申请人放弃申请。确定登记逾期未补正吗？',
    fields: () => [date('lapsedOn', '登记日期')],
    initial: () => ({ lapsedOn: todayIso() }),
    path: () => 'supplement-lapse'
  },
  {
    key: 'extension', title: '延长答复期限',
    hint: (v) => '依条例第三十三条，需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日，只能延长一次，且须在答复期限（' + (v.dueDate || '—') + '）届满前告知。',
    fields: () => [
      date('extendedOn', '告知日期'),
      { name: 'workingDays', label: '延长工作日数', type: 'number', min: 1, max: 20, required: true },
      area('reason', '延期理由')
    ],
    initial: () => ({ extendedOn: todayIso(), workingDays: 20, reason: '' }),
    path: () => 'extension'
  },
  {
    key: 'consultations', title: '征求第三方或其他机关意见',
    hint: () => '征求意见期间不计入答复期限（条例第三十二条、第三十四条）；第三方或其他机关应在收到之日起 15 个工作日内提出意见。',
    fields: () => [
      choose('party', '征求意见对象', CONSULTED_PARTIES),
      text('addressee', '被征求意见方', { placeholder: '单位名称或个人姓名' }),
      date('startedOn', '发出日期'),
      date('deliveredOn', '送达日期', {
        required: false,
        hint: '被征求意见方收到征求意见的日期（如回执、签收日期）；15 个工作日自送达之日起算，不填则自发出日期起算'
      })
    ],
    initial: () => ({ party: 'THIRD_PARTY', addressee: '', startedOn: todayIso(), deliveredOn: '' }),
    path: () => 'consultations'
  },
  {
    key: 'consultation-end', title: '登记征求意见结束',
    hint: () => '第三方逾期未提出意见的，由本机关依照条例规定决定是否公开；其他机关逾期未提出意见的，视为同意公开。',
    fields: (v, f) => [
      which('征求意见', f.targets('consultation-end')),
      date('endedOn', '结束日期'),
      choose('ending', '结束方式', CONSULTATION_ENDINGS),
      area('opinion', '意见摘要')
    ],
    initial: (v, f) => ({ no: f.targets('consultation-end')[0]?.no, endedOn: todayIso(), ending: 'REPLIED', opinion: '' }),
    path: (form) => 'consultations/' + form.no + '/end',
    body: ({ no, ...rest }) => rest
  },
  {
    key: 'fee-notice', title: '发出收费通知',
    hint: () => '依国办函〔2020〕109号，申请人自收到收费通知次日起 20 个工作日内缴费；按件或按量计收，二者不得同时适用。收费通知至缴费期间答复期限暂停计算。',
    // The dialog asks the read side for the quote (fee-quote) as the method or the pages change, shows its reckoning
    // and fills in the amount; an amount changed from the quote needs a 减免 reason, which the API checks too.
    feeQuote: true,
    fields: (v, f, form) => [
      date('noticeOn', '通知日期'),
      choose('method', '收费方式', FEE_METHODS),
      ...(form?.method === 'PER_PAGE'
        ? [{ name: 'pages', label: '页数', type: 'number', min: 0, max: 20000, precision: 0, step: 10, required: true }]
        : []),
      { name: 'quote', label: '按标准计算', type: 'quote' },
      { name: 'amount', label: '金额（元）', type: 'number', min: 0.01, precision: 2, step: 10, required: true },
      {
        name: 'reductionReason', label: '减免理由', type: 'textarea', placeholder: '金额与计算金额不同时必填',
        requiredWhen: (form) => feeDiffersFromQuote(form) ? '金额与按标准计算的金额不同，请填写减免理由' : null
      }
    ],
    initial: () => ({ noticeOn: todayIso(), method: 'PER_REQUEST', pages: undefined, amount: undefined,
      quotedAmount: undefined, quoteExplanation: '', reductionReason: '' }),
    path: () => 'fee-notice',
    body: ({ pages, quoteExplanation, ...rest }) => rest
  },
  {
    key: 'fee-payment', title: '登记缴费',
    fields: () => [date('paidOn', '缴费日期')],
    initial: () => ({ paidOn: todayIso() }),
    path: () => 'fee-payment'
  },
  {
    key: 'fee-lapse', title: '登记逾期未缴费',
    hint: () => '缴费期限届满之后才能登记。逾期未缴费的视为放弃申请；登记后请以“其他处理·逾期未缴费”作出答复。',
    confirm: '登记后视为申请人放弃申请。确定登记逾期未缴费吗？',
    fields: () => [date('lapsedOn', '登记日期')],
    initial: () => ({ lapsedOn: todayIso() }),
    path: () => 'fee-lapse'
  },
  {
    key: 'later-answer-date', title: '依条例第三十五条确定延后的答复期限',
    hint: (v) => '申请人申请公开政府信息的数量、频次明显超过合理范围，有正当理由但无法在规定期限内答复的，可以确定延迟答复的合理期限并告知申请人。确定的期限须晚于现有答复期限（' + (v.dueDate || '—') + '）。',
    fields: () => [
      date('setOn', '告知日期'),
      date('answerBy', '确定的答复期限', { future: true }),
      area('reason', '理由', { required: true })
    ],
    initial: () => ({ setOn: todayIso(), answerBy: '', reason: '' }),
    path: () => 'later-answer-date'
  },
  {
    key: 'decision', primary: true, title: '作出答复',
    hint: () => '每件申请只有一个办理结果，按年度报告表三的分类选择。办结后如登记有误，请使用“更正答复”；行政复议、行政诉讼纠正后的新答复请使用“重新答复”。',
    confirm: '作出答复后该申请即办结。确定提交吗？',
    fields: (v, facts) => [
      outcomeField(facts, 'decision'),
      date('decidedOn', '答复日期'),
      date('servedOn', '送达日期', { required: false }),
      area('note', '具体原因', { requiredWhen: noteRequiredForOther })
    ],
    initial: () => ({ outcome: '', decidedOn: todayIso(), servedOn: '', note: '' }),
    path: () => 'decision'
  },
  {
    key: 'withdrawal', title: '登记申请人撤回申请',
    hint: () => '申请人撤回申请的，该申请办结，计入表三“（六）其他处理 3.其他”。',
    confirm: '撤回后该申请即办结。确定登记撤回吗？',
    fields: () => [date('withdrawnOn', '撤回日期'), area('note', '说明')],
    initial: () => ({ withdrawnOn: todayIso(), note: '' }),
    path: () => 'withdrawal'
  },
  {
    key: 'reconsiderations', title: '登记行政复议申请',
    fields: () => [date('filedOn', '复议申请日期')],
    initial: () => ({ filedOn: todayIso() }),
    path: () => 'reconsiderations'
  },
  {
    key: 'reconsideration-result', title: '登记行政复议决定',
    fields: (v, f) => [
      which('行政复议', f.targets('reconsideration-result')),
      choose('result', '复议结果', APPEAL_RESULTS),
      date('decidedOn', '决定日期')
    ],
    initial: (v, f) => ({ no: f.targets('reconsideration-result')[0]?.no, result: '', decidedOn: todayIso() }),
    path: (form) => 'reconsiderations/' + form.no + '/result',
    body: ({ no, ...rest }) => rest
  },
  {
    key: 'lawsuits', title: '登记行政诉讼',
    fields: (v, f) => [
      date('filedOn', '起诉日期'),
      {
        name: 'afterReconsideration', label: '起诉方式', type: 'radio', required: true,
        options: [
          { value: false, label: '未经复议直接起诉' },
          { value: true, label: '复议后起诉', disabled: f.targets('lawsuits').length === 0 }
        ]
      }
    ],
    initial: () => ({ filedOn: todayIso(), afterReconsideration: false }),
    path: () => 'lawsuits'
  },
  {
    key: 'lawsuit-result', title: '登记行政诉讼判决',
    fields: (v, f) => [
      which('行政诉讼', f.targets('lawsuit-result')),
      choose('result', '判决结果', APPEAL_RESULTS),
      date('decidedOn', '判决日期')
    ],
    initial: (v, f) => ({ no: f.targets('lawsuit-result')[0]?.no, result: '', decidedOn: todayIso() }),
    path: (form) => 'lawsuits/' + form.no + '/result',
    body: ({ no, ...rest }) => rest
  },
  {
    key: 'redecision', title: '重新答复',
    hint: (v, f) => {
      // The server answers the earliest-decided corrected appeal still waiting (DisclosureRequest#appealAwaitingNewAnswer).
      const a = f.targets('redecision')[0]
      return (a ? a.label + '，' : '') + '本次登记为依该决定作出的新答复。'
        + '该申请仍按首次办结（' + (v.closedOn || '—') + '，' + (v.outcomeLabel || '—') + '）计入年度报告，新答复不改变其年度和办理结果栏目。'
        + '如原答复只是登记有误，请使用“更正答复”。'
    },
    fields: (v, facts) => [
      outcomeField(facts, 'redecision'),
      date('decidedOn', '重新答复日期', { hint: '不能早于纠正决定的日期' }),
      date('servedOn', '送达日期', { required: false }),
      area('note', '具体原因', { requiredWhen: noteRequiredForOther })
    ],
    initial: () => ({ outcome: '', decidedOn: todayIso(), servedOn: '', note: '' }),
    path: () => 'redecision'
  },
  {
    key: 'registration-correction', title: '更正登记信息', wide: true,
    hint: () => '登记有误的，以更正记录修改，原登记保留在办理过程中；须写明更正原因。收到日期变化时答复期限随之重新计算。',
    fields: () => [{ name: 'registration', type: 'registration' }, area('reason', '更正原因', { required: true })],
    initial: (v) => ({ registration: registrationFromView(v), reason: '' }),
    path: () => 'registration-correction',
    body: (form) => ({ registration: registrationBody(form.registration), reason: form.reason })
  },
  {
    key: 'decision-correction', title: '更正答复',
    hint: () => '答复登记有误的，以更正记录修改，须写明更正原因。更正后的答复日期和办理结果即为该申请的办结日期和结果，年度报告按更正后的年度和栏目计入。'
      + '行政复议、行政诉讼结果为纠正后作出的新答复不是更正，请使用“重新答复”：它不改变首次办结的年度和栏目。',
    fields: (v, facts) => [
      outcomeField(facts, 'decision-correction'),
      date('decidedOn', '答复日期'),
      date('servedOn', '送达日期', { required: false }),
      area('note', '具体原因', { requiredWhen: noteRequiredForOther }),
      area('reason', '更正原因', { required: true })
    ],
    initial: (v) => ({ outcome: v.outcome || '', decidedOn: v.decidedOn || todayIso(), servedOn: v.servedOn || '', note: v.outcomeNote || '', reason: '' }),
    path: () => 'decision-correction'
  }
]

/** The body a step sends: its form without empty optional values. */
/** Whether the amount typed differs from the quote the clerk was shown (a 减免 that needs its reason). */
export function feeDiffersFromQuote(form) {
  return form.quotedAmount !== undefined && form.quotedAmount !== null && form.amount !== undefined
    && form.amount !== null && Number(form.amount) !== Number(form.quotedAmount)
}

export function stepBody(step, form) {
  const body = step.body ? step.body(form) : { ...form }
  for (const key of Object.keys(body)) if (body[key] === '' || body[key] === null) delete body[key]
  return body
}
