// Enterprise services (企业服务): key enterprises and their chief service officer (首席服务官), requests
// (诉求) from receipt to closure, follow-up satisfaction surveys, policy packages (惠企政策包) and the
// grants paid under them. Every write is one transaction with its audit entry.
import { fenToYuanString, parseWanYuan } from '@jixiao/core';
import {
  addWorkingDays,
  isCreditCode,
  isIndustryCode,
  isIsoDate,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABEL,
  REQUEST_STATUS_LABEL,
  yearOf,
  type RequestCategory,
  type RequestStatus,
} from '@jixiao/core/investment/index';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as repo from './enterprises.repository.ts';
import * as projectRepo from '../investment/investment.repository.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanEdit } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { chinaToday } from '../investment/investment-views.ts';

/** Default time limit for a request: 10 working days from receipt. */
export const DEFAULT_REQUEST_WORKING_DAYS = 10;

async function editable(db: Db, actor: Actor, code: string): Promise<DepartmentRow> {
  const dept = await getDepartment(db, actor, code);
  assertCanEdit(actor, dept);
  return dept;
}

function invalid(field: string, zh: string, en: string): ServiceError {
  return new ServiceError(
    'VALIDATION',
    { message: `输入有误：${zh}`, messageEn: `Invalid input: ${en}` },
    {
      fields: [{ field, message: zh, messageEn: en }],
    },
  );
}

function checkDate(field: string, label: string, value: string, today: string): void {
  if (!isIsoDate(value)) {
    throw invalid(
      field,
      `「${label}」「${value}」不是有效日期（格式 YYYY-MM-DD）`,
      `${field} is not a valid date`,
    );
  }
  if (value > today) {
    throw invalid(field, `「${label}」${value} 晚于今天（${today}）`, `${field} is after today`);
  }
}

function paging(page = 1, pageSize = 20): repo.Paging {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

// ---- enterprises ----

export interface EnterpriseView {
  id: string;
  name: string;
  creditCode: string | null;
  industryCode: string | null;
  industryName: string | null;
  subdistrictCode: string | null;
  subdistrictName: string | null;
  isKeyEnterprise: boolean;
  serviceOfficer: string | null;
  serviceOfficerUnit: string | null;
  serviceOfficerSince: string | null;
  investmentProjectId: string | null;
  illustrative: boolean;
}

function enterpriseView(
  e: repo.EnterpriseRow,
  units: ReadonlyMap<string, projectRepo.InvestmentUnitRow>,
): EnterpriseView {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    industryCode: e.industryCode,
    industryName: e.industryName,
    subdistrictCode: e.subdistrictCode,
    subdistrictName: e.subdistrictCode
      ? (units.get(e.subdistrictCode)?.name ?? e.subdistrictCode)
      : null,
    isKeyEnterprise: e.isKeyEnterprise,
    serviceOfficer: e.serviceOfficer,
    serviceOfficerUnit: e.serviceOfficerUnit,
    serviceOfficerSince: e.serviceOfficerSince,
    investmentProjectId: e.investmentProjectId,
    illustrative: e.illustrative,
  };
}

async function unitsOf(
  db: Queryable,
  regionCode: string,
): Promise<Map<string, projectRepo.InvestmentUnitRow>> {
  return new Map((await projectRepo.listUnits(db, regionCode)).map((u) => [u.code, u]));
}

export async function listEnterprises(
  db: Db,
  actor: Actor,
  departmentCode: string,
  f: repo.EnterpriseFilters & { page?: number; pageSize?: number },
) {
  const dept = await getDepartment(db, actor, departmentCode);
  const { rows, total } = await repo.listEnterprises(db, dept.code, f, paging(f.page, f.pageSize));
  const units = await unitsOf(db, dept.regionCode);
  return {
    items: rows.map((e) => enterpriseView(e, units)),
    total,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
  };
}

export interface EnterpriseInput {
  name?: string;
  creditCode?: string | null;
  industryCode?: string | null;
  industryName?: string | null;
  subdistrictCode?: string | null;
  isKeyEnterprise?: boolean;
  serviceOfficer?: string | null;
  serviceOfficerUnit?: string | null;
  serviceOfficerSince?: string | null;
  investmentProjectId?: string | null;
}

