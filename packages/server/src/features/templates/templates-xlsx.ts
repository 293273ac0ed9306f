// The import templates' workbook (exceljs): a data sheet whose header row the importer reads, typed columns,
// drop-down lists, and a 填写说明 sheet; optionally pre-filled rows. Written on a pooled thread
// (render/document-writer.ts); templates.service.ts gathers the rows.
import ExcelJS from 'exceljs';
import { LEDGER_FIELDS, LEDGER_HEADERS } from '@jixiao/core';
import {
  BUDGET_FIELDS,
  BUDGET_HEADERS,
  PROGRESS_FIELDS,
  PROGRESS_HEADERS,
} from '../../import/table-columns.ts';
import { sanitizeCell } from '../../render/sanitize-cell.ts';

export const TEMPLATE_KINDS = ['ledger', 'budgets', 'progress'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_FILE_NAMES: Readonly<Record<TemplateKind, string>> = {
  ledger: '支出台账导入模板.xlsx',
  budgets: '项目预算导入模板.xlsx',
  progress: '指标完成进度导入模板.xlsx',
};

interface Column {
  header: string;
  width: number;
  /** Excel number format ('@' = text). */
  format?: string;
  list?: readonly string[];
  required?: boolean;
}

const LEDGER_COLUMNS: Readonly<Record<(typeof LEDGER_FIELDS)[number], Column>> = {
  payDate: { header: LEDGER_HEADERS.payDate, width: 14, format: 'yyyy-mm-dd', required: true },
  projectCode: { header: LEDGER_HEADERS.projectCode, width: 18, format: '@', required: true },
  projectName: { header: LEDGER_HEADERS.projectName, width: 30, format: '@' },
  economicClass: { header: LEDGER_HEADERS.economicClass, width: 26, format: '@', required: true },
  amount: { header: LEDGER_HEADERS.amount, width: 16, format: '#,##0.00', required: true },
  summary: { header: LEDGER_HEADERS.summary, width: 36, format: '@' },
  voucherNo: { header: LEDGER_HEADERS.voucherNo, width: 18, format: '@', required: true },
};

const BUDGET_COLUMNS: Readonly<Record<(typeof BUDGET_FIELDS)[number], Column>> = {
  projectCode: { header: BUDGET_HEADERS.projectCode, width: 18, format: '@', required: true },
  projectName: { header: BUDGET_HEADERS.projectName, width: 30, format: '@' },
  kind: { header: BUDGET_HEADERS.kind, width: 16, list: ['年初', '调整'], required: true },
  amount: { header: BUDGET_HEADERS.amount, width: 18, format: '#,##0.00', required: true },
  date: { header: BUDGET_HEADERS.date, width: 14, format: 'yyyy-mm-dd' },
  documentNo: { header: BUDGET_HEADERS.documentNo, width: 24, format: '@' },
  reason: { header: BUDGET_HEADERS.reason, width: 36, format: '@' },
  expenditureType: {
    header: BUDGET_HEADERS.expenditureType,
    width: 26,
    list: ['基本支出', '项目支出'],
  },
  fundSource: {
    header: BUDGET_HEADERS.fundSource,
    width: 20,
    list: ['一般公共预算', '政府性基金预算', '国有资本经营预算', '财政专户', '其他'],
  },
};

const PROGRESS_COLUMNS: Readonly<Record<(typeof PROGRESS_FIELDS)[number], Column>> = {
  indicatorId: { header: PROGRESS_HEADERS.indicatorId, width: 38, format: '@' },
  projectCode: { header: PROGRESS_HEADERS.projectCode, width: 18, format: '@' },
  indicatorName: { header: PROGRESS_HEADERS.indicatorName, width: 34, format: '@' },
  month: {
    header: PROGRESS_HEADERS.month,
    width: 8,
    list: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    required: true,
  },
  value: { header: PROGRESS_HEADERS.value, width: 14, format: '@', required: true },
  note: { header: PROGRESS_HEADERS.note, width: 40, format: '@' },
};

const NOTES: Readonly<Record<TemplateKind, readonly string[]>> = {
  ledger: [
    '一、本表用于导入支出台账（国库集中支付或会计核算系统导出数据），第一行为表头，请勿修改表头文字；可保留本表，也可直接导入系统导出的 CSV（UTF-8 或 GBK 编码均可）。',
    '二、必填列（表头标 *）：支付日期、项目编码、经济分类科目、金额(元)、凭证号。',
    '三、支付日期须在导入所选预算年度内，格式如 2023-06-30；金额以元为单位，最多两位小数，红字冲销填负数。',
    '四、项目编码须为本部门本年度已有项目（请先导入项目预算）；经济分类科目以科目编码开头，如「30201 办公费」。',
    '五、整批校验：任何一行有误，整个文件不导入，系统列出全部错误行（行号、列、内容、原因）。',
    '六、同一文件重复导入会被识别并拒绝；已导入过的月份再次导入须勾选「替换月份」，替换后该月原数据全部作废。',
  ],
  budgets: [
    '一、本表用于导入项目预算：年初预算数与年度中的预算调整（追加为正数，调减为负数）。全年预算数 = 年初 + 各次调整。',
    '二、必填列：项目编码、类型(年初/调整)、金额(元)；新项目须填写项目名称；预算调整须填写日期与原因。',
    '三、每个项目只能有一行年初预算；如需整体替换本年度预算，导入时勾选「替换」。',
    '四、支出类型、资金来源可不填（默认项目支出、一般公共预算）。',
  ],
  progress: [
    '一、本表用于导入绩效指标的年度累计完成值（截至所填月份月末），用于绩效运行监控（双监控）。',
    '二、指标可用「指标ID」定位，或用「项目编码 + 指标名称」定位；部门整体指标的项目编码填「部门整体」或留空。',
    '三、定量指标填数字（不带单位，百分比可带 %）；定性指标填「达成」「部分达成」或「未达成」。',
    '四、同一指标同一月份再次导入时，以新值替换旧值。',
  ],
};

const SHEET_NAMES: Readonly<Record<TemplateKind, string>> = {
  ledger: '支出台账',
  budgets: '项目预算',
  progress: '指标完成进度',
};
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDCE6F2' },
};

