// Column headers of the three import files (the template's own header first, then accepted synonyms).
import { LEDGER_HEADERS, type LedgerField } from '@jixiao/core';

export const LEDGER_ALIASES: Readonly<Record<LedgerField, readonly string[]>> = {
  payDate: [LEDGER_HEADERS.payDate, '日期', '支付时间', '记账日期', '凭证日期'],
  projectCode: [LEDGER_HEADERS.projectCode, '项目代码', '预算项目编码'],
  projectName: [LEDGER_HEADERS.projectName, '预算项目名称'],
  economicClass: [LEDGER_HEADERS.economicClass, '经济分类', '部门经济分类', '经济科目'],
  amount: [LEDGER_HEADERS.amount, '金额', '支付金额(元)', '支付金额', '金额元'],
  summary: [LEDGER_HEADERS.summary, '用途', '摘要说明'],
  voucherNo: [LEDGER_HEADERS.voucherNo, '支付凭证号', '凭证编号', '凭证号码'],
};

export const BUDGET_FIELDS = [
  'projectCode',
  'projectName',
  'kind',
  'amount',
  'date',
  'documentNo',
  'reason',
  'expenditureType',
  'fundSource',
] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];
export const BUDGET_HEADERS: Readonly<Record<BudgetField, string>> = {
  projectCode: '项目编码',
  projectName: '项目名称',
  kind: '类型(年初/调整)',
  amount: '金额(元)',
  date: '日期',
  documentNo: '文号',
  reason: '原因',
  expenditureType: '支出类型(基本支出/项目支出)',
  fundSource: '资金来源',
};
export const BUDGET_ALIASES: Readonly<Record<BudgetField, readonly string[]>> = {
  projectCode: [BUDGET_HEADERS.projectCode, '项目代码'],
  projectName: [BUDGET_HEADERS.projectName],
  kind: [BUDGET_HEADERS.kind, '类型', '预算类型'],
  amount: [BUDGET_HEADERS.amount, '金额'],
  date: [BUDGET_HEADERS.date, '批复日期', '调整日期'],
  documentNo: [BUDGET_HEADERS.documentNo, '批复文号'],
  reason: [BUDGET_HEADERS.reason, '调整原因'],
  expenditureType: [BUDGET_HEADERS.expenditureType, '支出类型'],
  fundSource: [BUDGET_HEADERS.fundSource, '资金性质'],
};
export const BUDGET_REQUIRED: readonly BudgetField[] = ['projectCode', 'kind', 'amount'];

export const PROGRESS_FIELDS = [
  'indicatorId',
  'projectCode',
  'indicatorName',
  'month',
  'value',
  'note',
] as const;
export type ProgressField = (typeof PROGRESS_FIELDS)[number];
export const PROGRESS_HEADERS: Readonly<Record<ProgressField, string>> = {
  indicatorId: '指标ID',
  projectCode: '项目编码',
  indicatorName: '指标名称',
  month: '月份',
  value: '累计完成值',
  note: '说明',
};
export const PROGRESS_ALIASES: Readonly<Record<ProgressField, readonly string[]>> = {
  indicatorId: [PROGRESS_HEADERS.indicatorId, '指标编号', 'id'],
  projectCode: [PROGRESS_HEADERS.projectCode],
  indicatorName: [PROGRESS_HEADERS.indicatorName, '三级指标', '三级指标名称'],
  month: [PROGRESS_HEADERS.month, '截止月份'],
  value: [PROGRESS_HEADERS.value, '完成值', '累计完成', '实际完成值'],
  note: [PROGRESS_HEADERS.note, '备注'],
};
export const PROGRESS_REQUIRED: readonly ProgressField[] = ['month', 'value'];

/** The words a department-level indicator's 项目编码 cell may hold. */
export const DEPARTMENT_SUBJECT_CODES = ['', '部门整体', '部门', 'DEPT'];
