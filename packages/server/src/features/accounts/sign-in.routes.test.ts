// Sign-in over HTTP on both databases: cookies and CSRF, 401 for unknown users and wrong passwords alike, sliding
// expiry, logout (everywhere), the owner's password change — with the demo accounts (tzcj_clerk …) and accounts made
// for the test. Login protection: login-protection.test.ts; forced password change: forced-password-change.test.ts.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { createUser } from './accounts.service.ts';
import { TestClient, errorOf, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '10';

describeEachDb('auth routes', (use) => {
  let clock = new Date('2023-03-01T02:00:00Z');
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => clock });
  const client = () => new TestClient(app());

  let demoHash = '';
  beforeAll(async () => {
    demoHash = (
      await queryRows<{ password_hash: string }>(
        use().db,
        sql`select password_hash from users where username = 'tzcj_clerk'`,
      )
    )[0]!.password_hash;
    await fastDemoPasswords(use().db);
    await createUser(
      use().db,
      CLI_ACTOR,
      {
        username: 'pw_change',
        displayName: '改密测试',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'First#Password2023',
      },
      clock,
    );
    await createUser(
      use().db,
      CLI_ACTOR,
      {
        username: 'disabled_one',
        displayName: '停用测试',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'Gone#Password2023',
      },
      clock,
    );
    await fixtureWrite(use().db, 'a disabled account', async (tx) => {
      await tx.execute(sql`update users set disabled = true where username = 'disabled_one'`);
    });
  });

  it('login sets an HttpOnly session cookie and a readable CSRF cookie; only sha256 of the token is stored', async () => {
    const c = client();
    const res = await c.login('tzcj_clerk', 'Demo#Clerk2023');
    expect(res.status).toBe(200);
    const body = res.body as { user: Record<string, unknown>; csrfToken: string };
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'mustChangePassword', 'user']);
    expect(body['mustChangePassword' as keyof typeof body]).toBe(false);
    expect(body.user).toEqual({
      id: expect.any(String),
      username: 'tzcj_clerk',
      displayName: '区投资促进局 填报员',
      role: 'clerk',
      departmentCode: '440105-TZCJ',
      regionCode: '440105',
    });
    const [session, csrf] = res.headers.getSetCookie();
    expect(session).toMatch(
      /^jixiao_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(csrf).toMatch(/^jixiao_csrf=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; SameSite=Lax$/);
    expect(csrf).toContain(body.csrfToken);
    const token = c.cookies.get('jixiao_session')!;
    const rows = await queryRows<{ token_hash: string; csrf_hash: string }>(
      use().db,
      sql`select token_hash, csrf_hash from sessions where user_id = ${body.user['id'] as string}`,
    );
    expect(rows.map((r) => r.token_hash)).toContain(
      createHash('sha256').update(token).digest('hex'),
    );
    const dump = JSON.stringify(await queryRows(use().db, sql`select * from sessions`));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(body.csrfToken);
    expect(demoHash).toMatch(/^scrypt\$15\$8\$1\$/); // the demo accounts as shipped: production cost

    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: body.user,
      csrfToken: body.csrfToken,
      mustChangePassword: false,
    });
  });

  it('without a session /api/* answers 401 in Chinese; login, docs, OpenAPI and health are open', async () => {
    const c = client();
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(errorOf(me)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '未登录或登录已过期，请重新登录',
    });
    expect((await c.get('/api/departments')).status).toBe(401);
    expect((await c.get('/api/departments/440105-TZCJ/goals?year=2023')).status).toBe(401);
    c.cookies.set('jixiao_session', 'forged-token');
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const open = new TestClient(app());
    expect((await open.get('/api/health')).status).toBe(200);
    expect((await open.get('/api/openapi.json')).status).toBe(200);
    expect((await open.get('/api/docs')).status).toBe(200);
  });

  it('wrong password and unknown user get the same 401; bad login input gets 400', async () => {
    const c = client();
    const wrong = await c.login('tzcj_head', 'Not#ThePassword1');
    const unknown = await c.login('nobody_here', 'Not#ThePassword1');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(errorOf(wrong).message).toBe('用户名或密码错误');
    expect(errorOf(unknown).message).toBe('用户名或密码错误');
    expect(
      (await c.request('POST', '/api/auth/login', { username: '' }, { csrf: null })).status,
    ).toBe(400);
    expect(
      (await c.request('POST', '/api/auth/login', '{"username":', { csrf: null })).status,
    ).toBe(400);
    expect(
      (
        await c.request(
          'POST',
          '/api/auth/login',
          { username: 'a', password: 'x'.repeat(201) },
          { csrf: null },
        )
      ).status,
    ).toBe(400);
    const gone = await c.login('disabled_one', 'Gone#Password2023');
    expect(gone.status).toBe(403);
    expect(errorOf(gone).message).toBe('账户已停用，请联系系统管理员');
    // the head's earlier failure is forgotten after a success
    expect((await c.login('tzcj_head', 'Demo#Head2023!')).status).toBe(200);
  });

  it('CSRF: state-changing requests need X-CSRF-Token = the jixiao_csrf cookie of this session', async () => {
    const c = client();
    await c.login('tzcj_clerk', 'Demo#Clerk2023');
    const other = client();
    await other.login('tzcj_clerk', 'Demo#Clerk2023');
    const missing = await c.request('POST', '/api/auth/logout', {}, { csrf: null });
    expect(missing.status).toBe(403);
    expect(errorOf(missing)).toMatchObject({
      code: 'CSRF',
      message: '安全校验失败（CSRF 令牌缺失或不匹配），请刷新页面后重试',
    });
    expect((await c.request('POST', '/api/auth/logout', {}, { csrf: 'x'.repeat(43) })).status).toBe(
      403,
    );
    // double submit with the other session's (valid) token in both header and cookie: not this session's
    const saved = c.cookies.get('jixiao_csrf')!;
    c.cookies.set('jixiao_csrf', other.csrf);
    expect((await c.request('POST', '/api/auth/logout', {}, { csrf: other.csrf })).status).toBe(
      403,
    );
    // header right, cookie missing
    c.cookies.delete('jixiao_csrf');
    expect((await c.request('POST', '/api/auth/logout', {}, { csrf: saved })).status).toBe(403);
    c.cookies.set('jixiao_csrf', saved);
    expect(
      (
        await c.request(
          'PUT',
          `/api/indicators/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}/actual`,
          { actual: '1' },
          { csrf: null },
        )
      ).status,
    ).toBe(403);
    // GET needs none; me re-issues a lost CSRF cookie
    c.cookies.delete('jixiao_csrf');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    const fresh = (me.body as { csrfToken: string }).csrfToken;
    expect(c.cookies.get('jixiao_csrf')).toBe(fresh);
    c.csrf = fresh;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const denied = await queryRows<{ n: number }>(
      use().db,
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and after->>'reason' = 'csrf'`,
    );
    expect(Number(denied[0]!.n)).toBeGreaterThanOrEqual(5);
  });

  it('sessions slide: renewed on use, expire after 8 idle hours; logout and logout-all revoke', async () => {
    const a = client();
    await a.login('tzcj_head', 'Demo#Head2023!');
    clock = new Date(clock.getTime() + 7 * 3_600_000);
    const used = await a.get('/api/auth/me');
    expect(used.status).toBe(200);
    expect(
      used.headers
        .getSetCookie()
        .some((x) => x.startsWith('jixiao_session=') && x.includes('Max-Age=28800')),
    ).toBe(true);
    clock = new Date(clock.getTime() + 7 * 3_600_000);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    clock = new Date(clock.getTime() + 8 * 3_600_000 + 1000);
    expect((await a.get('/api/auth/me')).status).toBe(401);

    const one = client();
    const two = client();
    await one.login('tzcj_head', 'Demo#Head2023!');
    await two.login('tzcj_head', 'Demo#Head2023!');
    const out = await one.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().some((x) => x.startsWith('jixiao_session=;'))).toBe(true);
    expect((await one.get('/api/auth/me')).status).toBe(401);
    expect((await two.get('/api/auth/me')).status).toBe(200);
    const three = client();
    await three.login('tzcj_head', 'Demo#Head2023!');
    const all = await two.post('/api/auth/logout-all');
    expect(all.status).toBe(200);
    expect((all.body as { sessionsRevoked: number }).sessionsRevoked).toBe(2);
    expect((await two.get('/api/auth/me')).status).toBe(401);
    expect((await three.get('/api/auth/me')).status).toBe(401);
  });

  it('password change: rules checked, current verified, other sessions signed out', async () => {
    const a = client();
    const b = client();
    await a.login('pw_change', 'First#Password2023');
    await b.login('pw_change', 'First#Password2023');
    const weak = await a.post('/api/auth/password', {
      current: 'First#Password2023',
      next: 'zvkqw',
    });
    expect(weak.status).toBe(400);
    expect(errorOf(weak).message).toBe(
      '密码不符合要求：密码至少 12 位（当前 5 位）；密码须包含大写字母、小写字母、数字、符号中的至少 3 类（当前 1 类）',
    );
    const withName = await a.post('/api/auth/password', {
      current: 'First#Password2023',
      next: 'Pw_Change#2024x',
    });
    expect(errorOf(withName).message).toBe('密码不符合要求：密码不能包含用户名');
    const wrong = await a.post('/api/auth/password', {
      current: 'Wrong#Password2023',
      next: 'Second#Password2024',
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).message).toBe('当前密码不正确');
    expect((await a.post('/api/auth/password', {})).status).toBe(400);
    const ok = await a.post('/api/auth/password', {
      currentPassword: 'First#Password2023',
      newPassword: 'Second#Password2024',
    });
    expect(ok.status).toBe(200);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await client().login('pw_change', 'First#Password2023')).status).toBe(401);
    expect((await client().login('pw_change', 'Second#Password2024')).status).toBe(200);
    const log = await queryRows<{ action: string; after: unknown }>(
      use().db,
      sql`select action, after from audit_log where action like 'auth.password%' order by seq`,
    );
    expect(log.map((r) => r.action)).toEqual([
      'auth.password.change.failed',
      'auth.password.change',
    ]);
    expect(JSON.stringify(log)).not.toContain('Second#Password2024');
  });
});
