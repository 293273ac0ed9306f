// The 预算安排建议 as .xlsx (exceljs): one row per line, amounts in 万元 as numbers, text cells sanitised.
import ExcelJS from 'exceljs';
import { fenToWanString, parseYuan } from '@jixiao/core';
import { sanitizeCell } from '../../render/sanitize-cell.ts';
import type { LinkageTable } from './linkage.service.ts';
import type { LinkageRow } from './linkage-table.ts';

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '部门', key: 'department', width: 30 },
  { header: '项目编码', key: 'code', width: 18 },
  { header: '评价对象', key: 'object', width: 36 },
  { header: '类型', key: 'type', width: 18 },
  { header: '上年自评等级', key: 'self', width: 12 },
  { header: '重点评价等级', key: 'external', width: 12 },
  { header: '采用等级', key: 'grade', width: 10 },
  { header: '上年执行率(%)', key: 'rate', width: 12 },
  { header: '未销号整改(项)', key: 'open', width: 12 },
  { header: '上年全年预算(万元)', key: 'lastYear', width: 16 },
  { header: '测算基数(万元)', key: 'base', width: 16 },
  { header: '建议处理', key: 'proposed', width: 18 },
  { header: '建议金额(万元)', key: 'proposedAmount', width: 16 },
  { header: '财政决定', key: 'decision', width: 10 },
  { header: '决定处理', key: 'action', width: 18 },
  { header: '安排金额(万元)', key: 'amount', width: 16 },
  { header: '理由', key: 'reason', width: 40 },
  { header: '决定人', key: 'by', width: 12 },
  { header: '决定时间', key: 'at', width: 20 },
];

/** 元 string → 万元 as an Excel number when a double holds it exactly, else the exact text. */
function wan(yuan: string | null): number | string | null {
  if (yuan === null) {
    return null;
  }
  const f = parseYuan(yuan);
  if (f === null) {
    return yuan;
  }
  const s = fenToWanString(f);
  return s.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(s) : s;
}

function gradeText(grade: string | null, score: string | null): string {
  return grade ? `${grade}${score ? `（${score}）` : ''}` : '—';
}

function rowValues(r: LinkageRow): Record<string, unknown> {
  const d = r.decision;
  return {
    department: sanitizeCell(r.departmentName),
    code: r.projectCode ? sanitizeCell(r.projectCode) : '',
    object: sanitizeCell(r.objectName),
    type: r.objectTypeText,
    self: gradeText(r.selfGrade, r.selfScore),
    external: gradeText(r.externalGrade, r.externalScore),
    grade: r.grade ?? '—',
    rate: r.executionRate === null ? null : Number(r.executionRate),
    open: r.openRectifications,
    lastYear: wan(r.lastYearBudgetYuan),
    base: wan(r.baseYuan),
    proposed: r.proposedActionText,
    proposedAmount: wan(r.proposedAmountYuan),
    decision: d ? (d.decision === 'confirmed' ? '确认' : '调整') : '待确认',
    action: d?.actionText ?? '',
    amount: d ? wan(d.amountYuan) : null,
    reason: d ? sanitizeCell(d.reason) : '',
    by: d ? sanitizeCell(d.decidedByName) : '',
    at: d ? d.decidedAt.slice(0, 16).replace('T', ' ') : '',
  };
}

export async function writeLinkageWorkbook(table: LinkageTable, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao 绩效';
  wb.created = now;
  const ws = wb.addWorksheet(`${table.year}年度预算安排建议`);
  ws.columns = COLUMNS;
  ws.spliceRows(1, 0, [
    `${table.year}年度预算安排建议（依据${table.gradesYear}年度绩效评价结果；重点评价等级优先于单位自评）`,
  ]);
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  for (const r of table.rows) {
    ws.addRow(rowValues(r));
  }
  for (const key of ['lastYear', 'base', 'proposedAmount', 'amount']) {
    ws.getColumn(key).numFmt = '#,##0.00####';
  }
  ws.getColumn('rate').numFmt = '0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
