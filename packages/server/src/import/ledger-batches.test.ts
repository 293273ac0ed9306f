// The ledger row loop (ledgerBatches) and its two transports: the same batches on this thread and from a pooled
// worker thread, back-pressure (at most 2 batches in flight), errors re-created as their own classes, the task
// always ended, and a source's bytes transferred (not copied) to the worker.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../http/service-error.ts';
import { bufferSource, fileSource } from './import-source.ts';
import {
  type LedgerBatch,
  type LedgerBatchesEnd,
  type LedgerBatchesInput,
} from './ledger-batches.ts';
import {
  LEDGER_BATCHES_IN_FLIGHT,
  LedgerBatchesWorker,
  inThreadReader,
  type LedgerBatchReader,
} from './ledger-batches-thread.ts';
import { UnreadableFileError } from './read-table.ts';
import { offloadPoolStats } from '../offload/offload.ts';

const HEAD = '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号';
const line = { regionCode: '440105', departmentCode: '440105-TZCJ', year: 2025, batchId: 'b-1' };
const input = (batchRows: number): LedgerBatchesInput => ({
  projectCodes: new Set(['TZCJ-XM-101', 'TZCJ-XM-102', 'TZCJ-XM-103']),
  line,
  batchRows,
});

// Five rows, projects out of order: 3 + 2 in batches of 3.
const csv = [
  HEAD,
  '2025-01-15,TZCJ-XM-103,,30215 会议费,10000.00,"推介会,含布展",GK-1',
  '2025-02-03,TZCJ-XM-101,,30201 办公费,2345.67,宣传资料,GK-2',
  '2025-02-20,TZCJ-XM-103,,39999 其他支出,50000.00,兑现,GK-3',
  '2025-03-01,TZCJ-XM-102,,30201 办公费,1.00,,GK-4',
  '2025-03-02,TZCJ-XM-101,,30201 办公费,0.33,x,GK-5',
].join('\r\n');

