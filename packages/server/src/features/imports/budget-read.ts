// Reading a budget file: the header row (template or 一体化 layout, below any title rows), the unit of each money
// column (from its header, else the user's --unit, else a refusal), every row checked; then each row given to
// its department — the one imported into, or (region-wide) the agency its 单位代码 names, a unit's rows going to
// its department with the unit's name kept.
import {
  BUDGET_ANNUAL_REQUIRED,
  BUDGET_FILE_ALIASES,
  BUDGET_FILE_HEADERS,
  BUDGET_LINE_REQUIRED,
  BUDGET_MONEY_FIELDS,
  cellsOf,
  checkBudgetRow,
  rowError,
  type BudgetField,
  type BudgetRowIn,
  type MoneyUnit,
} from '@jixiao/core';
import { findHeaderRow, headersMissingError } from '../../import/header-match.ts';
import type { ImportSource } from '../../import/import-source.ts';
import { readGridsOffloaded } from '../../import/read-offloaded.ts';
import type { TableInfo, TableRow } from '../../import/read-table.ts';
import { ErrorList, encodingProblem, isBlank } from '../../import/row-errors.ts';
import { withMapping } from '../../import/column-mapping.ts';
import type { AgencyRow } from './imports.repository.ts';
import { unreadable } from './import-common.ts';

export interface BudgetFile {
  info: TableInfo;
  layout: 'lines' | 'annual';
  rows: BudgetRowIn[];
}

function tableRows(grid: readonly (readonly string[])[]): TableRow[] {
  return grid.map((cells, i) => ({ row: i + 1, cells: [...cells] }));
}

/** Every valid row of the file; bad rows go to `errors` (the caller refuses the file if there are any). */
export async function readBudgetFile(
  source: ImportSource,
  opts: { year: number; unit?: MoneyUnit; mapping?: Readonly<Record<string, string>> },
  errors: ErrorList,
): Promise<BudgetFile> {
  const { info, sheets } = await readGridsOffloaded(source).catch(unreadable);
  const rows = tableRows(sheets[0]?.rows ?? []).filter((r) => !isBlank(r.cells));
  const aliases = withMapping(BUDGET_FILE_ALIASES, opts.mapping);
  let layout: BudgetFile['layout'] = 'annual';
  let search = findHeaderRow(rows, aliases, BUDGET_ANNUAL_REQUIRED);
  if (!search.header) {
    layout = 'lines';
    search = findHeaderRow(rows, aliases, BUDGET_LINE_REQUIRED);
  }
  const header = search.header;
  if (!header) {
    throw headersMissingError(source.fileName, search, aliases, BUDGET_LINE_REQUIRED);
  }
  const units: Partial<Record<BudgetField, MoneyUnit>> = {};
  for (const f of BUDGET_MONEY_FIELDS) {
    const col = header.columns[f];
    if (col === undefined) {
      continue;
    }
    const unit = header.units[f] ?? opts.unit;
    if (unit === undefined) {
      errors.add([
        rowError(
          header.row,
          BUDGET_FILE_HEADERS[f],
          header.headers[col] ?? '',
          'MONEY_UNIT_MISSING',
          {
            zh: '金额列的表头未注明单位（元或万元）：请在表头注明，如「年初批复数（万元）」，或指定 --unit 元|万元',
            en: 'the money column does not say its unit: write it in the header, e.g. 年初批复数（万元）, or give --unit',
          },
        ),
      ]);
    } else {
      units[f] = unit;
    }
  }
  const out: BudgetRowIn[] = [];
  for (const row of search.body) {
    const bad = encodingProblem(row);
    if (bad) {
      errors.add([bad]);
      continue;
    }
    const v = checkBudgetRow(row.row, cellsOf(row.cells, header.columns), {
      year: opts.year,
      layout,
      units,
    });
    if (v.ok) {
      out.push(v.row);
    } else {
      errors.add(v.errors);
    }
  }
  return { info, layout, rows: out };
}

export interface DepartmentRows {
  departmentCode: string;
  rows: BudgetRowIn[];
}

function unknownUnit(r: BudgetRowIn, zh: string, en: string) {
  return rowError(
    r.row,
    BUDGET_FILE_HEADERS.unitCode,
    r.unitCode,
    r.unitCode === '' ? 'REQUIRED' : 'UNKNOWN_UNIT',
    { zh, en },
  );
}

/**
 * Each row's department: `only` (a department import: a row's 单位代码, when given, must be it or one of its
 * units) or, region-wide, the agency the 单位代码 names. A unit's rows keep the unit's name.
 */
export function rowsByDepartment(
  rows: readonly BudgetRowIn[],
  agencies: readonly AgencyRow[],
  only: string | null,
  errors: ErrorList,
): DepartmentRows[] {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const groups = new Map<string, BudgetRowIn[]>();
  for (const r of rows) {
    const agency = r.unitCode === '' ? null : byCode.get(r.unitCode);
    let dept: string | null = null;
    if (agency?.kind === 'department') {
      dept = agency.code;
    } else if (agency?.kind === 'unit' && agency.parentCode) {
      dept = agency.parentCode;
      r.unitName = agency.name;
    }
    if (only !== null && r.unitCode === '') {
      dept = only;
    }
    if (dept === null) {
      errors.add([
        r.unitCode === ''
          ? unknownUnit(
              r,
              '单位代码不能为空（地区导入须注明每行的单位）',
              'the unit code is missing',
            )
          : unknownUnit(
              r,
              '本地区没有该单位代码：请先导入单位名录（import agencies）',
              'no such unit in the region',
            ),
      ]);
      continue;
    }
    if (only !== null && dept !== only) {
      errors.add([
        unknownUnit(r, `该单位不属于部门 ${only}`, `the unit is not part of department ${only}`),
      ]);
      continue;
    }
    if (agency?.kind === 'department') {
      r.unitName = '';
    }
    groups.set(dept, [...(groups.get(dept) ?? []), r]);
  }
  return [...groups].map(([departmentCode, rs]) => ({ departmentCode, rows: rs }));
}
