// Issue 16, point 9: 404 against 403 told which department codes exist, and refusals answered 404 were not logged as
// access.denied. Now an unknown code gets the same answer as another department's, and both are logged; a 404 that
// hides another region's account is logged too — on both databases, through real sessions.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { createUser } from './accounts.service.ts';
import { TestClient, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '10';

describeEachDb('refusals are uniform and logged', (use) => {
  const clock = new Date('2023-03-01T02:00:00Z');
  const client = () =>
    new TestClient(createApp({ database: use(), config: loadConfig({}), now: () => clock }));
  const denied = (entityId: string) =>
    queryRows<{ after: { reason: string } }>(
      use().db,
      sql`select after from audit_log where action = 'access.denied' and entity_id = ${entityId}`,
    );

  /** The answer with the asked code blanked (it is echoed back, whatever it is). */
  const same = (body: unknown, code: string) => JSON.stringify(body).replaceAll(code, '…');

  beforeAll(async () => {
    await fastDemoPasswords(use().db);
    await fixtureWrite(use().db, 'another department and another region', async (tx) => {
      await tx.execute(
        sql`insert into regions (code, name, level) values ('440106', '天河区', 'district') on conflict do nothing`,
      );
      await tx.execute(
        sql`insert into departments (code, region_code, name, short_name, kind) values ('440105-OTHER', '440105', '区其他局', '其他局', 'department'), ('440106-CZJ', '440106', '天河区财政局', '财政局', 'financeBureau') on conflict do nothing`,
      );
    });
  });

  it('an unknown department code and another department’s get the same 403, both logged as access.denied', async () => {
    const clerk = client();
    expect((await clerk.login('tzcj_clerk', 'Demo#Clerk2023')).status).toBe(200);
    const foreign = await clerk.get('/api/departments/440105-OTHER/goals?year=2023');
    const unknown = await clerk.get('/api/departments/440105-ZZZZ/goals?year=2023');
    expect([foreign.status, unknown.status]).toEqual([403, 403]);
    expect(same(unknown.body, '440105-ZZZZ')).toBe(same(foreign.body, '440105-OTHER'));
    const reviewer = client();
    await reviewer.login('czj_reviewer', 'Demo#Review2023');
    const otherRegion = await reviewer.get('/api/departments/440106-XXXX/projects?year=2023');
    const unknownOwn = await reviewer.get('/api/departments/440105-ZZZZ/projects?year=2023');
    expect([otherRegion.status, unknownOwn.status]).toEqual([403, 403]);
    expect(same(otherRegion.body, '440106-XXXX')).toBe(same(unknownOwn.body, '440105-ZZZZ'));
    for (const path of [
      'GET /api/departments/440105-OTHER/goals',
      'GET /api/departments/440105-ZZZZ/goals',
      'GET /api/departments/440106-XXXX/projects',
    ]) {
      expect(
        (await denied(path)).map((d) => d.after.reason),
        path,
      ).toEqual(['department']);
    }
  });

  it('a 404 that hides another region’s account is logged as access.denied', async () => {
    const other = await createUser(
      use().db,
      CLI_ACTOR,
      {
        username: 'tianhe_admin',
        displayName: '天河区管理员',
        role: 'systemAdmin',
        departmentCode: '440106-CZJ',
        password: 'Tianhe#Admin2023',
      },
      clock,
    );
    const sys = client();
    await sys.login('sysadmin', 'Demo#SysAdmin2023');
    const hidden = await sys.post(`/api/users/${other.user.id}/reset-password`);
    const missing = await sys.post(
      `/api/users/00000000-0000-4000-8000-000000000000/reset-password`,
    );
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(
      (await denied(`POST /api/users/${other.user.id}/reset-password`)).map((d) => d.after.reason),
    ).toEqual(['region']);
    expect(
      await denied('POST /api/users/00000000-0000-4000-8000-000000000000/reset-password'),
    ).toEqual([]);
  });
});
