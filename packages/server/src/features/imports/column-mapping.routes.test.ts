// Column mapping over HTTP on both databases: a progress file whose headers cannot be matched answers 422 with the
// expected fields and the headers found; the clerk saves which header is which (audited), the same file then
// imports; the mapping is remembered per department and kind; unknown fields, a reviewer's write and another
// department's clerk are refused.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const otherClerk: Actor = { ...clerk, userId: 'u-kgxj', departmentCode: '440105-KGXJ' };
const reviewer: Actor = {
  ...clerk,
  userId: 'u-rev',
  username: 'czj',
  role: 'financeReviewer',
  departmentCode: null,
};

const URL_PROGRESS = '/api/departments/440105-TZCJ/import-mappings/progress';
// Headers no alias knows: 指标 (指标名称), 截至 (月份), 完成情况 (累计完成值).
const odd = ['项目编码,指标,截至,完成情况', 'TZCJ-XM-001,举办和参加招商推介活动场次,8,9'].join(
  '\n',
);

function upload(name: string, text: string): FormData {
  const form = new FormData();
  form.append('file', new File([text], name));
  return form;
}

interface MappingOut {
  departmentCode: string;
  kind: string;
  mapping: Record<string, string>;
  fields: { field: string; header: string; aliases: string[] }[];
}

describeEachDb('column mapping routes', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2023-09-01T00:00:00Z') },
      { testActor: actor },
    );
  const put = (actor: Actor, url: string, mapping: Record<string, string>) =>
    app(actor).request(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mapping }),
    });
  const send = (name: string) =>
    app(clerk).request('/api/departments/440105-TZCJ/imports/progress?year=2023', {
      method: 'POST',
      body: upload(name, odd),
    });

  it('nothing saved: the fields of the kind with their template header and aliases', async () => {
    const res = await app(clerk).request(URL_PROGRESS);
    expect(res.status).toBe(200);
    const body = (await res.json()) as MappingOut;
    expect(body).toMatchObject({ departmentCode: '440105-TZCJ', kind: 'progress', mapping: {} });
    expect(body.fields.find((f) => f.field === 'month')).toMatchObject({ header: '月份' });
    expect(body.fields.map((f) => f.field)).toContain('indicatorName');
  });

  it('an unmatched file is refused with expected and found headers; once mapped, it imports', async () => {
    const refused = await send('进度-8月.csv');
    expect(refused.status).toBe(422);
    const e = (await refused.json()) as {
      error: {
        code: string;
        details: { expected: string[]; found: string[]; accepted: Record<string, string[]> };
      };
    };
    expect(e.error.code).toBe('IMPORT_HEADERS_MISSING');
    expect(e.error.details.found).toEqual(['项目编码', '指标', '截至', '完成情况']);
    expect(Object.keys(e.error.details.accepted).sort()).toEqual(
      ['indicatorName', 'month', 'value'].sort(),
    );

    const saved = await put(clerk, URL_PROGRESS, {
      indicatorName: '指标',
      month: ' 截至 ',
      value: '完成情况',
      note: '',
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as MappingOut).mapping).toEqual({
      indicatorName: '指标',
      month: '截至',
      value: '完成情况',
    });
    const [audit] = await queryRows<{ action: string; entity_id: string }>(
      use().db,
      sql`select action, entity_id from audit_log order by seq desc limit 1`,
    );
    expect(audit).toEqual({ action: 'import.mapping.save', entity_id: '440105-TZCJ/progress' });

    const ok = await send('进度-8月.csv');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ kind: 'progress', rows: 1, months: [8] });
  });

  it('remembered per department and kind: read back; another kind and department have none', async () => {
    const again = (await (await app(clerk).request(URL_PROGRESS)).json()) as MappingOut;
    expect(again.mapping).toMatchObject({ month: '截至' });
    const ledger = (await (
      await app(clerk).request('/api/departments/440105-TZCJ/import-mappings/ledger')
    ).json()) as MappingOut;
    expect(ledger.mapping).toEqual({});
    const kgxj = (await (
      await app(otherClerk).request('/api/departments/440105-KGXJ/import-mappings/progress')
    ).json()) as MappingOut;
    expect(kgxj.mapping).toEqual({});
  });

  it('refuses a field the kind does not have, an unknown kind, a reviewer’s write, another department', async () => {
    const unknown = await put(clerk, URL_PROGRESS, { nope: '甲' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'IMPORT_MAPPING_INVALID',
    );
    expect(
      (await app(clerk).request('/api/departments/440105-TZCJ/import-mappings/x')).status,
    ).toBe(400);
    expect((await put(reviewer, URL_PROGRESS, { month: '截至' })).status).toBe(403);
    expect((await app(otherClerk).request(URL_PROGRESS)).status).toBe(403);
    const kept = (await (await app(clerk).request(URL_PROGRESS)).json()) as MappingOut;
    expect(kept.mapping).toMatchObject({ month: '截至' });
  });
});
