// Body limits per route (issue 16, points 6 and 9): JSON is limited to 1 MB everywhere; a file sent to a route that
// takes none is limited like JSON; an upload route gets its limit at the edge (20 MB, the monthly imports 200 MB)
// and the 413 says the limit — before anything is parsed or the session is looked at.
import { expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { describeEachDb } from '../db/test-db.ts';

describeEachDb('body limits per route', (use) => {
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => new Date() });

  function multipart(bytes: number): { body: Uint8Array; type: string } {
    const boundary = 'jixiao-test-boundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    const body = new Uint8Array(head.length + bytes + tail.length);
    body.set(head, 0);
    body.fill(0x61, head.length, head.length + bytes);
    body.set(tail, head.length + bytes);
    return { body, type: `multipart/form-data; boundary=${boundary}` };
  }

  async function send(method: string, path: string, bytes: number) {
    const { body, type } = multipart(bytes);
    const res = await app().request(path, {
      method,
      headers: { 'content-type': type, 'content-length': String(body.length) },
      body,
    });
    const json = (await res.json()) as { error?: { code: string; message: string } };
    return { status: res.status, code: json.error?.code, message: json.error?.message };
  }

  it('a file sent where no file is taken is limited like JSON (1 MB), before the session is checked', async () => {
    for (const path of ['/api/auth/login', '/api/goals', '/api/users']) {
      expect(await send('POST', path, 2 * 1024 * 1024), path).toMatchObject({
        status: 413,
        code: 'TOO_LARGE',
      });
    }
  });

  it('upload routes take files above 1 MB and say their own limit when a file is over it', async () => {
    // 2 MB passes the edge (then: not signed in)
    expect((await send('POST', '/api/reviews', 2 * 1024 * 1024)).status).toBe(401);
    expect((await send('POST', '/api/users/import', 2 * 1024 * 1024)).status).toBe(401);
    const tooBig = await send('POST', '/api/regions/440105/agencies/import', 21 * 1024 * 1024);
    expect(tooBig).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
    expect(tooBig.message).toBe('文件超过 20 MB，请压缩或拆分后再上传');
    // the monthly imports take up to 200 MB at the edge
    expect(
      (
        await send(
          'POST',
          '/api/departments/440105-TZCJ/imports/ledger?year=2023',
          21 * 1024 * 1024,
        )
      ).status,
    ).toBe(401);
  });
});
