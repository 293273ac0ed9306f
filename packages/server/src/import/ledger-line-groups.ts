// COPY batches of ledger lines, grouped by project code, written as UTF-8 bytes into one reused buffer: no string
// per line outlives its row and no batch is a string, so a 1M-row import no longer spends seconds flattening and
// collecting millions of small strings (issue 19: 13 s → see docs/decisions/0004). A batch's bytes are a buffer
// of their own, which a worker thread hands to the importing thread without copying.

/** Rows per COPY (PGlite) or per stream write (PostgreSQL), once the first batches have ramped up. */
export const LEDGER_BATCH_ROWS = 50_000;

/**
 * The first batch is small and each next one twice as large, up to `batchRows`: the COPY (of which there is a lot
 * more per row than of parsing) starts early instead of waiting for 50,000 parsed rows — in a worker that is 0.4 s
 * of the importing thread's time — and parsing still stays ahead of it.
 */
export const LEDGER_FIRST_BATCH_ROWS = 5_000;

/** COPY-ready lines: `rows` lines of UTF-8, each ending in '\n'. `bytes` owns its whole ArrayBuffer. */
export interface LedgerBatch {
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
}

const QUOTE = 34;
const COMMA = 44;

/** The fields every line of one import shares. */
export interface LedgerLineConstants {
  regionCode: string;
  departmentCode: string;
  year: number;
  batchId: string;
}

/** The ledger fields of one row that vary (core's LedgerRow). */
export interface LedgerLineRow {
  payDate: string;
  month: number;
  projectCode: string;
  economicClass: string;
  amountFen: number;
  summary: string;
  voucherNo: string;
}

/** A CSV field for COPY (FORMAT csv): quoted, quotes doubled; null → unquoted empty (NULL). */
export function csvField(s: string | null): string {
  if (s === null) {
    return '';
  }
  return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
}

