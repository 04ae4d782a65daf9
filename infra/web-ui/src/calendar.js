// The official working-day calendar as the date pickers show it: holidays and make-up working days per agency and year
// (GET /api/calendar/{year}?agency=…), loaded once per agency and year.
import { reactive } from 'vue'
import { calendar as calendarApi } from './api/system.js'

const years = reactive({}) // "agency:year" → { holidays: Set, workdays: Set, declared }
const loading = {}

function iso(date) {
  const d = date instanceof Date ? date : new Date(date)
  const month = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return d.getFullYear() + '-' + month + '-' + day
}

export function loadCalendarYear(agency, year) {
  const key = (agency || '') + ':' + year
  if (years[key] || loading[key]) return loading[key]
  loading[key] = calendarApi.year(year, { agency })
    .then((data) => {
      years[key] = { holidays: new Set(data.holidays), workdays: new Set(data.workdays), declared: data.declared }
    })
    .catch(() => {
      delete loading[key]
    })
  return loading[key]
}

/** After a declaration: every picker reloads the dates it shows, instead of the ones it loaded before. */
export function forgetCalendars() {
  for (const key of Object.keys(years)) delete years[key]
  for (const key of Object.keys(loading)) delete loading[key]
}

/** "holiday", "workday" (a weekend day that is worked) or "" for an ordinary day. */
export function dayKind(agency, date) {
  const text = iso(date)
  const year = years[(agency || '') + ':' + text.slice(0, 4)]
  if (!year) {
    loadCalendarYear(agency, Number(text.slice(0, 4)))
    return ''
  }
  if (year.holidays.has(text)) return 'holiday'
  if (year.workdays.has(text)) return 'workday'
  return ''
}

export function calendarYear(agency, year) {
  return years[(agency || '') + ':' + year]
}

export { iso }
