// The worked examples over HTTP on both databases (Done when of issue 15, item 3): the 2024 self-evaluation
// report's problems of 投资促进局 collected into the 整改清单; one worked through evidence and 复核 (sent back
// once) to 销号, the other going 逾期 on a test clock; access by role; the linkage's open counts; the 整改报告.
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { reviewReport } from '@jixiao/core';
import { openRectificationCounts } from './rectifications.service.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const otherClerk: Actor = { ...clerk, userId: 'u-o', username: 'o', departmentCode: '440105-KGXJ' };
const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: '440105-CZJ', // the finance bureau's own code, as the demo account has
  regionCode: '440105',
  ip: null,
};

interface Item {
  id: string;
  issueNo: string;
  source: string;
  problem: string;
  deadline: string;
  finalOn: string;
  status: string;
  displayStatus: string;
  statusText: string;
  overdue: boolean;
  closedAt: string | null;
  evidenceCount: number;
  departmentCode: string;
}
interface Detail extends Item {
  events: { action: string; fromStatus: string | null; toStatus: string; note: string }[];
  evidence: { id: string; fileName: string | null; note: string }[];
}
interface ErrorBody {
  error: { code: string };
}

describeEachDb('rectification (整改) to closure', (use) => {
  let now = new Date('2025-03-20T02:00:00Z');
  const app = (actor: Actor) =>
    createApp({ database: use(), config: loadConfig({}), now: () => now }, { testActor: actor });
  const call = async (actor: Actor, method: string, path: string, body?: unknown) => {
    const res = await app(actor).request(path, {
      method,
      ...(body !== undefined
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const act = (actor: Actor, id: string, body: unknown) =>
    call(actor, 'POST', `/api/rectifications/${id}/actions`, body);
  const code = (r: { body: unknown }) => (r.body as ErrorBody).error.code;
  const list = async (actor: Actor, query: string) => {
    const r = await call(actor, 'GET', `/api/rectifications?${query}`);
    expect(r.status).toBe(200);
    return r.body as Item[];
  };
  let first: Item;
  let second: Item;

  it('collects the 2024 report problems once (deadlines from the report, else §C.2)', async () => {
    const body = { departmentCode: '440105-TZCJ', year: 2024 };
    expect((await call(clerk, 'POST', '/api/rectifications/collect', body)).status).toBe(403);
    const r = await call(reviewer, 'POST', '/api/rectifications/collect', body);
    expect(r.status).toBe(200);
    expect((r.body as { created: number }).created).toBe(2);
    const again = await call(reviewer, 'POST', '/api/rectifications/collect', body);
    expect((again.body as { created: number }).created).toBe(0);
    const items = await list(clerk, 'department=440105-TZCJ&year=2024');
    const fromReport = items.filter((i) => i.source === 'selfReport');
    expect(fromReport).toHaveLength(2);
    [first, second] = fromReport as [Item, Item];
    expect(first.problem).toContain('新引进重点产业链项目9个');
    expect(first.finalOn).toBe('2025-03-10'); // the day the bureau accepted the self-evaluation
    expect(first.deadline).toBe('2025-03-31'); // the report's 完成时限
    expect(second.deadline).toBe('2025-09-30');
    expect(first.status).toBe('pending');
    expect(first.statusText).toBe('待整改');
    expect(first.issueNo).toMatch(/^2024-整改-\d{3}$/);
  });

  it('works an item through evidence and 复核 (sent back once) to 销号', async () => {
    const id = second.id;
    const started = await act(clerk, id, { action: 'start', measures: '按季度编制支出计划' });
    expect(started.status).toBe(200);
    expect((started.body as Detail).status).toBe('inProgress');
    const early = await act(clerk, id, { action: 'submit', resultNote: '已调剂结余资金' });
    expect([early.status, code(early)]).toEqual([400, 'RECTIFICATION_EVIDENCE_REQUIRED']);
    const form = new FormData();
    form.append('file', new File(['调剂申请已批复'], '调剂批复.txt', { type: 'text/plain' }));
    form.append('note', '区财政局调剂批复');
    const up = await app(clerk).request(`/api/rectifications/${id}/evidence`, {
      method: 'POST',
      body: form,
    });
    expect(up.status).toBe(201);
    const evidence = (await up.json()) as { id: string; fileName: string };
    expect(evidence.fileName).toBe('调剂批复.txt');
    const file = await app(reviewer).request(`/api/rectifications/evidence/${evidence.id}`);
    expect(await file.text()).toBe('调剂申请已批复');
    const submitted = await act(clerk, id, { action: 'submit', resultNote: '已调剂结余资金' });
    expect((submitted.body as Detail).statusText).toBe('已整改待核');
    const own = await act(clerk, id, { action: 'accept' });
    expect([own.status, code(own)]).toEqual([403, 'ROLE_FORBIDDEN']);
    const bare = await act(reviewer, id, { action: 'sendBack', note: '' });
    expect([bare.status, code(bare)]).toEqual([400, 'RECTIFICATION_OPINION_REQUIRED']);
    const back = await act(reviewer, id, { action: 'sendBack', note: '请补充调剂后的执行情况' });
    expect((back.body as Detail).status).toBe('inProgress');
    await act(clerk, id, { action: 'submit', resultNote: '已调剂结余资金，四季度执行率 99.2%' });
    now = new Date('2025-04-15T02:00:00Z');
    const closed = await act(reviewer, id, { action: 'accept', note: '整改到位' });
    expect(closed.status).toBe(200);
    const d = closed.body as Detail;
    expect([d.status, d.statusText, d.closedAt]).toEqual([
      'closed',
      '已销号',
      '2025-04-15T02:00:00.000Z',
    ]);
    expect(d.events.map((e) => e.action)).toEqual([
      'raise',
      'start',
      'evidence',
      'submit',
      'sendBack',
      'submit',
      'accept',
    ]);
    expect(d.evidence.map((e) => e.note)).toEqual(['区财政局调剂批复']);
    const late = await act(clerk, id, { action: 'start' });
    expect([late.status, code(late)]).toEqual([409, 'RECTIFICATION_STATUS_WRONG']);
  });

  it('goes 逾期 the day after its deadline on the test clock, and a closed item never does', async () => {
    now = new Date('2025-03-31T10:00:00Z'); // 18:00 in 广州, still the deadline day
    let got = (await call(clerk, 'GET', `/api/rectifications/${first.id}`)).body as Detail;
    expect([got.overdue, got.statusText]).toEqual([false, '待整改']);
    now = new Date('2025-03-31T16:30:00Z'); // 00:30 on 1 April in 广州
    got = (await call(clerk, 'GET', `/api/rectifications/${first.id}`)).body as Detail;
    expect([got.overdue, got.displayStatus, got.statusText]).toEqual([true, 'overdue', '逾期']);
    const overdue = await list(reviewer, 'year=2024&status=overdue');
    expect(overdue.map((i) => i.id)).toEqual([first.id]);
    now = new Date('2026-01-01T02:00:00Z');
    const closed = (await call(clerk, 'GET', `/api/rectifications/${second.id}`)).body as Item;
    expect(closed.overdue).toBe(false);
  });

  it('scopes by role: a department sees its own items only; the bureau its region', async () => {
    const r = await call(otherClerk, 'GET', `/api/rectifications/${first.id}`);
    expect([r.status, code(r)]).toEqual([403, 'DEPARTMENT_FORBIDDEN']);
    expect((await list(otherClerk, 'year=2024')).length).toBe(0);
    const manual = await call(reviewer, 'POST', '/api/rectifications', {
      departmentCode: '440105-TZCJ',
      fiscalYear: 2024,
      problem: '审计发现：部分合同未按规定备案',
      finalOn: '2025-12-20',
    });
    expect(manual.status).toBe(201);
    const m = manual.body as Item;
    expect([m.source, m.deadline]).toEqual(['manual', '2026-01-31']); // noticed 2026-01-01 + 30
    const edit = await call(otherClerk, 'PATCH', `/api/rectifications/${m.id}`, { measures: 'x' });
    expect(edit.status).toBe(403);
    const counts = await openRectificationCounts(use().db, '440105', 2024);
    expect(counts).toEqual([{ departmentCode: '440105-TZCJ', projectId: null, open: 2 }]);
  });

  it('writes the 整改报告 (.docx) with counts by status and the 整改清单', async () => {
    const res = await app(clerk).request(
      '/api/rectifications/report?department=440105-TZCJ&year=2024',
    );
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('整改情况的报告');
    expect(xml).toContain('已销号');
    expect(xml).toContain('整改销号率');
    expect(xml).toContain('逾期');
  });
  it('states the 2023 整改 items and their status in the 2024 report, which the reviewer passes', async () => {
    now = new Date('2025-04-20T02:00:00Z');
    const res = await app(clerk).request(
      '/api/departments/440105-TZCJ/report?year=2024&format=txt',
    );
    expect(res.status).toBe(200);
    const txt = await res.text();
    const measures = txt.slice(txt.indexOf('四、下一步改进措施'), txt.indexOf('附件：'));
    expect(measures).toContain('2023年度绩效评价发现问题列入整改清单共3项，已销号2项');
    expect(measures).toContain('2023-整改-001');
    expect(measures).toContain('已于2024年10月15日复核销号');
    expect(measures).toContain('2023-整改-003');
    expect(measures).toContain('已整改待核');
    const serious = reviewReport(txt).findings.filter((f) => f.severity !== 'low');
    expect(serious).toEqual([]);
  });
});
