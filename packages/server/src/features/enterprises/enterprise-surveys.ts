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
export async function recordSurvey(
  db: Db,
  actor: Actor,
  departmentCode: string,
  requestId: string,
  input: SurveyInput,
  now: Date,
) {
  const dept = await editable(db, actor, departmentCode);
  checkDate('surveyedOn', '回访日期', input.surveyedOn, chinaToday(now));
  const score = input.score ?? null;
  const satisfied = input.satisfied ?? null;
  if (score === null && satisfied === null) {
    throw invalid(
      'score',
      '请填写评分（1–5 分）或是否满意',
      'give a score (1–5) or satisfied yes/no',
    );
  }
  if (score !== null && (!Number.isInteger(score) || score < 1 || score > 5)) {
    throw invalid('score', '「评分」应为 1–5 的整数', 'score must be a whole number 1–5');
  }
  return db.transaction(async (tx) => {
    const r = await reqRepo.findRequest(tx, dept.code, requestId);
    if (!r) {
      throw notFound('企业诉求', 'Enterprise request');
    }
    if (r.status !== 'closed' || r.closedOn === null) {
      throw new ServiceError('STATE', {
        message: '诉求办结后才能进行满意度回访',
        messageEn: 'Only a closed request can be surveyed',
      });
    }
    if (input.surveyedOn < r.closedOn) {
      throw invalid(
        'surveyedOn',
        `「回访日期」${input.surveyedOn} 早于办结日期 ${r.closedOn}`,
        'surveyedOn is before closedOn',
      );
    }
    if (await reqRepo.findSurveyOfRequest(tx, requestId)) {
      throw new ServiceError('CONFLICT', {
        message: '该诉求已回访，不能重复回访',
        messageEn: 'The request has already been surveyed',
      });
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
