// 绩效目标审核 (§C.5): when the finance bureau reviews a goal set it grades it 优/良/中/差 with opinions.
// 优 and 良 pass (良 with the required changes noted); 中 goes back for revision and resubmission; 差 goes back
// too and the project cannot proceed to budgeting (the budget gate refuses it). The grade and opinion go into
// the goal set's history (the approve/return event's comment) and are kept, every one, in goal_review_grades.
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import type { TargetReviewGrade } from '../../db/schema/exante.ts';
import { approveGoal, returnGoal } from '../goals/goal-workflow.service.ts';
import * as repo from './goal-grade.repository.ts';

export interface GradeInput {
  grade: TargetReviewGrade;
  opinion: string;
  requiredChanges?: string | null | undefined;
}

export interface GoalGradeView {
  grade: TargetReviewGrade;
  opinion: string;
  requiredChanges: string | null;
  reviewerName: string;
  at: string;
}

const GRADE_OUTCOME: Record<TargetReviewGrade, string> = {
  优: '审核通过，进入下一步预算安排',
  良: '审核通过，按意见修改完善',
  中: '退回修改后重新报送审核',
  差: '不得进入下一步预算安排',
};

function view(r: repo.GradeRow): GoalGradeView {
  return {
    grade: r.grade,
    opinion: r.opinion,
    requiredChanges: r.requiredChanges,
    reviewerName: r.reviewerName,
    at: r.createdAt.toISOString(),
  };
}

/** POST /api/goals/{id}/grade: the bureau's graded review of a goal set awaiting its approval. */
export async function gradeGoal(
  db: Db,
  actor: Actor,
  goalId: string,
  input: GradeInput,
  now: Date,
): Promise<GoalGradeView[]> {
  assertPermission(actor, 'goal.approve.finance');
  const changes = input.requiredChanges?.trim() || null;
  if (input.grade === '良' && !changes) {
    throw new ServiceError('GOAL_GRADE_CHANGES_REQUIRED');
  }
  const comment = `绩效目标审核结果：${input.grade}（${GRADE_OUTCOME[input.grade]}）。${input.opinion.trim()}${changes ? ` 须修改：${changes}` : ''}`;
  // One transaction: the approval or return (its own writes become a savepoint), the grade and both audit entries.
  await db.transaction(async (tx) => {
    const goal =
      input.grade === '优' || input.grade === '良'
        ? await approveGoal(tx, actor, goalId, comment, now)
        : await returnGoal(tx, actor, goalId, comment, now);
    const row = await repo.insertGrade(tx, {
      regionCode: goal.regionCode,
      fiscalYear: goal.fiscalYear,
      departmentCode: goal.departmentCode,
      goalId,
      grade: input.grade,
      opinion: input.opinion.trim(),
      requiredChanges: changes,
      reviewerUserId: actor.userId,
      reviewerName: actor.displayName,
    });
    await auditInTx(tx, actor, {
      action: 'goal.grade',
      entity: 'goal_review_grades',
      entityId: row.id,
      departmentCode: goal.departmentCode,
      before: null,
      after: { goalId, grade: input.grade, opinion: row.opinion, requiredChanges: changes },
    });
  });
  return (await repo.listGrades(db, goalId)).map(view);
}

/** GET /api/goals/{id}/grades: every graded review of the goal set, oldest first. */
export async function listGoalGrades(
  db: Db,
  actor: Actor,
  goalId: string,
): Promise<GoalGradeView[]> {
  const goal = await repo.findGoalDept(db, goalId);
  if (goal) {
    assertPermission(actor, 'goal.read', {
      code: goal.departmentCode,
      regionCode: goal.regionCode,
    });
  }
  return (await repo.listGrades(db, goalId)).map(view);
}

export interface GoalGradeCounts {
  excellent: number;
  good: number;
  fair: number;
  poor: number;
}

const GRADE_KEY: Record<TargetReviewGrade, keyof GoalGradeCounts> = {
  优: 'excellent',
  良: 'good',
  中: 'fair',
  差: 'poor',
};

/** For the bureau's overview: per department, how many goal sets' latest review grade is 优/良/中/差. */
export async function goalGradeCountsOfRegion(
  db: Db,
  regionCode: string,
  year: number,
): Promise<Map<string, GoalGradeCounts>> {
  const out = new Map<string, GoalGradeCounts>();
  for (const r of await repo.latestGradesOfRegion(db, regionCode, year)) {
    const c = out.get(r.departmentCode) ?? { excellent: 0, good: 0, fair: 0, poor: 0 };
    c[GRADE_KEY[r.grade]] += 1;
    out.set(r.departmentCode, c);
  }
  return out;
}
