// The indicator library (指标库): search the shipped templates (investment promotion + common 产出/效益/满意度 set)
// and a region's own; the finance bureau may add templates. Seeded idempotently on start and with the demo.
import type { Db, Queryable } from '../../db/open-db.ts';
import type { Level1, Level2, Operator } from '../../db/schema/goals.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/audit-log.ts';
import * as repo from './indicator-library.repository.ts';
import { level2Allowed, LEVEL1_TEXT, LEVEL2_TEXT, OPERATOR_SYMBOL } from '@jixiao/core';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import builtinData from './indicator-library.builtin.json' with { type: 'json' };

interface BuiltinTemplate {
  field: string;
  level1: Level1;
  level2: Level2;
  name: string;
  unit: string;
  operator: Operator;
  dataSource: string;
  description: string;
}

/**
 * The shipped library (indicator-library.builtin.json): 投资促进 (招商引资、企业服务) and 通用 indicators of the
 * 产出/效益/满意度 framework. Each entry's level 2 must belong to its level 1 and its operator be known.
 */
const BUILTIN: readonly BuiltinTemplate[] = (builtinData as BuiltinTemplate[]).map((t) => {
  if (!level2Allowed(t.level1, t.level2) || !(t.operator in OPERATOR_SYMBOL)) {
    throw new Error(`indicator-library.builtin.json: bad entry ${t.field}/${t.name}`);
  }
  return t;
});

export const BUILTIN_TEMPLATE_COUNT = BUILTIN.length;

/** Insert the shipped templates that are missing (by field + name); safe to run on every start. */
export async function ensureIndicatorLibrary(db: Queryable): Promise<number> {
  return db.transaction(async (tx) => {
    const added = await repo.insertTemplatesIfMissing(
      tx,
      BUILTIN.map((t) => ({
        ...t,
        builtin: true,
        regionCode: null,
        createdBy: 'system',
      })),
    );
    if (added > 0) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'indicatorTemplate.seed',
        entity: 'indicator_templates',
        entityId: 'builtin',
        departmentCode: null,
        before: null,
        after: { added },
      });
    }
    return added;
  });
}

export interface TemplateView {
  id: string;
  field: string;
  level1: Level1;
  level1Label: string;
  level2: Level2;
  level2Label: string;
  name: string;
  unit: string;
  operator: Operator;
  operatorSymbol: string;
  dataSource: string | null;
  description: string | null;
  builtin: boolean;
}

function view(t: repo.TemplateRow): TemplateView {
  return {
    id: t.id,
    field: t.field,
    level1: t.level1,
    level1Label: LEVEL1_TEXT[t.level1],
    level2: t.level2,
    level2Label: LEVEL2_TEXT[t.level2],
    name: t.name,
    unit: t.unit,
    operator: t.operator,
    operatorSymbol: OPERATOR_SYMBOL[t.operator],
    dataSource: t.dataSource,
    description: t.description,
    builtin: t.builtin,
  };
}

export async function listTemplates(
  db: Db,
  actor: Actor,
  filter: Omit<repo.TemplateFilter, 'regionCode'>,
): Promise<TemplateView[]> {
  assertPermission(actor, 'library.read');
  const rows = (await repo.searchTemplates(db, { ...filter, regionCode: actor.regionCode })).map(
    view,
  );
  const q = filter.q?.trim();
  if (!q) {
    return rows;
  }
  // exact name first, then names containing the words, then matches in the description only
  const rank = (t: TemplateView): number => (t.name === q ? 0 : t.name.includes(q) ? 1 : 2);
  return rows
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map((x) => x.t);
}

export async function getTemplate(db: Db, actor: Actor, id: string): Promise<TemplateView> {
  assertPermission(actor, 'library.read');
  const t = await repo.findTemplate(db, id);
  if (
    !t ||
    (t.regionCode !== null && actor.regionCode !== '*' && t.regionCode !== actor.regionCode)
  ) {
    throw notFound(`指标库模板「${id}」`, `Indicator template ${id}`);
  }
  return view(t);
}

export interface NewTemplateInput {
  field: string;
  level1: Level1;
  level2: Level2;
  name: string;
  unit: string;
  operator: Operator;
  dataSource?: string | null | undefined;
  description?: string | null | undefined;
}

export async function createTemplate(
  db: Db,
  actor: Actor,
  input: NewTemplateInput,
  now: Date,
): Promise<TemplateView> {
  assertPermission(actor, 'library.manage');
  if (!level2Allowed(input.level1, input.level2)) {
    throw new ServiceError('LEVEL2_NOT_OF_LEVEL1', {
      level1: input.level1,
      level2: input.level2,
      level1Text: LEVEL1_TEXT[input.level1],
      level2Text: LEVEL2_TEXT[input.level2],
    });
  }
  if (input.operator !== 'QUAL' && input.unit.trim() === '') {
    throw new ServiceError('TEMPLATE_UNIT_MISSING');
  }
  return db.transaction(async (tx) => {
    if (await repo.findTemplateByName(tx, input.field.trim(), input.name.trim())) {
      throw new ServiceError('TEMPLATE_NAME_TAKEN', {
        field: input.field.trim(),
        name: input.name.trim(),
      });
    }
    const row = await repo.insertTemplate(tx, {
      field: input.field.trim(),
      level1: input.level1,
      level2: input.level2,
      name: input.name.trim(),
      unit: input.unit.trim(),
      operator: input.operator,
      dataSource: input.dataSource?.trim() || null,
      description: input.description?.trim() || null,
      builtin: false,
      regionCode: actor.regionCode === '*' ? null : actor.regionCode,
      createdBy: actor.username,
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'indicatorTemplate.create',
      entity: 'indicator_templates',
      entityId: row.id,
      departmentCode: actor.departmentCode,
      before: null,
      after: view(row),
    });
    return view(row);
  });
}