function columnsOf(kind: TemplateKind): Column[] {
  return Object.values(
    kind === 'ledger' ? LEDGER_COLUMNS : kind === 'budgets' ? BUDGET_COLUMNS : PROGRESS_COLUMNS,
  );
}

export interface TemplateRowsInput {
  rows: readonly (readonly string[])[];
}

/** Builds a template workbook (optionally with rows, e.g. a department's indicators). */
export async function buildTemplate(
  kind: TemplateKind,
  options: { created: Date; rows?: readonly (readonly string[])[] },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效';
  wb.created = options.created;
  wb.modified = options.created;
  const ws = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = columnsOf(kind);
  ws.columns = cols.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.format ? { style: { numFmt: c.format } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { name: '宋体', bold: true, size: 11 };
  header.height = 20;
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.numFmt = '@';
    if (c.required) {
      cell.note = '必填';
    }
  });
  for (const r of options.rows ?? []) {
    ws.addRow(r.map(sanitizeCell));
  }
  cols.forEach((c, i) => {
    if (c.list) {
      const letter = ws.getColumn(i + 1).letter;
      for (let row = 2; row <= Math.max(1000, (options.rows?.length ?? 0) + 200); row++) {
        ws.getCell(`${letter}${row}`).dataValidation = {
          type: 'list',
          allowBlank: !c.required,
          formulae: [`"${c.list.join(',')}"`],
          showErrorMessage: true,
          errorTitle: '取值无效',
          error: `请从下拉列表中选择：${c.list.join('、')}`,
        };
      }
    }
  });
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 110;
  notes.addRow([`${SHEET_NAMES[kind]}导入模板 — 填写说明`]).font = { name: '黑体', size: 14 };
  for (const n of NOTES[kind]) {
    const row = notes.addRow([n]);
    row.font = { name: '宋体', size: 11 };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  notes.addRow(['']);
  notes.addRow(['列说明：']).font = { name: '黑体', size: 11 };
  for (const c of cols) {
    notes.addRow([
      `${c.header}${c.required ? '（必填）' : ''}${c.list ? `：${c.list.join(' / ')}` : ''}`,
    ]).font = { name: '宋体', size: 11 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
