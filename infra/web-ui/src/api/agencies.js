// Agencies and their settings (docs/api.md "机关").
import { api } from '../api.js'
import { agencyPath } from './paths.js'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const agencies = {
  list: () => api.get('/api/agencies'),
  get: (code) => api.get(agencyPath(code)),
  create: (body) => api.post('/api/agencies', body),
  update: (code, body) => api.patch(agencyPath(code), body),
  nextCaseNumber: (code, params) => api.get(agencyPath(code) + '/next-case-number', params),
  saveCaseNumberSettings: (code, body) => api.post(agencyPath(code) + '/case-number-settings', body),
  saveSettings: (code, body) => api.post(agencyPath(code) + '/settings', body),
  saveReportSettings: (code, body) => api.post(agencyPath(code) + '/report-settings', body)
}

/** An agency's notice templates (告知书模板). */
export const noticeTemplates = {
  list: (code) => api.get(agencyPath(code) + '/notice-templates'),
  upload: (code, kind, file) => api.upload(agencyPath(code) + '/notice-templates/' + kind, file),
  revert: (code, kind) => api.post(agencyPath(code) + '/notice-templates/' + kind + '/revert'),
  /** A filled-in notice for a request from the given (or the current) template: a .docx Blob. */
  preview: (code, kind, requestId, form) => api.postForFile(agencyPath(code) + '/notice-templates/' + kind + '/preview', form, DOCX, { requestId }),
  versionHref: (code, kind, version) => api.href(agencyPath(code) + '/notice-templates/' + kind + '/versions/' + version + '.docx')
}

/** The ledger (台账) import and export. */
export const ledger = {
  preview: (code, file, params) => api.upload(agencyPath(code) + '/ledger/preview', file, params),
  importFile: (code, file, params) => api.upload(agencyPath(code) + '/ledger', file, params),
  templateHref: () => api.href('/api/ledger/template.xlsx'),
  /** The uploaded file with its errors marked: an .xlsx Blob. */
  errorsWorkbook: (code, form) => api.postForFile(agencyPath(code) + '/ledger/errors.xlsx', form, XLSX),
  exportHref: (code, format) => api.href(agencyPath(code) + '/ledger.' + format)
}