async function checkEnterprise(
  db: Queryable,
  dept: DepartmentRow,
  input: EnterpriseInput,
  today: string,
  selfId: string | null,
): Promise<void> {
  if (input.name !== undefined && input.name.trim() === '') {
    throw invalid('name', '「企业名称」不能为空', 'name must not be empty');
  }
  if (input.creditCode) {
    const code = input.creditCode.trim().toUpperCase();
    if (!isCreditCode(code)) {
      throw invalid(
        'creditCode',
        `「统一社会信用代码」${code} 不正确（18 位，末位校验码须符合 GB 32100-2015）`,
        'creditCode is not a valid unified social credit code',
      );
    }
    const other = await repo.findEnterpriseByCreditCode(db, dept.code, code);
    if (other && other.id !== selfId) {
      throw new ServiceError('CONFLICT', {
        message: `统一社会信用代码 ${code} 已登记为「${other.name}」`,
        messageEn: `Credit code ${code} already belongs to ${other.name}`,
      });
    }
  }
  if (input.industryCode && !isIndustryCode(input.industryCode)) {
    throw invalid(
      'industryCode',
      '「行业代码」应为 GB/T 4754-2017 的 2–4 位数字代码',
      'industryCode must be 2–4 digits',
    );
  }
  if (input.subdistrictCode) {
    const unit = (await projectRepo.listUnits(db, dept.regionCode)).find(
      (u) => u.code === input.subdistrictCode,
    );
    if (!unit || unit.kind !== 'subdistrict') {
      throw invalid(
        'subdistrictCode',
        `「所在街道」${input.subdistrictCode} 不是本区的街道`,
        'subdistrictCode is not a sub-district of the region',
      );
    }
  }
  if (input.serviceOfficerSince) {
    checkDate('serviceOfficerSince', '首席服务官任职日期', input.serviceOfficerSince, today);
  }
  if (
    input.investmentProjectId &&
    !(await projectRepo.findProject(db, dept.code, input.investmentProjectId))
  ) {
    throw invalid('investmentProjectId', '关联的招商项目不存在', 'investmentProjectId not found');
  }
}

function enterpriseValues(input: EnterpriseInput): Partial<repo.EnterpriseInsert> {
  const opt = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const out: Partial<repo.EnterpriseInsert> = {};
  if (input.name !== undefined) {
    out.name = input.name.trim();
  }
  if (input.creditCode !== undefined) {
    out.creditCode = input.creditCode?.trim().toUpperCase() || null;
  }
  for (const k of [
    'industryCode',
    'industryName',
    'subdistrictCode',
    'serviceOfficer',
    'serviceOfficerUnit',
    'serviceOfficerSince',
    'investmentProjectId',
  ] as const) {
    const v = opt(input[k]);
    if (v !== undefined) {
      out[k] = v;
    }
  }
  if (input.isKeyEnterprise !== undefined) {
    out.isKeyEnterprise = input.isKeyEnterprise;
  }
  return out;
}

export async function createEnterprise(
  db: Db,
  actor: Actor,
  departmentCode: string,
  input: EnterpriseInput & { name: string },
  now: Date,
): Promise<EnterpriseView> {
  const dept = await editable(db, actor, departmentCode);
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    await checkEnterprise(tx, dept, input, today, null);
    const row = await repo.insertEnterprise(tx, {
      regionCode: dept.regionCode,
      fiscalYear: yearOf(today),
      departmentCode: dept.code,
      name: input.name.trim(),
      ...enterpriseValues(input),
      createdAt: now,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterprise.create',
      entity: 'enterprises',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: enterpriseValues(input),
    });
    return enterpriseView(row, await unitsOf(tx, dept.regionCode));
  });
}

/** Edits an enterprise — e.g. assigns or changes its chief service officer. */
export async function updateEnterprise(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  input: EnterpriseInput,
  now: Date,
): Promise<EnterpriseView> {
  const dept = await editable(db, actor, departmentCode);
  const today = chinaToday(now);
  return db.transaction(async (tx) => {
    const before = await repo.findEnterprise(tx, dept.code, id);
    if (!before) {
      throw notFound('企业', 'Enterprise');
    }
    await checkEnterprise(tx, dept, input, today, id);
    const values = enterpriseValues(input);
    if (
      values.serviceOfficer &&
      values.serviceOfficer !== before.serviceOfficer &&
      values.serviceOfficerSince === undefined
    ) {
      values.serviceOfficerSince = today;
    }
    const row = await repo.updateEnterprise(tx, id, { ...values, updatedAt: now });
    await auditInTx(tx, actor, {
      action: 'enterprise.update',
      entity: 'enterprises',
      entityId: id,
      departmentCode: dept.code,
      before: { serviceOfficer: before.serviceOfficer, isKeyEnterprise: before.isKeyEnterprise },
      after: values,
    });
    return enterpriseView(row, await unitsOf(tx, dept.regionCode));
  });
}

