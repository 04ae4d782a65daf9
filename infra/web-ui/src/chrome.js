// The back office's frame around every page: whether the side menu is folded (remembered per browser) and the last
// breadcrumb a page fills in itself once it knows it (a request's case number).
import { onBeforeUnmount, onMounted, reactive, ref, watch } from 'vue'

const KEY = 'foi.sidebarCollapsed'

function storedCollapsed() {
  try {
    const stored = localStorage.getItem(KEY)
    if (stored === 'true' || stored === 'false') return stored === 'true'
  } catch (e) {
    // Storage refused (a locked-down browser): the width decides, as on a first visit.
  }
  // A first visit on a narrow screen (1024 wide) starts folded, so that the tables keep their width.
  return typeof window !== 'undefined' && window.innerWidth < 1200
}

export const chrome = reactive({
  collapsed: storedCollapsed(),
  /** The page's own last crumb, e.g. the case number on a request's page; cleared on every route change. */
  detail: ''
})

watch(() => chrome.collapsed, (value) => {
  try {
    localStorage.setItem(KEY, String(value))
  } catch (e) {
    // Not remembered, still folded for this visit.
  }
})

/**
 * The width of an element, kept up to date: a table shows its less needed columns only where they fit, so that no
 * cell wraps and nothing scrolls sideways at 1024 wide with the menu open.
 */
export function useWidth(target) {
  const width = ref(typeof window !== 'undefined' ? window.innerWidth - 300 : 1200)
  let observer = null
  onMounted(() => {
    if (!target.value || typeof ResizeObserver === 'undefined') return
    const el = target.value.$el || target.value
    width.value = el.clientWidth
    observer = new ResizeObserver((entries) => { width.value = entries[0].contentRect.width })
    observer.observe(el)
  })
  onBeforeUnmount(() => observer && observer.disconnect())
  return width
}
