// Organisation: a region and its finance bureau (region create), what the region holds (departments with their
// units, 内设机构 and staffing), and the finance bureau's 单位管理 (add, rename, deactivate — never delete).
import type { Db, Queryable } from '../../db/open-db.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { AGENCY_CODE_RE } from './agencies-file.ts';
import * as repo from './organisation.repository.ts';

/** 省级行政区划代码 (the first two digits of every region code). */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2));
}

function levelOf(code: string): { level: 'province' | 'city' | 'district'; parent: string | null } {
  if (code.endsWith('0000')) {
    return { level: 'province', parent: null };
  }
  if (code.endsWith('00')) {
    return { level: 'city', parent: `${code.slice(0, 2)}0000` };
  }
  return { level: 'district', parent: `${code.slice(0, 4)}00` };
}

/** 广州市白云区商务局 in 广州市白云区 → 区商务局 (the demo's convention); a name without the prefix stays whole. */
export function shortNameOf(name: string, regionName: string): string {
  if (!name.startsWith(regionName) || name.length === regionName.length) {
    return name;
  }
  const tier = /[区县市旗]$/.exec(regionName)?.[0] ?? '';
  return `${tier}${name.slice(regionName.length)}`;
}

/** Who may manage a region's organisation: the CLI, a system administrator, the region's finance bureau. */
export function assertManagesRegion(actor: Actor, regionCode: string): void {
  requireRole(actor, 'systemAdmin', 'financeReviewer');
  if (!isCli(actor) && actor.regionCode !== '*' && actor.regionCode !== regionCode) {
    throw new ServiceError('ORGANISATION_OTHER_REGION', {}, { reason: 'region', regionCode });
  }
}

export interface CreateRegionInput {
  code: string;
  name: string;
  financeCode?: string | undefined;
  financeName?: string | undefined;
}

export interface RegionView {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  financeBureau: { code: string; name: string; shortName: string } | null;
}

export interface CreateRegionResult extends RegionView {
  created: boolean;
}

async function regionView(db: Db, r: repo.RegionRow): Promise<RegionView> {
  const fb = (await repo.listAgenciesOfRegion(db, r.code)).find((a) => a.kind === 'financeBureau');
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    financeBureau: fb ? { code: fb.code, name: fb.name, shortName: fb.shortName } : null,
  };
}

/** Creates the region and its finance bureau; the same values again change nothing (created: false). */
export async function createRegion(
  db: Db,
  actor: Actor,
  input: CreateRegionInput,
): Promise<CreateRegionResult> {
  requireRole(actor, 'systemAdmin');
  const code = input.code.trim();
  const name = input.name.trim();
  if (!isRegionCode(code)) {
    throw new ServiceError('REGION_CODE_INVALID', { code }, { fields: [{ field: 'code' }] });
  }
  if (name === '' || name.length > 50) {
    throw new ServiceError('REQUEST_INVALID', {
      problem: '行政区划名称不能为空，且不超过 50 字',
      problemEn: 'the region name is required (at most 50 characters)',
    });
  }
  const fbCode = input.financeCode?.trim() || `${code}-CZJ`;
  const fbName = input.financeName?.trim() || `${name}财政局`;
  if (!AGENCY_CODE_RE.test(fbCode)) {
    throw new ServiceError('AGENCY_CODE_INVALID', { code: fbCode });
  }
  const created = await db.transaction(async (tx) => {
    const made = await ensureRegion(tx, {
      code,
      name,
      financeBureau: { code: fbCode, name: fbName, shortName: shortNameOf(fbName, name) },
    });
    if (made) {
      await auditInTx(tx, actor, {
        action: 'region.create',
        entity: 'regions',
        entityId: code,
        departmentCode: null,
        before: null,
        after: { code, name, financeBureau: { code: fbCode, name: fbName } },
      });
    }
    return made;
  });
  const region = await repo.findRegion(db, code);
  return { ...(await regionView(db, region!)), created };
}

export interface EnsureRegionInput {
  code: string;
  name: string;
  /** The region's finance bureau; null for a parent region (province, city) that only names the hierarchy. */
  financeBureau: { code: string; name: string; shortName: string } | null;
}

/**
 * In the caller's transaction: the region (level and parent from its code) and its finance bureau. True when
 * something was created; the same values again create nothing; other values for an existing region are refused.
 * region create and the demo loader use it.
 */
