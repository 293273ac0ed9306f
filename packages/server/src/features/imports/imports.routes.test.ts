// Upload over HTTP (multipart, as the UI's upload page sends it) and the templates: a template downloaded,
// filled in and uploaded imports; a bad file answers 422 with every error; a duplicate 409.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
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
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};

function upload(name: string, bytes: Uint8Array | string): FormData {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  return form;
}

async function fill(
  template: ArrayBuffer,
  rows: (string | number | Date)[][],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template);
  const ws = wb.worksheets[0]!;
  for (const r of rows) {
    ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeEachDb('import routes and templates', (use) => {
  const app = (actor: Actor) =>
    createApp(
      { database: use(), config: loadConfig({}), now: () => new Date('2025-07-01T00:00:00Z') },
      { testActor: actor },
    );

  it('templates carry the Chinese headers the importer reads, plus a 填写说明 sheet', async () => {
    for (const [kind, first] of [
      ['ledger', '支付日期'],
      ['budgets', '项目编码'],
      ['progress', '指标ID'],
    ] as const) {
      const res = await app(clerk).request(`/api/templates/${kind}.xlsx`);
      expect(res.status).toBe(200);
      expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
        '导入模板.xlsx',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)[1]).toBe('填写说明');
      expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe(first);
    }
    expect((await app(clerk).request('/api/templates/other.xlsx')).status).toBe(400);
  });

  it('budget template filled in and uploaded, then a ledger template; the import list shows both', async () => {
    const budgetTpl = await (await app(clerk).request('/api/templates/budgets.xlsx')).arrayBuffer();
    const budget = await fill(budgetTpl, [
      [
        'TZCJ-XM-201',
        '招商引资业务工作经费',
        '年初',
        900000,
        new Date(Date.UTC(2025, 0, 10)),
        '海财预〔2025〕1号',
        '',
      ],
    ]);
    const b = await app(clerk).request('/api/departments/440105-TZCJ/imports/budgets?year=2025', {
      method: 'POST',
      body: upload('预算.xlsx', budget),
    });
    expect(b.status).toBe(200);
    expect(await b.json()).toMatchObject({
      kind: 'budget',
      rows: 1,
      totalYuan: '900000.00',
      createdProjects: ['TZCJ-XM-201'],
    });

    const ledgerTpl = await (await app(clerk).request('/api/templates/ledger.xlsx')).arrayBuffer();
    const ledger = await fill(ledgerTpl, [
      [
        new Date(Date.UTC(2025, 0, 20)),
        'TZCJ-XM-201',
        '招商引资业务工作经费',
        '30215 会议费',
        12000.5,
        '推介会',
        'GK2025-1',
      ],
      [
        new Date(Date.UTC(2025, 1, 5)),
        'TZCJ-XM-201',
        '招商引资业务工作经费',
        '30211 差旅费',
        3456.78,
        '差旅',
        'GK2025-2',
      ],
    ]);
    const l = await app(clerk).request('/api/departments/440105-TZCJ/imports/ledger?year=2025', {
      method: 'POST',
      body: upload('台账.xlsx', ledger),
    });
    expect(l.status).toBe(200);
    expect(await l.json()).toMatchObject({
      format: 'xlsx',
      rows: 2,
      months: [1, 2],
      totalYuan: '15457.28',
    });

    const again = await app(clerk).request(
      '/api/departments/440105-TZCJ/imports/ledger?year=2025',
      { method: 'POST', body: upload('台账(1).xlsx', ledger) },
    );
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'IMPORT_DUPLICATE_FILE',
    );

    const list = (await (
      await app(reviewer).request('/api/departments/440105-TZCJ/imports?year=2025')
    ).json()) as { kind: string; rows: number }[];
    expect(list.map((x) => [x.kind, x.rows])).toEqual([
      ['ledger', 2],
      ['budget', 1],
    ]);
  });

  it('a bad file answers 422 with every error listed, in Chinese with English alongside', async () => {
    const csv =
      '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号\n2025-13-01,TZCJ-XM-201,,30201 办公费,1.00,x,V1\n2025-03-01,NOPE,,30201 办公费,1.001,x,\n';
    const res = await app(clerk).request('/api/departments/440105-TZCJ/imports/ledger?year=2025', {
      method: 'POST',
      body: upload('bad.csv', csv),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: {
        code: string;
        message: string;
        messageEn: string;
        details: { errorCount: number; errors: { row: number; column: string; code: string }[] };
      };
    };
    expect(body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.error.message).toContain('未导入任何数据');
    expect(body.error.messageEn).toContain('nothing was imported');
    expect(body.error.details.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '支付日期', 'BAD_DATE'],
      [3, '项目编码', 'UNKNOWN_PROJECT'],
      [3, '金额(元)', 'BAD_AMOUNT'],
      [3, '凭证号', 'REQUIRED'],
    ]);
  });

  it('refuses uploads without a file, of another department, or by the finance bureau', async () => {
    const noFile = await app(clerk).request(
      '/api/departments/440105-TZCJ/imports/ledger?year=2025',
      { method: 'POST', body: new FormData() },
    );
    expect(noFile.status).toBe(400);
    const badKind = await app(clerk).request(
      '/api/departments/440105-TZCJ/imports/other?year=2025',
      { method: 'POST', body: upload('a.csv', 'x') },
    );
    expect(badKind.status).toBe(400);
    const bureau = await app(reviewer).request(
      '/api/departments/440105-TZCJ/imports/ledger?year=2025',
      { method: 'POST', body: upload('a.csv', 'x') },
    );
    expect(bureau.status).toBe(403);
  });
});
