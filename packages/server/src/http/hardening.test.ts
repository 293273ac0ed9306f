// What the probe of issue 16 found at the HTTP edge (§6, §7, §9), reproduced: missing security headers and
// no-store, a 100 MB JSON body parsed before being refused, 500s for NUL bytes and impossible dates.
import { expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { describeEachDb } from '../db/test-db.ts';
import type { Actor } from '../auth/actor.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: '127.0.0.1',
};

describeEachDb('the HTTP edge', (use) => {
  const app = (config = loadConfig({})) =>
    createApp({ database: use(), config, now: () => new Date() });

  it('every response carries the security headers; API JSON is not cached', async () => {
    for (const path of ['/', '/api/auth/me', '/api/no-such-endpoint']) {
      const res = await app().request(path);
      const h = res.headers;
      expect(h.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(h.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(h.get('x-frame-options'), path).toBe('DENY');
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('referrer-policy'), path).toBe('no-referrer');
      if (path.startsWith('/api/')) {
        expect(h.get('cache-control'), path).toBe('no-store');
      }
    }
  });

  it('the API docs page works offline: Swagger UI is served by the app, not a CDN', async () => {
    const page = await (await app().request('/api/docs')).text();
    expect(page).not.toContain('cdn.jsdelivr.net');
    expect(page).toContain('/vendor/swagger-ui-dist/swagger-ui-bundle.js');
    const js = await app().request('/vendor/swagger-ui-dist/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await app().request('/vendor/swagger-ui-dist/package.json')).status).toBe(404);
  });

  it('HSTS only when the request is https (directly, or by X-Forwarded-Proto behind a trusted proxy)', async () => {
    const plain = await app().request('/api/auth/me', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(plain.headers.get('strict-transport-security')).toBeNull(); // proxy not trusted
    const proxied = await app(loadConfig({ JIXIAO_TRUST_PROXY: '1' })).request('/api/auth/me', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('a JSON body over 1 MB is refused 413 before it is parsed', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' });
    const res = await app().request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TOO_LARGE');
  });

  it('a NUL byte in a string is a 400 with a clear message, not a 500', async () => {
    const res = await app().request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tzcj\u0000clerk', password: 'Demo#Clerk2023' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('CONTROL_CHARACTER');
    expect(body.error.message).toContain('控制字符');
  });

  it('an impossible date (2023-02-30) is a 400, not a 500', async () => {
    const res = await createApp(
      { database: use(), config: loadConfig({}), now: () => new Date() },
      { testActor: clerk },
    ).request(
      '/api/departments/440105-TZCJ/investment-projects?reachedStage=SIGNED&reachedFrom=2023-02-30&reachedTo=2023-12-31',
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/日期|date/);
  });
});
