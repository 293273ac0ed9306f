// Report review over HTTP: upload the seed report and a generated one; bad uploads get a clear 4xx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const seedPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../core/src/review/seed/haizhu-2023-self-evaluation-report.txt',
);
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const auditor: Actor = { ...reviewer, userId: 'u-aud', role: 'auditAdmin' };

function upload(name: string, bytes: Buffer | string): FormData {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  return form;
}

describeEachDb('report review routes', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-02-01T00:00:00Z') },
      { testActor: actor },
    );

  it('reviews an uploaded seed report and flags what the contract names', async () => {
    const res = await app(reviewer).request('/api/reviews', {
      method: 'POST',
      body: upload('seed.txt', fs.readFileSync(seedPath)),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      text: string;
      result: { findings: { code: string; line: number }[] };
    };
    const codes = new Set(body.result.findings.map((f) => f.code));
    for (const c of [
      'RATE_PRECISION',
      'BUDGET_RECONCILE',
      'GRADE_WITHOUT_SCORE',
      'TARGETS_AFTER_FACT',
      'NO_TARGET_VALUES',
      'NO_SATISFACTION',
      'DUPLICATE_TEXT',
      'UNIT_PERCENTAGE_POINTS',
      'STALE_TEXT',
    ]) {
      expect(codes, c).toContain(c);
    }
    expect(body.result.findings.find((f) => f.code === 'RATE_PRECISION')?.line).toBe(94);
  });

  it('reviews the generated report of a department: nothing high or medium', async () => {
    const res = await app(reviewer).request('/api/departments/440105-TZCJ/report/review?year=2023');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { findings: { severity: string }[] } };
    expect(body.result.findings.filter((f) => f.severity !== 'low')).toEqual([]);
  });

  it('refuses bad uploads with a clear message, and roles without business access', async () => {
    const wrongType = await app(reviewer).request('/api/reviews', {
      method: 'POST',
      body: upload('report.exe', 'MZ'),
    });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { message: string } }).error.message).toMatch(
      /\.docx/,
    );
    const empty = await app(reviewer).request('/api/reviews', {
      method: 'POST',
      body: upload('a.txt', ''),
    });
    expect(empty.status).toBe(400);
    const brokenDocx = await app(reviewer).request('/api/reviews', {
      method: 'POST',
      body: upload('a.docx', 'not a zip'),
    });
    expect(brokenDocx.status).toBe(400);
    const noFile = await app(reviewer).request('/api/reviews', {
      method: 'POST',
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    const notMultipart = await app(reviewer).request('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notMultipart.status).toBe(415);
    expect(((await notMultipart.json()) as { error: { message: string } }).error.message).toMatch(
      /multipart/,
    );
    const denied = await app(auditor).request('/api/reviews', {
      method: 'POST',
      body: upload('seed.txt', 'x'),
    });
    expect(denied.status).toBe(403);
  });
});
