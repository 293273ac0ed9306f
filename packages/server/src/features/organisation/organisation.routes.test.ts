// The organisation routes over HTTP, from an empty install: region create (201, then 200 unchanged), a preview of
// the 单位名录 upload writes nothing, the import itself, 单位管理's add and deactivate, every answer matching its
// declared response schema; a department clerk is refused, and a refused file answers 422 with every bad row.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { Actor } from '../../auth/actor.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import {
  AgencySchema,
  CreateRegionResultSchema,
  ImportAgenciesResultSchema,
  RegionOrganisationSchema,
  SetupStatusSchema,
} from './organisation.schema.ts';

const examples = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../examples/baiyun-2025',
);
const admin: Actor = {
  userId: 'u-admin',
  username: 'admin',
  displayName: '系统管理员',
  role: 'systemAdmin',
  departmentCode: null,
  regionCode: '*',
  ip: null,
};
const clerk: Actor = {
  ...admin,
  userId: 'u-clerk',
  username: 'clerk',
  role: 'clerk',
  departmentCode: '440111-SWJ',
  regionCode: '440111',
};

describeEachDb(
  'organisation routes',
  (use) => {
    const app = (actor: Actor) =>
      createApp(
        { database: use(), config: loadConfig({}), now: () => new Date('2025-03-01T00:00:00Z') },
        { testActor: actor },
      );
    const json = async (actor: Actor, method: string, url: string, body?: unknown) => {
      const res = await app(actor).request(url, {
        method,
        ...(body !== undefined
          ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
          : {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const upload = async (actor: Actor, url: string, name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append('file', new File([bytes], name));
      const res = await app(actor).request(url, { method: 'POST', body: form });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    it('region create, preview, import, list, add and deactivate', async () => {
      const setup = await json(admin, 'GET', '/api/organisation/setup');
      expect(SetupStatusSchema.parse(setup.body).needsSetup).toBe(true);
      const made = await json(admin, 'POST', '/api/regions', {
        code: '440111',
        name: '广州市白云区',
      });
      expect(made.status).toBe(201);
      CreateRegionResultSchema.parse(made.body);
      expect(
        (await json(admin, 'POST', '/api/regions', { code: '440111', name: '广州市白云区' }))
          .status,
      ).toBe(200);

      const xlsx = new Uint8Array(fs.readFileSync(path.join(examples, 'agencies.xlsx')));
      const url = '/api/regions/440111/agencies/import';
      const preview = await upload(admin, `${url}?dryRun=true&year=2025`, 'agencies.xlsx', xlsx);
      expect(preview.status).toBe(200);
      expect(ImportAgenciesResultSchema.parse(preview.body).counts.departmentsCreated).toBe(3);
      const empty = await json(admin, 'GET', '/api/organisation?region=440111');
      expect(RegionOrganisationSchema.array().parse(empty.body)[0]!.departments).toHaveLength(0);
      const done = await upload(admin, `${url}?year=2025`, 'agencies.xlsx', xlsx);
      expect(ImportAgenciesResultSchema.parse(done.body).dryRun).toBe(false);
      const list = RegionOrganisationSchema.array().parse(
        (await json(admin, 'GET', '/api/organisation')).body,
      );
      expect(list[0]!.departments.map((d) => d.code)).toEqual([
        '440111-JYJ',
        '440111-SWJ',
        '440111-WJJ',
      ]);

      const added = await json(admin, 'POST', '/api/regions/440111/agencies', {
        code: '440111-SWJ03',
        name: '广州市白云区会展服务中心',
        parentCode: '440111-SWJ',
      });
      expect(added.status).toBe(201);
      expect(AgencySchema.parse(added.body).kind).toBe('unit');
      const off = await json(admin, 'PATCH', '/api/agencies/440111-SWJ03', { active: false });
      expect(AgencySchema.parse(off.body).active).toBe(false);
    });

    it('a clerk is refused; a refused file answers 422 with every bad row', async () => {
      expect(
        (await json(clerk, 'POST', '/api/regions', { code: '440112', name: 'x' })).status,
      ).toBe(403);
      expect((await json(clerk, 'GET', '/api/organisation')).status).toBe(403);
      const bad = new TextEncoder().encode('单位代码,单位名称,上级单位代码\nA1,甲,NOPE\nA1,乙,\n');
      const r = await upload(admin, '/api/regions/440111/agencies/import', 'bad.csv', bad);
      expect(r.status).toBe(422);
      const err = r.body['error'] as { code: string; details: { errors: { row: number }[] } };
      expect(err.code).toBe('ORGANISATION_FILE_INVALID');
      expect(err.details.errors.map((e) => e.row)).toEqual([2, 3]);
      const noHeader = await upload(
        admin,
        '/api/regions/440111/agencies/import',
        'x.csv',
        new TextEncoder().encode('编号,名字\n1,甲\n'),
      );
      expect(noHeader.status).toBe(422);
      expect((noHeader.body['error'] as { message: string }).message).toContain(
        '缺少 单位代码、单位名称',
      );
    });
  },
  'empty',
);
