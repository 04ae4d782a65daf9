// Requests: the list, the detail, registration and every recorded step (docs/api.md "申请").
import { api } from '../api.js'
import { agencyPath, requestPath } from './paths.js'

export const requests = {
  /** One page of an agency's list: { items, total }. */
  list: (agency, params) => api.page(agencyPath(agency) + '/requests', params),
  /** Starts `list` and `handlers` before the list page is built; the page takes the answers (api.prefetch). */
  prefetchList: (agency, params) => {
    api.prefetch(agencyPath(agency) + '/requests', params)
    api.prefetch(agencyPath(agency) + '/handlers')
  },
  exportHref: (agency, params) => api.href(agencyPath(agency) + '/requests.xlsx', params),
  /** The detail with its timeline and allowedActions; `params.reveal = 'personal'` for the full personal data. */
  get: (id, params) => api.get(requestPath(id), params),
  register: (agency, body) => api.post(agencyPath(agency) + '/requests', body),
  nextCaseNumber: (agency, params) => api.get(agencyPath(agency) + '/next-case-number', params),
  /** A step: `path` is the allowed action's key, or its numbered path (consultations/1/end…). */
  step: (id, path, body) => api.post(requestPath(id) + '/' + path, body),
  feeQuote: (id, params) => api.get(requestPath(id) + '/fee-quote', params),
  /** Earlier requests of the same applicant (重复申请): by name, and similar by description. */
  byApplicant: (agency, params) => api.page(agencyPath(agency) + '/requests/by-applicant', params),
  similar: (agency, params) => api.get(agencyPath(agency) + '/requests/similar', params),
  link: (id, body) => api.post(requestPath(id) + '/related', body),
  handlers: (agency) => api.get(agencyPath(agency) + '/handlers'),
  assign: (id, handler) => api.post(requestPath(id) + '/assignment', { handler }),
  assignMany: (agency, body) => api.post(agencyPath(agency) + '/requests/assignment', body),
  deadlines: (agency, params) => api.get(agencyPath(agency) + '/deadlines', params)
}

/** A request's notices (告知书, 送达回证). */
export const notices = {
  list: (id) => api.get(requestPath(id) + '/notices'),
  allowedKinds: (id) => api.get(requestPath(id) + '/notices/allowed-kinds'),
  serviceMethods: (id) => api.get(requestPath(id) + '/notices/service-methods'),
  issue: (id, body) => api.post(requestPath(id) + '/notices', body),
  serve: (id, number, body) => api.post(requestPath(id) + '/notices/' + encodeURIComponent(number) + '/service', body),
  void: (id, number, body) => api.post(requestPath(id) + '/notices/' + encodeURIComponent(number) + '/void', body)
}

/** A request's attachments. */
export const attachments = {
  list: (id) => api.get(requestPath(id) + '/attachments'),
  kinds: (id) => api.get(requestPath(id) + '/attachments/kinds'),
  add: (id, file, kind) => api.upload(requestPath(id) + '/attachments', file, { kind }),
  remove: (id, attachmentId, body) => api.post(requestPath(id) + '/attachments/' + encodeURIComponent(attachmentId) + '/removal', body)
}
