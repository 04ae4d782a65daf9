// The registration of a request as the form holds it, and as the API takes it (RequestBodies.Register). Shared by the
// registration page and the "更正登记" dialog, which sends the same fields again with a reason.
import { channelRule } from './requestTerms.js'

export function newRegistration() {
  return {
    caseNo: '',
    applicant: { category: '自然人', name: '', idType: '', idNumber: '', contact: '' },
    channel: '',
    submittedOn: '',
    confirmedOn: '',
    receivedOn: '',
    description: '',
    items: 1,
    requestedForm: ''
  }
}

/** The registration of a stored request (RequestView), for correcting it. */
export function registrationFromView(view) {
  const a = view.applicant || {}
  return {
    caseNo: view.caseNo || '',
    applicant: { category: a.category || '', name: a.name || '', idType: a.idType || '', idNumber: a.idNumber || '', contact: a.contact || '' },
    channel: view.channel || '',
    submittedOn: view.submittedOn || '',
    confirmedOn: view.confirmedOn || '',
    receivedOn: view.receivedOn || '',
    description: view.description || '',
    items: view.items || 1,
    requestedForm: view.requestedForm && view.requestedForm !== '未指定' ? view.requestedForm : ''
  }
}

const blank = (text) => (text && String(text).trim() ? String(text).trim() : undefined)

/**
 * The body the API takes. Only the dates the channel uses are sent: a date the clerk typed for another channel before
 * switching would otherwise contradict the rule (the API refuses a receipt date other than the confirmation date).
 */
export function registrationBody(form) {
  const rule = channelRule(form.channel)
  const body = {
    caseNo: form.caseNo.trim(),
    applicant: {
      category: form.applicant.category,
      name: form.applicant.name.trim(),
      idType: blank(form.applicant.idType),
      idNumber: blank(form.applicant.idNumber),
      contact: blank(form.applicant.contact)
    },
    channel: form.channel,
    description: blank(form.description),
    items: form.items || 1,
    requestedForm: blank(form.requestedForm)
  }
  if (!rule) return body
  if (rule.confirm) {
    body.submittedOn = blank(form.submittedOn)
    body.confirmedOn = blank(form.confirmedOn)
  } else if (rule.submittedLabel) {
    body.submittedOn = blank(form.submittedOn)
    body.receivedOn = blank(form.receivedOn)
  } else {
    body.receivedOn = blank(form.receivedOn)
  }
  return body
}

/** The receipt date the API will derive from what is typed (shown to the clerk before saving). */
export function receiptDate(form) {
  const rule = channelRule(form.channel)
  if (!rule) return ''
  return rule.confirm ? form.confirmedOn : form.receivedOn
}
