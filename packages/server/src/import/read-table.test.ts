// CSV reading: rows and row numbers must not depend on where the byte stream happens to be cut.
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportSource } from './import-source.ts';
import { openTable, UnreadableFileError, type TableRow } from './read-table.ts';

/** A source that delivers its bytes `chunk` at a time (1 = every byte its own chunk). */
function source(bytes: Buffer, chunk = bytes.length): ImportSource {
  return {
    fileName: 't.csv',
    open: () => {
      const parts: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += chunk) {
        parts.push(bytes.subarray(i, i + chunk));
      }
      return Readable.from(parts);
    },
  };
}

async function rowsOf(src: ImportSource): Promise<{ encoding: string | null; rows: TableRow[] }> {
  const { info, rows } = await openTable(src);
  const out: TableRow[] = [];
  for await (const r of rows) {
    out.push(r);
  }
  return { encoding: info.encoding, rows: out };
}

const TEXT = [
  '支付日期,项目编码,金额(元),摘要',
  '2023-01-05,XM-001,"1,234.50","含逗号，和""引号"""',
  '2023-02-06,XM-002,88.00,"两行',
  '摘要"',
  '',
  '2023-03-07,XM-001,-5.00,退回',
].join('\r\n');

const EXPECTED: TableRow[] = [
  { row: 1, cells: ['支付日期', '项目编码', '金额(元)', '摘要'] },
  { row: 2, cells: ['2023-01-05', 'XM-001', '1,234.50', '含逗号，和"引号"'] },
  { row: 3, cells: ['2023-02-06', 'XM-002', '88.00', '两行\r\n摘要'] },
  { row: 4, cells: [''] },
  { row: 5, cells: ['2023-03-07', 'XM-001', '-5.00', '退回'] },
];

describe('openTable (CSV)', () => {
  it.each([1, 2, 3, 7, 64, 100_000])(
    'reads quotes, embedded commas and line breaks, CRLF and a blank line — in chunks of %i bytes',
    async (chunk) => {
      const { encoding, rows } = await rowsOf(source(Buffer.from(TEXT, 'utf8'), chunk));
      expect(encoding).toBe('utf-8');
      expect(rows).toEqual(EXPECTED);
    },
  );

  it('reads GBK (as GB18030) and UTF-8 with BOM and a trailing line break the same way', async () => {
    const gbk = await rowsOf(source(iconv.encode(TEXT, 'gbk'), 5));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.rows).toEqual(EXPECTED);
    const bom = await rowsOf(
      source(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${TEXT}\r\n`, 'utf8')]),
        4,
      ),
    );
    expect(bom.rows).toEqual(EXPECTED);
  });

  it('reads UTF-16 with BOM, tab- and semicolon-separated files, and LF-only files', async () => {
    const tsv = [
      '支付日期\t项目编码\t金额(元)\t摘要',
      '2023-01-05\tXM-001\t"1,234.50"\t"含逗号，和""引号"""',
      '2023-02-06\tXM-002\t88.00\t"两行',
      '摘要"',
      '',
      '2023-03-07\tXM-001\t-5.00\t退回',
    ].join('\r\n');
    const u16 = await rowsOf(
      source(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]), 3),
    );
    expect(u16.encoding).toBe('utf-16le');
    expect(u16.rows).toEqual(EXPECTED);
    const semi = await rowsOf(source(Buffer.from('a;b\n1;2\n', 'utf8'), 2));
    expect(semi.rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
    ]);
  });

  it('refuses a quote that is never closed, naming the row', async () => {
    const bad = Buffer.from('a,b\n1,2\n3,"open\n4,5\n', 'utf8');
    await expect(rowsOf(source(bad, 3))).rejects.toThrow(UnreadableFileError);
    await expect(rowsOf(source(bad))).rejects.toMatchObject({
      messageZh: expect.stringContaining('第 3 行'),
    });
  });
});
