// Annual reports: figures, layout, entries, publication and their documents (docs/api.md "年度报告").
import { api } from '../api.js'
import { agencyPath } from './paths.js'

const reportPath = (agency, year) => agencyPath(agency) + '/reports/' + year

export const reports = {
  get: (agency, year, params) => api.get(reportPath(agency, year), params),
  layout: (agency, year, params) => api.get(reportPath(agency, year) + '/layout', params),
  monthly: (agency, year, params) => api.get(reportPath(agency, year) + '/monthly', params),
  comparison: (agency, year, params) => api.get(reportPath(agency, year) + '/comparison', params),
  saveTable2: (agency, year, body) => api.put(reportPath(agency, year) + '/table2', body),
  saveTexts: (agency, year, body) => api.put(reportPath(agency, year) + '/texts', body),
  publish: (agency, year, body) => api.post(reportPath(agency, year) + '/publication', body),
  republish: (agency, year, body) => api.post(reportPath(agency, year) + '/republication', body),
  /** The report as a document (docx, html, xlsx…). */
  documentHref: (agency, year, extension, params) => api.href(reportPath(agency, year) + '.' + extension, params),
  checksHref: (agency, year, extension, params) => api.href(reportPath(agency, year) + '/checks.' + extension, params)
}
