// Policy packages (惠企政策包) of a year, optionally tied to a budget project, and the grants (兑现) paid to
// enterprises under them; each write is one transaction with its audit entry.
import { fenToYuanString, parseWanYuan } from '@jixiao/core';
import { yearOf } from '@jixiao/core/investment/index';
import type { Db } from '../../db/open-db.ts';
import * as repo from './enterprises.repository.ts';
import * as policyRepo from './policy-grants.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { chinaToday } from '../investment/investment-views.ts';
import { checkDate, editable, invalid, paging } from './enterprises-common.ts';

export async function listPolicyPackages(
  db: Db,
  actor: Actor,
  departmentCode: string,
  year: number,
) {
  const dept = await getDepartment(db, actor, departmentCode);
  return (await policyRepo.listPackages(db, dept.code, year)).map((p) => ({
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
    throw invalid('code', 'POLICY_PACKAGE_CODE_INVALID');
  }
  if (input.name.trim() === '') {
    throw invalid('name', 'ENTERPRISE_FIELD_REQUIRED', {
      field: '政策包名称',
      fieldEn: 'the package name',
    });
  }
  return db.transaction(async (tx) => {
    if (await policyRepo.findPackageByCode(tx, dept.code, year, input.code.trim())) {
      throw new ServiceError('POLICY_PACKAGE_CODE_TAKEN', { code: input.code.trim() });
    }
    let projectId: string | null = null;
    if (input.projectCode) {
      projectId = await policyRepo.findBudgetProjectId(tx, dept.code, year, input.projectCode);
      if (projectId === null) {
        throw invalid('projectCode', 'POLICY_BUDGET_PROJECT_UNKNOWN', {
          code: input.projectCode,
          year,
        });
      }
    }
    const row = await policyRepo.insertPackage(tx, {
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
  f: policyRepo.GrantFilters & { page?: number; pageSize?: number },
) {
  const dept = await getDepartment(db, actor, departmentCode);
  const r = await policyRepo.listGrants(db, dept.code, f, paging(f.page, f.pageSize));
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
  checkDate('grantedOn', ['兑现日期', 'The grant date'], input.grantedOn, chinaToday(now));
  const amount = parseWanYuan(input.amountWan);
  if (amount === null || amount <= 0) {
    throw invalid('amountWan', 'GRANT_AMOUNT_INVALID', { value: input.amountWan });
  }
  return db.transaction(async (tx) => {
    const pkg = await policyRepo.findPackage(tx, dept.code, input.packageId);
    if (!pkg) {
      throw invalid('packageId', 'POLICY_PACKAGE_UNKNOWN');
    }
    const ent = await repo.findEnterprise(tx, dept.code, input.enterpriseId);
    if (!ent) {
      throw invalid('enterpriseId', 'ENTERPRISE_UNKNOWN');
    }
    const row = await policyRepo.insertGrant(tx, {
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
