// jixiao import agencies / the 初始化向导's 单位名录 upload: the whole file is checked, then (unless a preview)
// written in one transaction — upsert by code, never a delete; a blank cell keeps what is stored. The same file
// again changes nothing.
import type { RowError } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import type { Actor } from '../../auth/actor.ts';
import { ServiceError } from '../../http/service-error.ts';
import type { ImportSource } from '../../import/import-source.ts';
import { readAllRows } from './read-all-rows.ts';
import { cstYear } from '../regions/fiscal-years.service.ts';
import { parseAgencies, type AgencyRow, type KnownAgency } from './agencies-file.ts';
import { assertManagesRegion, loadRegion, shortNameOf } from './organisation.service.ts';
import * as repo from './organisation.repository.ts';

export interface ImportAgenciesInput {
  regionCode: string;
  source: ImportSource;
  /** The year of the 编制/实有人数 figures; default the region's latest opened year, else this year. */
  year?: number | undefined;
  /** Check and describe only (the wizard's preview). */
  dryRun?: boolean | undefined;
}

export type AgencyAction = 'create' | 'update' | 'unchanged';

export interface AgencyPlanItem {
  row: number;
  code: string;
  name: string;
  kind: 'department' | 'unit';
  parentCode: string | null;
  action: AgencyAction;
  offices: string[];
  staffing: { authorizedStaff: number; activeStaff: number; retiredStaff: number } | null;
}

export interface ImportAgenciesResult {
  regionCode: string;
  fileName: string;
  format: string;
  encoding: string | null;
  dryRun: boolean;
  staffingYear: number;
  items: AgencyPlanItem[];
  counts: {
    departmentsCreated: number;
    unitsCreated: number;
    updated: number;
    unchanged: number;
    officesAdded: number;
    staffingWritten: number;
  };
}

/** The refusal of a file with row errors: every row listed, nothing written. */
export function refuseRows(fileName: string, errors: readonly RowError[]): ServiceError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new ServiceError(
    'ORGANISATION_FILE_INVALID',
    { fileName, count: errors.length, rows },
    { fileName, errorCount: errors.length, badRows: rows, listed: errors.length, errors },
  );
}

interface Change {
  item: AgencyPlanItem;
  source: AgencyRow;
  insert: Parameters<typeof repo.insertAgency>[1] | null;
  patch: Parameters<typeof repo.updateAgency>[2] | null;
  newOffices: string[];
  staffingChanged: boolean;
}

function planRow(
  a: AgencyRow,
  regionName: string,
  regionCode: string,
  existing: repo.AgencyRow | undefined,
  offices: readonly string[],
  staffing: repo.StaffingRow | undefined,
): Change {
  const kind = a.parentCode === null ? ('department' as const) : ('unit' as const);
  const wanted = {
    name: a.name,
    shortName: a.shortName ?? existing?.shortName ?? shortNameOf(a.name, regionName),
    agencyType: a.agencyType ?? existing?.agencyType ?? null,
    functions: a.functions.length > 0 ? a.functions : (existing?.functions ?? []),
    parentCode: a.parentCode,
  };
  const differs =
    existing !== undefined &&
    (existing.name !== wanted.name ||
      existing.shortName !== wanted.shortName ||
      existing.agencyType !== wanted.agencyType ||
      existing.parentCode !== wanted.parentCode ||
      JSON.stringify(existing.functions) !== JSON.stringify(wanted.functions));
  const newOffices = a.offices.filter((o) => !offices.includes(o));
  const s = a.staffing;
  const staffingChanged =
    s !== null &&
    (!staffing ||
      staffing.authorizedStaff !== s.authorizedStaff ||
      staffing.activeStaff !== s.activeStaff ||
      staffing.retiredStaff !== s.retiredStaff);
  const action: AgencyAction = !existing
    ? 'create'
    : differs || newOffices.length > 0 || staffingChanged
      ? 'update'
      : 'unchanged';
  return {
    item: {
      row: a.row,
      code: a.code,
      name: a.name,
      kind,
      parentCode: a.parentCode,
      action,
      offices: a.offices,
      staffing: s,
    },
    source: a,
    insert: existing
      ? null
      : { code: a.code, regionCode, kind, ...wanted, illustrative: a.illustrative ?? false },
    patch: differs ? wanted : null,
    newOffices,
    staffingChanged,
  };
}

