// 公开 on both databases: the department's package (自评报告, 部门整体 and each project's 自评表, 清单) frozen when
// prepared, the zip holding exactly those files; the proof (URL, date, screenshot) recorded; the public page —
// without sign-in — lists and serves the published package and answers 404 for anything unpublished, also after
// the publication is withdrawn. Files are rendered as .docx here (no LibreOffice run); the PDF path has its own test.
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../db/open-db.ts';
import { describeEachDb, describeOnOneDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { submitToBureau } from '../evaluations/evaluation-test-signoff.ts';
import { getPublication, preparePublication, imageTypeOf } from './publication.service.ts';
import { keepDocx } from './publication-package.ts';
import { isPdfAvailable } from '../../render/pdf/convert-pdf.ts';

const DEPT = '440105-TZCJ';
const YEAR = 2023;
const NOW = new Date('2024-08-25T02:00:00Z');
const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '投促局填报员',
  role: 'clerk',
  departmentCode: DEPT,
  regionCode: '440105',
  ip: null,
};
const reviewer: Actor = {
  ...clerk,
  userId: 'u-rev',
  role: 'financeReviewer',
  departmentCode: null,
};
const otherClerk: Actor = { ...clerk, userId: 'u-o', departmentCode: '440105-OTHER' };
/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The fields of an error body or a Publication the tests read. */
interface Body {
  error: { code: string };
  status: string;
  screenshotName: string | null;
  publicationUrl: string | null;
}

