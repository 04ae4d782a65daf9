// The one way the pages ask again: a refresh every so often while the tab is shown (the menu's counts and reminders,
// the deadline board), and a read repeated until it shows a change the command side has just stored (the projections
// follow the stored events a moment later).

/** Waits `ms` milliseconds. */
export const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Calls `refresh` every `ms` milliseconds while the tab is shown, and once more when a hidden tab is shown again (a
 * hidden tab does not need fresh figures). Returns `stop()`.
 */
export function every(ms, refresh) {
  const timer = setInterval(() => {
    if (document.visibilityState !== 'hidden') refresh()
  }, ms)
  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh()
  }
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisible)
  }
}

/**
 * Calls `read` until `done(result)` holds, every 300 ms; returns the last result. Gives up after `timeoutMs` (the
 * change is stored all the same; the page says it will show shortly).
 */
export async function untilShown(read, done, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  let result = await read()
  while (!done(result) && Date.now() < until) {
    await pause(300)
    result = await read()
  }
  return result
}