async function drain(
  reader: LedgerBatchReader,
): Promise<{ batches: LedgerBatch[]; end: LedgerBatchesEnd }> {
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

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

/** A batch's lines as text, without the final newline. */
const textOf = (b: { bytes: Uint8Array }): string =>
  Buffer.from(b.bytes).toString('utf8').replace(/\n$/, '');

describe('ledgerBatches', () => {
  it('yields COPY lines in batches, each grouped by project code in code order, then the summary', async () => {
    const { batches, end } = await drain(
      inThreadReader(bufferSource('a.csv', Buffer.from(csv)), input(3)),
    );
    expect(batches.map((b) => b.rows)).toEqual([3, 2]);
    expect(
      textOf(batches[0]!)
        .split('\n')
        .map((l) => l.split(',')[3]),
    ).toEqual(['"TZCJ-XM-101"', '"TZCJ-XM-103"', '"TZCJ-XM-103"']);
    expect(textOf(batches[0]!).split('\n')[0]).toBe(
      '440105,2025,"440105-TZCJ","TZCJ-XM-101",2025-02-03,2,"30201 办公费",2345.67,"宣传资料","GK-2",b-1',
    );
    expect(textOf(batches[0]!)).toContain('"推介会,含布展"');
    expect(
      textOf(batches[1]!)
        .split('\n')
        .map((l) => l.split(',')[3]),
    ).toEqual(['"TZCJ-XM-101"', '"TZCJ-XM-102"']);
    // An empty summary is NULL (unquoted empty field).
    expect(textOf(batches[1]!)).toContain(',1.00,,"GK-4",b-1');
    expect(end).toEqual({
      info: { format: 'csv', encoding: 'utf-8' },
      count: 5,
      months: [1, 2, 3],
      totalFen: 6234700,
      errors: { list: [], count: 0, badRows: 0 },
    });
  });

  it('after a bad row yields nothing more but still checks (and lists) every row', async () => {
    const bad = csv.replace('2025-02-20', '2025-02-30').replace('0.33', 'abc');
    const { batches, end } = await drain(
      inThreadReader(bufferSource('b.csv', Buffer.from(bad)), input(1)),
    );
    expect(batches.map((b) => b.rows)).toEqual([1, 1]);
    expect(end.count).toBe(3);
    expect(end.errors.count).toBe(2);
    expect(end.errors.list.map((e) => [e.row, e.code])).toEqual([
      [4, 'BAD_DATE'],
      [6, 'BAD_AMOUNT'],
    ]);
  });
});

describe('ledgerBatches on a pooled worker thread', () => {
  it('gives exactly the batches and summary of this thread; its task ends with the reading', async () => {
    const here = await drain(inThreadReader(bufferSource('a.csv', Buffer.from(csv)), input(2)));
    const worker = new LedgerBatchesWorker();
    worker.start(bufferSource('a.csv', Buffer.from(csv)), input(2));
    const there = await drain(worker);
    expect(there).toEqual(here);
    expect(offloadPoolStats().busy).toBe(0);
  });

  it('keeps at most 2 batches in flight until they are consumed', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) =>
        `2025-04-${String(1 + (i % 28)).padStart(2, '0')},TZCJ-XM-101,,30201 办公费,1.00,x,GK-${i}`,
    );
    const worker = new LedgerBatchesWorker();
    try {
      worker.start(bufferSource('c.csv', Buffer.from([HEAD, ...rows].join('\n'))), input(1));
      const first = await worker.next();
      expect(first.done).toBe(false);
      // The worker has had ample time to parse all 40 rows; it may only post what it has credit for.
      for (let i = 0; i < 50 && worker.inFlight < LEDGER_BATCHES_IN_FLIGHT; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(worker.inFlight).toBe(LEDGER_BATCHES_IN_FLIGHT);
      const rest = await drain(worker);
      expect(1 + rest.batches.length).toBe(40);
      expect(rest.end.count).toBe(40);
    } finally {
      await worker.close();
    }
  });

  it('closed mid-file, the task stops (the pooled thread is free) and reading stops', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `2025-04-01,TZCJ-XM-102,,30201 办公费,1.00,x,GK-${i}`,
    );
    const worker = new LedgerBatchesWorker();
    worker.start(bufferSource('d.csv', Buffer.from([HEAD, ...rows].join('\n'))), input(1));
    expect((await worker.next()).done).toBe(false);
    await worker.close();
    expect(offloadPoolStats().busy).toBe(0);
    expect(await rejection(worker.next())).toBeInstanceOf(Error);
  });

  it('re-creates errors as their own classes: unreadable file, missing columns, anything else', async () => {
    const run = async (source: ReturnType<typeof bufferSource>) => {
      const worker = new LedgerBatchesWorker();
      worker.start(source, input(10));
      const e = await rejection(drain(worker));
      expect(offloadPoolStats().busy).toBe(0);
      return e;
    };
    const xls = await run(
      bufferSource('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    );
    expect(xls).toBeInstanceOf(UnreadableFileError);
    expect((xls as UnreadableFileError).messageZh).toContain('.xls');
    const cols = await run(bufferSource('x.csv', Buffer.from('日期,金额\n2025-01-01,1.00\n')));
    expect(cols).toBeInstanceOf(ServiceError);
    expect(((cols as ServiceError).details as { expected: string[] }).expected).toEqual([
      '项目编码',
      '经济分类科目',
      '凭证号',
    ]);
    const missing = await run(fileSource('/nonexistent/台账.csv'));
    expect(missing).toBeInstanceOf(Error);
    expect((missing as Error).message).toContain('ENOENT');
  });

  it('transfers a source’s whole buffer to the thread (not copied; the source is spent) and copies a pooled view once', async () => {
    const whole = new Uint8Array(Buffer.from(csv));
    const source = bufferSource('e.csv', whole);
    const worker = new LedgerBatchesWorker();
    worker.start(source, input(10));
    expect(() => source.open()).toThrow('handed to another thread');
    expect((await drain(worker)).end.count).toBe(5);
    expect(whole.byteLength).toBe(0); // detached: the bytes went to the worker (once it had a slot)

    const pooled = Buffer.from(csv.slice(0, 200)); // a view into Node's shared small-Buffer pool
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    const h = bufferSource('f.csv', pooled).handOff!();
    expect(pooled.byteLength).toBeGreaterThan(0);
    expect(h.transfer[0]).not.toBe(pooled.buffer);
    expect(Buffer.from(h.data.kind === 'bytes' ? h.data.bytes : []).equals(pooled)).toBe(true);
  });
});