function counts(changes: readonly Change[]): ImportAgenciesResult['counts'] {
  const items = changes.map((c) => c.item);
  return {
    departmentsCreated: items.filter((i) => i.action === 'create' && i.kind === 'department')
      .length,
    unitsCreated: items.filter((i) => i.action === 'create' && i.kind === 'unit').length,
    updated: items.filter((i) => i.action === 'update').length,
    unchanged: items.filter((i) => i.action === 'unchanged').length,
    officesAdded: changes.reduce((n, c) => n + c.newOffices.length, 0),
    staffingWritten: changes.filter((c) => c.staffingChanged).length,
  };
}

export async function importAgencies(
  db: Db,
  actor: Actor,
  input: ImportAgenciesInput,
  now: Date,
): Promise<ImportAgenciesResult> {
  assertManagesRegion(actor, input.regionCode);
  const region = await loadRegion(db, input.regionCode);
  const fileName = input.source.fileName;
  const table = await readAllRows(input.source);
  const codes = new Set<string>();
  for (const r of table.rows) {
    for (const c of r.cells) {
      if (c.trim() !== '' && c.length <= 32) {
        codes.add(c.trim());
      }
    }
  }
  const known = new Map<string, KnownAgency>(
    (await repo.findAgencies(db, [...codes])).map((a) => [a.code, a]),
  );
  const file = parseAgencies(fileName, table.rows, region.code, known);
  if (file.errors.length > 0) {
    throw refuseRows(fileName, file.errors);
  }
  const year = input.year ?? (await repo.latestFiscalYear(db, region.code)) ?? cstYear(now);
  const result = await db.transaction(async (tx) => {
    const r = await upsertAgencies(tx, region, file.rows, year, input.dryRun ?? false);
    if (r.written) {
      await auditInTx(tx, actor, {
        action: 'agencies.import',
        entity: 'departments',
        entityId: region.code,
        departmentCode: null,
        before: null,
        after: { fileName, year, ...r.counts },
      });
    }
    return r;
  });
  return {
    regionCode: region.code,
    fileName,
    format: table.format,
    encoding: table.encoding,
    dryRun: input.dryRun ?? false,
    staffingYear: year,
    items: result.items,
    counts: result.counts,
  };
}

async function writeChanges(
  tx: Parameters<typeof repo.insertAgency>[0],
  regionCode: string,
  year: number,
  changes: readonly Change[],
  offices: readonly repo.OfficeRow[],
): Promise<void> {
  // departments first: a unit's parent must exist when the unit is inserted
  const ordered = [...changes].sort((a, b) =>
    a.item.kind === b.item.kind ? 0 : a.item.kind === 'department' ? -1 : 1,
  );
  for (const c of ordered) {
    if (c.insert) {
      await repo.insertAgency(tx, c.insert);
    } else if (c.patch) {
      await repo.updateAgency(tx, c.item.code, c.patch);
    }
  }
  for (const c of ordered) {
    const start = offices.filter((o) => o.departmentCode === c.item.code).length;
    await repo.insertOffices(
      tx,
      c.newOffices.map((name, i) => ({
        regionCode,
        departmentCode: c.item.code,
        name,
        kind: c.source.officeKinds?.[name] ?? '内设机构',
        sort: start + i,
      })),
    );
    if (c.staffingChanged && c.item.staffing) {
      await repo.upsertStaffing(tx, {
        regionCode,
        fiscalYear: year,
        departmentCode: c.item.code,
        ...c.item.staffing,
        illustrative: c.source.illustrative ?? false,
      });
    }
  }
}

/**
 * Plans and (unless a preview) writes checked 单位名录 rows in the caller's transaction: upsert by code, a blank
 * field keeps what is stored, new 内设机构 added, staffing of `year` written. The import and the demo loader use it.
 */
export async function upsertAgencies(
  tx: Parameters<typeof repo.insertAgency>[0],
  region: { code: string; name: string },
  rows: readonly AgencyRow[],
  year: number,
  dryRun = false,
): Promise<{ items: AgencyPlanItem[]; counts: ImportAgenciesResult['counts']; written: boolean }> {
  const existing = new Map(
    (await repo.listAgenciesOfRegion(tx, region.code)).map((a) => [a.code, a]),
  );
  const offices = await repo.listOfficesOfRegion(tx, region.code);
  const staffing = await repo.listStaffingOfRegion(tx, region.code, year);
  const changes = rows.map((a) =>
    planRow(
      a,
      region.name,
      region.code,
      existing.get(a.code),
      offices.filter((o) => o.departmentCode === a.code).map((o) => o.name),
      staffing.find((s) => s.departmentCode === a.code),
    ),
  );
  const written = !dryRun && changes.some((x) => x.item.action !== 'unchanged');
  if (written) {
    await writeChanges(tx, region.code, year, changes, offices);
  }
  return { items: changes.map((x) => x.item), counts: counts(changes), written };
}
