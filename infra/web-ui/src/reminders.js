// The signed-in user's reminders (the header's bell) and the menu's counts, polled every minute while a page is
// open and the tab is visible: one store for the bell and the menu, so both show the same figures.
import { reactive, watch } from 'vue'
import { session } from './session.js'
import { every } from './polling.js'
import { reminders as remindersApi } from './api/users.js'

const POLL_MS = 60_000
/**
 * The page's own data comes first: the bell and the menu's counts are asked for a moment after a page opens, not in
 * the same breath as the list or the 工作台 the clerk is waiting for. For a handler of thousands of open requests they
 * are the heavier calls, and on a small server they slowed the page they decorate.
 */
const FIRST_LOAD_DELAY_MS = 1000

export const reminders = reactive({
  items: [],
  total: 0,
  unread: 0,
  badges: null,
  loaded: false,
  error: null
})

let stopPolling = null
let users = 0

/** Loads the list and the counts; a failure keeps what was shown and says why (never an empty list instead). */
export async function loadReminders() {
  if (!session.user) return
  try {
    const [list, badges] = await Promise.all([remindersApi.list(), remindersApi.badges()])
    reminders.items = list.items
    reminders.total = list.total
    reminders.unread = list.unread
    reminders.badges = badges
    reminders.error = null
  } catch (e) {
    reminders.error = e.message
  } finally {
    reminders.loaded = true
  }
}

/** Marks reminders read for this user only; shown read at once, then confirmed by the next load. */
export async function markRead(keys) {
  const unread = keys.filter((key) => reminders.items.some((r) => r.key === key && !r.read))
  if (!unread.length) return
  await remindersApi.markRead(unread)
  for (const item of reminders.items) if (unread.includes(item.key)) item.read = true
  reminders.unread = Math.max(0, reminders.unread - unread.length)
  if (reminders.badges) reminders.badges.unreadReminders = reminders.unread
  loadReminders()
}

/** The count a menu item names by its badge key (a field of /api/reminders/badges), or 0 when none or not loaded. */
export function menuBadge(key) {
  const value = key && reminders.badges ? reminders.badges[key] : 0
  return typeof value === 'number' ? value : 0
}

/** Started by each component that shows reminders; the polling stops when the last one goes. */
export function useReminders() {
  users++
  if (users === 1) {
    const first = setTimeout(loadReminders, FIRST_LOAD_DELAY_MS)
    const polling = every(POLL_MS, loadReminders)
    stopPolling = () => {
      clearTimeout(first)
      polling()
    }
  }
  return {
    reminders,
    stop() {
      users--
      if (users === 0) {
        stopPolling()
        stopPolling = null
      }
    }
  }
}

// Another user signing in on this tab sees their own reminders, never the previous user's.
watch(() => session.user?.username, (name) => {
  reminders.items = []
  reminders.total = 0
  reminders.unread = 0
  reminders.badges = null
  reminders.loaded = false
  reminders.error = null
  if (name && users > 0) loadReminders()
})
