// Satisfaction surveys (满意度回访) of closed enterprise requests: one per request, not before its closure.
import { yearOf } from '@jixiao/core/investment/index';
import type { Db } from '../../db/open-db.ts';
import * as reqRepo from './enterprise-requests.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { chinaToday } from '../investment/investment-views.ts';
import { checkDate, editable, invalid, paging } from './enterprises-common.ts';

export interface SurveyInput {
  surveyedOn: string;
  score?: number | null;
  satisfied?: boolean | null;
  comment?: string | null;
}

/** Records the follow-up survey (满意度回访) of a closed request: a 1–5 score or satisfied yes/no. */
/** A survey's answer: a score of 1–5, whether the enterprise is satisfied, or both (one at least). */
function surveyAnswer(input: SurveyInput): { score: number | null; satisfied: boolean | null } {
  const score = input.score ?? null;
  const satisfied = input.satisfied ?? null;
  if (score === null && satisfied === null) {
    throw invalid('score', 'SURVEY_ANSWER_MISSING');
  }
  if (score !== null && (!Number.isInteger(score) || score < 1 || score > 5)) {
    throw invalid('score', 'SURVEY_SCORE_INVALID');
  }
  return { score, satisfied };
}

export async function recordSurvey(
  db: Db,
  actor: Actor,
  departmentCode: string,
  requestId: string,
  input: SurveyInput,
  now: Date,
) {
  const dept = await editable(db, actor, departmentCode);
  checkDate('surveyedOn', ['回访日期', 'The survey date'], input.surveyedOn, chinaToday(now));
  const { score, satisfied } = surveyAnswer(input);
  return db.transaction(async (tx) => {
    const r = await reqRepo.findRequest(tx, dept.code, requestId);
    if (!r) {
      throw notFound('企业诉求', 'Enterprise request');
    }
    if (r.status !== 'closed' || r.closedOn === null) {
      throw new ServiceError('SURVEY_BEFORE_CLOSE');
    }
    if (input.surveyedOn < r.closedOn) {
      throw invalid('surveyedOn', 'ENTERPRISE_DATE_BEFORE', {
        field: '回访日期',
        fieldEn: 'The survey date',
        date: input.surveyedOn,
        other: '办结日期',
        otherEn: 'date closed',
        otherDate: r.closedOn,
      });
    }
    if (await reqRepo.findSurveyOfRequest(tx, requestId)) {
      throw new ServiceError('SURVEY_EXISTS');
    }
    const row = await reqRepo.insertSurvey(tx, {
      regionCode: dept.regionCode,
      fiscalYear: yearOf(input.surveyedOn),
      departmentCode: dept.code,
      requestId,
      surveyedOn: input.surveyedOn,
      score,
      satisfied,
      comment: input.comment?.trim() || null,
      createdAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'satisfactionSurvey.create',
      entity: 'satisfaction_surveys',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: { requestId, score, satisfied },
    });
    return {
      id: row.id,
      requestId,
      surveyedOn: row.surveyedOn,
      score: row.score,
      satisfied: row.satisfied,
      comment: row.comment,
    };
  });
}

export async function listSurveys(
  db: Db,
  actor: Actor,
  departmentCode: string,
  q: { from?: string; to?: string; page?: number; pageSize?: number },
) {
  const dept = await getDepartment(db, actor, departmentCode);
  const { rows, total } = await reqRepo.listSurveys(
    db,
    dept.code,
    q.from,
    q.to,
    paging(q.page, q.pageSize),
  );
  return {
    items: rows.map((v) => ({
      id: v.id,
      requestId: v.requestId,
      enterpriseName: v.enterpriseName,
      summary: v.summary,
      surveyedOn: v.surveyedOn,
      score: v.score,
      satisfied: v.satisfied,
      comment: v.comment,
    })),
    total,
    page: q.page ?? 1,
    pageSize: q.pageSize ?? 20,
  };
}
