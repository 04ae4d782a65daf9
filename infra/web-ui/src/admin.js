// What the administration pages and the ledger page share: the agency list (flat and as a tree), field errors as a
// form shows them, and waiting for the query side to show a change the command side has already accepted.
import { agencies } from './api/agencies.js'

/** All agencies, [{code, name, parentCode}], sorted by code so that selectors list them in a stable order. */
export async function loadAgencies() {
  const list = (await agencies.list()) || []
  return list.slice().sort((a, b) => a.code.localeCompare(b.code))
}

/** The agencies as a tree for el-table's tree rows: each node a copy with `children` (absent on leaves). */
export function agencyTree(list) {
  const nodes = new Map(list.map((a) => [a.code, { ...a }]))
  const roots = []
  for (const node of nodes.values()) {
    const parent = node.parentCode && nodes.get(node.parentCode)
    if (parent) (parent.children ||= []).push(node)
    else roots.push(node)
  }
  return roots
}

/** "某某街道办事处（S1）", or the code alone when the agency is unknown to the list. */
export function agencyLabel(list, code) {
  if (!code) return ''
  const found = list.find((a) => a.code === code)
  return found ? found.name + '（' + code + '）' : code
}

/**
 * The message of one form field from an ApiError, without the "字段 code：" prefix bean validation puts in front of
 * it: next to the field the prefix only repeats which field it is, in English.
 */
export function fieldError(error, field) {
  if (!error || !error.fieldMessage) return ''
  return error.fieldMessage(field).replace(/^字段\s*\S+?：/, '')
}

/** Whether an ApiError names only fields the form shows (then the form items carry the messages, no alert needed). */
export function onlyFieldErrors(error, fields) {
  return !!error && error.status === 400 && error.errors.length > 0 && error.errors.every((e) => fields.includes(e.field))
}

/** Moved to polling.js, the one polling helper; kept here for the pages that import it from admin.js. */
export { untilShown } from './polling.js'
