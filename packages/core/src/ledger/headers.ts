// Matching a file's header row to our fields: tolerant of full-width brackets, spaces, "*" required marks
// and a few common synonyms, so files exported by 国库集中支付 / accounting systems import as they are.
export interface HeaderMatch<F extends string> {
  /** Field → 0-based column index. */
  columns: Partial<Record<F, number>>;
  /** Required fields with no column. */
  missing: F[];
}

/** Canonical form of a header cell: half-width brackets, no spaces or "*", lower-case ASCII. */
export function normalizeHeader(s: string): string {
  return s
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/**
 * Finds each field's column. `aliases[field]` lists accepted headers (the first is the template's own);
 * the first matching column wins.
 */
export function matchHeaders<F extends string>(
  headerRow: readonly string[],
  aliases: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
): HeaderMatch<F> {
  const normalized = headerRow.map(normalizeHeader);
  const columns: Partial<Record<F, number>> = {};
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const i = normalized.indexOf(normalizeHeader(alias));
      if (i >= 0) {
        columns[field] = i;
        break;
      }
    }
  }
  return { columns, missing: required.filter((f) => columns[f] === undefined) };
}

/** Picks the cells of a row by field. */
export function cellsOf<F extends string>(
  row: readonly string[],
  columns: Partial<Record<F, number>>,
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const f of Object.keys(columns) as F[]) {
    const i = columns[f];
    if (i !== undefined) {
      out[f] = row[i] ?? '';
    }
  }
  return out;
}
