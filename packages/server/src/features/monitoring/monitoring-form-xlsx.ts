// 绩效运行监控表 → .xlsx (exceljs): one sheet, the three tables stacked, warning cells filled by colour,
// text cells guarded against formula injection, printable landscape A4.
import ExcelJS from 'exceljs';
import type { WarningLevel } from '@jixiao/core';
import type { MonitoringReport } from './monitoring.types.ts';
import { sanitizeCell } from '../../render/sanitize-cell.ts';
import { buildMonitoringForm } from './monitoring-form.ts';

const FILL: Record<WarningLevel, string> = {
  RED: 'FFF4C7C3',
  YELLOW: 'FFFCE8B2',
  GREEN: 'FFD9EAD3',
  BLUE: 'FFCFE2F3',
};
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export async function renderMonitoringXlsx(
  report: MonitoringReport,
  created: Date,
): Promise<Buffer> {
  const form = buildMonitoringForm(report);
  const wb = new ExcelJS.Workbook();
  wb.creator = report.departmentName;
  wb.created = created;
  wb.modified = created;
  const ws = wb.addWorksheet('运行监控表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const widest = Math.max(...form.tables.map((t) => t.headers.length));
  for (let c = 1; c <= widest; c++) {
    ws.getColumn(c).width = c === 1 ? 6 : 16;
  }
  const title = ws.addRow([form.title]);
  title.font = { name: '黑体', size: 16 };
  ws.mergeCells(title.number, 1, title.number, widest);
  title.alignment = { horizontal: 'center' };
  const sub = ws.addRow([form.subtitle]);
  sub.font = { name: '宋体', size: 11 };
  ws.mergeCells(sub.number, 1, sub.number, widest);
  sub.alignment = { horizontal: 'center' };
  for (const t of form.tables) {
    ws.addRow([]);
    const h = ws.addRow([t.title]);
    h.font = { name: '黑体', size: 12 };
    const header = ws.addRow(t.headers);
    header.eachCell((c) => {
      c.font = { name: '宋体', size: 10, bold: true };
      c.border = BORDER;
      c.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    });
    const levelCol =
      t.headers.findIndex((x) => x.startsWith('预警') || x.startsWith('目标执行预警')) + 1;
    for (const r of t.rows) {
      const row = ws.addRow(r.cells.map(sanitizeCell));
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col > r.cells.length) {
          return;
        }
        c.font = { name: '宋体', size: 10 };
        c.border = BORDER;
        c.alignment = { wrapText: true, vertical: 'top' };
        if (col === levelCol && r.level) {
          c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[r.level] } };
        }
      });
    }
  }
  ws.addRow([]);
  for (const n of form.notes) {
    const row = ws.addRow([n]);
    ws.mergeCells(row.number, 1, row.number, widest);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.font = { name: '宋体', size: 10 };
    row.height = Math.max(15, Math.ceil(n.length / 90) * 14);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
