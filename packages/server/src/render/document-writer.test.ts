// Documents are written off the request thread (issue 16, point 1): an .xlsx export held on its pooled thread leaves
// the server answering, gives the same workbook as the builder on this thread, and a builder that fails inside the
// worker comes back as the clear refusal (503, Chinese message), never a 500 with a stack. No database, no clock.
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/open-db.ts';
import { httpStatusOf, ServiceError } from '../http/service-error.ts';
import { buildTemplate } from '../features/templates/templates-xlsx.ts';
import { documentWriterHooks, writeDocument, type DocumentJob } from './document-writer.ts';

const CREATED = new Date('2026-01-05T00:00:00Z');
// The template routes and /api/health never touch the database for the ledger template.
const app = () =>
  createApp(
    { database: {} as Database, config: loadConfig({}), now: () => CREATED },
    { testActor: CLI_ACTOR },
  );

/** The workbook's parts (exceljs stamps each zip entry with the wall-clock time, so whole files differ by it). */
async function parts(xlsx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f.name, await f.async('string')])),
  );
}

afterEach(() => {
  documentWriterHooks.gate = null;
});

describe('the document writer (pooled thread)', () => {
  it('an .xlsx export held on its thread leaves /api/health answering; the workbook is the builder’s', async () => {
    // The gate blocks the writer's thread (Atomics.wait) until it is opened: were the workbook written on this
    // thread, the health request below could never be answered (the test would time out).
    const gate = new SharedArrayBuffer(4);
    documentWriterHooks.gate = gate;
    const a = app();
    const exporting = Promise.resolve(a.request('/api/templates/ledger.xlsx'));
    let done = false;
    void exporting.then(
      () => (done = true),
      () => (done = true),
    );
    const health = await a.request('/api/health');
    expect(health.status).toBe(200);
    expect(done).toBe(false); // the workbook is still held
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const res = await exporting;
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(await parts(body)).toEqual(
      await parts(await buildTemplate('ledger', { created: CREATED })),
    );
  });

  it('a builder that fails in the worker answers the clear refusal (503, zh), and the next document is written', async () => {
    // Tables without rows: exceljs's builder throws inside the worker (a bug, not the clerk's data).
    const broken = {
      kind: 'tables-xlsx',
      tables: [{ title: '表', table: { sheetName: '表', columnWidthsMm: [20], rows: null } }],
      options: { created: CREATED },
    } as unknown as DocumentJob & { kind: 'tables-xlsx' };
    const e = await writeDocument(broken).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServiceError);
    const se = e as ServiceError;
    expect(se.code).toBe('REPORT_RENDER_FAILED');
    expect(httpStatusOf(se.code)).toBe(503);
    expect(se.messageZh).toBe('报告在 60 秒内未能生成，已停止；请稍后重试，仍不行请联系管理员');
    const again = await writeDocument({
      kind: 'template-xlsx',
      template: 'budgets',
      options: { created: CREATED },
    });
    expect(await parts(again)).toEqual(
      await parts(await buildTemplate('budgets', { created: CREATED })),
    );
  });
});
