// The 预算单位名录 file (onboarding contract "agencies", full-cycle-rules §D.5): rows → departments (主管部门, no
// parent) and their units (所属单位, parent = a department), checked as a whole. Every bad row is listed: a
// missing parent, a parent that is itself a unit, a cycle, a code used twice, bad code characters.
import { rowError, type RowError } from '@jixiao/core';
import {
  cellOf,
  findHeaderRow,
  headersMissingError,
  type AliasMap,
} from '../../import/header-match.ts';
import { encodingProblem, isBlank } from '../../import/row-errors.ts';
import type { TableRow } from '../../import/read-table.ts';

export const AGENCY_FIELDS = [
  'code',
  'name',
  'parentCode',
  'agencyType',
  'functions',
  'offices',
  'authorizedStaff',
  'activeStaff',
  'retiredStaff',
  'shortName',
] as const;
export type AgencyField = (typeof AGENCY_FIELDS)[number];

export const AGENCY_ALIASES: AliasMap<AgencyField> = {
  code: ['单位代码', '单位编码', 'agency_code', '部门代码', '部门编码'],
  name: ['单位名称', '单位全称', 'agency_name', '部门名称'],
  parentCode: ['上级单位代码', '上级单位编码', '父节点', '父节点ID', 'parent_id', '主管部门代码'],
  agencyType: ['单位类型', '单位性质'],
  functions: ['主要职能', '单位职能', '职能'],
  offices: ['内设机构', '内部机构'],
  authorizedStaff: ['编制人数', '编制数', '核定编制'],
  activeStaff: ['实有人数', '在职人数', '实有在职人数'],
  retiredStaff: ['离退休人数', '离退休'],
  shortName: ['单位简称', '简称'],
};
const REQUIRED: readonly AgencyField[] = ['code', 'name'];
const HEADER: Readonly<Record<AgencyField, string>> = Object.fromEntries(
  AGENCY_FIELDS.map((f) => [f, AGENCY_ALIASES[f][0] ?? f]),
) as Record<AgencyField, string>;

/** Codes: letters, digits, `-` and `.` (at most 32). */
export const AGENCY_CODE_RE = /^[A-Za-z0-9.-]{1,32}$/;

export interface AgencyRow {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  parentCode: string | null;
  agencyType: string | null;
  functions: string[];
  offices: string[];
  staffing: { authorizedStaff: number; activeStaff: number; retiredStaff: number } | null;
  /** The kind of each office when not 内设机构 (the demo's 下属事业单位). */
  officeKinds?: Readonly<Record<string, string>>;
  /** Example figures (the demo): marked illustrative on the agency and its staffing. */
  illustrative?: boolean;
}

/** What already exists, for the checks that look beyond the file. */
export interface KnownAgency {
  code: string;
  name: string;
  regionCode: string;
  kind: 'department' | 'financeBureau' | 'unit';
}

const LIST_SEPARATORS = /[、;；\n]+/;

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function count(row: number, field: AgencyField, text: string, errors: RowError[]): number | null {
  if (text === '') {
    return null;
  }
  if (!/^\d{1,6}$/.test(text)) {
    errors.push(
      rowError(row, HEADER[field], text, 'BAD_VALUE', {
        zh: `${HEADER[field]}应为不小于 0 的整数`,
        en: `${field} must be a whole number ≥ 0`,
      }),
    );
    return null;
  }
  return Number(text);
}

function parseRow(
  r: TableRow,
  columns: Partial<Record<AgencyField, number>>,
  errors: RowError[],
): AgencyRow {
  const cell = (f: AgencyField) => cellOf(r.cells, columns, f);
  const code = cell('code');
  const name = cell('name');
  if (code === '') {
    errors.push(
      rowError(r.row, HEADER.code, '', 'REQUIRED', {
        zh: '单位代码不能为空',
        en: 'code is required',
      }),
    );
  } else if (!AGENCY_CODE_RE.test(code)) {
    errors.push(
      rowError(r.row, HEADER.code, code, 'BAD_VALUE', {
        zh: '单位代码只能包含字母、数字、- 和 .（不超过 32 位）',
        en: 'a code holds letters, digits, - and . only (at most 32)',
      }),
    );
  }
  if (name === '') {
    errors.push(
      rowError(r.row, HEADER.name, '', 'REQUIRED', {
        zh: '单位名称不能为空',
        en: 'name is required',
      }),
    );
  } else if (name.length > 100) {
    errors.push(
      rowError(r.row, HEADER.name, name, 'TOO_LONG', {
        zh: '单位名称不超过 100 字',
        en: 'at most 100 characters',
      }),
    );
  }
  const authorized = count(r.row, 'authorizedStaff', cell('authorizedStaff'), errors);
  const active = count(r.row, 'activeStaff', cell('activeStaff'), errors);
  const retired = count(r.row, 'retiredStaff', cell('retiredStaff'), errors);
  const parent = cell('parentCode');
  return {
    row: r.row,
    code,
    name,
    shortName: cell('shortName') || null,
    parentCode: parent === '' ? null : parent,
    agencyType: cell('agencyType') || null,
    functions: splitList(cell('functions')),
    offices: splitList(cell('offices')),
    staffing:
      authorized === null && active === null && retired === null
        ? null
        : {
            authorizedStaff: authorized ?? 0,
            activeStaff: active ?? 0,
            retiredStaff: retired ?? 0,
          },
  };
}

