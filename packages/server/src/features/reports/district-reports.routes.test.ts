// 全区自评报告打包 over HTTP on the demo (3 departments of 440105 in 2023): the finance reviewer starts the job, polls it
// to the end and downloads one zip holding every department's .docx (and PDF where LibreOffice is installed); others
// are refused, the export is audited, and the files go once downloaded. Refusals on both databases; the zip itself on PGlite only, to keep the suite
// short (the job reads through services whose own tests run on both).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { auditLog } from '../../db/schema/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { isPdfAvailable } from '../../render/pdf/convert-pdf.ts';
import { tempAreaOf } from './district-jobs.ts';

const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const clerk: Actor = {
  ...reviewer,
  userId: 'u-clerk',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
};
const otherReviewer: Actor = { ...reviewer, userId: 'u-rev-2' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-district-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface JobView {
  id: string;
  state: string;
  done: number;
  total: number;
  departments: number;
  pdfs: number;
}

describeEachDb('district report zip', (use, driver) => {
  const dataDir = path.join(tmp, driver);
  const app = (actor: Actor) =>
    createApp(
      {
        database: use(),
        config: loadConfig({ JIXIAO_DATA_DIR: dataDir }),
        now: () => new Date('2024-03-01T02:00:00Z'),
      },
      { testActor: actor },
    );
  const post = (actor: Actor, body: unknown) =>
    app(actor).request('/api/reports/district', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const withPdf = isPdfAvailable();

  it('is refused to a department clerk; a year without departments says so', async () => {
    expect((await post(clerk, { year: 2023 })).status).toBe(403);
    const none = await post(reviewer, { year: 2031, pdf: false });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'DISTRICT_REPORTS_NONE',
    );
  });

  // The zip reads through the same services on both databases (their tests cover them): one run is enough.
  it.runIf(driver === 'pglite')(
    'zips every department’s report with its progress, audited; only its starter sees it',
    { timeout: 120_000 },
    async () => {
      const started = await post(reviewer, { year: 2023, pdf: withPdf });
      expect(started.status).toBe(202);
      let job = (await started.json()) as JobView;
      expect(job).toMatchObject({ state: 'running', departments: 3, total: withPdf ? 7 : 4 });
      const seen = new Set<number>();
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 200));
        job = (await (
          await app(reviewer).request(`/api/reports/district/${job.id}`)
        ).json()) as JobView;
        seen.add(job.done);
      }
      expect(job).toMatchObject({ state: 'done', done: job.total, pdfs: withPdf ? 3 : 0 });
      expect(seen.size).toBeGreaterThan(1); // progress moved in steps
      expect((await app(otherReviewer).request(`/api/reports/district/${job.id}`)).status).toBe(
        404,
      );
      const res = await app(reviewer).request(`/api/reports/district/${job.id}/file`);
      expect(res.status).toBe(200);
      expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
        '2023年度',
      );
      const zip = await JSZip.loadAsync(await res.arrayBuffer()); // read whole: download complete
      const names = Object.keys(zip.files)
        .filter((n) => !zip.files[n]!.dir)
        .sort();
      expect(names.filter((n) => n.startsWith('Word/'))).toEqual([
        expect.stringMatching(/^Word\/440105-KGXJ-.+\.docx$/),
        expect.stringMatching(/^Word\/440105-TZCJ-.+\.docx$/),
        expect.stringMatching(/^Word\/440105-WGLT-.+\.docx$/),
      ]);
      expect(names.filter((n) => n.startsWith('PDF/'))).toHaveLength(withPdf ? 3 : 0);
      const docx = await JSZip.loadAsync(
        await zip.file(names[withPdf ? 4 : 1]!)!.async('uint8array'),
      );
      expect(await docx.file('word/document.xml')!.async('string')).toContain(
        '整体支出绩效自评报告',
      );
      const audit = await use()
        .db.select({ entityId: auditLog.entityId, actor: auditLog.actorUsername })
        .from(auditLog)
        .where(eq(auditLog.action, 'report.district.export'));
      expect(audit).toContainEqual({ entityId: '440105/2023', actor: 'czj_reviewer' });
      for (let i = 0; i < 50 && fs.existsSync(tempAreaOf(dataDir)); i += 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(fs.existsSync(tempAreaOf(dataDir))).toBe(false); // downloaded: its files are gone
      expect((await app(reviewer).request(`/api/reports/district/${job.id}`)).status).toBe(404);
    },
  );
});
