// Who is signed in: username, role (CLERK, SUPERVISOR, ADMIN), agency. What the pages and the menu show follows it.
import { reactive } from 'vue'
import { session as sessionApi } from './api/users.js'
import { agencies } from './api/agencies.js'

export const ROLE_LABELS = { CLERK: '经办人', SUPERVISOR: '主管', ADMIN: '管理员' }

/**
 * The header shows the agency's name (an administrator has no agency). It is filled in when it arrives: no page waits
 * for it, the code stands in until then.
 */
function withAgencyName(user) {
  if (user && user.agencyCode) {
    agencies.get(user.agencyCode).then((agency) => {
      if (session.user && session.user.agencyCode === user.agencyCode) session.user.agencyName = agency.name
    }).catch(() => {})
  }
  return user
}

export const session = reactive({
  user: null,
  loaded: false,

  async load() {
    try {
      this.user = await withAgencyName(await sessionApi.get())
    } catch (e) {
      this.user = null
    }
    this.loaded = true
    return this.user
  },

  async signIn(username, password) {
    this.user = await withAgencyName(await sessionApi.signIn({ username, password }))
    this.loaded = true
    return this.user
  },

  async signOut() {
    try {
      await sessionApi.signOut()
    } finally {
      this.user = null
    }
  },

  is(...roles) {
    return !!this.user && roles.includes(this.user.role)
  },

  /** The page a user starts on: every role's 工作台. */
  home() {
    if (!this.user) return '/login'
    return '/workbench'
  }
})