describeEachDb('publication (公开)', (use) => {
  const deps = () => ({ database: use(), config: loadConfig({}), now: () => NOW });
  const as = (actor: Actor) => createApp(deps(), { testActor: actor });
  const anonymous = () => createApp(deps());
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Body });
  const base = `/api/departments/${DEPT}/publication`;
  const publish = (actor: Actor, fields: Record<string, string>, shot: Buffer | null = PNG) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      form.set(k, v);
    }
    if (shot) {
      form.set(
        'screenshot',
        new File([new Uint8Array(shot)], '公开截图.png', { type: 'image/png' }),
      );
    }
    return as(actor).request(`${base}/publish?year=${YEAR}`, { method: 'POST', body: form });
  };
  let fileIds: string[] = [];
  let publicationId = '';

  it('refuses a package before the department self-evaluation is submitted', async () => {
    const status = await queryRows<{ status: string }>(
      use().db,
      sql`select status from self_evaluations where department_code = ${DEPT} and fiscal_year = ${YEAR} and project_id is null`,
    );
    if (status.every((s) => s.status !== 'submitted' && s.status !== 'accepted')) {
      const res = await json(
        await as(clerk).request(`${base}/prepare?year=${YEAR}`, { method: 'POST' }),
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('PUBLICATION_EVALUATION_NOT_SUBMITTED');
      await submitToBureau(use().db, clerk, DEPT, YEAR, NOW);
    }
    const view = await getPublication(use().db, clerk, DEPT, YEAR);
    expect(view.status).toBe('none');
    expect(view.evaluationSubmitted).toBe(true);
  });

  it('prepares the package: report, 部门整体 and every project 自评表, 清单; the zip holds exactly them', async () => {
    const view = await preparePublication(use().db, clerk, DEPT, YEAR, NOW, keepDocx);
    const projects = await queryRows<{ n: number }>(
      use().db,
      sql`select count(*)::int as n from projects where department_code = ${DEPT} and fiscal_year = ${YEAR}`,
    );
    expect(view.status).toBe('prepared');
    const kinds = view.files.map((f) => f.kind);
    expect(kinds[0]).toBe('departmentReport');
    expect(kinds[1]).toBe('departmentTable');
    expect(kinds.at(-1)).toBe('manifest');
    const projectTables = kinds.filter((k) => k === 'projectTable').length;
    expect(projectTables).toBeGreaterThan(0);
    expect(projectTables).toBeLessThanOrEqual(Number(projects[0]!.n));
    expect(view.files[0]!.title).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
    fileIds = view.files.map((f) => f.id);

    const res = await as(clerk).request(`${base}/package?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(Object.keys(zip.files)).toEqual(view.files.map((f) => f.fileName));
    const manifest = await zip.file(view.files.at(-1)!.fileName)!.async('string');
    for (const f of view.files.slice(0, -1)) {
      expect(manifest).toContain(f.sha256);
    }
    const reportText = await zip.file(view.files[0]!.fileName)!.async('nodebuffer');
    expect(reportText.subarray(0, 2).toString()).toBe('PK');
    const audit = await queryRows<{ n: number }>(
      use().db,
      sql`select count(*)::int as n from audit_log where action = 'publication.prepare'`,
    );
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it('keeps other departments and the bureau out of preparing', async () => {
    const other = await json(await as(otherClerk).request(`${base}?year=${YEAR}`));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('DEPARTMENT_FORBIDDEN');
    const bureau = await json(
      await as(reviewer).request(`${base}/prepare?year=${YEAR}`, { method: 'POST' }),
    );
    expect(bureau.body.error.code).toBe('ROLE_FORBIDDEN');
    expect((await json(await as(reviewer).request(`${base}?year=${YEAR}`))).status).toBe(200);
  });

  it('serves nothing unpublished to an anonymous browser', async () => {
    const page = await anonymous().request('/public/440105');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('广州市海珠区预算绩效信息公开');
    expect(html).toContain('暂无已公开');
    for (const id of fileIds) {
      expect((await anonymous().request(`/public/440105/files/${id}`)).status).toBe(404);
    }
    expect((await anonymous().request(`${base}?year=${YEAR}`)).status).toBe(401);
  });

  it('checks the proof: URL, date, screenshot', async () => {
    const good = {
      url: 'https://www.haizhu.gov.cn/gkmlpt/content/9/9999.html',
      publishedOn: '2024-08-20',
    };
    const cases: [Record<string, string>, Buffer | null, string][] = [
      [{ ...good, url: 'javascript:alert(1)' }, PNG, 'PUBLICATION_URL_INVALID'],
      [{ ...good, publishedOn: '2024-02-30' }, PNG, 'PUBLICATION_DATE_INVALID'],
      [{ ...good, publishedOn: '2024-09-01' }, PNG, 'PUBLICATION_DATE_INVALID'],
      [good, null, 'PUBLICATION_SCREENSHOT_REQUIRED'],
      [good, Buffer.from('<svg/>'), 'PUBLICATION_SCREENSHOT_TYPE'],
    ];
    for (const [fields, shot, code] of cases) {
      const res = await json(await publish(clerk, fields, shot));
      expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
    }
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('records the publication; the public page then lists and serves exactly the frozen files', async () => {
    const res = await json(
      await publish(clerk, {
        url: 'https://www.haizhu.gov.cn/gkmlpt/content/9/9999.html',
        publishedOn: '2024-08-20',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    expect(res.body.screenshotName).toBe('公开截图.png');
    const shot = await as(reviewer).request(`${base}/screenshot?year=${YEAR}`);
    expect(Buffer.from(await shot.arrayBuffer()).equals(PNG)).toBe(true);

    const html = await (await anonymous().request('/public/440105')).text();
    expect(html).toContain('广州市海珠区投资促进局');
    expect(html).toContain('2024-08-20');
    expect(html).toContain('https://www.haizhu.gov.cn/gkmlpt/content/9/9999.html');
    const view = await getPublication(use().db, clerk, DEPT, YEAR);
    for (const f of view.files) {
      expect(html).toContain(`/public/440105/files/${f.id}`);
      const got = await anonymous().request(`/public/440105/files/${f.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-security-policy')).toContain("default-src 'self'");
      const body = Buffer.from(await got.arrayBuffer());
      expect(body.length).toBe(f.size);
    }
    publicationId = /\/packages\/([0-9a-f-]{36})\.zip/.exec(html)![1]!;
    const zip = await anonymous().request(`/public/440105/packages/${publicationId}.zip`);
    expect(zip.status).toBe(200);
    expect((await anonymous().request(`/public/440106/files/${fileIds[0]}`)).status).toBe(404);
    expect((await anonymous().request('/public/440105/files/not-an-id')).status).toBe(404);
    expect((await anonymous().request('/public/999999')).status).toBe(404);
  });

  it('refuses preparing again while published; withdrawn, the files are 404 again', async () => {
    const again = await json(
      await as(clerk).request(`${base}/prepare?year=${YEAR}`, { method: 'POST' }),
    );
    expect(again.body.error.code).toBe('PUBLICATION_ALREADY_PUBLISHED');
    const w = await json(
      await as(clerk).request(`${base}/withdraw?year=${YEAR}`, { method: 'POST' }),
    );
    expect(w.body.status).toBe('prepared');
    expect(w.body.publicationUrl).toBeNull();
    expect((await anonymous().request(`/public/440105/files/${fileIds[0]}`)).status).toBe(404);
    expect((await anonymous().request(`/public/440105/packages/${publicationId}.zip`)).status).toBe(
      404,
    );
    const actions = await queryRows<{ action: string }>(
      use().db,
      sql`select action from audit_log where entity = 'publications' order by seq`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'publication.prepare',
      'publication.publish',
      'publication.withdraw',
    ]);
  });
});

describe.runIf(isPdfAvailable())('publication package as PDF (LibreOffice)', () => {
  // PGlite only: preparing the package runs on both databases above; this one is about LibreOffice's conversion.
  describeOnOneDb('pdf', (use) => {
    it('renders every file of the package as a PDF', { timeout: 300_000 }, async () => {
      const db = use().db;
      await submitToBureau(db, clerk, DEPT, YEAR, NOW).catch(() => undefined);
      const view = await preparePublication(db, clerk, DEPT, YEAR, NOW);
      for (const f of view.files.slice(0, -1)) {
        expect(f.contentType).toBe('application/pdf');
        expect(f.fileName.endsWith('.pdf')).toBe(true);
      }
    });
  });
});
