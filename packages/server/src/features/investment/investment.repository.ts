// Investment pipeline SQL: responsible units, projects (filtered, paged), stage history, and the plain
// records the metrics and the target decomposition are computed over.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { parseYuan, type Fen } from '@jixiao/core';
import type {
  InvestmentProjectRecord,
  MetricWindow,
  PipelineStage,
} from '@jixiao/core/investment/index';
import type { Queryable } from '../../db/open-db.ts';
import * as s from '../../db/schema/index.ts';

export type InvestmentUnitRow = typeof s.investmentUnits.$inferSelect;
export type InvestmentProjectRow = typeof s.investmentProjects.$inferSelect;
export type InvestmentProjectInsert = typeof s.investmentProjects.$inferInsert;
export type StageChangeRow = typeof s.investmentStageChanges.$inferSelect;
export type StageChangeInsert = typeof s.investmentStageChanges.$inferInsert;

/** The stage → column of its reached date. */
export const STAGE_COLUMN = {
  LEAD: s.investmentProjects.leadOn,
  NEGOTIATING: s.investmentProjects.negotiatingOn,
  SIGNED: s.investmentProjects.signedOn,
  REGISTERED: s.investmentProjects.registeredOn,
  OPERATING: s.investmentProjects.operatingOn,
} as const;

export async function listUnits(db: Queryable, regionCode: string): Promise<InvestmentUnitRow[]> {
  return db
    .select()
    .from(s.investmentUnits)
    .where(eq(s.investmentUnits.regionCode, regionCode))
    .orderBy(asc(s.investmentUnits.sort), asc(s.investmentUnits.code));
}

export interface ProjectFilters {
  /** Projects with any stage reached in this year. */
  year?: number;
  stages?: PipelineStage[];
  isKeyProject?: boolean;
  unitCode?: string;
  source?: string;
  /** Text in the code, name or investor. */
  q?: string;
  /** Projects that reached `reachedStage` between the two dates (inclusive): the records behind a metric. */
  reachedStage?: PipelineStage;
  reachedFrom?: string;
  reachedTo?: string;
}

export type ProjectSort = 'code' | '-updatedAt' | '-plannedInvestment' | '-leadOn';

function whereOf(departmentCode: string, f: ProjectFilters): SQL {
  const p = s.investmentProjects;
  const conds: SQL[] = [eq(p.departmentCode, departmentCode)];
  if (f.year !== undefined) {
    const from = `${f.year}-01-01`;
    const to = `${f.year}-12-31`;
    conds.push(or(...Object.values(STAGE_COLUMN).map((c) => and(gte(c, from), lte(c, to))))!);
  }
  if (f.stages && f.stages.length > 0) {
    conds.push(inArray(p.stage, f.stages));
  }
  if (f.isKeyProject !== undefined) {
    conds.push(eq(p.isKeyProject, f.isKeyProject));
  }
  if (f.unitCode) {
    conds.push(eq(p.responsibleUnitCode, f.unitCode));
  }
  if (f.source) {
    conds.push(eq(p.source, f.source));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(p.code, like), ilike(p.name, like), ilike(p.investor, like))!);
  }
  if (f.reachedStage) {
    const c = STAGE_COLUMN[f.reachedStage];
    conds.push(isNotNull(c));
    if (f.reachedFrom) {
      conds.push(gte(c, f.reachedFrom));
    }
    if (f.reachedTo) {
      conds.push(lte(c, f.reachedTo));
    }
  }
  return and(...conds)!;
}

export async function listProjects(
  db: Queryable,
  departmentCode: string,
  filters: ProjectFilters,
  page: { offset: number; limit: number; sort: ProjectSort },
): Promise<{ rows: InvestmentProjectRow[]; total: number }> {
  const p = s.investmentProjects;
  const where = whereOf(departmentCode, filters);
  const order = {
    code: [asc(p.code)],
    '-updatedAt': [desc(p.updatedAt), asc(p.code)],
    '-plannedInvestment': [desc(p.plannedInvestment), asc(p.code)],
    '-leadOn': [desc(p.leadOn), asc(p.code)],
  }[page.sort];
  const totalRows = await db.select({ n: count() }).from(p).where(where);
  const rows = await db
    .select()
    .from(p)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: Number(totalRows[0]?.n ?? 0) };
}

