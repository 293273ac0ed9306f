// The pipeline over HTTP: create and edit with Chinese 4xx messages, stage moves and their history.
import { expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import {
  BASE,
  clerk,
  json,
  NEW_PROJECT,
  otherClerk,
  pipelineApp,
  reviewer,
  type ErrorBody,
  type Page,
} from './investment-test-setup.ts';

describeEachDb('investment pipeline routes: create, edit, move', (use) => {
  const app = pipelineApp(use);

  it('creates a project with exact money, implied dates and history; refuses bad input in Chinese', async () => {
    const res = await app(clerk).request(BASE, json('POST', NEW_PROJECT));
    expect(res.status).toBe(201);
    const p = (await res.json()) as Page['items'][number];
    expect(p).toMatchObject({
      plannedInvestmentWan: '12345.678901',
      plannedInvestmentYuan: '123456789.01',
      stage: 'NEGOTIATING',
      responsibleUnit: { name: '琶洲街道' },
    });
    const dup = await app(clerk).request(BASE, json('POST', NEW_PROJECT));
    expect(dup.status).toBe(409);
    const dupError = ((await dup.json()) as ErrorBody).error;
    expect(dupError.message).toBe('项目编号「ZS-T-0001」已存在');
    expect(dupError.code).toBe('INVESTMENT_PROJECT_CODE_TAKEN');

    const bad = await app(clerk).request(
      BASE,
      json('POST', { ...NEW_PROJECT, code: 'ZS-T-0002', plannedInvestmentWan: '12.3456789' }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toContain(
      '计划投资额应为万元金额，最多 6 位小数',
    );
    const badUnit = await app(clerk).request(
      BASE,
      json('POST', { ...NEW_PROJECT, code: 'ZS-T-0002', responsibleUnitCode: 'JD-NOWHERE' }),
    );
    const badUnitError = ((await badUnit.json()) as ErrorBody).error;
    expect(badUnitError.message).toBe('输入有误：「责任单位」「JD-NOWHERE」不是本区的部门或街道');
    expect(badUnitError.code).toBe('PROJECT_FIELDS_INVALID');
    const future = await app(clerk).request(
      BASE,
      json('POST', {
        ...NEW_PROJECT,
        code: 'ZS-T-0002',
        stageDates: { LEAD: '2024-01-10', NEGOTIATING: '2024-02-01' },
      }),
    );
    expect(future.status).toBe(400);
    expect(((await future.json()) as ErrorBody).error.message).toContain('晚于今天（2024-01-15）');
    const skipped = await app(clerk).request(
      BASE,
      json('POST', {
        ...NEW_PROJECT,
        code: 'ZS-T-0003',
        stage: 'SIGNED',
        stageDates: { LEAD: '2023-10-01', SIGNED: '2023-11-01' },
      }),
    );
    expect(((await skipped.json()) as Page['items'][number]).stageDates).toMatchObject({
      LEAD: '2023-10-01',
      NEGOTIATING: '2023-11-01',
      SIGNED: '2023-11-01',
    });
    expect(
      (await app(reviewer).request(BASE, json('POST', { ...NEW_PROJECT, code: 'ZS-T-0004' })))
        .status,
    ).toBe(403);
    expect((await app(otherClerk).request(BASE)).status).toBe(403);
  });

  it('moves stages forward with dates and back only with a reason; the history says who and when', async () => {
    const { items } = (await (await app(clerk).request(`${BASE}?q=ZS-T-0001`)).json()) as Page;
    const id = items[0]!.id;
    const early = await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'SIGNED', date: '2023-09-19' }),
    );
    expect(early.status).toBe(400);
    const earlyError = ((await early.json()) as ErrorBody).error;
    expect(earlyError.message).toBe('「签约」日期 2023-09-19 早于「洽谈」日期 2023-09-20');
    expect(earlyError.code).toBe('STAGE_DATE_BEFORE_PREVIOUS');
    const moved = (await (
      await app(clerk).request(
        `${BASE}/${id}/stage`,
        json('POST', { to: 'REGISTERED', date: '2023-12-01' }),
      )
    ).json()) as Page['items'][number];
    expect(moved.stageDates).toMatchObject({ SIGNED: '2023-12-01', REGISTERED: '2023-12-01' });
    const noReason = await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'NEGOTIATING' }),
    );
    expect(noReason.status).toBe(400);
    const noReasonError = ((await noReason.json()) as ErrorBody).error;
    expect(noReasonError.message).toContain('请填写退回原因');
    expect(noReasonError.code).toBe('STAGE_BACK_REASON_REQUIRED');
    const same = await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'REGISTERED', date: '2023-12-02' }),
    );
    expect(same.status).toBe(409);
    expect(((await same.json()) as ErrorBody).error).toMatchObject({
      code: 'STAGE_UNCHANGED',
      message: '项目已处于「注册落地」阶段',
    });
    await app(clerk).request(
      `${BASE}/${id}/stage`,
      json('POST', { to: 'NEGOTIATING', reason: '签约主体变更，重新洽谈' }),
    );
    const history = (await (await app(reviewer).request(`${BASE}/${id}/history`)).json()) as {
      kind: string;
      toStage: string;
      reachedOn: string | null;
      reason: string | null;
      changedByName: string;
    }[];
    expect(history.map((h) => [h.kind, h.toStage, h.reachedOn])).toEqual([
      ['create', 'LEAD', '2023-09-01'],
      ['create', 'NEGOTIATING', '2023-09-20'],
      ['forward', 'SIGNED', '2023-12-01'],
      ['forward', 'REGISTERED', '2023-12-01'],
      ['back', 'NEGOTIATING', null],
    ]);
    expect(history[4]).toMatchObject({ reason: '签约主体变更，重新洽谈', changedByName: '填报员' });
    const patched = await app(clerk).request(
      `${BASE}/${id}`,
      json('PATCH', { name: '示例数字营销华南总部（二期）项目', stage: 'LEAD' }),
    );
    expect(patched.status).toBe(400); // stage is not editable here
    const ok = (await (
      await app(clerk).request(`${BASE}/${id}`, json('PATCH', { plannedInvestmentWan: '20000' }))
    ).json()) as Page['items'][number];
    expect(ok.plannedInvestmentYuan).toBe('200000000.00');
  });
});
