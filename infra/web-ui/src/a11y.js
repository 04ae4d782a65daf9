// Labels Element Plus leaves out, for screen readers: the page-size select of a pagination, and the end input of a date
// range (the range's aria-label reaches only its start). Every other input is labelled where it is written (a form
// item's label, or aria-label); chrome.test.mjs checks every page.
const FIXES = [
  { selector: '.el-pagination__sizes input', label: () => '每页条数' },
  {
    selector: '.el-range-editor input.el-range-input',
    label: (input) => {
      const item = input.closest('.el-form-item')?.querySelector('.el-form-item__label')?.textContent.trim()
      const part = input.getAttribute('placeholder') || ''
      return (item ? item + ' ' : '') + part
    }
  }
]

function label(root) {
  for (const fix of FIXES) {
    for (const input of root.querySelectorAll(fix.selector)) {
      if (input.getAttribute('aria-label')) continue
      const text = fix.label(input).trim()
      if (text) input.setAttribute('aria-label', text)
    }
  }
}

export function labelElementPlusInputs(root = document.body) {
  label(root)
  let pending = false
  new MutationObserver(() => {
    // Once per frame, however many nodes a page renders at once.
    if (pending) return
    pending = true
    requestAnimationFrame(() => {
      pending = false
      label(root)
    })
  }).observe(root, { childList: true, subtree: true })
}