// ---- requests ----

export interface RequestView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  category: RequestCategory;
  categoryLabel: string;
  summary: string;
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  status: RequestStatus;
  statusLabel: string;
  /** Closed on or before the due date; null while open. */
  onTime: boolean | null;
  closureNote: string | null;
  handledBy: string | null;
  survey: { score: number | null; satisfied: boolean | null } | null;
  illustrative: boolean;
}

function requestView(
  r: repo.RequestRow,
  enterpriseName: string,
  survey: { score: number | null; satisfied: boolean | null } | null,
): RequestView {
  const category = r.category as RequestCategory;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName,
    category,
    categoryLabel: REQUEST_CATEGORY_LABEL[category]?.zh ?? r.category,
    summary: r.summary,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABEL[r.status].zh,
    onTime: r.status === 'closed' && r.closedOn ? r.closedOn <= r.dueOn : null,
    closureNote: r.closureNote,
    handledBy: r.handledBy,
    survey,
    illustrative: r.illustrative,
  };
}

export async function listRequests(
  db: Db,
  actor: Actor,
  departmentCode: string,
  f: repo.RequestFilters & { page?: number; pageSize?: number },
) {
  const dept = await getDepartment(db, actor, departmentCode);
  const { rows, total } = await repo.listRequests(db, dept.code, f, paging(f.page, f.pageSize));
  return {
    items: rows.map((r) =>
      requestView(
        r,
        r.enterpriseName,
        r.surveyScore === null && r.surveySatisfied === null
          ? null
          : { score: r.surveyScore, satisfied: r.surveySatisfied },
      ),
    ),
    total,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
  };
}

export interface CreateRequestInput {
  enterpriseId: string;
  category: RequestCategory;
  summary: string;
  receivedOn: string;
  /** Default: 10 working days after receipt (national calendar). */
  dueOn?: string | null;
  handledBy?: string | null;
}

export async function createRequest(
  db: Db,
  actor: Actor,
  departmentCode: string,
  input: CreateRequestInput,
  now: Date,
): Promise<RequestView> {
  const dept = await editable(db, actor, departmentCode);
  const today = chinaToday(now);
  if (!(REQUEST_CATEGORIES as readonly string[]).includes(input.category)) {
    throw invalid(
      'category',
      `「诉求类别」应为 ${REQUEST_CATEGORIES.map((c) => REQUEST_CATEGORY_LABEL[c].zh).join('、')} 之一`,
      'unknown category',
    );
  }
  if (input.summary.trim() === '') {
    throw invalid('summary', '「诉求内容」不能为空', 'summary must not be empty');
  }
  checkDate('receivedOn', '受理日期', input.receivedOn, today);
  const dueOn = input.dueOn ?? addWorkingDays(input.receivedOn, DEFAULT_REQUEST_WORKING_DAYS);
  if (!isIsoDate(dueOn)) {
    throw invalid(
      'dueOn',
      `「办理期限」「${dueOn}」不是有效日期（格式 YYYY-MM-DD）`,
      'dueOn is not a valid date',
    );
  }
  if (dueOn < input.receivedOn) {
    throw invalid(
      'dueOn',
      `「办理期限」${dueOn} 早于受理日期 ${input.receivedOn}`,
      'dueOn is before receivedOn',
    );
  }
  return db.transaction(async (tx) => {
    const ent = await repo.findEnterprise(tx, dept.code, input.enterpriseId);
    if (!ent) {
      throw invalid('enterpriseId', '企业不存在，请先登记企业', 'enterprise not found');
    }
    const row = await repo.insertRequest(tx, {
      regionCode: dept.regionCode,
      fiscalYear: yearOf(input.receivedOn),
      departmentCode: dept.code,
      enterpriseId: ent.id,
      category: input.category,
      summary: input.summary.trim(),
      receivedOn: input.receivedOn,
      dueOn,
      status: 'open',
      handledBy: input.handledBy?.trim() || null,
      createdAt: now,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterpriseRequest.create',
      entity: 'enterprise_requests',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: { enterpriseId: ent.id, category: row.category, receivedOn: row.receivedOn, dueOn },
    });
    return requestView(row, ent.name, null);
  });
}