export async function ensureRegion(tx: Queryable, input: EnsureRegionInput): Promise<boolean> {
  const { code, name, financeBureau: fb } = input;
  const existing = await repo.findRegion(tx, code);
  const taken = fb ? await repo.findAgency(tx, fb.code) : null;
  if (fb && taken && (taken.regionCode !== code || taken.kind !== 'financeBureau')) {
    throw new ServiceError('FINANCE_BUREAU_TAKEN', { code: fb.code });
  }
  const bureaus = existing
    ? (await repo.listAgenciesOfRegion(tx, code)).filter((a) => a.kind === 'financeBureau')
    : [];
  if (existing) {
    const sameBureau = fb
      ? bureaus.length === 1 && bureaus[0]!.code === fb.code && bureaus[0]!.name === fb.name
      : true;
    if (existing.name === name && sameBureau) {
      return false;
    }
    if (existing.name !== name || bureaus.length > 0) {
      throw new ServiceError('REGION_EXISTS', { code, name: existing.name });
    }
  } else {
    const { level, parent } = levelOf(code);
    await repo.insertRegion(tx, { code, name, level, parentCode: parent });
  }
  if (fb) {
    await repo.insertAgency(tx, {
      code: fb.code,
      regionCode: code,
      name: fb.name,
      shortName: fb.shortName,
      kind: 'financeBureau',
      functions: [],
    });
  }
  return true;
}

/** Is this an empty install (no region yet)? What the 初始化向导 starts from. */
export async function setupStatus(
  db: Db,
  actor: Actor,
): Promise<{ needsSetup: boolean; regions: RegionView[]; departments: number }> {
  requireRole(actor, 'systemAdmin', 'financeReviewer');
  const regions = await repo.listRegions(db);
  const visible = regions.filter(
    (r) => isCli(actor) || actor.regionCode === '*' || actor.regionCode === r.code,
  );
  const departments = await repo.countDepartments(db);
  return {
    needsSetup: departments === 0,
    regions: await Promise.all(visible.map((r) => regionView(db, r))),
    departments,
  };
}

export async function loadRegion(db: Db, code: string): Promise<repo.RegionRow> {
  const region = await repo.findRegion(db, code);
  if (!region) {
    throw new ServiceError('REGION_NOT_FOUND', { code });
  }
  return region;
}

export interface AddAgencyInput {
  code: string;
  name: string;
  parentCode?: string | null | undefined;
  agencyType?: string | null | undefined;
}

/** 单位管理: a new department (no parent) or unit (parent = a department of the region). */
export async function addAgency(
  db: Db,
  actor: Actor,
  regionCode: string,
  input: AddAgencyInput,
): Promise<repo.AgencyRow> {
  assertManagesRegion(actor, regionCode);
  const region = await loadRegion(db, regionCode);
  const code = input.code.trim();
  const name = input.name.trim();
  if (!AGENCY_CODE_RE.test(code)) {
    throw new ServiceError('AGENCY_CODE_INVALID', { code });
  }
  const parentCode = input.parentCode?.trim() || null;
  return db.transaction(async (tx) => {
    const taken = await repo.findAgency(tx, code);
    if (taken) {
      throw new ServiceError('AGENCY_CODE_TAKEN', { code, name: taken.name });
    }
    if (parentCode !== null) {
      const parent = await repo.findAgency(tx, parentCode);
      if (!parent || parent.kind !== 'department' || parent.regionCode !== regionCode) {
        throw new ServiceError('AGENCY_PARENT_INVALID', { parent: parentCode });
      }
    }
    const row = {
      code,
      regionCode,
      name,
      shortName: shortNameOf(name, region.name),
      kind: parentCode === null ? ('department' as const) : ('unit' as const),
      parentCode,
      agencyType: input.agencyType?.trim() || null,
      functions: [],
    };
    await repo.insertAgency(tx, row);
    await auditInTx(tx, actor, {
      action: 'agency.create',
      entity: 'departments',
      entityId: code,
      departmentCode: parentCode ?? code,
      before: null,
      after: row,
    });
    return (await repo.findAgency(tx, code))!;
  });
}

export interface UpdateAgencyInput {
  name?: string | undefined;
  shortName?: string | undefined;
  agencyType?: string | null | undefined;
  active?: boolean | undefined;
}

/** 单位管理: rename, (re)classify, deactivate or reactivate. Nothing is ever deleted. */
export async function updateAgency(
  db: Db,
  actor: Actor,
  code: string,
  input: UpdateAgencyInput,
): Promise<repo.AgencyRow> {
  const found = await repo.findAgency(db, code);
  if (!found || found.kind === 'financeBureau') {
    throw notFound(`单位「${code}」`, `Agency ${code}`);
  }
  assertManagesRegion(actor, found.regionCode);
  return db.transaction(async (tx) => {
    const before = (await repo.findAgency(tx, code))!;
    const patch = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.shortName !== undefined ? { shortName: input.shortName.trim() } : {}),
      ...(input.agencyType !== undefined ? { agencyType: input.agencyType?.trim() || null } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await repo.updateAgency(tx, code, patch);
    const after = (await repo.findAgency(tx, code))!;
    await auditInTx(tx, actor, {
      action: input.active === false ? 'agency.deactivate' : 'agency.update',
      entity: 'departments',
      entityId: code,
      departmentCode: before.parentCode ?? code,
      before: { name: before.name, shortName: before.shortName, active: before.active },
      after: { name: after.name, shortName: after.shortName, active: after.active },
    });
    return after;
  });
}
