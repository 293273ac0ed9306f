// The row checks of an investment projects import (招商项目导入): the header must name the template's
// required columns, every row is read and checked (units and sources by name, yes/no, dates, stage, the
// project fields, the stage dates, codes unique in the sheet), and every problem is reported with its row
// and column in Chinese. All-or-nothing: the caller writes nothing when any error is returned.
import { checkProjectFields, PROJECT_FIELD_LABEL, type ProjectFields } from './project-fields.ts';
import {
  fillImpliedDates,
  NO_STAGE_DATES,
  parseStage,
  PIPELINE_STAGES,
  STAGE_LABEL,
  stageFromDates,
  stageIndex,
  validateStageDates,
  type PipelineStage,
  type StageDates,
} from './pipeline-stages.ts';
import {
  MAX_PROJECT_IMPORT_ROWS,
  normalizeHeader,
  parseDateCell,
  parseYesNo,
  PROJECT_SHEET_COLUMNS,
  STAGE_DATE_HEADERS,
  unitLookup,
  type SheetCell,
} from './project-sheet.ts';
import { parseProjectSource, PROJECT_SOURCE_LABEL, PROJECT_SOURCES } from './vocabulary.ts';

export interface ImportRowError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string | null;
  message: string;
  messageEn: string;
}

export interface ImportedProject {
  row: number;
  fields: ProjectFields;
  stage: PipelineStage;
  dates: StageDates;
}

/** A sheet as read: header texts and each row's cells, by column (index 0 = column A). */
export interface ProjectSheet {
  headers: readonly string[];
  /** Rows 2..lastRow in order. */
  rows: readonly { row: number; cells: readonly SheetCell[] }[];
  lastRow: number;
}

export interface ImportContext {
  units: readonly { code: string; name: string }[];
  /** Today in China: no stage date may be later. */
  today: string;
}

const EMPTY: SheetCell = { text: '', serial: null };

function sheetError(message: string, messageEn: string): ImportRowError[] {
  return [{ row: 1, column: null, message, messageEn }];
}

function columnsOf(headers: readonly string[]): Map<string, number> {
  const colOf = new Map<string, number>();
  headers.forEach((text, col) => {
    const h = normalizeHeader(text);
    const c = PROJECT_SHEET_COLUMNS.find((x) => normalizeHeader(x.header) === h);
    if (h !== '' && c && !colOf.has(c.key)) {
      colOf.set(c.key, col);
    }
  });
  return colOf;
}

type Fail = (column: string | null, message: string, messageEn: string) => void;
type Raw = (key: string) => SheetCell;

interface RowCheck {
  raw: Raw;
  fail: Fail;
  ctx: ImportContext;
  unitCodes: ReadonlySet<string>;
  findUnit: (text: string) => string | null;
}

function readCodedCells(c: RowCheck): {
  unitCode: string | null;
  source: string | null;
  isKey: boolean | null;
} {
  const unitText = c.raw('responsibleUnit').text;
  const unitCode = unitText === '' ? null : c.findUnit(unitText);
  if (unitText !== '' && unitCode === null) {
    c.fail('责任单位', `「${unitText}」不是本区的部门或街道`, `unknown unit "${unitText}"`);
  }
  const sourceText = c.raw('source').text;
  const source = sourceText === '' ? null : parseProjectSource(sourceText);
  if (sourceText !== '' && source === null) {
    c.fail(
      '招商方式',
      `「${sourceText}」应为 ${PROJECT_SOURCES.map((k) => PROJECT_SOURCE_LABEL[k].zh).join('、')} 之一`,
      `unknown source "${sourceText}"`,
    );
  }
  const keyText = c.raw('isKeyProject').text;
  const isKey = parseYesNo(keyText);
  if (isKey === null) {
    c.fail('重点项目', `「${keyText}」应填「是」或「否」`, 'must be 是 or 否');
  }
  return { unitCode, source, isKey };
}

function readStage(c: RowCheck): { stage: PipelineStage | null; dates: StageDates } {
  const dates: Record<PipelineStage, string | null> = { ...NO_STAGE_DATES };
  for (const s of PIPELINE_STAGES) {
    const cell = c.raw(s);
    const iso = parseDateCell(cell);
    if (cell.text !== '' && iso === null) {
      c.fail(
        STAGE_DATE_HEADERS[s],
        `「${cell.text}」不是有效日期（格式 YYYY-MM-DD）`,
        `"${cell.text}" is not a date`,
      );
    }
    dates[s] = iso;
  }
  const stageText = c.raw('stage').text;
  const stage = stageText === '' ? stageFromDates(dates) : parseStage(stageText);
  if (stage === null) {
    c.fail(
      '当前阶段',
      `「${stageText}」应为 ${PIPELINE_STAGES.map((s) => STAGE_LABEL[s].zh).join('、')} 之一`,
      `unknown stage "${stageText}"`,
    );
  }
  return { stage, dates };
}

const TEXT_KEYS = [
  'code',
  'name',
  'investor',
  'industryCode',
  'industryName',
  'plannedInvestmentWan',
] as const;

