// What administrators look after: the calendar, sign-ins, the operation log, personal-data reads, parked events.
import { api } from '../api.js'

export const calendar = {
  year: (year, params) => api.get('/api/calendar/' + year, params),
  previewYear: (body) => api.post('/api/calendar/years/preview', body),
  saveYear: (body) => api.post('/api/calendar/years', body),
  saveRegion: (code, body) => api.post('/api/calendar/regions/' + encodeURIComponent(code), body)
}

export const logs = {
  signIns: (params) => api.page('/api/sign-ins', params),
  personalDataReads: (params) => api.page('/api/personal-data-reads', params),
  audit: (params) => api.page('/api/audit', params),
  auditHref: (params) => api.href('/api/audit.xlsx', params)
}

export const projections = {
  deadLetters: () => api.get('/api/projections/dead-letters'),
  retry: (id) => api.post('/api/projections/dead-letters/' + encodeURIComponent(id) + '/retry', {}),
  skip: (id, body) => api.post('/api/projections/dead-letters/' + encodeURIComponent(id) + '/skip', body)
}
