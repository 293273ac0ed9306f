// Fiscal years of a region: the finance bureau opens a year (rule preset, default mof-2020; whether goal sets
// also need its approval) so that the region's departments can plan it — the year then appears in their year
// picker. Goal creation itself falls back to the default preset when a year was never opened (yearRules).
import { DEFAULT_PRESET_NAME, getPreset, listPresets } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import * as deptRepo from '../departments/departments.repository.ts';
import * as repo from './fiscal-years.repository.ts';
import { isCli, type Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';

export interface FiscalYearView {
  year: number;
  scoringPreset: string;
  scoringPresetTitle: string;
  financeApprovalRequired: boolean;
  /** Whether the department head signs the self-evaluation off before it goes to the bureau. */
  evaluationHeadReviewRequired: boolean;
  basisNotice: string | null;
  openedAt: string;
}

export interface FiscalYearListing {
  regionCode: string;
  regionName: string;
  years: FiscalYearView[];
  /** The year the bureau would open next: the latest opened year + 1 (this calendar year when none). */
  nextYear: number;
  /** The latest year that may be opened now: next calendar year (China Standard Time). */
  maxYear: number;
  presets: { name: string; title: string; titleEn: string }[];
}

export interface OpenFiscalYearInput {
  year: number;
  scoringPreset?: string | undefined;
  financeApprovalRequired?: boolean | undefined;
  evaluationHeadReviewRequired?: boolean | undefined;
  basisNotice?: string | null | undefined;
}

/** The calendar year in China Standard Time (UTC+8). */
export function cstYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

function view(r: repo.FiscalYearRow): FiscalYearView {
  return {
    year: r.year,
    scoringPreset: r.scoringPreset,
    scoringPresetTitle: getPreset(r.scoringPreset)?.title ?? r.scoringPreset,
    financeApprovalRequired: r.financeApprovalRequired,
    evaluationHeadReviewRequired: r.evaluationHeadReviewRequired,
    basisNotice: r.basisNotice,
    openedAt: r.createdAt.toISOString(),
  };
}

async function loadRegion(
  db: Db,
  actor: Actor,
  regionCode: string,
  permission: 'fiscalYear.read' | 'fiscalYear.open',
) {
  assertPermission(actor, permission);
  if (!isCli(actor) && actor.regionCode !== regionCode) {
    throw new ServiceError('FISCAL_YEAR_OTHER_REGION', {}, { reason: 'region', regionCode });
  }
  const region = await deptRepo.findRegion(db, regionCode);
  if (!region) {
    throw notFound(`地区「${regionCode}」`, `Region ${regionCode}`);
  }
  return region;
}

/** GET /api/regions/{code}/fiscal-years: department roles and the finance bureau of that region. */
export async function listFiscalYears(
  db: Db,
  actor: Actor,
  regionCode: string,
  now: Date,
): Promise<FiscalYearListing> {
  const region = await loadRegion(db, actor, regionCode, 'fiscalYear.read');
  const rows = await repo.listFiscalYears(db, regionCode);
  const last = rows.at(-1)?.year;
  const maxYear = cstYear(now) + 1;
  return {
    regionCode,
    regionName: region.name,
    years: rows.map(view),
    // Planning is for a year not yet under way: after a gap (the latest opened year long past), propose next
    // calendar year rather than a year that has already ended and can no longer take goals.
    nextYear: Math.min(
      last === undefined ? cstYear(now) : Math.max(last + 1, cstYear(now) + 1),
      maxYear,
    ),
    maxYear,
    presets: listPresets().map((p) => ({ name: p.name, title: p.title, titleEn: p.titleEn })),
  };
}

/** POST /api/regions/{code}/fiscal-years: the region's finance bureau opens a year (409 when already open). */
export async function openFiscalYear(
  db: Db,
  actor: Actor,
  regionCode: string,
  input: OpenFiscalYearInput,
  now: Date,
): Promise<FiscalYearView> {
  await loadRegion(db, actor, regionCode, 'fiscalYear.open');
  const maxYear = cstYear(now) + 1;
  if (input.year > maxYear) {
    throw new ServiceError(
      'FISCAL_YEAR_TOO_LATE',
      { maxYear, year: input.year },
      {
        fields: [
          { field: 'year', message: `最晚为 ${maxYear} 年`, messageEn: `at most ${maxYear}` },
        ],
      },
    );
  }
  const presetName = input.scoringPreset?.trim() || DEFAULT_PRESET_NAME;
  const preset = getPreset(presetName);
  if (!preset) {
    const names = listPresets()
      .map((p) => `${p.name}（${p.title}）`)
      .join('、');
    throw new ServiceError(
      'SCORING_PRESET_UNKNOWN',
      { preset: presetName, presets: names },
      { fields: [{ field: 'scoringPreset', message: `不存在的计分规则：${presetName}` }] },
    );
  }
  const row = await db.transaction(async (tx) => {
    const r = await repo.insertFiscalYear(tx, {
      regionCode,
      year: input.year,
      scoringPreset: preset.name,
      financeApprovalRequired: input.financeApprovalRequired ?? true,
      evaluationHeadReviewRequired: input.evaluationHeadReviewRequired ?? true,
      basisNotice: input.basisNotice?.trim() || null,
      createdAt: now,
    });
    if (!r) {
      throw new ServiceError(
        'FISCAL_YEAR_ALREADY_OPEN',
        { year: input.year },
        { fields: [{ field: 'year', message: `${input.year} 年度已开启` }] },
      );
    }
    await recordAudit(tx, actor, {
      action: 'fiscalYear.open',
      entity: 'fiscal_years',
      entityId: `${regionCode}:${input.year}`,
      departmentCode: null,
      before: null,
      after: {
        regionCode,
        year: r.year,
        scoringPreset: r.scoringPreset,
        financeApprovalRequired: r.financeApprovalRequired,
        evaluationHeadReviewRequired: r.evaluationHeadReviewRequired,
        basisNotice: r.basisNotice,
      },
    });
    return r;
  });
  return view(row);
}
