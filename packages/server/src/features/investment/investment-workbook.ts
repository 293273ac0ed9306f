// The investment projects' Excel files: the export (cells sanitised against formula injection), the import
// template with its explanation sheet, and reading an uploaded workbook into the rows core checks.
import ExcelJS from 'exceljs';
import {
  MAX_PROJECT_IMPORT_ROWS,
  PIPELINE_STAGES,
  PROJECT_SHEET_COLUMNS,
  PROJECT_SHEET_NAME,
  PROJECT_SOURCE_LABEL,
  PROJECT_SOURCES,
  STAGE_LABEL,
  type ProjectSheet,
  type SheetCell,
} from '@jixiao/core/investment/index';
import { sanitizeCell } from '../../render/sanitize-cell.ts';
import { ServiceError } from '../../http/service-error.ts';
import type { InvestmentProjectView } from './investment-views.ts';

function newWorkbook(now: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效';
  wb.created = now;
  return wb;
}

function styleHeader(ws: ExcelJS.Worksheet): void {
  ws.columns = PROJECT_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A 万元 amount as an Excel number when a double holds it exactly (≤ 15 significant digits), else as text. */
function amountCell(wan: string): number | string {
  const digits = wan.replace(/[-.]/g, '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(wan) : wan;
}

function exportRow(v: InvestmentProjectView): Record<string, unknown> {
  const text = (s: string | null) => (s === null ? null : sanitizeCell(s));
  return {
    code: text(v.code),
    name: text(v.name),
    investor: text(v.investor),
    industryCode: text(v.industryCode),
    industryName: text(v.industryName),
    plannedInvestmentWan: amountCell(v.plannedInvestmentWan),
    isKeyProject: v.isKeyProject ? '是' : '否',
    responsibleUnit: text(v.responsibleUnit.name),
    source: v.sourceLabel,
    stage: v.stageLabel,
    ...Object.fromEntries(PIPELINE_STAGES.map((s) => [s, v.stageDates[s]])),
    contact: text(v.contact),
    note: text(v.note),
  };
}

/** The projects as one sheet in the template's columns. */
export async function writeProjectsWorkbook(
  projects: readonly InvestmentProjectView[],
  now: Date,
): Promise<Buffer> {
  const wb = newWorkbook(now);
  const ws = wb.addWorksheet(PROJECT_SHEET_NAME);
  styleHeader(ws);
  for (const v of projects) {
    ws.addRow(exportRow(v));
  }
  ws.getColumn('plannedInvestmentWan').numFmt = '#,##0.00####';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function templateHelp(unitNames: readonly string[]): [string, string][] {
  return [
    [
      '项目编号',
      '本局项目库内唯一；已存在的编号将更新该项目，新编号将新增项目。字母、数字和 - _ . /',
    ],
    [
      '行业代码 / 行业名称',
      '国民经济行业分类（GB/T 4754-2017）2–4 位代码及名称，如 6513 应用软件开发',
    ],
    ['计划投资额（万元）', '单位万元，最多 6 位小数（精确到分）'],
    ['重点项目', '是 / 否'],
    ['责任单位', unitNames.join('、')],
    ['招商方式', PROJECT_SOURCES.map((k) => PROJECT_SOURCE_LABEL[k].zh).join('、')],
    [
      '当前阶段',
      `${PIPELINE_STAGES.map((s) => STAGE_LABEL[s].zh).join(' → ')}；可不填，按已填日期的最后阶段确定`,
    ],
    [
      '各阶段日期',
      'YYYY-MM-DD；达到某阶段即视为已经过此前各阶段，未填的前序阶段日期取其后一阶段的日期；日期不得晚于今天，且不得早于前一阶段',
    ],
    ['导入规则', '整表校验：任何一行有误则整表不导入，并逐行列出错误'],
  ];
}

/** An empty import sheet with the column heads, plus a sheet explaining each column and its values. */
export async function writeImportTemplate(
  unitNames: readonly string[],
  now: Date,
): Promise<Buffer> {
  const wb = newWorkbook(now);
  styleHeader(wb.addWorksheet(PROJECT_SHEET_NAME));
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 18 },
    { header: '说明', key: 'text', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [col, text] of templateHelp(unitNames)) {
    help.addRow({ col, text: sanitizeCell(text) });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Cell = ExcelJS.CellValue;

/** A cell as text; dates as YYYY-MM-DD (exceljs gives dates as UTC midnight); formulas by their result. */
function cellText(v: Cell): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v.trim();
  }
  if (typeof v === 'number') {
    return String(v);
  }
  if (typeof v === 'boolean') {
    return v ? '是' : '否';
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  if ('richText' in v) {
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  }
  if ('hyperlink' in v) {
    return String(v.text).trim();
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: Cell }).result;
    return cellText(result ?? null);
  }
  if ('error' in v) {
    return `#ERROR:${v.error}`;
  }
  return '';
}

function sheetCell(v: Cell): SheetCell {
  return { text: cellText(v), serial: typeof v === 'number' ? v : null };
}

async function loadSheet(body: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(body) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new ServiceError('PIPELINE_WORKBOOK_UNREADABLE');
  }
  const ws = wb.getWorksheet(PROJECT_SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) {
    throw new ServiceError('PIPELINE_WORKBOOK_EMPTY');
  }
  return ws;
}

/** Reads an uploaded .xlsx (the sheet 招商项目, else the first) into header texts and cells by column. */
export async function readProjectSheet(body: Uint8Array): Promise<ProjectSheet> {
  const ws = await loadSheet(body);
  const width = Math.max(ws.columnCount, ws.getRow(1).cellCount);
  const headers: string[] = [];
  for (let col = 1; col <= width; col++) {
    headers.push(cellText(ws.getRow(1).getCell(col).value));
  }
  const lastRow = ws.actualRowCount > 0 ? ws.rowCount : 1;
  const rows: ProjectSheet['rows'][number][] = [];
  if (lastRow - 1 <= MAX_PROJECT_IMPORT_ROWS) {
    for (let r = 2; r <= lastRow; r++) {
      const row = ws.getRow(r);
      const cells: SheetCell[] = [];
      for (let col = 1; col <= width; col++) {
        cells.push(sheetCell(row.getCell(col).value));
      }
      rows.push({ row: r, cells });
    }
  }
  return { headers, rows, lastRow };
}
