// The words the server gives (GET /api/terms, ADR 0029): every key the API takes or gives with its label, taken from the
// server's own enums and the report templates' layout. They are fetched once, after sign-in and before the first page
// renders (router.js), and kept for the tab. The term tables of requestTerms.js and reportTerms.js are filled from
// them here; what they add (tag colours, the channels' receipt rules) is the UI's own wording.
import { reactive } from 'vue'
import { fetchTerms } from './api/terms.js'

export const terms = reactive({
  loaded: false,
  outcomes: [],
  table3Rows: [],
  applicantCategories: [],
  channels: [],
  requestedForms: [],
  requestStatuses: [],
  pauseReasons: [],
  deadlineStates: [],
  flags: [],
  appealKinds: [],
  appealResults: [],
  consultedParties: [],
  consultationEndings: [],
  feeMethods: []
})

const fillers = []
let loading = null

/** Runs `fill(terms)` once the terms are here (at once if they already are): the term tables fill themselves so. */
export function onTerms(fill) {
  fillers.push(fill)
  if (terms.loaded) fill(terms)
}

/** Fetches the terms once; a failed fetch is tried again on the next navigation. */
export function loadTerms() {
  if (!loading) {
    loading = fetchTerms().then((data) => {
      Object.assign(terms, data, { loaded: true })
      for (const fill of fillers) fill(terms)
    }).catch((e) => {
      loading = null
      throw e
    })
  }
  return loading
}

/** The label of a key in one of the lists ('requestStatuses', 'flags', …); the key itself when unknown. */
export function termLabel(list, key) {
  return (terms[list] || []).find((t) => t.key === key)?.label ?? key
}

/** Replaces an array's items in place, so that whoever imported it sees the new ones. */
export function refill(array, items) {
  array.splice(0, array.length, ...items)
  return array
}

/** Replaces an object's entries in place. */
export function refillObject(object, entries) {
  for (const key of Object.keys(object)) delete object[key]
  Object.assign(object, entries)
  return object
}
