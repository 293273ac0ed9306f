// A district from an empty install, on both databases: the region and its finance bureau, the example district's
// 单位名录 (xlsx with a title row and merged cells, then the GBK CSV: nothing changes), a refused file listing every
// bad row and changing nothing, 单位管理 (add, rename, deactivate), and the accounts upload.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import { ServiceError } from '../../http/service-error.ts';
import { bufferSource, fileSource } from '../../import/import-source.ts';
import { importUsers } from '../accounts/accounts-import.ts';
import { importAgencies } from './agencies-import.service.ts';
import { listOrganisation } from './organisation-listing.ts';
import { addAgency, createRegion, setupStatus, updateAgency } from './organisation.service.ts';

const examples = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../examples/baiyun-2025',
);
const now = new Date('2025-03-01T02:00:00Z');
const admin: Actor = {
  userId: 'u-admin',
  username: 'admin',
  displayName: '系统管理员',
  role: 'systemAdmin',
  departmentCode: null,
  regionCode: '*',
  ip: null,
};
const reviewer: Actor = {
  ...admin,
  userId: 'u-rev',
  username: 'rev',
  role: 'financeReviewer',
  departmentCode: '440111-CZJ',
  regionCode: '440111',
};
const otherReviewer: Actor = { ...reviewer, regionCode: '440106' };

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}
const csv = (name: string, lines: string[]) =>
  bufferSource(name, new TextEncoder().encode(lines.join('\n')));

