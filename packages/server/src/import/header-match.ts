// The one header matcher of every import file (onboarding contract, full-cycle-rules §D.9): headers are compared
// after normalising (spaces, a leading *, full- vs half-width brackets), each field accepts a list of aliases, a
// trailing unit or hint in brackets is ignored ("金额（万元）", "*实际完成值（定量填数字…）"), and the header row
// is the first row that holds every required field — title lines and blank rows above it are skipped.
import { ServiceError } from '../http/service-error.ts';
import type { TableRow } from './read-table.ts';

export type AliasMap<F extends string> = Readonly<Record<F, readonly string[]>>;

export type MoneyUnit = 'yuan' | 'wanYuan';

export interface HeaderMatch<F extends string> {
  /** The header row's number as the user sees it. */
  row: number;
  /** 0-based column of each matched field. */
  columns: Partial<Record<F, number>>;
  /** The header cells as written (trimmed). */
  headers: string[];
  /** The money unit a matched header states: （万元） / (元). */
  units: Partial<Record<F, MoneyUnit>>;
}

const FULL_TO_HALF: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '：': ':',
  '＊': '*',
};

/** Spaces (any width) out, full-width brackets half-width, leading `*` (required-field marks) out, lower case. */
export function normaliseHeader(text: string): string {
  let s = text.replace(/[\s\u3000\u00a0]+/g, '');
  s = s.replace(/[（）【】［］：＊]/g, (c) => FULL_TO_HALF[c] ?? c);
  s = s.replace(/^\*+/, '').replace(/\*+$/, '');
  return s.toLowerCase();
}

/** The header without a trailing bracketed part: 金额(万元) → 金额, 实际完成值(定量填数字…) → 实际完成值. */
function withoutTrailingBrackets(normalised: string): string {
  let s = normalised;
  for (;;) {
    const m = /^(.+?)(\([^()]*\)|\[[^[\]]*\])$/.exec(s);
    if (!m?.[1]) {
      return s;
    }
    s = m[1];
  }
}

/** The money unit a header states by its suffix: （万元） → wanYuan, （元） → yuan; none → null. */
export function headerMoneyUnit(header: string): MoneyUnit | null {
  const n = normaliseHeader(header);
  if (/\(万元\)|万元$/.test(n)) {
    return 'wanYuan';
  }
  if (/\(元\)/.test(n)) {
    return 'yuan';
  }
  return null;
}

/** Which column holds each field, in one header row (an exact match of a normalised alias wins over a prefix one). */
export function matchHeaderCells<F extends string>(
  cells: readonly string[],
  aliases: AliasMap<F>,
): Pick<HeaderMatch<F>, 'columns' | 'units'> {
  const full = cells.map(normaliseHeader);
  const bare = full.map(withoutTrailingBrackets);
  const columns: Partial<Record<F, number>> = {};
  const units: Partial<Record<F, MoneyUnit>> = {};
  const taken = new Set<number>();
  const fields = Object.keys(aliases) as F[];
  for (const pass of [full, bare]) {
    for (const field of fields) {
      if (columns[field] !== undefined) {
        continue;
      }
      const wanted = aliases[field].map(normaliseHeader);
      const wantedBare = wanted.map(withoutTrailingBrackets);
      const i = pass.findIndex(
        (h, col) => !taken.has(col) && h !== '' && (wanted.includes(h) || wantedBare.includes(h)),
      );
      if (i >= 0) {
        columns[field] = i;
        taken.add(i);
        const unit = headerMoneyUnit(cells[i] ?? '');
        if (unit) {
          units[field] = unit;
        }
      }
    }
  }
  return { columns, units };
}

/** The required fields a header row lacks. */
export function missingFields<F extends string>(
  columns: Partial<Record<F, number>>,
  required: readonly F[],
): F[] {
  return required.filter((f) => columns[f] === undefined);
}

export interface HeaderSearch<F extends string> {
  /** The header row, or null when no row among the first `maxScan` holds every required field. */
  header: HeaderMatch<F> | null;
  /** The rows after the header row (all rows when none was found). */
  body: TableRow[];
  /** When not found: the row that matched most fields, what it lacks, and its cells (for the error). */
  best: { row: number; headers: string[]; missing: F[] } | null;
}

/** How many rows above the header (titles, 填报单位, blank lines) are searched at most. */
export const MAX_TITLE_ROWS = 30;

/** Finds the header row: the first of the first MAX_TITLE_ROWS non-blank rows that holds every required field. */
export function findHeaderRow<F extends string>(
  rows: readonly TableRow[],
  aliases: AliasMap<F>,
  required: readonly F[],
): HeaderSearch<F> {
  let best: HeaderSearch<F>['best'] = null;
  let bestFound = -1;
  const limit = Math.min(rows.length, MAX_TITLE_ROWS);
  for (let i = 0; i < limit; i++) {
    const r = rows[i]!;
    const { columns, units } = matchHeaderCells(r.cells, aliases);
    const missing = missingFields(columns, required);
    const headers = r.cells.map((c) => c.trim());
    if (missing.length === 0) {
      return {
        header: { row: r.row, columns, units, headers },
        body: rows.slice(i + 1),
        best: null,
      };
    }
    const found = Object.keys(columns).length;
    if (found > bestFound) {
      bestFound = found;
      best = { row: r.row, headers: headers.filter((h) => h !== ''), missing };
    }
  }
  return { header: null, body: [...rows], best };
}

/**
 * The refusal of a file whose header row cannot be found: names the expected headers (each field's first alias)
 * and the headers the file has (of the row that came closest).
 */
export function headersMissingError<F extends string>(
  fileName: string,
  search: HeaderSearch<F>,
  aliases: AliasMap<F>,
  required: readonly F[],
): ServiceError {
  const missing = search.best?.missing ?? [...required];
  const expected = missing.map((f) => aliases[f][0] ?? f);
  const found = search.best?.headers ?? [];
  return new ServiceError(
    'IMPORT_HEADERS_MISSING',
    {
      fileName,
      expected: expected.join('、'),
      found: found.length > 0 ? found.join('、') : '（无）',
      foundEn: found.length > 0 ? found.join(', ') : '(none)',
    },
    {
      fileName,
      expected,
      found,
      accepted: Object.fromEntries(missing.map((f) => [f, aliases[f]])),
    },
  );
}

/** The trimmed cell of a field in a row ('' when the column is absent or the row is short). */
export function cellOf<F extends string>(
  cells: readonly string[],
  columns: Partial<Record<F, number>>,
  field: F,
): string {
  const i = columns[field];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}
