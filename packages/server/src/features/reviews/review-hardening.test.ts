// Issue 16, point 1 (the probe's repro): a huge .txt or a .docx zip bomb posted to /api/reviews froze every
// request for seconds to minutes. Reviews now run in a bounded worker: the server answers others meanwhile,
// a bomb is refused by its declared unpacked size before parsing, an over-long text is refused, and nothing
// is left in the temp folder.
import fs from 'node:fs';
import os from 'node:os';
import { zipSync, strToU8 } from 'fflate';
import { expect, it, vi } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

// The checks must never run on the request thread: here they throw if they do (the worker thread loads its own,
// unmocked copy of @jixiao/core). Before the fix, every review ran here.
vi.mock('@jixiao/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@jixiao/core')>()),
  reviewReport: () => {
    throw new Error('the report was reviewed on the request thread');
  },
}));

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};

function upload(name: string, bytes: Uint8Array | string): FormData {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  return form;
}

/** A plausible report paragraph, repeated with changing figures into `chars` characters of text. */
function longReport(chars: number): string {
  const lines: string[] = ['2023年度部门整体支出绩效自评报告'];
  for (let i = 0; lines.join('\n').length < chars; i += 1) {
    lines.push(
      `${i + 1}.项目${i}全年预算数${100 + (i % 50)}.00万元，全年执行数${90 + (i % 40)}.50万元，执行率${80 + (i % 19)}.12%；新洽谈项目${300 + i}个。`,
    );
  }
  return lines.join('\n');
}

describeEachDb('report review: bounded work off the request thread', (use) => {
  const app = () =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-02-01T00:00:00Z') },
      { testActor: clerk },
    );

  it('while a large report is reviewed, other requests are answered first', async () => {
    const a = app();
    let reviewDone = false;
    const review = Promise.resolve(
      a.request('/api/reviews', { method: 'POST', body: upload('big.txt', longReport(120_000)) }),
    ).then((r) => {
      reviewDone = true;
      return r;
    });
    const me = await a.request('/api/auth/me');
    expect(me.status).toBe(200);
    expect(reviewDone).toBe(false); // answered while the review still runs
    expect((await review).status).toBe(200);
  }, 240_000); // a ceiling for a loaded machine, not a speed assertion

  it('a .docx that unpacks to 50 MB is refused before it is parsed', async () => {
    const xml = `<w:document><w:body>${'<w:p><w:r><w:t>重复</w:t></w:r></w:p>'.repeat(1_500_000)}</w:body></w:document>`;
    const bomb = zipSync(
      { 'word/document.xml': strToU8(xml), '[Content_Types].xml': strToU8('<Types/>') },
      { level: 9 },
    );
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const res = await app().request('/api/reviews', {
      method: 'POST',
      body: upload('bomb.docx', bomb),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('REVIEW_FILE_UNREADABLE');
    expect(body.error.message).toContain('解压后过大');
  });

  it('a text over the review limit is refused with the counts, and no upload is left in the temp folder', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('jixiao-review-'));
    const res = await app().request('/api/reviews', {
      method: 'POST',
      body: upload('long.txt', 'a'.repeat(1_100_000)),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('REVIEW_TEXT_TOO_LONG');
    expect(body.error.message).toContain('1,100,000');
    const after = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('jixiao-review-'));
    expect(after).toEqual(before);
  });
});
