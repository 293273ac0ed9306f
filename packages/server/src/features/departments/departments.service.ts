// Departments: list what the actor may see, and load one with its units and staffing.
import type { Db } from '../../db/open-db.ts';
import * as repo from './departments.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import {
  assertCanRead,
  canReadDepartment,
  unknownDepartment,
  visibleRegion,
} from '../../auth/access.ts';

export interface DepartmentSummary {
  code: string;
  name: string;
  shortName: string;
  regionCode: string;
  years: number[];
}

export async function listDepartments(db: Db, actor: Actor): Promise<DepartmentSummary[]> {
  const rows = await repo.listDepartmentsOfRegion(db, visibleRegion(actor));
  const visible = rows.filter((d) => canReadDepartment(actor, d));
  return Promise.all(
    visible.map(async (d) => ({
      code: d.code,
      name: d.name,
      shortName: d.shortName,
      regionCode: d.regionCode,
      years: await repo.listDepartmentYears(db, d.code),
    })),
  );
}

/** Loads a department the actor may read (403 if not theirs or unknown: the same answer; 404 for the CLI). */
export async function getDepartment(
  db: Db,
  actor: Actor,
  code: string,
): Promise<repo.DepartmentRow> {
  const dept = await repo.findDepartment(db, code);
  if (!dept || dept.kind !== 'department') {
    throw unknownDepartment(actor, code);
  }
  assertCanRead(actor, dept);
  return dept;
}

export async function getDepartmentProfile(db: Db, actor: Actor, code: string, year: number) {
  const dept = await getDepartment(db, actor, code);
  const [units, staffing, region, fiscalYear] = await Promise.all([
    repo.listUnits(db, code),
    repo.findStaffing(db, code, year),
    repo.findRegion(db, dept.regionCode),
    repo.findFiscalYear(db, dept.regionCode, year),
  ]);
  return { department: dept, units, staffing, region, fiscalYear };
}
