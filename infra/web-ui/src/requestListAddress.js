// The request list's address (#/requests?…) read as what the server is asked: the filters, the order and the page. The
// list page and the router's early start (router.js) read it here alike, so that the answer started early is the one
// the page asks for.
import { session } from './session.js'
import { requests } from './api/requests.js'

export const PAGE_SIZES = [20, 50, 100]
export const FILTERS = ['caseNo', 'status', 'category', 'channel', 'receivedFrom', 'receivedTo', 'applicant', 'open',
  'q', 'handler', 'dueWithin', 'overdue', 'paused', 'outcome', 'year', 'includeSubordinates']
/** The server's sort keys by column. */
export const SORTS = { receivedOn: 'receivedOn', dueDate: 'dueDate', workingDaysLeft: 'workingDaysLeft' }

export const pageOf = (query) => Math.max(1, Number(query.page) || 1)
export const sizeOf = (query) => (PAGE_SIZES.includes(Number(query.size)) ? Number(query.size) : 20)
export const sortOf = (query) => (SORTS[query.sort] ? query.sort : '')
export const directionOf = (query) => (query.direction === 'asc' || query.direction === 'desc' ? query.direction : '')

/** The filters and the order the address names, as the list and its export take them. */
export function filterParams(query) {
  const params = {}
  for (const f of FILTERS) if (query[f]) params[f] = query[f]
  if (sortOf(query)) params.sort = sortOf(query)
  if (directionOf(query)) params.direction = directionOf(query)
  return params
}

/** One page of the list: the filters with the page (counted from 0 on the server) and its size. */
export function pageParams(query) {
  return { ...filterParams(query), page: pageOf(query) - 1, size: sizeOf(query) }
}

/** The agency shown before the agencies the user may choose among are known: the address's, else the user's own. */
export function firstAgency(query) {
  return query.agency || session.user?.agencyCode || ''
}

/** Starts the list's first reads as soon as the router knows who is signed in (route meta `prefetch`). */
export function prefetchRequestList(to) {
  const agency = firstAgency(to.query)
  if (agency) requests.prefetchList(agency, pageParams(to.query))
}
