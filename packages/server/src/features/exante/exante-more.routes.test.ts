// Accounts of a 第三方机构 created by the system administrator (三员分立), 佐证材料 files (type, size, who may
// upload and download, audited) and the checks on a region's own templates — over HTTP on both databases.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { defaultExAnteTemplate } from '@jixiao/core';
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
const otherClerk: Actor = { ...clerk, userId: 'u-o', username: 'o', departmentCode: '440105-SWJ' };
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const admin: Actor = { ...reviewer, userId: 'u-adm', username: 'sysadmin', role: 'systemAdmin' };

interface ErrorBody {
  error: { code: string; message: string };
}
const PDF = new TextEncoder().encode('%PDF-1.4\n%可行性研究报告\n');

describeEachDb('ex-ante accounts, evidence and templates', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2024-01-05T02:00:00Z') },
      { testActor: actor },
    );
  const call = async (actor: Actor, method: string, path: string, body?: unknown) => {
    const res = await app(actor).request(path, {
      method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const upload = async (actor: Actor, id: string, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new File([bytes], name));
    form.append('pointCode', 'NECESSITY.1.1');
    const res = await app(actor).request(`/api/exante/items/${id}/evidence`, {
      method: 'POST',
      body: form,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  let itemId = '';
  let evaluator: Actor = { ...reviewer, userId: '', role: 'thirdParty' };

  it('the system administrator creates a third-party account for a registered agency; the bureau may not', async () => {
    await call(reviewer, 'POST', '/api/exante/agencies', {
      code: 'KSKJ',
      name: '云南昆审会计师事务所',
      year: 2024,
    });
    const body = { agencyCode: 'KSKJ', username: 'ks_eval', displayName: '昆审评估员' };
    const refused = await call(reviewer, 'POST', '/api/exante/agency-accounts', body);
    expect((refused.body as ErrorBody).error.code).toBe('ROLE_FORBIDDEN');
    const unknown = await call(admin, 'POST', '/api/exante/agency-accounts', {
      ...body,
      agencyCode: 'NOPE',
    });
    expect((unknown.body as ErrorBody).error.code).toBe('EXANTE_AGENCY_UNKNOWN');
    const created = await call(admin, 'POST', '/api/exante/agency-accounts', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ agency: 'KSKJ', username: 'ks_eval' });
    expect(
      (created.body as { generatedPassword: string }).generatedPassword.length,
    ).toBeGreaterThanOrEqual(12);
    const [u] = await queryRows<{ id: string; role: string; region_code: string; must: boolean }>(
      use().db,
      sql`select id, role, region_code, must_change_password as must from users where username = 'ks_eval'`,
    );
    expect(u).toMatchObject({ role: 'thirdParty', region_code: '440105', must: true });
    evaluator = { ...evaluator, userId: u!.id, username: 'ks_eval' };
    const listed = (await call(admin, 'GET', '/api/exante/agency-accounts')).body;
    expect(listed).toEqual([
      expect.objectContaining({
        code: 'KSKJ',
        accounts: [{ username: 'ks_eval', displayName: '昆审评估员', disabled: false }],
      }),
    ]);
    const audit = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity_id = ${u!.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'exante.agency.account']);
    expect((await call(evaluator, 'GET', '/api/exante?year=2024')).body).toEqual([]);
  });

  it('evidence: the department uploads a checked file; readers download it; others are refused', async () => {
    itemId = (
      (
        await call(clerk, 'POST', '/api/exante/items', {
          departmentCode: '440105-TZCJ',
          year: 2024,
          projectCode: 'TZCJ-XM-301',
          projectName: '园区配套道路改造',
          type: 'PROJECT',
          isNew: true,
          amount: '1500000',
        })
      ).body as { id: string }
    ).id;
    const ok = await upload(clerk, itemId, '可行性研究报告.pdf', PDF);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      fileName: '可行性研究报告.pdf',
      mimeType: 'application/pdf',
      size: PDF.byteLength,
      pointCode: 'NECESSITY.1.1',
      uploadedByName: '填报员',
    });
    const fake = await upload(clerk, itemId, '报告.pdf', new TextEncoder().encode('not a pdf'));
    expect(fake.status).toBe(415);
    expect((fake.body as ErrorBody).error.code).toBe('EXANTE_EVIDENCE_TYPE');
    const exe = await upload(clerk, itemId, 'setup.exe', PDF);
    expect((exe.body as ErrorBody).error.code).toBe('EXANTE_EVIDENCE_TYPE');
    const empty = await upload(clerk, itemId, 'a.txt', new Uint8Array());
    expect((empty.body as ErrorBody).error.code).toBe('EXANTE_EVIDENCE_EMPTY');
    expect((await upload(otherClerk, itemId, 'a.pdf', PDF)).status).toBe(403);
    expect((await upload(reviewer, itemId, 'a.pdf', PDF)).status).toBe(409); // a draft is the department's

    const list = (await call(reviewer, 'GET', `/api/exante/items/${itemId}/evidence`)).body as {
      id: string;
    }[];
    expect(list).toHaveLength(1);
    const res = await app(reviewer).request(`/api/exante/items/${itemId}/evidence/${list[0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect(
      (await app(otherClerk).request(`/api/exante/items/${itemId}/evidence/${list[0]!.id}`)).status,
    ).toBe(403);
    expect((await call(evaluator, 'GET', `/api/exante/items/${itemId}/evidence`)).status).toBe(403);
    const audit = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity = 'exante_evidence' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'exante.evidence.upload',
      'exante.evidence.download',
    ]);
  });

  it('the 事前绩效评估报告 renders as a PDF (LibreOffice) from the demo item', async () => {
    const [demo] = await queryRows<{ id: string }>(
      use().db,
      sql`select id from exante_items where project_code = 'TZCJ-XM-2024-01'`,
    );
    const res = await app(reviewer).request(`/api/exante/items/${demo!.id}/report?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.byteLength).toBeGreaterThan(20_000);
  }, 120_000);

  it('a region’s own template must sum to 100 with positive 2-decimal weights', async () => {
    const t = defaultExAnteTemplate('PROJECT');
    const [dim, ...rest] = t.dimensions;
    const [group, ...groups] = dim!.groups;
    const [point, ...points] = group!.points;
    const heavier = {
      ...t,
      dimensions: [
        {
          ...dim!,
          groups: [{ ...group!, points: [{ ...point!, weight: '7' }, ...points] }, ...groups],
        },
        ...rest,
      ],
    };
    const rules = (await call(reviewer, 'GET', '/api/exante/rules?year=2024')).body as object;
    const bad = await call(reviewer, 'PUT', '/api/exante/rules?year=2024', {
      ...rules,
      templates: [heavier],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.code).toBe('EXANTE_TEMPLATE_INVALID');
    expect((bad.body as ErrorBody).error.message).toContain('合计 102.00 分，应为 100 分');
    const good = await call(reviewer, 'PUT', '/api/exante/rules?year=2024', {
      ...rules,
      templates: [t],
    });
    expect(good.status).toBe(200);
  });
});