function readFields(c: RowCheck): {
  fields: Partial<ProjectFields>;
  stage: PipelineStage | null;
  dates: StageDates;
} {
  const coded = readCodedCells(c);
  const { stage, dates } = readStage(c);
  const fields: Partial<ProjectFields> = {};
  for (const key of TEXT_KEYS) {
    const t = c.raw(key).text;
    if (t !== '') {
      fields[key] = t;
    }
  }
  fields.isKeyProject = coded.isKey ?? false;
  if (coded.unitCode !== null) {
    fields.responsibleUnitCode = coded.unitCode;
  }
  if (coded.source !== null) {
    fields.source = coded.source;
  }
  const contact = c.raw('contact').text;
  const note = c.raw('note').text;
  fields.contact = contact === '' ? null : contact;
  fields.note = note === '' ? null : note;
  const checked = checkProjectFields(fields, c.unitCodes, false);
  for (const e of checked.errors) {
    // Unknown units/sources are reported above with the cell text; skip their "required" echo.
    if (
      (e.field === 'responsibleUnitCode' && c.raw('responsibleUnit').text !== '') ||
      (e.field === 'source' && c.raw('source').text !== '')
    ) {
      continue;
    }
    c.fail(PROJECT_FIELD_LABEL[e.field] ?? null, e.message.replace(/^「[^」]+」/, ''), e.messageEn);
  }
  return { fields, stage, dates };
}

/** Fills the skipped stages' dates and checks them; a date taken from a later stage says so. */
function checkStageDates(c: RowCheck, stage: PipelineStage, dates: StageDates): StageDates {
  const filled = fillImpliedDates(stage, dates);
  for (const e of validateStageDates(stage, filled, c.ctx.today)) {
    const implied = e.stage !== undefined && dates[e.stage] === null && filled[e.stage] !== null;
    const from = implied
      ? PIPELINE_STAGES.slice(stageIndex(e.stage!) + 1).find((s) => dates[s] !== null)
      : undefined;
    const column = e.stage ? STAGE_DATE_HEADERS[from ?? e.stage] : null;
    const note = from
      ? `（「${STAGE_DATE_HEADERS[e.stage!]}」未填，按「${STAGE_DATE_HEADERS[from]}」推定）`
      : '';
    c.fail(column, `${e.zh}${note}`, e.en);
  }
  return filled;
}

function checkRow(
  r: number,
  raw: Raw,
  base: Omit<RowCheck, 'raw' | 'fail'>,
  seen: Map<string, number>,
): { project: ImportedProject | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail: Fail = (column, message, messageEn) =>
    errors.push({
      row: r,
      column,
      message: `第 ${r} 行${column ? `「${column}」` : ''}：${message}`,
      messageEn: `Row ${r}${column ? ` (${column})` : ''}: ${messageEn}`,
    });
  const c: RowCheck = { ...base, raw, fail };
  for (const col of PROJECT_SHEET_COLUMNS) {
    if (raw(col.key).text.startsWith('#ERROR:')) {
      fail(col.header, '单元格是错误值（公式出错）', 'the cell holds an error value');
    }
  }
  const { fields, stage, dates } = readFields(c);
  const filled = stage === null ? dates : checkStageDates(c, stage, dates);
  const code = fields.code?.trim();
  if (code) {
    const first = seen.get(code);
    if (first !== undefined) {
      fail('项目编号', `「${code}」与第 ${first} 行重复`, `duplicate of row ${first}`);
    } else {
      seen.set(code, r);
    }
  }
  if (errors.length > 0) {
    return { project: null, errors };
  }
  const project = {
    row: r,
    fields: { ...(fields as ProjectFields), code: code! },
    stage: stage!,
    dates: filled,
  };
  return { project, errors };
}

/**
 * Reads and checks every row of an imported sheet. Blank rows are skipped; a sheet without the required
 * columns, with more than MAX_PROJECT_IMPORT_ROWS rows or without data gives one error for row 1 or 2.
 */
export function checkProjectSheet(
  sheet: ProjectSheet,
  ctx: ImportContext,
): { rows: ImportedProject[]; errors: ImportRowError[] } {
  const colOf = columnsOf(sheet.headers);
  const missing = PROJECT_SHEET_COLUMNS.filter((c) => c.required && !colOf.has(c.key));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: sheetError(
        `缺少列：${missing.map((c) => `「${c.header}」`).join('、')}（请使用导入模板）`,
        `Missing columns: ${missing.map((c) => c.key).join(', ')}`,
      ),
    };
  }
  if (sheet.lastRow - 1 > MAX_PROJECT_IMPORT_ROWS) {
    return {
      rows: [],
      errors: sheetError(
        `一次最多导入 ${MAX_PROJECT_IMPORT_ROWS} 行，请分批导入`,
        `At most ${MAX_PROJECT_IMPORT_ROWS} rows per import`,
      ),
    };
  }
  const base = {
    ctx,
    unitCodes: new Set(ctx.units.map((u) => u.code)),
    findUnit: unitLookup(ctx.units),
  };
  const rows: ImportedProject[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const raw: Raw = (key) => {
      const col = colOf.get(key);
      return (col === undefined ? undefined : cells[col]) ?? EMPTY;
    };
    if (PROJECT_SHEET_COLUMNS.every((c) => raw(c.key).text === '')) {
      continue; // blank line
    }
    const checked = checkRow(row, raw, base, seen);
    errors.push(...checked.errors);
    if (checked.project) {
      rows.push(checked.project);
    }
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      row: 2,
      column: null,
      message: '表中没有数据行',
      messageEn: 'The sheet has no data rows',
    });
  }
  return { rows, errors };
}
