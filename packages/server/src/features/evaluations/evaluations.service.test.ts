// The demo department scored from stored data, on PGlite and PostgreSQL: the numbers a clerk would check.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDb, fixtureWrite } from '../../db/test-db.ts';
import * as s from '../../db/schema/index.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { getEvaluation, returnEvaluation, submitEvaluation } from './evaluations.service.ts';
import { headApproveEvaluation, headReturnEvaluation } from './evaluation-signoff.service.ts';
import { setActual, setDeduction } from '../indicators/indicators.service.ts';
import { createChangeRequest } from '../change-requests/change-requests.service.ts';

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
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
const head: Actor = { ...clerk, userId: 'u-head', username: 'tzcj_head', role: 'deptHead' };
const otherClerk: Actor = { ...clerk, userId: 'u-x', departmentCode: '440105-KGXJ' };

describeEachDb('self-evaluation of the haizhu-2023 demo', (use) => {
  it('scores the department as a whole with the same engine (部门整体 = 预算执行率 + 部门整体指标)', async () => {
    const ev = await getEvaluation(use().db, CLI_ACTOR, '440105-TZCJ', 2023);
    const out = ev.department.output;
    // 36,624.88 / 36,628.61 = 99.9898…% → 99.99%; budget score 9.99898 → 10.00
    // indicators: 15 + 15 + 95/… 93.5/95×8 = 7.87 + 6 + 6 + 8 + 6 + 4 + 0.9/1×4 = 3.60 + 1.8/2×8 = 7.20 + 10
    expect(out).toMatchObject({
      budget: { rate: '99.99', score: '10.00' },
      total: '98.67',
      grade: '优',
    });
    expect(ev.department.input.budget).toMatchObject({
      initial: '34200.00',
      adjusted: '36628.61',
      executed: '36624.88',
    });
    expect(ev.department.status).toBe('live');
  });

  it('scores 招商引资业务工作经费 at 95.34% → 9.53, and leaves 基本支出 out of project self-evaluation', async () => {
    const ev = await getEvaluation(use().db, CLI_ACTOR, '440105-TZCJ', 2023);
    expect(ev.projects.map((p) => p.code)).toEqual(['TZCJ-XM-001', 'TZCJ-XM-002']);
    const p1 = ev.projects[0]!;
    expect(p1.input.budget).toMatchObject({
      initial: '80.00',
      adjusted: '80.00',
      executed: '76.27',
    });
    expect(p1.output).toMatchObject({
      budget: { rate: '95.34', score: '9.53' },
      total: '98.53',
      grade: '优',
    });
    expect(ev.projects[1]!.output).toMatchObject({ total: '95.50', grade: '优' });
  });

  it('refuses another department and lets the region finance bureau read', async () => {
    await expect(getEvaluation(use().db, otherClerk, '440105-TZCJ', 2023)).rejects.toMatchObject({
      code: 'DEPARTMENT_FORBIDDEN',
    });
    const ev = await getEvaluation(use().db, reviewer, '440105-TZCJ', 2023);
    expect(ev.department.output).toMatchObject({ total: '98.67' });
  });

  it('refuses to submit while a goal set is not yet approved and locked, naming it', async () => {
    const db = use().db;
    const [project] = await db.select().from(s.projects).where(eq(s.projects.code, 'TZCJ-XM-001'));
    await fixtureWrite(db, 'goal approved', (tx) =>
      tx.update(s.goals).set({ status: 'approved' }).where(eq(s.goals.projectId, project!.id)),
    );
    const refused = submitEvaluation(
      db,
      clerk,
      '440105-TZCJ',
      2023,
      new Date('2024-02-01T08:00:00Z'),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'EVALUATION_GOALS_NOT_LOCKED',
      messageZh: expect.stringContaining('「招商引资业务工作经费」'),
    });
    expect(
      await db
        .select()
        .from(s.selfEvaluations)
        .where(
          and(
            eq(s.selfEvaluations.departmentCode, '440105-TZCJ'),
            eq(s.selfEvaluations.fiscalYear, 2023),
          ),
        ),
    ).toHaveLength(0);
    await fixtureWrite(db, 'goal locked', (tx) =>
      tx.update(s.goals).set({ status: 'locked' }).where(eq(s.goals.projectId, project!.id)),
    );
  });

  const indicatorId = async (name: string) =>
    (await use().db.select().from(s.indicators).where(eq(s.indicators.name, name)))[0]!.id;
  const AT = new Date('2024-02-01T08:00:00Z');

  it('goes to the department head first: actuals, the bureau and target changes wait; the head returns it', async () => {
    const db = use().db;
    const sent = await submitEvaluation(db, clerk, '440105-TZCJ', 2023, AT);
    expect(sent.headReviewRequired).toBe(true);
    expect(sent.department.status).toBe('headReview');
    const id = await indicatorId('举办和参加招商推介活动场次');
    await expect(setActual(db, clerk, id, { actual: '13' }, AT)).rejects.toMatchObject({
      code: 'EVALUATION_AWAITING_HEAD',
    });
    await expect(
      setDeduction(db, reviewer, id, { deduction: '1', reason: '佐证不足' }, AT),
    ).rejects.toMatchObject({ code: 'EVALUATION_HEAD_ONLY' });
    await expect(returnEvaluation(db, reviewer, '440105-TZCJ', 2023, '退回')).rejects.toMatchObject(
      { code: 'EVALUATION_NOTHING_TO_RETURN' },
    );
    const change = {
      reason: '调低目标',
      items: [{ indicatorId: id, field: 'target' as const, newValue: '10' }],
    };
    await expect(
      createChangeRequest(db, clerk, change, new Date('2023-12-01T02:00:00Z')),
    ).rejects.toMatchObject({ code: 'CHANGE_AFTER_SUBMISSION' });
    await expect(
      headApproveEvaluation(db, clerk, '440105-TZCJ', 2023, null, AT),
    ).rejects.toMatchObject({
      code: 'ROLE_FORBIDDEN',
    });
    const back = await headReturnEvaluation(db, head, '440105-TZCJ', 2023, '请补充佐证材料', AT);
    expect(back.department.status).toBe('returned');
    expect(back.department.reviewComment).toBe('请补充佐证材料');
    expect(back.history.map((e) => [e.action, e.toStatus, e.comment])).toEqual([
      ['submitToHead', 'headReview', null],
      ['headReturn', 'returned', '请补充佐证材料'],
    ]);
    // Returned, but the year is over: targets still cannot be lowered.
    await expect(createChangeRequest(db, clerk, change, AT)).rejects.toMatchObject({
      code: 'CHANGE_AFTER_YEAR_END',
    });
  });

  it('freezes scores at submission: later data changes do not move a submitted self-evaluation', async () => {
    const db = use().db;
    expect((await submitEvaluation(db, clerk, '440105-TZCJ', 2023, AT)).department.status).toBe(
      'headReview',
    );
    // The head deducts a point with a reason while signing off (审核扣分); it is frozen with the rest.
    const id = await indicatorId('举办和参加招商推介活动场次');
    await setDeduction(db, head, id, { deduction: '1', reason: '推介活动佐证不全' }, AT);
    const submitted = await headApproveEvaluation(db, head, '440105-TZCJ', 2023, '同意报送', AT);
    expect(submitted.department.status).toBe('submitted');
    expect(submitted.department.output).toMatchObject({ total: '98.67' });
    expect(submitted.projects[0]!.output).toMatchObject({ total: '97.53' });
    expect(submitted.history.at(-1)).toMatchObject({ action: 'headApprove', comment: '同意报送' });
    const stored = await db
      .select()
      .from(s.selfEvaluations)
      .where(
        and(
          eq(s.selfEvaluations.departmentCode, '440105-TZCJ'),
          eq(s.selfEvaluations.fiscalYear, 2023),
        ),
      );
    expect(stored).toHaveLength(3);
    expect(stored.every((r) => r.preset === 'mof-2020')).toBe(true);

    // Lower an actual after submission: 推介活动 14 → 6 场 of ≥12 would score 6/12 × 15 = 7.50 live.
    await fixtureWrite(db, 'actual lowered after submission', (tx) =>
      tx
        .update(s.indicators)
        .set({ actual: '6' })
        .where(eq(s.indicators.name, '举办和参加招商推介活动场次')),
    );
    const after = await getEvaluation(db, clerk, '440105-TZCJ', 2023);
    expect(after.projects[0]!.output).toMatchObject({ total: '97.53' });

    await expect(
      submitEvaluation(db, clerk, '440105-TZCJ', 2023, new Date()),
    ).rejects.toMatchObject({ code: 'EVALUATION_ALREADY_SUBMITTED' });
    await expect(
      returnEvaluation(db, clerk, '440105-TZCJ', 2023, '请补充说明'),
    ).rejects.toMatchObject({ code: 'ROLE_FORBIDDEN' });

    // Returned for revision → scored live again, with the new value: 98.53 − 15 + 7.50 − 1 (head) = 90.03.
    const returned = await returnEvaluation(
      db,
      reviewer,
      '440105-TZCJ',
      2023,
      '请补充企业诉求办结率偏差说明',
    );
    expect(returned.department.status).toBe('returned');
    expect(returned.projects[0]!.output).toMatchObject({ total: '90.03', grade: '优' });
    expect(returned.department.reviewComment).toBe('请补充企业诉求办结率偏差说明');
  });

  it('a region whose year has no head step: the clerk’s submission goes straight to the bureau', async () => {
    const db = use().db;
    await fixtureWrite(db, 'no head step in 2023', (tx) =>
      tx
        .update(s.fiscalYears)
        .set({ evaluationHeadReviewRequired: false })
        .where(eq(s.fiscalYears.year, 2023)),
    );
    const sent = await submitEvaluation(db, clerk, '440105-TZCJ', 2023, AT);
    expect(sent.headReviewRequired).toBe(false);
    expect(sent.department.status).toBe('submitted');
    expect(sent.history.at(-1)).toMatchObject({ action: 'submit', toStatus: 'submitted' });
  });
});
