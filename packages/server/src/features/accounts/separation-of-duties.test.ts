// 三员分立 on accounts (issue 16, point 4), over HTTP on both databases. The probe: the system administrator reset the
// audit administrator's password and signed in as the auditor; disabled the security administrator; the security
// administrator made an account a system administrator; a reset password could be set back. Here every pair of the
// three administrator roles × every account action, the probe's steps, and the password history.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { CLI_ACTOR, type Role } from '../../auth/actor.ts';
import { createUser } from './accounts.service.ts';
import { TestClient, errorOf, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '10';

type Target = 'systemAdmin' | 'securityAdmin' | 'auditAdmin' | 'clerk';
type Action = 'edit' | 'disable' | 'resetPassword' | 'setRole' | 'lock' | 'unlock';
const ADMINS = [
  ['systemAdmin', 'sysadmin', 'Demo#SysAdmin2023'],
  ['securityAdmin', 'secadmin', 'Demo#SecAdmin2023'],
  ['auditAdmin', 'auditadmin', 'Demo#Audit2023!'],
] as const;
const TARGETS: Target[] = ['systemAdmin', 'securityAdmin', 'auditAdmin', 'clerk'];
const ACTIONS: Action[] = ['edit', 'disable', 'resetPassword', 'setRole', 'lock', 'unlock'];
const MANAGES: Record<string, Action[]> = {
  systemAdmin: ['edit', 'disable', 'resetPassword'],
  securityAdmin: ['setRole', 'lock', 'unlock'],
  auditAdmin: [],
};

/** The rule (README, Accounts and security): 200 or the refusal code. */
function expected(actor: Role, target: Target, action: Action): string {
  if (!MANAGES[actor]!.includes(action)) {
    return 'ROLE_FORBIDDEN';
  }
  if (action === 'setRole' && target !== 'clerk') {
    return 'ADMIN_ROLE_CLI_ONLY';
  }
  return target === 'clerk' || target === actor ? 'OK' : 'ADMIN_ACCOUNT_PROTECTED';
}

describeEachDb('separation of duties on accounts', (use) => {
  const clock = new Date('2023-03-01T02:00:00Z');
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => clock });
  const client = () => new TestClient(app());
  const ids = new Map<Target, string>();
  let bureau = '';

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    bureau = (
      await queryRows<{ department_code: string }>(
        use().db,
        sql`select department_code from users where username = 'sysadmin'`,
      )
    )[0]!.department_code;
    for (const role of TARGETS) {
      const made = await createUser(
        use().db,
        CLI_ACTOR,
        {
          username: `target_${role.toLowerCase()}`,
          displayName: `对象 ${role}`,
          role,
          departmentCode: role === 'clerk' ? '440105-TZCJ' : bureau,
          password: 'Target#Account2023',
          mustChangePassword: false,
        },
        clock,
      );
      ids.set(role, made.user.id);
    }
  });

  async function act(c: TestClient, action: Action, id: string) {
    switch (action) {
      case 'edit':
        return c.request('PATCH', `/api/users/${id}`, { displayName: '改名' });
      case 'disable': {
        const r = await c.request('PATCH', `/api/users/${id}`, { disabled: true });
        if (r.status === 200) {
          await c.request('PATCH', `/api/users/${id}`, { disabled: false });
        }
        return r;
      }
      case 'resetPassword':
        return c.post(`/api/users/${id}/reset-password`);
      case 'setRole':
        return c.put(`/api/users/${id}/role`, { role: 'clerk', departmentCode: '440105-TZCJ' });
      case 'lock':
        return c.post(`/api/users/${id}/lock`, { minutes: 5 });
      case 'unlock':
        return c.post(`/api/users/${id}/unlock`);
    }
  }

  it('every administrator role × every target duty × every account action follows the rule', async () => {
    const outcomes: string[] = [];
    const wanted: string[] = [];
    for (const [role, username, password] of ADMINS) {
      const c = client();
      expect((await c.login(username, password)).status).toBe(200);
      for (const target of TARGETS) {
        for (const action of ACTIONS) {
          const r = await act(c, action, ids.get(target)!);
          outcomes.push(
            `${role} ${action} ${target}: ${r.status === 200 ? 'OK' : errorOf(r).code}`,
          );
          wanted.push(`${role} ${action} ${target}: ${expected(role, target, action)}`);
        }
      }
    }
    expect(outcomes).toEqual(wanted);
    const refusals = wanted.filter((w) => !w.endsWith('OK')).length;
    const denied = await queryRows<{ n: number }>(
      use().db,
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and entity_id like '% /api/users/%'`,
    );
    expect(Number(denied[0]!.n)).toBeGreaterThanOrEqual(refusals);
  });

  it('the probe: no reset of the auditor, no disabling the security administrator, no administrator roles granted', async () => {
    const sys = client();
    await sys.login('sysadmin', 'Demo#SysAdmin2023');
    const auditorId = (
      await queryRows<{ id: string }>(
        use().db,
        sql`select id from users where username = 'auditadmin'`,
      )
    )[0]!.id;
    const secId = (
      await queryRows<{ id: string }>(
        use().db,
        sql`select id from users where username = 'secadmin'`,
      )
    )[0]!.id;
    const reset = await sys.post(`/api/users/${auditorId}/reset-password`);
    expect(reset.status).toBe(403);
    expect(errorOf(reset).code).toBe('ADMIN_ACCOUNT_PROTECTED');
    expect(JSON.stringify(reset.body)).not.toContain('generatedPassword');
    expect((await sys.request('PATCH', `/api/users/${secId}`, { disabled: true })).status).toBe(
      403,
    );
    expect((await client().login('auditadmin', 'Demo#Audit2023!')).status).toBe(200); // unchanged

    const sec = client();
    await sec.login('secadmin', 'Demo#SecAdmin2023');
    for (const role of ['systemAdmin', 'securityAdmin', 'auditAdmin']) {
      const grant = await sec.put(`/api/users/${ids.get('clerk')!}/role`, {
        role,
        departmentCode: bureau,
      });
      expect(errorOf(grant).code, role).toBe('ADMIN_ROLE_CLI_ONLY');
    }
    const created = await sys.post('/api/users', {
      username: 'sneaky_admin',
      displayName: '越权',
      role: 'securityAdmin',
      departmentCode: bureau,
    });
    expect(errorOf(created).code).toBe('ADMIN_ROLE_NOT_GRANTABLE');
  });

  it('no reuse of the last 5 passwords: not after a reset, not by changing back; the sixth is allowed again', async () => {
    const sys = client();
    await sys.login('sysadmin', 'Demo#SysAdmin2023');
    const made = await createUser(
      use().db,
      CLI_ACTOR,
      {
        username: 'history_one',
        displayName: '历史',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'Original#Secret2023',
        mustChangePassword: false,
      },
      clock,
    );
    const reset = await sys.post(`/api/users/${made.user.id}/reset-password`);
    const temporary = (reset.body as { generatedPassword: string }).generatedPassword;
    const owner = client();
    await owner.login('history_one', temporary);
    const back = await owner.post('/api/auth/password', {
      current: temporary,
      next: 'Original#Secret2023',
    });
    expect(back.status).toBe(400);
    expect(errorOf(back)).toMatchObject({
      code: 'PASSWORD_REUSED',
      message: '新密码不能与最近 5 次使用过的密码相同',
      details: { fields: [{ field: 'next' }] },
    });
    const chain = [
      'Second#Secret2024',
      'Third#Secret2024',
      'Fourth#Secret2024',
      'Fifth#Secret2024',
    ];
    let current = temporary;
    for (const next of chain) {
      expect((await owner.post('/api/auth/password', { current, next })).status, next).toBe(200);
      current = next;
    }
    // last 5: Fifth (current), Fourth, Third, Second, the temporary one
    for (const old of ['Second#Secret2024', 'Third#Secret2024']) {
      expect(errorOf(await owner.post('/api/auth/password', { current, next: old })).code).toBe(
        'PASSWORD_REUSED',
      );
    }
    expect(
      (await owner.post('/api/auth/password', { current, next: 'Original#Secret2023' })).status,
    ).toBe(200);
    const stored = await queryRows<{ password_hash: string }>(
      use().db,
      sql`select password_hash from password_history where user_id = ${made.user.id}`,
    );
    expect(stored).toHaveLength(6);
    expect(stored.every((s) => s.password_hash.startsWith('scrypt$'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Secret');
  });
});
