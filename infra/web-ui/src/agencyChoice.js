// Which agency a page works on: a clerk's own; a supervisor or administrator may choose among the agencies the API lets
// them see (GET /api/agencies lists exactly those). The choice travels in the address (?agency=…).
import { ref } from 'vue'
import { session } from './session.js'
import { agencies as agenciesApi } from './api/agencies.js'

export function useAgencyChoice() {
  const agencies = ref([])
  const loaded = ref(false)

  async function load() {
    const own = session.user?.agencyCode ? [{ code: session.user.agencyCode, name: session.user.agencyName }] : []
    try {
      const list = await agenciesApi.list()
      // A clerk works for the own agency only, whatever else the directory shows.
      agencies.value = session.is('CLERK') ? list.filter((a) => a.code === session.user.agencyCode) : list
      if (!agencies.value.length) agencies.value = own
    } catch (e) {
      agencies.value = own
    }
    loaded.value = true
  }

  /** The agency to show: the one asked for if the user may see it, else the user's own, else the first top agency. */
  function resolve(wanted) {
    const list = agencies.value
    if (wanted && list.some((a) => a.code === wanted)) return wanted
    if (session.user?.agencyCode && list.some((a) => a.code === session.user.agencyCode)) return session.user.agencyCode
    const top = list.find((a) => !a.parentCode || !list.some((b) => b.code === a.parentCode))
    return (top || list[0] || {}).code || session.user?.agencyCode || ''
  }

  function name(code) {
    const found = agencies.value.find((a) => a.code === code)
    return (found && found.name) || code
  }

  function label(agency) {
    return agency.name ? agency.name + '（' + agency.code + '）' : agency.code
  }

  return { agencies, loaded, load, resolve, label, name }
}