async function openRequest(
  tx: Queryable,
  dept: DepartmentRow,
  id: string,
): Promise<repo.RequestRow> {
  const r = await repo.findRequest(tx, dept.code, id);
  if (!r) {
    throw notFound('企业诉求', 'Enterprise request');
  }
  if (r.status !== 'open') {
    throw new ServiceError('STATE', {
      message: `该诉求已${REQUEST_STATUS_LABEL[r.status].zh.replace('已', '')}，不能再次操作`,
      messageEn: `The request is already ${r.status}`,
    });
  }
  return r;
}

/** Closes a request (办结) on `closedOn` with the result. */
export async function closeRequest(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  input: { closedOn: string; closureNote: string },
  now: Date,
): Promise<RequestView> {
  const dept = await editable(db, actor, departmentCode);
  checkDate('closedOn', '办结日期', input.closedOn, chinaToday(now));
  if (input.closureNote.trim() === '') {
    throw invalid('closureNote', '「办理结果」不能为空', 'closureNote must not be empty');
  }
  return db.transaction(async (tx) => {
    const r = await openRequest(tx, dept, id);
    if (input.closedOn < r.receivedOn) {
      throw invalid(
        'closedOn',
        `「办结日期」${input.closedOn} 早于受理日期 ${r.receivedOn}`,
        'closedOn is before receivedOn',
      );
    }
    const row = await repo.updateRequest(tx, id, {
      status: 'closed',
      closedOn: input.closedOn,
      closureNote: input.closureNote.trim(),
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterpriseRequest.close',
      entity: 'enterprise_requests',
      entityId: id,
      departmentCode: dept.code,
      before: { status: 'open' },
      after: { status: 'closed', closedOn: input.closedOn },
    });
    const ent = await repo.findEnterprise(tx, dept.code, row.enterpriseId);
    return requestView(row, ent?.name ?? '', null);
  });
}

/** The enterprise withdrew the request (撤回): it leaves the on-time rate and the durations. */
export async function withdrawRequest(
  db: Db,
  actor: Actor,
  departmentCode: string,
  id: string,
  reason: string,
  now: Date,
): Promise<RequestView> {
  const dept = await editable(db, actor, departmentCode);
  if (reason.trim() === '') {
    throw invalid('reason', '请填写撤回原因', 'a reason is required');
  }
  return db.transaction(async (tx) => {
    await openRequest(tx, dept, id);
    const row = await repo.updateRequest(tx, id, {
      status: 'withdrawn',
      closureNote: `企业撤回：${reason.trim()}`,
      updatedAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'enterpriseRequest.withdraw',
      entity: 'enterprise_requests',
      entityId: id,
      departmentCode: dept.code,
      before: { status: 'open' },
      after: { status: 'withdrawn', reason },
    });
    const ent = await repo.findEnterprise(tx, dept.code, row.enterpriseId);
    return requestView(row, ent?.name ?? '', null);
  });
}

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
    const r = await repo.findRequest(tx, dept.code, requestId);
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
    if (await repo.findSurveyOfRequest(tx, requestId)) {
      throw new ServiceError('CONFLICT', {
        message: '该诉求已回访，不能重复回访',
        messageEn: 'The request has already been surveyed',
      });
    }
    const row = await repo.insertSurvey(tx, {
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
  const { rows, total } = await repo.listSurveys(
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

// ---- policy packages and grants ----

export async function listPolicyPackages(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
) {
  const dept = await getDepartment(db, actor, departmentCode);
  return (await repo.listPackages(db, dept.code, year)).map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    description: p.description,
    projectId: p.projectId,
    grants: p.grants,
    enterprises: p.enterprises,
    amountYuan: p.amount,
    illustrative: p.illustrative,
  }));
}

