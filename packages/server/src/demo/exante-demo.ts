// 示例数据: one new 2024 project of the demo department with its ex-ante assessment (demo/haizhu-2023/
// exante-2024.json): registered, scored by the department, submitted and concluded by the bureau, inside the
// demo's loading transaction (its audit entry covers these rows).
import fs from 'node:fs';
import path from 'node:path';
import type { ExAnteAssessor, ExAnteType, PointInput } from '@jixiao/core';
import { conclusionFor, defaultExAnteTemplate, scoreSheet } from '@jixiao/core';
import type { Queryable } from '../db/open-db.ts';
import type { ExAnteGoalIndicator } from '../db/schema/exante.ts';
import { exanteEvents, exanteItems, exanteVersions } from '../db/schema/exante.ts';

interface ExAnteDemo {
  year: number;
  item: {
    projectCode: string;
    projectName: string;
    type: ExAnteType;
    isNew: boolean;
    amount: string;
    background: string;
    content: string;
    fundingText: string;
    goalText: string;
    goalIndicators: ExAnteGoalIndicator[];
  };
  version: {
    assessor: ExAnteAssessor;
    assessedByName: string;
    scores: PointInput[];
    summary: string;
    suggestions: string;
  };
  opinion: string;
}

export async function loadExAnteDemo(
  tx: Queryable,
  dir: string,
  regionCode: string,
  departmentCode: string,
): Promise<void> {
  const file = path.join(dir, 'exante-2024.json');
  if (!fs.existsSync(file)) {
    return;
  }
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as ExAnteDemo;
  const sheet = scoreSheet(defaultExAnteTemplate(demo.item.type), demo.version.scores);
  const conclusion = conclusionFor(sheet.total);
  const base = { regionCode, fiscalYear: demo.year, departmentCode };
  const [item] = await tx
    .insert(exanteItems)
    .values({
      ...base,
      ...demo.item,
      state: 'concluded',
      conclusion,
      total: sheet.total,
      confirmed: false,
      createdBy: 'demo',
    })
    .returning({ id: exanteItems.id });
  const at = new Date(`${demo.year - 1}-11-20T02:00:00Z`);
  await tx.insert(exanteVersions).values({
    ...base,
    itemId: item!.id,
    versionNo: 1,
    assessor: demo.version.assessor,
    assessedBy: 'demo',
    assessedByName: demo.version.assessedByName,
    scores: demo.version.scores,
    total: sheet.total,
    conclusion,
    summary: demo.version.summary,
    suggestions: demo.version.suggestions,
    submittedAt: at,
  });
  const event = (action: 'register' | 'submit' | 'conclude', actorName: string, days: number, opinion: string | null) => ({
    ...base,
    itemId: item!.id,
    action,
    versionNo: action === 'register' ? null : 1,
    opinion,
    actorUserId: 'demo',
    actorName,
    at: new Date(at.getTime() + days * 86_400_000),
  });
  await tx.insert(exanteEvents).values([
    event('register', demo.version.assessedByName, -5, null),
    event('submit', demo.version.assessedByName, 0, null),
    event('conclude', '区财政局（示例）', 7, demo.opinion),
  ]);
}
