// GET /api/todos on the demo, PGlite and PostgreSQL: each role's 待办 counted by the pages' own services — the
// clerk's submission shows up as the head's to-do, the head's sign-off as the bureau's.
import { expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { submitEvaluation } from '../evaluations/evaluations.service.ts';
import { headApproveEvaluation } from '../evaluations/evaluation-signoff.service.ts';
import { listTodos } from './todos.service.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const head: Actor = { ...clerk, userId: 'u-head', username: 'tzcj_head', role: 'deptHead' };
const reviewer: Actor = {
  ...clerk,
  userId: 'u-rev',
  username: 'czj_reviewer',
  role: 'financeReviewer',
  departmentCode: null,
};
const NOW = new Date('2024-02-01T08:00:00Z');

describeEachDb('待办 (GET /api/todos)', (use) => {
  const kinds = async (a: Actor) =>
    Object.fromEntries(
      (await listTodos(use().db, a, 2023, NOW)).items.map((i) => [i.kind, i.count]),
    );

  it('follows the self-evaluation clerk → head → bureau', async () => {
    expect(await kinds(head)).not.toHaveProperty('evaluationAtHead');
    await submitEvaluation(use().db, clerk, '440105-TZCJ', 2023, NOW);
    expect(await kinds(head)).toMatchObject({ evaluationAtHead: 1 });
    expect(await kinds(reviewer)).not.toHaveProperty('evaluationsToReview');
    await headApproveEvaluation(use().db, head, '440105-TZCJ', 2023, null, NOW);
    expect(await kinds(head)).not.toHaveProperty('evaluationAtHead');
    expect(await kinds(reviewer)).toMatchObject({ evaluationsToReview: 1 });
    const list = await listTodos(use().db, reviewer, 2023, NOW);
    expect(list.items.find((i) => i.kind === 'evaluationsToReview')?.link).toBe('/bureau/overview');
    expect(list.total).toBe(list.items.reduce((n, i) => n + i.count, 0));
  });

  it('an administrator without business data has no business to-dos', async () => {
    const admin: Actor = { ...reviewer, role: 'auditAdmin' };
    expect((await listTodos(use().db, admin, 2023, NOW)).items).toEqual([]);
  });
});
