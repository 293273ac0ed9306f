// Deterministic bench data: a ledger CSV of N rows over P projects (fiscal year 2025) in the import template's
// columns, and the matching budget CSV. A fixed-seed PRNG, so every run (and DuckDB) reads the same bytes.
import fs from 'node:fs';
import { once } from 'node:events';

export const BENCH_YEAR = 2025;
export const BENCH_REGION = '990001';
export const BENCH_DEPT = '990001-BENCH';
const ECONOMIC = [
  '30101 基本工资',
  '30102 津贴补贴',
  '30201 办公费',
  '30202 印刷费',
  '30211 差旅费',
  '30215 会议费',
  '30216 培训费',
  '30227 委托业务费',
  '31002 办公设备购置',
  '39999 其他支出',
];
const SUMMARY = [
  '支付会议场地费',
  '报销差旅费',
  '购置办公用品',
  '支付印刷费',
  '支付委托业务费',
  '发放津贴补贴',
  '政策资金兑现',
  '支付培训费',
];

/** mulberry32: a small, fast, deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function projectCode(i: number): string {
  return `BENCH-P${String(i + 1).padStart(5, '0')}`;
}

export interface GeneratedLedger {
  rows: number;
  projects: number;
  bytes: number;
  /** Σ amounts in 分 (exact), to check every engine against. */
  totalFen: number;
}

/**
 * The ledger CSV (the import template's columns) and, when `copyFile` is given, the same rows already in the
 * ledger_entries columns and quoting our import COPYs (the raw baseline of the bench: COPY with no checks).
 */
export async function writeLedgerCsv(
  file: string,
  rows: number,
  projects: number,
  seed = 20251127,
  copyFile?: string,
): Promise<GeneratedLedger> {
  const rnd = prng(seed);
  const out = fs.createWriteStream(file);
  const copyOut = copyFile ? fs.createWriteStream(copyFile) : null;
  out.write('支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号\n');
  let totalFen = 0;
  let chunk: string[] = [];
  let copyChunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const p = Math.floor(rnd() * projects);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const fen = 1 + Math.floor(rnd() * 5_000_000);
    totalFen += fen;
    const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const date = `${BENCH_YEAR}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
    const economic = ECONOMIC[Math.floor(rnd() * ECONOMIC.length)]!;
    const summary = SUMMARY[Math.floor(rnd() * SUMMARY.length)]!;
    const voucher = `V${BENCH_YEAR}-${i + 1}`;
    chunk.push(`${date},${projectCode(p)},项目${p + 1},${economic},${yuan},${summary},${voucher}`);
    if (copyOut) {
      copyChunk.push(
        `${BENCH_REGION},${BENCH_YEAR},"${BENCH_DEPT}","${projectCode(p)}",${date},${month},"${economic}",${yuan},"${summary}","${voucher}",raw-baseline`,
      );
    }
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) {
        await once(out, 'drain');
      }
      chunk = [];
      if (copyOut && !copyOut.write(`${copyChunk.join('\n')}\n`)) {
        await once(copyOut, 'drain');
      }
      copyChunk = [];
    }
  }
  if (chunk.length > 0) {
    out.write(`${chunk.join('\n')}\n`);
    copyOut?.write(`${copyChunk.join('\n')}\n`);
  }
  for (const o of [out, copyOut]) {
    if (o) {
      o.end();
      await once(o, 'finish');
    }
  }
  return { rows, projects, bytes: fs.statSync(file).size, totalFen };
}

/** One 年初 line per project: 1,000,000.00 – 9,000,000.00 元. */
export async function writeBudgetCsv(file: string, projects: number, seed = 7): Promise<number> {
  const rnd = prng(seed);
  const lines = ['项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因'];
  let totalFen = 0;
  for (let p = 0; p < projects; p++) {
    const fen = 100_000_000 + Math.floor(rnd() * 800_000_000);
    totalFen += fen;
    lines.push(
      `${projectCode(p)},项目${p + 1},年初,${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')},${BENCH_YEAR}-01-10,预算批复,`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return totalFen;
}