function checkCodes(
  rows: readonly AgencyRow[],
  regionCode: string,
  known: ReadonlyMap<string, KnownAgency>,
  errors: RowError[],
): void {
  const first = new Map<string, number>();
  for (const a of rows) {
    if (a.code === '') {
      continue;
    }
    const seen = first.get(a.code);
    if (seen !== undefined) {
      errors.push(
        rowError(a.row, HEADER.code, a.code, 'DUPLICATE_CODE', {
          zh: `单位代码与第 ${seen} 行重复`,
          en: `the same code as row ${seen}`,
        }),
      );
      continue;
    }
    first.set(a.code, a.row);
    const k = known.get(a.code);
    if (k && (k.regionCode !== regionCode || k.kind === 'financeBureau')) {
      errors.push(
        rowError(a.row, HEADER.code, a.code, 'DUPLICATE_CODE', {
          zh: `单位代码已被「${k.name}」使用${k.regionCode !== regionCode ? `（行政区划 ${k.regionCode}）` : '（财政局）'}`,
          en: `the code is already used by ${k.name}`,
        }),
      );
    }
  }
}

/** Follows parents inside the file from `a`; the chain of codes when it comes back to `a`, else null. */
function cycleFrom(a: AgencyRow, inFile: ReadonlyMap<string, AgencyRow>): string[] | null {
  const chain = [a.code];
  let p = a.parentCode;
  while (p !== null && chain.length <= inFile.size) {
    if (p === a.code) {
      return [...chain, p];
    }
    if (chain.includes(p)) {
      return null;
    }
    chain.push(p);
    p = inFile.get(p)?.parentCode ?? null;
  }
  return null;
}

function checkParents(
  rows: readonly AgencyRow[],
  regionCode: string,
  known: ReadonlyMap<string, KnownAgency>,
  errors: RowError[],
): void {
  const inFile = new Map<string, AgencyRow>();
  for (const a of rows) {
    if (a.code !== '' && !inFile.has(a.code)) {
      inFile.set(a.code, a);
    }
  }
  const col = HEADER.parentCode;
  for (const a of rows) {
    const k = known.get(a.code);
    if (a.parentCode === null) {
      if (k?.kind === 'unit' && k.regionCode === regionCode) {
        errors.push(
          rowError(a.row, col, '', 'BAD_LEVEL', {
            zh: `「${k.name}」已作为所属单位存在，不能改为主管部门（请在单位管理中处理）`,
            en: 'already a unit: it cannot become a department by import',
          }),
        );
      }
      continue;
    }
    const p = a.parentCode;
    const cycle = cycleFrom(a, inFile);
    if (cycle) {
      errors.push(
        rowError(a.row, col, p, 'BAD_LEVEL', {
          zh: `上级单位形成循环：${cycle.join(' → ')}`,
          en: `the parents form a cycle: ${cycle.join(' → ')}`,
        }),
      );
      continue;
    }
    const parentRow = inFile.get(p);
    const parentKnown = known.get(p);
    if (parentRow) {
      if (parentRow.parentCode !== null) {
        errors.push(
          rowError(a.row, col, p, 'BAD_LEVEL', {
            zh: `上级单位「${parentRow.name}」本身是所属单位：所属单位的上级须为主管部门`,
            en: `the parent ${p} is itself a unit: a unit's parent must be a department`,
          }),
        );
      }
    } else if (!parentKnown || parentKnown.regionCode !== regionCode) {
      errors.push(
        rowError(a.row, col, p, 'UNKNOWN_PARENT', {
          zh: '上级单位不存在：文件中和本地区已有单位中都没有该代码',
          en: 'no such parent in the file or in the region',
        }),
      );
    } else if (parentKnown.kind !== 'department') {
      errors.push(
        rowError(a.row, col, p, 'BAD_LEVEL', {
          zh: `上级单位「${parentKnown.name}」不是主管部门`,
          en: `the parent ${p} is not a department`,
        }),
      );
    }
    if (k?.kind === 'department' && k.regionCode === regionCode) {
      errors.push(
        rowError(a.row, col, p, 'BAD_LEVEL', {
          zh: `「${k.name}」已作为主管部门存在，不能改为所属单位`,
          en: 'already a department: it cannot become a unit by import',
        }),
      );
    }
  }
}

export interface AgenciesFile {
  headerRow: number;
  rows: AgencyRow[];
  errors: RowError[];
}

/** Reads and checks the whole file (rows as read by read-table); throws when no header row can be found. */
export function parseAgencies(
  fileName: string,
  table: readonly TableRow[],
  regionCode: string,
  known: ReadonlyMap<string, KnownAgency>,
): AgenciesFile {
  const search = findHeaderRow(table, AGENCY_ALIASES, REQUIRED);
  if (!search.header) {
    throw headersMissingError(fileName, search, AGENCY_ALIASES, REQUIRED);
  }
  const { columns } = search.header;
  const errors: RowError[] = [];
  const rows: AgencyRow[] = [];
  for (const r of search.body) {
    if (isBlank(r.cells)) {
      continue;
    }
    const bad = encodingProblem(r);
    if (bad) {
      errors.push(bad);
      continue;
    }
    rows.push(parseRow(r, columns, errors));
  }
  checkCodes(rows, regionCode, known, errors);
  checkParents(rows, regionCode, known, errors);
  errors.sort((a, b) => a.row - b.row);
  return { headerRow: search.header.row, rows, errors };
}
