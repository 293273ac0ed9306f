// The bureau's settings for ex-ante assessment: thresholds and rating shares per region and year, registered
// 第三方机构 and which third-party accounts belong to them; and the adoption of an item's 事前 绩效目标 as
// the draft goal set of its project (no retyping).
import {
  GATE_REFUSAL_TEXT,
  checkExAnteTemplates,
  type ExAnteTemplate,
  type ExAnteThresholds,
  type RatingShares,
} from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission, visibleRegion } from '../../auth/access.ts';
import { roleMay } from '../../auth/policies.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError, notFound } from '../../http/service-error.ts';
import { createGoal } from '../goals/goals.service.ts';
import { addIndicator, type IndicatorInput } from '../indicators/indicators.service.ts';
import { findProjectByCode } from '../projects/projects.repository.ts';
import * as repo from './exante.repository.ts';
import { loadItemFor } from './exante.access.ts';
import { detailOf, event, type ItemDetail } from './exante.service.ts';
import { gateOf, rulesFor, type ExAnteRules } from './exante.views.ts';

function bureauRegion(actor: Actor, regionCode: string | undefined): string {
  const mine = visibleRegion(actor);
  if (mine !== '*') {
    return mine;
  }
  if (!regionCode) {
    throw new ServiceError('EXANTE_REGION_REQUIRED');
  }
  return regionCode;
}

export async function getExAnteRules(
  db: Db,
  actor: Actor,
  year: number,
  regionCode?: string,
): Promise<ExAnteRules> {
  assertPermission(actor, 'exante.read');
  return rulesFor(db, bureauRegion(actor, regionCode), year);
}

export async function setExAnteRules(
  db: Db,
  actor: Actor,
  year: number,
  input: {
    thresholds: ExAnteThresholds;
    ratingShares: RatingShares;
    templates: ExAnteTemplate[] | null;
  },
): Promise<ExAnteRules> {
  assertPermission(actor, 'exante.review');
  const region = bureauRegion(actor, undefined);
  const problems = checkExAnteTemplates(input.templates ?? []);
  if (problems.length > 0) {
    throw new ServiceError(
      'EXANTE_TEMPLATE_INVALID',
      { count: problems.length, first: problems[0]!.zh, firstEn: problems[0]!.en },
      { problems },
    );
  }
  await db.transaction(async (tx) => {
    const before = await repo.findConfig(tx, region, year);
    const row = await repo.upsertConfig(tx, { regionCode: region, fiscalYear: year, ...input });
    await auditInTx(tx, actor, {
      action: 'exante.rules',
      entity: 'exante_configs',
      entityId: row.id,
      departmentCode: null,
      before: before ? { thresholds: before.thresholds, ratingShares: before.ratingShares } : null,
      after: { thresholds: input.thresholds, ratingShares: input.ratingShares },
    });
  });
  return rulesFor(db, region, year);
}

/** The bureau (to assign items) and the system administrator (to create their accounts) list the agencies. */
export async function listAgencies(db: Db, actor: Actor) {
  if (!roleMay(actor.role, 'user.manage')) {
    assertPermission(actor, 'exante.review');
  }
  return (await repo.listAgencies(db, bureauRegion(actor, undefined))).map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
  }));
}

export async function registerAgency(
  db: Db,
  actor: Actor,
  input: { code: string; name: string; year: number },
): Promise<{ id: string; code: string; name: string }> {
  assertPermission(actor, 'exante.review');
  const region = bureauRegion(actor, undefined);
  const row = await db.transaction(async (tx) => {
    if (await repo.findAgencyByCode(tx, region, input.code)) {
      throw new ServiceError('EXANTE_AGENCY_EXISTS', { agency: input.code });
    }
    const a = await repo.insertAgency(tx, {
      regionCode: region,
      fiscalYear: input.year,
      code: input.code.trim(),
      name: input.name.trim(),
    });
    await auditInTx(tx, actor, {
      action: 'exante.agency.register',
      entity: 'exante_agencies',
      entityId: a.id,
      departmentCode: null,
      before: null,
      after: { code: a.code, name: a.name },
    });
    return a;
  });
  return { id: row.id, code: row.code, name: row.name };
}

/** The bureau attaches an existing third-party account (created by the system administrator) to an agency. */
export async function addAgencyMember(
  db: Db,
  actor: Actor,
  agencyId: string,
  username: string,
): Promise<void> {
  assertPermission(actor, 'exante.review');
  const agency = await repo.findAgency(db, agencyId);
  if (!agency || agency.regionCode !== bureauRegion(actor, agency.regionCode)) {
    throw notFound(`第三方机构「${agencyId}」`, `Agency ${agencyId}`);
  }
  const user = await repo.findUserByUsername(db, username);
  if (!user || user.role !== 'thirdParty' || user.regionCode !== agency.regionCode) {
    throw notFound(`第三方机构账户「${username}」`, `Third-party account ${username}`);
  }
  await db.transaction(async (tx) => {
    await repo.upsertMember(tx, {
      regionCode: agency.regionCode,
      fiscalYear: agency.fiscalYear,
      agencyId,
      userId: user.id,
    });
    await auditInTx(tx, actor, {
      action: 'exante.agency.member',
      entity: 'exante_agency_members',
      entityId: user.id,
      departmentCode: null,
      before: null,
      after: { agency: agency.code, username },
    });
  });
}

/**
 * POST /api/exante/items/{id}/adopt-goals: once the item may be budgeted and its project exists, its 事前 绩效目标
 * become the project's draft goal set (through the goals feature's own create functions).
 */
export async function adoptExAnteGoals(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ItemDetail> {
  const item = await loadItemFor(db, actor, id, 'exante.edit');
  const gate = gateOf(item, await rulesFor(db, item.regionCode, item.fiscalYear));
  if (!gate.allowed) {
    const t = GATE_REFUSAL_TEXT[gate.reason];
    throw new ServiceError('EXANTE_BUDGET_BLOCKED', {
      project: item.projectCode,
      reason: t.zh,
      reasonEn: t.en,
    });
  }
  const project = await findProjectByCode(
    db,
    item.departmentCode,
    item.fiscalYear,
    item.projectCode,
  );
  if (!project) {
    throw notFound(`项目「${item.projectCode}」`, `Project ${item.projectCode}`);
  }
  const goal = await createGoal(
    db,
    actor,
    {
      departmentCode: item.departmentCode,
      year: item.fiscalYear,
      projectId: project.id,
      targetText: item.goalText || item.projectName,
    },
    now,
  );
  for (const [i, g] of item.goalIndicators.entries()) {
    await addIndicator(
      db,
      actor,
      goal.id,
      { ...g, level2: g.level2 as IndicatorInput['level2'], sort: i + 1 },
      now,
    );
  }
  await db.transaction(async (tx) => {
    await repo.updateItem(tx, id, { goalId: goal.id });
    await event(tx, actor, item, 'adoptGoals', null, null);
    await auditInTx(tx, actor, {
      action: 'exante.adoptGoals',
      entity: 'exante_items',
      entityId: id,
      departmentCode: item.departmentCode,
      before: { goalId: item.goalId },
      after: { goalId: goal.id, indicators: item.goalIndicators.length },
    });
  });
  return detailOf(db, (await repo.findItem(db, id))!);
}