/** 分 → "1234.56" (the same text as core's fenToYuanString). */
function yuanText(fen: number): string {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * Lines collected into batches (LEDGER_FIRST_BATCH_ROWS, doubling, up to `batchRows`), each batch's lines grouped by
 * project code, groups in code order. The project code leads the ledger's main index after the constant columns,
 * so its entries are then inserted nearly in key order, touching each index page about once per batch instead of
 * at random (1M ledger rows into PGlite: 23.6 s → 18.5 s of COPY). Grouping is a counting sort over the batch's
 * distinct codes (only those are sorted). The one place where ledger lines are grouped (the file import and
 * importLedgerRows use it).
 */
export class LedgerLineGroups {
  private readonly prefix: Buffer;
  private readonly suffix: Buffer;
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private starts = new Int32Array(LEDGER_FIRST_BATCH_ROWS + 1);
  private keyOfRow = new Int32Array(LEDGER_FIRST_BATCH_ROWS);
  private keys = new Map<string, number>();
  private rows = 0;
  private limit: number;
  constructor(
    line: LedgerLineConstants,
    private readonly batchRows: number = LEDGER_BATCH_ROWS,
  ) {
    this.limit = Math.min(batchRows, LEDGER_FIRST_BATCH_ROWS);
    this.prefix = Buffer.from(`${line.regionCode},${line.year},${csvField(line.departmentCode)},`);
    this.suffix = Buffer.from(`,${line.batchId}\n`);
  }

  /** Adds a row as a COPY line of LEDGER_COLUMNS; returns the batch once it is full. */
  add(r: LedgerLineRow): LedgerBatch | null {
    const { projectCode } = r;
    let key = this.keys.get(projectCode);
    if (key === undefined) {
      key = this.keys.size;
      this.keys.set(projectCode, key);
    }
    if (this.rows === this.keyOfRow.length) {
      this.growRows();
    }
    // Quoted text may double every character (quotes) or take 3 bytes a character (UTF-8).
    const text =
      projectCode.length + r.economicClass.length + r.summary.length + r.voucherNo.length;
    const most = this.prefix.length + this.suffix.length + 6 * text + 64;
    if (this.used + most > this.buf.length) {
      this.growBytes(most);
    }
    this.starts[this.rows] = this.used;
    this.keyOfRow[this.rows] = key;
    this.writeLine(r);
    if (++this.rows < this.limit) {
      return null;
    }
    this.limit = Math.min(this.batchRows, this.limit * 2);
    return this.take();
  }

  /** The lines collected so far as a batch (null when there are none). */
  take(): LedgerBatch | null {
    const n = this.rows;
    if (n === 0) {
      return null;
    }
    this.starts[n] = this.used;
    // Rank of each key in code order, then a stable counting sort of the rows by rank.
    const codes = [...this.keys.keys()].sort();
    const rankOfKey = new Int32Array(codes.length);
    codes.forEach((code, rank) => {
      rankOfKey[this.keys.get(code)!] = rank;
    });
    const next = new Int32Array(codes.length + 1);
    for (let i = 0; i < n; i++) {
      next[rankOfKey[this.keyOfRow[i]!]! + 1]! += this.starts[i + 1]! - this.starts[i]!;
    }
    for (let r = 1; r <= codes.length; r++) {
      next[r]! += next[r - 1]!;
    }
    const out = new Uint8Array(new ArrayBuffer(this.used));
    const src = this.buf;
    const starts = this.starts;
    const keyOfRow = this.keyOfRow;
    for (let i = 0; i < n; i++) {
      const rank = rankOfKey[keyOfRow[i]!]!;
      const to = starts[i + 1]!;
      let at = next[rank]!;
      for (let j = starts[i]!; j < to; j++) {
        out[at++] = src[j]!;
      }
      next[rank] = at;
    }
    this.keys = new Map();
    this.rows = 0;
    this.used = 0;
    return { bytes: out, rows: n };
  }

  /** prefix "project",date,month,"class",amount,"summary"|,"voucher" suffix — as ledgerLine() spells it. */
  private writeLine(r: LedgerLineRow): void {
    const b = this.buf;
    this.prefix.copy(b, this.used);
    this.used += this.prefix.length;
    this.quoted(r.projectCode);
    this.ascii(`,${r.payDate},${r.month},`);
    this.quoted(r.economicClass);
    this.ascii(`,${yuanText(r.amountFen)},`);
    if (r.summary !== '') {
      this.quoted(r.summary);
    }
    b[this.used++] = COMMA;
    this.quoted(r.voucherNo);
    this.suffix.copy(b, this.used);
    this.used += this.suffix.length;
  }

  private ascii(s: string): void {
    const b = this.buf;
    let u = this.used;
    for (let i = 0; i < s.length; i++) {
      b[u++] = s.charCodeAt(i);
    }
    this.used = u;
  }

  /** `"s"` with quotes doubled; ASCII written byte by byte, the rest (from the first other character) as UTF-8. */
  private quoted(s: string): void {
    const b = this.buf;
    let u = this.used;
    b[u++] = QUOTE;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        const rest = s.slice(i);
        u += b.write(rest.includes('"') ? rest.replace(/"/g, '""') : rest, u, 'utf8');
        break;
      }
      b[u++] = c;
      if (c === QUOTE) {
        b[u++] = QUOTE;
      }
    }
    b[u++] = QUOTE;
    this.used = u;
  }

  private growRows(): void {
    const size = this.keyOfRow.length * 2;
    const starts = new Int32Array(size + 1);
    starts.set(this.starts.subarray(0, this.rows));
    const keyOfRow = new Int32Array(size);
    keyOfRow.set(this.keyOfRow);
    this.starts = starts;
    this.keyOfRow = keyOfRow;
  }

  private growBytes(need: number): void {
    const buf = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + need));
    this.buf.copy(buf, 0, 0, this.used);
    this.buf = buf;
  }
}