describeEachDb(
  'organisation from an empty install',
  (use) => {
    const db = () => use().db;
    const count = async (table: string) =>
      Number(
        (
          await queryRows<{ n: string }>(db(), sql.raw(`select count(*)::text as n from ${table}`))
        )[0]!.n,
      );

    it('creates the region and its finance bureau; the same again is a no-op; a different name is refused', async () => {
      expect((await setupStatus(db(), admin)).needsSetup).toBe(true);
      const r = await createRegion(db(), admin, { code: '440111', name: '广州市白云区' });
      expect(r).toMatchObject({
        created: true,
        level: 'district',
        financeBureau: { code: '440111-CZJ', name: '广州市白云区财政局', shortName: '区财政局' },
      });
      const again = await createRegion(db(), CLI_ACTOR, { code: '440111', name: '广州市白云区' });
      expect(again.created).toBe(false);
      expect(
        (await refusal(createRegion(db(), admin, { code: '440111', name: '白云' }))).code,
      ).toBe('REGION_EXISTS');
      for (const code of ['99011', '990111', '44011a']) {
        const e = await refusal(createRegion(db(), admin, { code, name: 'x' }));
        expect(e.code).toBe('REGION_CODE_INVALID');
      }
      expect(
        (await refusal(createRegion(db(), reviewer, { code: '440112', name: 'x' }))).code,
      ).toBe('ROLE_FORBIDDEN');
      expect(await count('regions')).toBe(1);
    });

    it('a refused 单位名录 lists every bad row and changes nothing', async () => {
      const before = await count('departments');
      const e = await refusal(
        importAgencies(
          db(),
          admin,
          {
            regionCode: '440111',
            source: csv('bad.csv', [
              '单位名录（示例）,,',
              '单位代码,单位名称,上级单位代码',
              'D1,甲局,',
              'U1,甲局下属中心,D1',
              'U2,挂在单位下,U1',
              'X1,循环一,X2',
              'X2,循环二,X1',
              'U9,无上级,NOPE',
              'D1,重复,',
              'A B,坏代码,',
              '440111-CZJ,财政局,',
            ]),
          },
          now,
        ),
      );
      expect(e.code).toBe('ORGANISATION_FILE_INVALID');
      const d = e.details as { errors: { row: number; code: string; message: string }[] };
      expect(d.errors.map((x) => [x.row, x.code])).toEqual([
        [5, 'BAD_LEVEL'],
        [6, 'BAD_LEVEL'],
        [7, 'BAD_LEVEL'],
        [8, 'UNKNOWN_PARENT'],
        [9, 'DUPLICATE_CODE'],
        [10, 'BAD_VALUE'],
        [11, 'DUPLICATE_CODE'],
      ]);
      expect(d.errors[0]!.message).toContain('本身是所属单位');
      expect(d.errors[1]!.message).toContain('循环');
      expect(await count('departments')).toBe(before);
    });

    it('imports the example district (xlsx with a title row); again, or as GBK CSV, changes nothing', async () => {
      const audit0 = await count('audit_log');
      const r = await importAgencies(
        db(),
        reviewer,
        {
          regionCode: '440111',
          source: fileSource(path.join(examples, 'agencies.xlsx')),
          year: 2025,
        },
        now,
      );
      expect(r.counts).toMatchObject({ departmentsCreated: 3, unitsCreated: 3, updated: 0 });
      expect(r.staffingYear).toBe(2025);
      expect(await count('audit_log')).toBe(audit0 + 1);
      for (const file of ['agencies.xlsx', 'agencies-gbk.csv']) {
        const again = await importAgencies(
          db(),
          admin,
          { regionCode: '440111', source: fileSource(path.join(examples, file)), year: 2025 },
          now,
        );
        expect(again.counts, file).toMatchObject({
          unchanged: 6,
          updated: 0,
          departmentsCreated: 0,
        });
      }
      expect(await count('audit_log')).toBe(audit0 + 1);
      const [org] = await listOrganisation(db(), reviewer, '440111');
      const swj = org!.departments.find((x) => x.code === '440111-SWJ')!;
      expect(swj).toMatchObject({
        name: '广州市白云区商务局',
        shortName: '区商务局',
        agencyType: '行政单位',
        offices: ['办公室', '商贸流通科', '外资外经科', '电子商务科'],
        staffing: { authorizedStaff: 32, activeStaff: 29, retiredStaff: 11 },
      });
      expect(swj.units.map((u) => u.code)).toEqual(['440111-SWJ01', '440111-SWJ02']);
      expect(org!.staffingYear).toBe(2025);
      expect((await refusal(listOrganisation(db(), otherReviewer, '440111'))).code).toBe(
        'ORGANISATION_OTHER_REGION',
      );
    });

    it('单位管理: adds a unit, renames and deactivates it (never deleted)', async () => {
      const u = await addAgency(db(), reviewer, '440111', {
        code: '440111-JYJ01',
        name: '广州市白云区教育发展中心',
        parentCode: '440111-JYJ',
      });
      expect(u).toMatchObject({ kind: 'unit', parentCode: '440111-JYJ', active: true });
      expect(
        (await refusal(addAgency(db(), reviewer, '440111', { code: '440111-JYJ01', name: 'x' })))
          .code,
      ).toBe('AGENCY_CODE_TAKEN');
      expect(
        (
          await refusal(
            addAgency(db(), reviewer, '440111', {
              code: 'Z1',
              name: 'x',
              parentCode: '440111-SWJ01',
            }),
          )
        ).code,
      ).toBe('AGENCY_PARENT_INVALID');
      const renamed = await updateAgency(db(), reviewer, '440111-JYJ01', {
        name: '广州市白云区教育评估中心',
        active: false,
      });
      expect(renamed).toMatchObject({ name: '广州市白云区教育评估中心', active: false });
      expect(
        (await refusal(updateAgency(db(), otherReviewer, '440111-JYJ01', { active: true }))).code,
      ).toBe('ORGANISATION_OTHER_REGION');
    });

    it('imports accounts: passwords once, forced change, one role each; a refused file creates none', async () => {
      const bad = await refusal(
        importUsers(
          db(),
          admin,
          {
            source: csv('u.csv', [
              '用户名,姓名,单位代码,角色',
              'ok_user,甲,440111-SWJ,填报员',
              'ok_user,乙,440111-SWJ,填报员',
              'two_roles,丙,440111-CZJ,系统管理员、审计管理员',
              'sec_user,丁,440111-CZJ,安全管理员',
              'clerk_fb,戊,440111-CZJ,填报员',
              'nobody,己,NOPE,填报员',
            ]),
          },
          now,
        ),
      );
      expect(bad.code).toBe('ORGANISATION_FILE_INVALID');
      const rows = (bad.details as { errors: { row: number }[] }).errors.map((x) => x.row);
      expect(rows).toEqual([3, 4, 5, 6, 7]);
      expect(await count('users')).toBe(0);
      const r = await importUsers(
        db(),
        admin,
        { source: fileSource(path.join(examples, 'users.csv')) },
        now,
      );
      expect(r.accounts).toHaveLength(7);
      const unitClerk = r.accounts.find((a) => a.username === 'by_tzzx_clerk')!;
      expect(unitClerk).toMatchObject({ role: 'clerk', departmentCode: '440111-SWJ' });
      expect(r.accounts.every((a) => (a.password ?? '').length >= 12)).toBe(true);
      const stored = await queryRows<{ must: boolean }>(
        db(),
        sql`select must_change_password as must from users`,
      );
      expect(stored.every((x) => x.must)).toBe(true);
      const again = await refusal(
        importUsers(db(), admin, { source: fileSource(path.join(examples, 'users.csv')) }, now),
      );
      expect((again.details as { errors: { message: string }[] }).errors[0]!.message).toContain(
        '用户名已存在',
      );
      expect(await count('users')).toBe(7);
    });
  },
  'empty',
);

describeEachDb('the demo is one region among others, loaded the same way', (use) => {
  it('its region, finance bureau, departments, offices and staffing come from the organisation functions', async () => {
    const [org] = await listOrganisation(use().db, CLI_ACTOR, '440105');
    expect(org!.financeBureau).toEqual({ code: '440105-CZJ', name: '广州市海珠区财政局' });
    const tzcj = org!.departments.find((d) => d.code === '440105-TZCJ')!;
    expect(tzcj.offices).toContain('投资促进中心');
    expect(tzcj.staffing).toEqual({ authorizedStaff: 46, activeStaff: 42, retiredStaff: 13 });
    const kinds = await queryRows<{ kind: string }>(
      use().db,
      sql`select kind from department_units where name = '投资促进中心'`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['下属事业单位']);
    const flags = await queryRows<{ dept: boolean; staff: boolean }>(
      use().db,
      sql`select d.illustrative as dept, s.illustrative as staff from departments d join staffing s on s.department_code = d.code where d.code = '440105-TZCJ'`,
    );
    expect(flags).toEqual([{ dept: true, staff: true }]);
    // a second region beside it
    await createRegion(use().db, CLI_ACTOR, { code: '440111', name: '广州市白云区' });
    expect((await listOrganisation(use().db, CLI_ACTOR)).map((r) => r.code)).toEqual([
      '440000',
      '440100',
      '440105',
      '440111',
    ]);
  });
});
