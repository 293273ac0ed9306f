// Enterprise services (企业服务): key enterprises and their chief service officer (首席服务官), requests
// (诉求) from receipt to closure, follow-up satisfaction surveys, policy packages (惠企政策包) and the
// grants paid under them. Every write is one transaction with its audit entry. This file holds the enterprises;
// requests, surveys and policies live beside it and are re-exported here.
import { isCreditCode, isIndustryCode, yearOf } from '@jixiao/core/investment/index';
import type { Db, Queryable } from '../../db/open-db.ts';
import * as repo from './enterprises.repository.ts';
import * as projectRepo from '../investment/investment.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import type { DepartmentRow } from '../departments/departments.repository.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { chinaToday } from '../investment/investment-views.ts';
import { checkDate, editable, invalid, paging } from './enterprises-common.ts';

export * from './enterprise-requests.ts';
export * from './enterprise-surveys.ts';
export * from './policy-grants.ts';

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
    throw invalid('name', 'ENTERPRISE_FIELD_REQUIRED', {
      field: '企业名称',
      fieldEn: 'the enterprise name',
    });
  }
  if (input.creditCode) {
    const code = input.creditCode.trim().toUpperCase();
    if (!isCreditCode(code)) {
      throw invalid('creditCode', 'CREDIT_CODE_INVALID', { code });
    }
    const other = await repo.findEnterpriseByCreditCode(db, dept.code, code);
    if (other && other.id !== selfId) {
      throw new ServiceError('CREDIT_CODE_TAKEN', { code, enterprise: other.name });
    }
  }
  if (input.industryCode && !isIndustryCode(input.industryCode)) {
    throw invalid('industryCode', 'INDUSTRY_CODE_INVALID', { code: input.industryCode });
  }
  if (input.subdistrictCode) {
    const unit = (await projectRepo.listUnits(db, dept.regionCode)).find(
      (u) => u.code === input.subdistrictCode,
    );
    if (!unit || unit.kind !== 'subdistrict') {
      throw invalid('subdistrictCode', 'SUBDISTRICT_UNKNOWN', { code: input.subdistrictCode });
    }
  }
  if (input.serviceOfficerSince) {
    checkDate(
      'serviceOfficerSince',
      ['首席服务官任职日期', 'The service officer’s start date'],
      input.serviceOfficerSince,
      today,
    );
  }
  if (
    input.investmentProjectId &&
    !(await projectRepo.findProject(db, dept.code, input.investmentProjectId))
  ) {
    throw invalid('investmentProjectId', 'ENTERPRISE_PROJECT_UNKNOWN');
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
