// The words of the annual report as the clerks know them from the official templates (国办公开办函〔2019〕60号 and
// 〔2021〕30号), for the parts of the page the server sends as keys: differences, charts and the comparison.

import { CATEGORY_OPTIONS } from './requestTerms.js'

export const FIRST_REPORT_YEAR = 2008

/** Table 三's applicant columns, in their order (C1..C6). */
export const APPLICANTS = CATEGORY_OPTIONS.map((c) => c.label)

export const TEMPLATES = {
  2019: '2019 年版（国办公开办函〔2019〕60号）',
  2021: '2021 年版（国办公开办函〔2021〕30号）'
}

export const TABLE3_LABELS = {
  R1: '一、本年新收政府信息公开申请数量',
  R2: '二、上年结转政府信息公开申请数量',
  R3_1: '（一）予以公开',
  R3_2: '（二）部分公开',
  R3_3_1: '（三）不予公开·属于国家秘密',
  R3_3_2: '（三）不予公开·其他法律行政法规禁止公开',
  R3_3_3: '（三）不予公开·危及“三安全一稳定”',
  R3_3_4: '（三）不予公开·保护第三方合法权益',
  R3_3_5: '（三）不予公开·属于三类内部事务信息',
  R3_3_6: '（三）不予公开·属于四类过程性信息',
  R3_3_7: '（三）不予公开·属于行政执法案卷',
  R3_3_8: '（三）不予公开·属于行政查询事项',
  R3_4_1: '（四）无法提供·本机关不掌握相关政府信息',
  R3_4_2: '（四）无法提供·没有现成信息需要另行制作',
  R3_4_3: '（四）无法提供·补正后申请内容仍不明确',
  R3_5_1: '（五）不予处理·信访举报投诉类申请',
  R3_5_2: '（五）不予处理·重复申请',
  R3_5_3: '（五）不予处理·要求提供公开出版物',
  R3_5_4: '（五）不予处理·无正当理由大量反复申请',
  R3_5_5: '（五）不予处理·要求行政机关确认或重新出具已获取信息',
  R3_6: '（六）其他处理',
  R3_6_1: '（六）其他处理·逾期不补正',
  R3_6_2: '（六）其他处理·逾期未缴纳费用',
  R3_6_3: '（六）其他处理·其他',
  R3_7: '（七）总计',
  R4: '四、结转下年度继续办理'
}

/** The six outcome groups of 三、本年度办理结果, each the sum of its rows (the 2019 template has R3_6 alone). */
export const OUTCOME_GROUPS = [
  { name: '予以公开', prefix: 'R3_1' },
  { name: '部分公开', prefix: 'R3_2' },
  { name: '不予公开', prefix: 'R3_3' },
  { name: '无法提供', prefix: 'R3_4' },
  { name: '不予处理', prefix: 'R3_5' },
  { name: '其他处理', prefix: 'R3_6' }
]

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
