// Columns of a budget file, in two layouts: the template's lines (项目编码 · 类型(年初/调整) · 金额(元) …, one row per
// 年初 or 调整 line) and the 一体化 项目年度预算 export (one row per project: 年初批复数 · 调整金额 · 调剂金额 ·
// 变动后预算数, its unit named by 单位代码). Headers are matched through these aliases (full-cycle-rules §D.6, §D.9).
export const BUDGET_FILE_FIELDS = [
  'unitCode',
  'unitName',
  'projectCode',
  'projectName',
  'parentProject',
  'category',
  'kind',
  'amount',
  'initial',
  'adjustment',
  'transfer',
  'final',
  'date',
  'documentNo',
  'reason',
  'expenditureType',
  'fundSource',
] as const;
export type BudgetField = (typeof BUDGET_FILE_FIELDS)[number];

/** The header named in messages (the template's own, or the 一体化 spelling for its fields). */
export const BUDGET_FILE_HEADERS: Readonly<Record<BudgetField, string>> = {
  unitCode: '单位代码',
  unitName: '单位名称',
  projectCode: '项目编码',
  projectName: '项目名称',
  parentProject: '一级项目',
  category: '项目类别',
  kind: '类型(年初/调整)',
  amount: '金额(元)',
  initial: '年初批复数',
  adjustment: '调整金额',
  transfer: '调剂金额',
  final: '变动后预算数',
  date: '日期',
  documentNo: '文号',
  reason: '原因',
  expenditureType: '支出类型(基本支出/项目支出)',
  fundSource: '资金来源',
};

export const BUDGET_FILE_ALIASES: Readonly<Record<BudgetField, readonly string[]>> = {
  unitCode: [
    '单位代码',
    '单位编码',
    '预算单位代码',
    '预算单位编码',
    '部门代码',
    '部门编码',
    'agency_code',
  ],
  unitName: ['单位名称', '预算单位名称', '单位全称', '部门名称'],
  projectCode: ['项目编码', '项目代码', 'pro_code'],
  projectName: ['项目名称', 'pro_name'],
  parentProject: ['一级项目', '一级项目代码', '一级项目编码', '一级项目名称', '上级项目'],
  category: ['项目类别', '项目类别名称', '项目分类'],
  kind: ['类型(年初/调整)', '类型', '预算类型'],
  amount: ['金额(元)', '金额'],
  initial: ['年初批复数', '年初预算数', '年初批复金额', '年初预算'],
  adjustment: ['调整金额', '调整数', '预算调整数'],
  transfer: ['调剂金额', '调剂数'],
  final: ['变动后预算数', '调整后预算数', '全年预算数', '变动后金额'],
  date: ['日期', '批复日期', '调整日期'],
  documentNo: ['文号', '批复文号', '调整文号'],
  reason: ['原因', '调整原因'],
  expenditureType: ['支出类型(基本支出/项目支出)', '支出类型', '支出类别'],
  fundSource: ['资金来源', '资金性质', '资金性质名称', '资金来源名称'],
};

/** The template's layout: one row per line. */
export const BUDGET_LINE_REQUIRED: readonly BudgetField[] = ['projectCode', 'kind', 'amount'];
/** The 一体化 layout: one row per project. */
export const BUDGET_ANNUAL_REQUIRED: readonly BudgetField[] = ['projectCode', 'initial'];
/** Money columns: their unit comes from the header or the user. */
export const BUDGET_MONEY_FIELDS: readonly BudgetField[] = [
  'amount',
  'initial',
  'adjustment',
  'transfer',
  'final',
];