export async function createPolicyPackage(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
  input: { code: string; name: string; description?: string | null; projectCode?: string | null },
  now: Date,
) {
  const dept = await editable(db, actor, departmentCode);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$/.test(input.code.trim())) {
    throw invalid(
      'code',
      '「政策包编号」只能由字母、数字和 - _ . 组成，不超过 40 个字符',
      'code: letters, digits, - _ . only',
    );
  }
  if (input.name.trim() === '') {
    throw invalid('name', '「政策包名称」不能为空', 'name must not be empty');
  }
  return db.transaction(async (tx) => {
    if (await repo.findPackageByCode(tx, dept.code, year, input.code.trim())) {
      throw new ServiceError('CONFLICT', {
        message: `政策包编号「${input.code.trim()}」已存在`,
        messageEn: `Package ${input.code} already exists`,
      });
    }
    let projectId: string | null = null;
    if (input.projectCode) {
      projectId = await repo.findBudgetProjectId(tx, dept.code, year, input.projectCode);
      if (projectId === null) {
        throw invalid(
          'projectCode',
          `预算项目「${input.projectCode}」不存在`,
          'projectCode not found',
        );
      }
    }
    const row = await repo.insertPackage(tx, {
      regionCode: dept.regionCode,
      fiscalYear: year,
      departmentCode: dept.code,
      code: input.code.trim(),
      name: input.name.trim(),
      description: input.description?.trim() || null,
      projectId,
      createdAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'policyPackage.create',
      entity: 'policy_packages',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: { code: row.code, name: row.name },
    });
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      projectId,
      grants: 0,
      enterprises: 0,
      amountYuan: '0.00',
      illustrative: false,
    };
  });
}

export async function listPolicyGrants(
  db: Db,
  actor: Actor,
  departmentCode: string,
  f: repo.GrantFilters & { page?: number; pageSize?: number },
) {
  const dept = await getDepartment(db, actor, departmentCode);
  const r = await repo.listGrants(db, dept.code, f, paging(f.page, f.pageSize));
  return {
    items: r.rows.map((g) => ({
      id: g.id,
      packageId: g.packageId,
      packageName: g.packageName,
      enterpriseId: g.enterpriseId,
      enterpriseName: g.enterpriseName,
      grantedOn: g.grantedOn,
      amountYuan: g.amount,
      batch: g.batch,
      note: g.note,
    })),
    total: r.total,
    totalAmountYuan: r.amount,
    enterprises: r.enterprises,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
  };
}

export interface GrantInput {
  packageId: string;
  enterpriseId: string;
  grantedOn: string;
  /** 万元, up to 6 decimals (exact to the fen). */
  amountWan: string;
  batch?: number | null;
  note?: string | null;
}

export async function createPolicyGrant(
  db: Db,
  actor: Actor,
  departmentCode: string,
  input: GrantInput,
  now: Date,
) {
  const dept = await editable(db, actor, departmentCode);
  checkDate('grantedOn', '兑现日期', input.grantedOn, chinaToday(now));
  const amount = parseWanYuan(input.amountWan);
  if (amount === null || amount <= 0) {
    throw invalid(
      'amountWan',
      `「兑现金额（万元）」「${input.amountWan}」应为大于 0 的金额，最多 6 位小数`,
      'amountWan must be a positive amount with at most 6 decimals',
    );
  }
  return db.transaction(async (tx) => {
    const pkg = await repo.findPackage(tx, dept.code, input.packageId);
    if (!pkg) {
      throw invalid('packageId', '政策包不存在', 'package not found');
    }
    const ent = await repo.findEnterprise(tx, dept.code, input.enterpriseId);
    if (!ent) {
      throw invalid('enterpriseId', '企业不存在，请先登记企业', 'enterprise not found');
    }
    const row = await repo.insertGrant(tx, {
      regionCode: dept.regionCode,
      fiscalYear: yearOf(input.grantedOn),
      departmentCode: dept.code,
      packageId: pkg.id,
      enterpriseId: ent.id,
      grantedOn: input.grantedOn,
      amount: fenToYuanString(amount),
      batch: input.batch ?? null,
      note: input.note?.trim() || null,
      createdAt: now,
    });
    await auditInTx(tx, actor, {
      action: 'policyGrant.create',
      entity: 'policy_grants',
      entityId: row.id,
      departmentCode: dept.code,
      before: null,
      after: {
        packageId: pkg.id,
        enterpriseId: ent.id,
        amount: row.amount,
        grantedOn: row.grantedOn,
      },
    });
    return {
      id: row.id,
      packageId: pkg.id,
      packageName: pkg.name,
      enterpriseId: ent.id,
      enterpriseName: ent.name,
      grantedOn: row.grantedOn,
      amountYuan: row.amount,
      batch: row.batch,
      note: row.note,
    };
  });
}
