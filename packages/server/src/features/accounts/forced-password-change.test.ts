// The forced change of a password someone else set (a reset, an account created by an administrator, the generated
// first administrator): the session may only change the password, ask who it is and sign out — on both databases.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { createUser, ensureFirstAdmin } from './accounts.service.ts';
import { DEMO_ACCOUNTS } from '../../demo/demo-accounts.ts';
import { TestClient, errorOf, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '10';

describeEachDb('forced password change', (use) => {
  const clock = new Date('2023-03-01T02:00:00Z');
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => clock });
  const client = () => new TestClient(app());

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
  });

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
