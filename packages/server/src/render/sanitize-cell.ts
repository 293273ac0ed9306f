// Spreadsheet formula injection (CSV/xlsx injection): a text cell that starts with a formula trigger is
// neutralised with a leading apostrophe, the way a user types text that must not become a formula.
//
// Triggers: = + - @ (and tab, CR, LF at the start), and their full-width forms ＝ ＋ － ＠, which Excel and
// WPS in Chinese input modes turn into the ASCII operators when a cell is edited.
// Not triggers: ≥ ≤ ＞ ＜ > < — they never start a formula, and ＞/＜ are our own operators (OperatorSymbol).
// Our own operator-prefixed values stay as they are: "＝100%", "-3.50", "+5个" (an operator, a plain number
// and a unit) would at worst evaluate to that constant, so they are left unchanged.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);

/** An operator followed by a plain number and an optional unit: "＝100%", "-3.5", "+5个", "=0次". */
const CONSTANT_RE =
  /^[=＝+＋\-－]\s*\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:%|个百分点|[\p{Script=Han}]{1,4}(?:\/[\p{Script=Han}]{1,2})?)?$/u;

/** True when a spreadsheet could read `text` as a formula (and it is not one of our harmless constants). */
export function isFormulaLike(text: string): boolean {
  const first = text.charAt(0);
  return TRIGGERS.has(first) && !CONSTANT_RE.test(text);
}

/** The text to write into a spreadsheet cell: unchanged, or with a leading apostrophe when formula-like. */
export function sanitizeCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
