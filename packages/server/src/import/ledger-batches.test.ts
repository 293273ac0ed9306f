// The ledger row loop (ledgerBatches): batches grouped by project code, the summary, errors.
import { describe, expect, it } from 'vitest';
import { bufferSource } from './import-source.ts';
import { type LedgerBatch, type LedgerBatchesEnd, type LedgerBatchesInput } from './ledger-batches.ts';
import { inThreadReader, type LedgerBatchReader } from './ledger-batches-thread.ts';

const HEAD = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
const line = { regionCode: '440105', departmentCode: '440105-TZCJ', year: 2024, batchId: 'b-1' };
const input = (batchRows: number): LedgerBatchesInput => ({ projectCodes: new Set(['TZCJ-XM-101', 'TZCJ-XM-102', 'TZCJ-XM-103']), line, batchRows });

// Five rows, projects out of order: 3 + 2 in batches of 3.
const csv = [
  HEAD,
  '2024-01-15,TZCJ-XM-103,,30215 会议费,10000.00,"推介会,含布展",GK-1',
  '2024-02-03,TZCJ-XM-101,,30201 办公费,2345.67,宣传资料,GK-2',
  '2024-02-20,TZCJ-XM-103,,39999 其他支出,50000.00,兑现,GK-3',
  '2024-03-01,TZCJ-XM-102,,30201 办公费,1.00,,GK-4',
  '2024-03-02,TZCJ-XM-101,,30201 办公费,0.33,x,GK-5',
].join('\r\n');

async function drain(reader: LedgerBatchReader): Promise<{ batches: LedgerBatch[]; end: LedgerBatchesEnd }> {
  const batches: LedgerBatch[] = [];
  try {
    for (;;) {
      const r = await reader.next();
      if (r.done) {
        return { batches, end: r.value };
      }
      batches.push(r.value);
    }
  } finally {
    await reader.close();
  }
}

describe('ledgerBatches', () => {
  it('yields COPY lines in batches, each grouped by project code in code order, then the summary', async () => {
    const { batches, end } = await drain(inThreadReader(bufferSource('a.csv', Buffer.from(csv)), input(3)));
    expect(batches.map((b) => b.rows)).toEqual([3, 2]);
    expect(batches[0]!.text.split('\n').map((l) => l.split(',')[3])).toEqual(['"TZCJ-XM-101"', '"TZCJ-XM-103"', '"TZCJ-XM-103"']);
    expect(batches[0]!.text.split('\n')[0]).toBe('440105,2024,"440105-TZCJ","TZCJ-XM-101",2024-02-03,2,"30201 办公费",2345.67,"宣传资料","GK-2",b-1');
    expect(batches[0]!.text).toContain('"推介会,含布展"');
    expect(batches[1]!.text.split('\n').map((l) => l.split(',')[3])).toEqual(['"TZCJ-XM-101"', '"TZCJ-XM-102"']);
    // An empty summary is NULL (unquoted empty field).
    expect(batches[1]!.text).toContain(',1.00,,"GK-4",b-1');
    expect(end).toEqual({ info: { format: 'csv', encoding: 'utf-8' }, count: 5, months: [1, 2, 3], totalFen: 6234700, errors: { list: [], count: 0, badRows: 0 } });
  });

  it('after a bad row yields nothing more but still checks (and lists) every row', async () => {
    const bad = csv.replace('2024-02-20', '2024-02-30').replace('0.33', 'abc');
    const { batches, end } = await drain(inThreadReader(bufferSource('b.csv', Buffer.from(bad)), input(1)));
    expect(batches.map((b) => b.rows)).toEqual([1, 1]);
    expect(end.count).toBe(3);
    expect(end.errors.count).toBe(2);
    expect(end.errors.list.map((e) => [e.row, e.code])).toEqual([
      [4, 'BAD_DATE'],
      [6, 'BAD_AMOUNT'],
    ]);
  });
});
