// Sign-in over HTTP on both databases: cookies and CSRF, lock-out after 5 failures, sliding expiry, logout
// (everywhere), password rules, the forced change of a password someone else set — with the demo accounts
// (tzcj_clerk …) and accounts made for the test.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { createUser, ensureFirstAdmin } from './accounts.service.ts';
import { DEMO_ACCOUNTS } from '../../demo/demo-accounts.ts';
import { currentLogN, hashPassword, verifyPassword } from '../../auth/password.ts';
import { passwordProblems } from '../../auth/password-policy.ts';
import { TestClient, errorOf, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '10';

describe('password hashing and rules', () => {
  it('scrypt with a per-user salt; the stored cost is used to verify; production cost is N=2^15', async () => {
    expect(currentLogN({})).toBe(15);
    expect(currentLogN({ JIXIAO_TEST_SCRYPT_LOG_N: '10' })).toBe(15); // ignored outside vitest
    expect(currentLogN({ VITEST: 'true', JIXIAO_TEST_SCRYPT_LOG_N: '10' })).toBe(10);
    const a = await hashPassword('Haizhu#Invest2023', 10);
    const b = await hashPassword('Haizhu#Invest2023', 10);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Haizhu#Invest2023', a)).toBe(true);
    expect(await verifyPassword('haizhu#Invest2023', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99$8$1$AAAA$BBBB')).toBe(false);
  });

  it('≥ 12 characters, 3 of 4 classes, not containing the username', () => {
    expect(passwordProblems('Demo#Clerk2023', 'tzcj_clerk')).toEqual([]);
    expect(passwordProblems('Short#1a', 'tzcj_clerk').map((p) => p.zh)).toEqual([
      '密码至少 12 位（当前 8 位）',
    ]);
    expect(passwordProblems('alllowercaseletters', 'tzcj_clerk').map((p) => p.zh)).toEqual([
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类（当前 1 类）',
    ]);
    expect(passwordProblems('My-tzcj_clerk-2023', 'tzcj_clerk').map((p) => p.zh)).toEqual([
      '密码不能包含用户名',
    ]);
  });
});

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
        username: 'lock_me',
        displayName: '锁定测试',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'Right#Password2023',
      },
      clock,
    );
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

  it('locks the account for 15 minutes after 5 failures, even for the right password; logged in the audit trail', async () => {
    const c = client();
    for (let i = 1; i <= 4; i++) {
      expect((await c.login('lock_me', `Wrong#Password${i}`)).status).toBe(401);
    }
    const fifth = await c.login('lock_me', 'Wrong#Password5');
    expect(fifth.status).toBe(423);
    expect(errorOf(fifth).message).toBe(
      '账户已锁定（连续 5 次登录失败），请于 10:15 后再试，或联系安全管理员解锁',
    );
    const right = await c.login('lock_me', 'Right#Password2023');
    expect(right.status).toBe(423);
    const log = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity_id = (select id from users where username = 'lock_me') order by seq`,
    );
    expect(log.map((r) => r.action)).toEqual([
      'user.create',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.lockout',
      'auth.login.locked',
    ]);
    clock = new Date(clock.getTime() + 14 * 60_000);
    expect((await c.login('lock_me', 'Right#Password2023')).status).toBe(423);
    clock = new Date(clock.getTime() + 61_000);
    expect((await c.login('lock_me', 'Right#Password2023')).status).toBe(200);
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
      next: 'short',
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

  // ——— forced password change ———

  type Session = { user: { id: string }; mustChangePassword: boolean };
  const flagOf = (r: { body: unknown }) => (r.body as Session).mustChangePassword;
  const REFUSED = {
    code: 'PASSWORD_CHANGE_REQUIRED',
    message: '首次登录或密码被重置后，须先修改密码',
    messageEn: expect.stringContaining('change it'),
  };

  it('reset by the system administrator → the owner signs in but may only change the password, then works again', async () => {
    const created = await createUser(
      use().db,
      CLI_ACTOR,
      {
        username: 'reset_me',
        displayName: '重置测试',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'Own#Password2023',
        mustChangePassword: false,
      },
      clock,
    );
    expect(created.user.mustChangePassword).toBe(false);
    const before = client();
    expect(flagOf(await before.login('reset_me', 'Own#Password2023'))).toBe(false);
    expect((await before.get('/api/departments/440105-TZCJ/goals?year=2023')).status).toBe(200);

    const admin = client();
    expect((await admin.login('sysadmin', 'Demo#SysAdmin2023')).status).toBe(200);
    const reset = await admin.post(`/api/users/${created.user.id}/reset-password`);
    expect(reset.status).toBe(200);
    const { generatedPassword, user } = reset.body as {
      generatedPassword: string;
      user: { mustChangePassword: boolean };
    };
    expect(user.mustChangePassword).toBe(true);
    expect((await before.get('/api/auth/me')).status).toBe(401); // the reset signed the owner out
    const listed = (
      (await admin.get('/api/users')).body as { username: string; mustChangePassword: boolean }[]
    ).find((u) => u.username === 'reset_me');
    expect(listed?.mustChangePassword).toBe(true);

    // sign-out everywhere is allowed (and signs out every session)
    const other = client();
    expect(flagOf(await other.login('reset_me', generatedPassword))).toBe(true);
    expect((await other.post('/api/auth/logout-all')).status).toBe(200);

    const a = client();
    const b = client();
    const login = await a.login('reset_me', generatedPassword);
    expect(login.status).toBe(200);
    expect(flagOf(login)).toBe(true);
    await b.login('reset_me', generatedPassword);
    const me = await a.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(flagOf(me)).toBe(true);
    expect((await a.get('/api/health')).status).toBe(200);

    // business endpoints, reads and writes alike: 403 PASSWORD_CHANGE_REQUIRED in the usual error format
    for (const [method, path, body] of [
      ['GET', '/api/departments', undefined],
      ['GET', '/api/departments/440105-TZCJ/goals?year=2023', undefined],
      ['GET', '/api/users', undefined],
      [
        'POST',
        '/api/goals',
        { departmentCode: '440105-TZCJ', year: 2025, targetText: '2025年度目标' },
      ],
      [
        'PUT',
        `/api/indicators/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/actual`,
        { actual: '1' },
      ],
    ] as const) {
      const r = await a.request(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(errorOf(r), `${method} ${path}`).toEqual(REFUSED);
    }
    // CSRF is still checked first for a write without the token
    expect(errorOf(await a.request('POST', '/api/goals', {}, { csrf: null })).code).toBe('CSRF');
    const denied = await queryRows<{ entity_id: string; after: { reason: string } }>(
      use().db,
      sql`select entity_id, after from audit_log where action = 'access.denied' and actor_user_id = ${created.user.id} order by seq`,
    );
    expect(denied.map((d) => [d.entity_id, d.after.reason])).toEqual([
      ['GET /api/departments', 'passwordChangeRequired'],
      ['GET /api/departments/440105-TZCJ/goals', 'passwordChangeRequired'],
      ['GET /api/users', 'passwordChangeRequired'],
      ['POST /api/goals', 'passwordChangeRequired'],
      [
        `PUT /api/indicators/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/actual`,
        'passwordChangeRequired',
      ],
      ['POST /api/goals', 'csrf'],
    ]);

    // the change: errors name their field; keeping the generated password is not a change
    const same = await a.post('/api/auth/password', {
      current: generatedPassword,
      next: generatedPassword,
    });
    expect(same.status).toBe(400);
    expect(errorOf(same).details).toMatchObject({
      fields: [{ field: 'next', message: '新密码不能与当前密码相同' }],
    });
    const weak = await a.post('/api/auth/password', { current: generatedPassword, next: 'short' });
    expect(
      (errorOf(weak).details as { fields: { field: string }[] }).fields.map((f) => f.field),
    ).toEqual(['next']);
    const wrong = await a.post('/api/auth/password', {
      current: 'Wrong#Password2023',
      next: 'Mine#Again2024',
    });
    expect(errorOf(wrong).details).toMatchObject({
      fields: [
        { field: 'current', message: '当前密码不正确', messageEn: 'The current password is wrong' },
      ],
    });
    expect(flagOf(await a.get('/api/auth/me'))).toBe(true);
    expect((await a.get('/api/departments')).status).toBe(403);

    const ok = await a.post('/api/auth/password', {
      current: generatedPassword,
      next: 'Mine#Again2024',
    });
    expect(ok.status).toBe(200);
    expect(flagOf(await a.get('/api/auth/me'))).toBe(false);
    expect((await a.get('/api/departments/440105-TZCJ/goals?year=2023')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401); // other sessions end with the change
    expect(flagOf(await client().login('reset_me', 'Mine#Again2024'))).toBe(false);
    const row = await queryRows<{ must_change_password: boolean }>(
      use().db,
      sql`select must_change_password from users where username = 'reset_me'`,
    );
    expect(row[0]!.must_change_password).toBe(false);

    const log = await queryRows<{
      action: string;
      before: unknown;
      after: Record<string, unknown>;
    }>(
      use().db,
      sql`select action, before, after from audit_log where entity_id = ${created.user.id} and action in ('user.create', 'user.password.reset', 'auth.password.change') order by seq`,
    );
    expect(log.map((l) => [l.action, l.before, l.after['mustChangePassword']])).toEqual([
      ['user.create', null, false],
      ['user.password.reset', { mustChangePassword: false }, true],
      ['auth.password.change', { mustChangePassword: true }, false],
    ]);
    expect(JSON.stringify(log)).not.toContain(generatedPassword);
  });

  it('accounts created by an administrator must change the password: generated or chosen by the administrator', async () => {
    const admin = client();
    await admin.login('sysadmin', 'Demo#SysAdmin2023');
    const generated = await admin.post('/api/users', {
      username: 'new_generated',
      displayName: '生成密码',
      role: 'clerk',
      departmentCode: '440105-TZCJ',
    });
    expect(generated.status).toBe(201);
    const chosen = await admin.post('/api/users', {
      username: 'new_chosen',
      displayName: '管理员设定',
      role: 'deptHead',
      departmentCode: '440105-TZCJ',
      password: 'Chosen#ByAdmin2023',
    });
    expect(chosen.status).toBe(201);
    for (const [username, password] of [
      ['new_generated', (generated.body as { generatedPassword: string }).generatedPassword],
      ['new_chosen', 'Chosen#ByAdmin2023'],
    ] as const) {
      const c = client();
      const login = await c.login(username, password);
      expect(flagOf(login), username).toBe(true);
      expect(errorOf(await c.get('/api/departments/440105-TZCJ/goals?year=2023')).code).toBe(
        'PASSWORD_CHANGE_REQUIRED',
      );
      expect(
        (await c.post('/api/auth/password', { current: password, next: 'Fresh#Start2024x' }))
          .status,
      ).toBe(200);
      expect((await c.get('/api/departments/440105-TZCJ/goals?year=2023')).status).toBe(200);
    }
    const weak = await admin.post('/api/users', {
      username: 'weak_chosen',
      displayName: '弱密码',
      role: 'clerk',
      departmentCode: '440105-TZCJ',
      password: 'password',
    });
    expect(errorOf(weak).details).toMatchObject({ fields: [{ field: 'password' }] });
  });

  it('the generated first administrator password must be changed; the demo accounts need no change', async () => {
    const first = await ensureFirstAdmin(use().db, null, clock);
    expect(first.created).toBe(true);
    const admin = client();
    expect(flagOf(await admin.login('admin', first.password!))).toBe(true);
    expect(errorOf(await admin.get('/api/users')).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await admin.post('/api/auth/logout')).status).toBe(200); // signing out is allowed
    expect((await admin.get('/api/auth/me')).status).toBe(401);

    const flags = await queryRows<{ username: string; must_change_password: boolean }>(
      use().db,
      sql`select username, must_change_password from users where created_by = 'system' order by username`,
    );
    expect(flags.filter((f) => f.must_change_password).map((f) => f.username)).toEqual(['admin']);
    for (const a of DEMO_ACCOUNTS) {
      const c = client();
      const login = await c.login(a.username, a.password);
      expect(login.status, a.username).toBe(200);
      expect(flagOf(login), a.username).toBe(false);
      expect(flagOf(await c.get('/api/auth/me')), a.username).toBe(false);
      const start =
        a.role === 'clerk' || a.role === 'deptHead' || a.role === 'financeReviewer'
          ? '/api/departments/440105-TZCJ/goals?year=2023'
          : a.role === 'auditAdmin'
            ? '/api/audit/verify'
            : '/api/users';
      expect((await c.get(start)).status, `${a.username} ${start}`).toBe(200);
    }
  });
});
