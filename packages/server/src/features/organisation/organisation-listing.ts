// What a region holds: its finance bureau, departments with their 所属单位, 内设机构 and staffing (latest year).
import type { Db } from '../../db/open-db.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import * as repo from './organisation.repository.ts';

export interface StaffingView {
  authorizedStaff: number;
  activeStaff: number;
  retiredStaff: number;
}

export interface UnitView {
  code: string;
  name: string;
  shortName: string;
  agencyType: string | null;
  active: boolean;
  staffing: StaffingView | null;
}

export interface DepartmentView extends UnitView {
  functions: string[];
  offices: string[];
  units: UnitView[];
}

export interface RegionOrganisation {
  code: string;
  name: string;
  financeBureau: { code: string; name: string } | null;
  /** The year the staffing figures are of (the latest one the region has), or null. */
  staffingYear: number | null;
  departments: DepartmentView[];
}

function staffingOf(rows: readonly repo.StaffingRow[], code: string): StaffingView | null {
  const s = rows.find((r) => r.departmentCode === code);
  return s
    ? {
        authorizedStaff: s.authorizedStaff,
        activeStaff: s.activeStaff,
        retiredStaff: s.retiredStaff,
      }
    : null;
}

async function regionOrganisation(db: Db, region: repo.RegionRow): Promise<RegionOrganisation> {
  const agencies = await repo.listAgenciesOfRegion(db, region.code);
  const offices = await repo.listOfficesOfRegion(db, region.code);
  const staffingYear = await repo.latestStaffingYear(db, region.code);
  const staffing =
    staffingYear === null ? [] : await repo.listStaffingOfRegion(db, region.code, staffingYear);
  const unitView = (a: repo.AgencyRow): UnitView => ({
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    agencyType: a.agencyType,
    active: a.active,
    staffing: staffingOf(staffing, a.code),
  });
  const fb = agencies.find((a) => a.kind === 'financeBureau');
  return {
    code: region.code,
    name: region.name,
    financeBureau: fb ? { code: fb.code, name: fb.name } : null,
    staffingYear,
    departments: agencies
      .filter((a) => a.kind === 'department')
      .map((d) => ({
        ...unitView(d),
        functions: d.functions,
        offices: offices.filter((o) => o.departmentCode === d.code).map((o) => o.name),
        units: agencies.filter((u) => u.kind === 'unit' && u.parentCode === d.code).map(unitView),
      })),
  };
}

/** The regions the actor manages (CLI and installation-wide administrators: all; else their own). */
export async function listOrganisation(
  db: Db,
  actor: Actor,
  regionCode?: string,
): Promise<RegionOrganisation[]> {
  requireRole(actor, 'systemAdmin', 'financeReviewer');
  const all = isCli(actor) || actor.regionCode === '*';
  if (regionCode && !all && regionCode !== actor.regionCode) {
    throw new ServiceError('ORGANISATION_OTHER_REGION', {}, { reason: 'region', regionCode });
  }
  const regions = (await repo.listRegions(db)).filter(
    (r) => (regionCode ? r.code === regionCode : true) && (all || r.code === actor.regionCode),
  );
  if (regionCode && regions.length === 0) {
    throw new ServiceError('REGION_NOT_FOUND', { code: regionCode });
  }
  return Promise.all(regions.map((r) => regionOrganisation(db, r)));
}