/** Count and planned-investment total per current stage (the board's column heads). */
export async function stageTotals(
  db: Queryable,
  departmentCode: string,
  filters: ProjectFilters,
): Promise<{ stage: PipelineStage; n: number; investment: string }[]> {
  const p = s.investmentProjects;
  const rows = await db
    .select({
      stage: p.stage,
      n: count(),
      investment: sql<string>`coalesce(sum(${p.plannedInvestment}), 0)::numeric(18,2)::text`,
    })
    .from(p)
    .where(whereOf(departmentCode, filters))
    .groupBy(p.stage);
  return rows.map((r) => ({ stage: r.stage, n: Number(r.n), investment: r.investment }));
}

export async function findProject(
  db: Queryable,
  departmentCode: string,
  id: string,
): Promise<InvestmentProjectRow | null> {
  const rows = await db
    .select()
    .from(s.investmentProjects)
    .where(
      and(eq(s.investmentProjects.departmentCode, departmentCode), eq(s.investmentProjects.id, id)),
    );
  return rows[0] ?? null;
}

export async function findProjectsByCodes(
  db: Queryable,
  departmentCode: string,
  codes: string[],
): Promise<InvestmentProjectRow[]> {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select()
    .from(s.investmentProjects)
    .where(
      and(
        eq(s.investmentProjects.departmentCode, departmentCode),
        inArray(s.investmentProjects.code, codes),
      ),
    );
}

export async function insertProject(
  db: Queryable,
  values: InvestmentProjectInsert,
): Promise<InvestmentProjectRow> {
  const [row] = await db.insert(s.investmentProjects).values(values).returning();
  return row!;
}

export async function updateProject(
  db: Queryable,
  id: string,
  values: Partial<InvestmentProjectInsert>,
): Promise<InvestmentProjectRow> {
  const [row] = await db
    .update(s.investmentProjects)
    .set(values)
    .where(eq(s.investmentProjects.id, id))
    .returning();
  return row!;
}

export async function insertStageChanges(
  db: Queryable,
  values: StageChangeInsert[],
): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db.insert(s.investmentStageChanges).values(values.slice(i, i + 500));
  }
}

export async function listStageChanges(
  db: Queryable,
  projectId: string,
): Promise<StageChangeRow[]> {
  return db
    .select()
    .from(s.investmentStageChanges)
    .where(eq(s.investmentStageChanges.projectId, projectId))
    .orderBy(asc(s.investmentStageChanges.seq));
}

function fenOf(yuan: string): Fen {
  const f = parseYuan(yuan);
  if (f === null) {
    throw new Error(`not a 元 amount from the database: ${yuan}`);
  }
  return f;
}

/** The columns a metric reads (a narrow select: PGlite's cost is per value returned). */
const recordColumns = {
  id: s.investmentProjects.id,
  isKeyProject: s.investmentProjects.isKeyProject,
  plannedInvestment: s.investmentProjects.plannedInvestment,
  responsibleUnitCode: s.investmentProjects.responsibleUnitCode,
  leadOn: s.investmentProjects.leadOn,
  negotiatingOn: s.investmentProjects.negotiatingOn,
  signedOn: s.investmentProjects.signedOn,
  registeredOn: s.investmentProjects.registeredOn,
  operatingOn: s.investmentProjects.operatingOn,
};

export function toProjectRecord(
  r: Pick<InvestmentProjectRow, keyof typeof recordColumns>,
): InvestmentProjectRecord {
  return {
    id: r.id,
    isKeyProject: r.isKeyProject,
    plannedInvestmentFen: fenOf(r.plannedInvestment),
    responsibleUnitCode: r.responsibleUnitCode,
    dates: {
      LEAD: r.leadOn,
      NEGOTIATING: r.negotiatingOn,
      SIGNED: r.signedOn,
      REGISTERED: r.registeredOn,
      OPERATING: r.operatingOn,
    },
  };
}

/** The department's projects with a stage reached inside the window (what the pipeline metrics look at). */
export async function loadProjectRecords(
  db: Queryable,
  departmentCode: string,
  window: MetricWindow,
): Promise<InvestmentProjectRecord[]> {
  const p = s.investmentProjects;
  const inWin = (c: (typeof STAGE_COLUMN)[PipelineStage]) =>
    and(gte(c, window.from), lte(c, window.to));
  const rows = await db
    .select(recordColumns)
    .from(p)
    .where(
      and(
        eq(p.departmentCode, departmentCode),
        or(inWin(p.negotiatingOn), inWin(p.signedOn), inWin(p.registeredOn)),
      ),
    )
    .orderBy(asc(p.code));
  return rows.map(toProjectRecord);
}
