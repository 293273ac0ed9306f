// Column headers of the ledger and progress files (the template's own header first, then accepted synonyms);
// the budget and goal files' columns live in core (imports/).
import { BUDGET_FILE_HEADERS, LEDGER_HEADERS, type LedgerField } from '@jixiao/core';

/** The template's headers and the 国库集中支付 支付明细 spellings (full-cycle-rules §D.8). */
export const LEDGER_ALIASES: Readonly<Record<LedgerField, readonly string[]>> = {
  payDate: [LEDGER_HEADERS.payDate, '日期', '支付时间', '记账日期', '凭证日期', '实际支付日期'],
  projectCode: [LEDGER_HEADERS.projectCode, '项目代码', '预算项目编码'],
  projectName: [LEDGER_HEADERS.projectName, '预算项目名称'],
  economicClass: [
    LEDGER_HEADERS.economicClass,
    '经济分类',
    '部门经济分类',
    '经济科目',
    '部门支出经济分类代码',
    '部门支出经济分类科目代码',
    '政府支出经济分类代码',
    '部门经济分类科目代码',
  ],
  amount: [LEDGER_HEADERS.amount, '金额', '实际支付金额', '支付金额(元)', '支付金额', '金额元'],
  summary: [LEDGER_HEADERS.summary, '用途', '摘要说明', '凭证摘要'],
  voucherNo: [LEDGER_HEADERS.voucherNo, '支付凭证号', '凭证编号', '凭证号码'],
};

/** The budget template's columns (one row per 年初 or 调整 line); the import also reads the 一体化 layout. */
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
export type BudgetTemplateField = (typeof BUDGET_FIELDS)[number];
export const BUDGET_HEADERS: Readonly<Record<BudgetTemplateField, string>> = BUDGET_FILE_HEADERS;

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
