// The words of the annual report as the clerks know them from the official templates (国办公开办函〔2019〕60号 and
// 〔2021〕30号), for the parts of the page the server sends as keys: differences, charts and the comparison.

import { CATEGORY_OPTIONS } from './requestTerms.js'
import { onTerms, refill, refillObject } from './terms.js'

export const FIRST_REPORT_YEAR = 2008

/** Table 三's applicant columns, in their order (C1..C6). */
export const APPLICANTS = []
onTerms(() => refill(APPLICANTS, CATEGORY_OPTIONS.map((c) => c.label)))

export const TEMPLATES = {
  2019: '2019 年版（国办公开办函〔2019〕60号）',
  2021: '2021 年版（国办公开办函〔2021〕30号）'
}

/**
 * Table 三's rows as a clerk reads them in a list of differences: the group's heading and the template's row
 * (（三）不予公开·属于国家秘密), from the server's layout (GET /api/terms → table3Rows).
 */
export const TABLE3_LABELS = {}
onTerms((t) => refillObject(TABLE3_LABELS, Object.fromEntries(t.table3Rows.map((r) => [r.key,
  r.group ? r.group + '·' + r.label.replace(/^\d+\./, '') : r.label.replace(/（区分处理的.*）$/, '')]))))

/** The six outcome groups of 三、本年度办理结果, each the sum of its rows (the 2019 template has R3_6 alone). */
export const OUTCOME_GROUPS = []
onTerms((t) => {
  const groups = []
  for (const o of t.outcomes) {
    const name = o.group.replace(/^（[一二三四五六七八九十]+）/, '')
    if (!groups.some((g) => g.name === name)) groups.push({ name, prefix: o.key.split('_').slice(0, 2).join('_') })
  }
  refill(OUTCOME_GROUPS, groups)
})

/** One group's figures per column (6 applicant types and the total), summed over its rows. */
export function outcomeGroup(table3, prefix) {
  const sums = [0, 0, 0, 0, 0, 0, 0]
  for (const [row, figures] of Object.entries(table3 || {})) {
    if (row === prefix || row.startsWith(prefix + '_')) {
      figures.forEach((value, i) => { sums[i] += Number(value) || 0 })
    }
  }
  return sums
}

/** The total column (C7) of a Table 三 row, 0 when the row is missing. */
export function total(table3, row) {
  const figures = table3?.[row]
  return figures ? Number(figures[figures.length - 1]) || 0 : 0
}

export const TABLE4_ROWS = {
  reconsideration: '行政复议',
  lawsuitDirect: '行政诉讼·未经复议直接起诉',
  lawsuitAfterReconsideration: '行政诉讼·复议后起诉',
  table4Rule: '表四统计口径'
}

export const TEXT_SECTIONS = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项'
}

export const DIFFERENCE_TABLES = {
  table2: '表二 主动公开',
  table3: '表三 申请情况',
  table4: '表四 复议诉讼',
  texts: '文字部分',
  fees: '信息处理费'
}

/** What a difference's row key means, in the clerk's words. */
export function differenceRow(difference, table2Items) {
  const { table, row } = difference
  if (table === 'table3') return TABLE3_LABELS[row] || row
  if (table === 'table4') return TABLE4_ROWS[row] || row
  if (table === 'texts') return TEXT_SECTIONS[row] || row
  if (table === 'fees') return '本年收取信息处理费（元）'
  if (table === 'table2') {
    const item = (table2Items || []).find((i) => i.key === row)
    return item ? item.row + '·' + item.column : row
  }
  return row
}

/** 0..1 → "87.5%"; null (nothing to divide) → "—". */
export function percent(share) {
  if (share === null || share === undefined) return '—'
  return (Math.round(share * 1000) / 10).toFixed(1) + '%'
}
