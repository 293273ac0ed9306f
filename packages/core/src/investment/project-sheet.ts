// The columns of the investment projects' Excel sheet (template, export and import share them) and how an
// imported cell's text is read: dates (typed text or an Excel day number), yes/no, unit names.
import { isIsoDate } from './iso-date.ts';
import { PIPELINE_STAGES, type PipelineStage } from './pipeline-stages.ts';

export interface ProjectSheetColumn {
  key: string;
  header: string;
  width: number;
  required: boolean;
}

export const STAGE_DATE_HEADERS: Readonly<Record<PipelineStage, string>> = {
  LEAD: '线索日期',
  NEGOTIATING: '洽谈日期',
  SIGNED: '签约日期',
  REGISTERED: '注册落地日期',
  OPERATING: '开工开业日期',
};

export const PROJECT_SHEET_COLUMNS: readonly ProjectSheetColumn[] = [
  { key: 'code', header: '项目编号', width: 16, required: true },
  { key: 'name', header: '项目名称', width: 32, required: true },
  { key: 'investor', header: '投资方', width: 30, required: true },
  { key: 'industryCode', header: '行业代码', width: 10, required: true },
  { key: 'industryName', header: '行业名称', width: 22, required: true },
  { key: 'plannedInvestmentWan', header: '计划投资额（万元）', width: 18, required: true },
  { key: 'isKeyProject', header: '重点项目', width: 10, required: true },
  { key: 'responsibleUnit', header: '责任单位', width: 16, required: true },
  { key: 'source', header: '招商方式', width: 12, required: true },
  { key: 'stage', header: '当前阶段', width: 12, required: false },
  ...PIPELINE_STAGES.map((s) => ({
    key: s,
    header: STAGE_DATE_HEADERS[s],
    width: 14,
    required: s === 'LEAD',
  })),
  { key: 'contact', header: '联系人', width: 14, required: false },
  { key: 'note', header: '备注', width: 30, required: false },
];

export const PROJECT_SHEET_NAME = '招商项目';
export const MAX_PROJECT_IMPORT_ROWS = 5000;

/** An imported cell: its text (dates as YYYY-MM-DD, formulas by their result) and its number, if numeric. */
export interface SheetCell {
  text: string;
  serial: number | null;
}

/** An Excel day number (1900 date system) as an ISO date, null when out of range. */
export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) {
    return null;
  }
  const ms = Math.round((n - 25_569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A date cell: empty → null; a day number; or text like 2023-05-08, 2023/5/8, 2023年5月8日. */
export function parseDateCell(cell: SheetCell): string | null {
  if (cell.text === '') {
    return null;
  }
  if (cell.serial !== null) {
    return excelSerialToIso(cell.serial);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell.text);
  if (!m) {
    return null;
  }
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** 是/否 and their usual spellings; empty means no; null when not a yes/no. */
export function parseYesNo(raw: string): boolean | null {
  const s = raw.trim().toLowerCase();
  if (['是', '重点', 'y', 'yes', 'true', '1', '√'].includes(s)) {
    return true;
  }
  if (['否', '非重点', 'n', 'no', 'false', '0', ''].includes(s)) {
    return false;
  }
  return null;
}

export function normalizeHeader(h: string): string {
  return h.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Finds a unit by code or name; a subdistrict also by its short names (琶洲街道 = 琶洲街 = 琶洲). */
export function unitLookup(
  units: Iterable<{ code: string; name: string }>,
): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const u of units) {
    byKey.set(u.code.toUpperCase(), u.code);
    byKey.set(u.name, u.code);
    if (u.name.endsWith('街道')) {
      byKey.set(u.name.slice(0, -1), u.code);
      byKey.set(u.name.slice(0, -2), u.code);
    } else if (u.name.endsWith('街')) {
      byKey.set(`${u.name}道`, u.code);
      byKey.set(u.name.slice(0, -1), u.code);
    }
  }
  return (text) => byKey.get(text.trim()) ?? byKey.get(text.trim().toUpperCase()) ?? null;
}
