// Users, the session and the signed-in user's own things (docs/api.md "用户").
import { api } from '../api.js'

const userPath = (username) => '/api/users/' + encodeURIComponent(username)

export const users = {
  list: () => api.get('/api/users'),
  create: (body) => api.post('/api/users', body),
  update: (username, body) => api.patch(userPath(username), body),
  resetPassword: (username, body) => api.post(userPath(username) + '/password', body),
  changeOwnPassword: (body) => api.post('/api/users/me/password', body)
}

export const session = {
  get: () => api.get('/api/session'),
  signIn: (body) => api.post('/api/session', body),
  signOut: () => api.del('/api/session'),
  about: () => api.get('/api/about')
}

export const reminders = {
  list: () => api.get('/api/reminders'),
  badges: () => api.get('/api/reminders/badges'),
  markRead: (keys) => api.post('/api/reminders/read', { keys }),
  workbench: () => api.get('/api/workbench'),
  /** Starts `workbench` before the 工作台 is built; the page takes the answer (api.prefetch). */
  prefetchWorkbench: () => api.prefetch('/api/workbench')
}
