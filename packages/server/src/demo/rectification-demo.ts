// 示例数据: the 2023 整改 items of the demo department (demo/haizhu-2023/rectification.json) — the problems of its
// 2023 self-evaluation report put on the 整改清单, worked by the department and checked by the bureau — inside the
// demo's loading transaction. The 2024 report's 四、下一步改进措施 states them and their status.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { RectificationCategory, RectificationStatus } from '@jixiao/core';
import type { Tx } from '../db/open-db.ts';
import * as s from '../db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { raiseRectificationItems } from '../features/rectifications/rectifications-raise.ts';
import * as repo from '../features/rectifications/rectifications.repository.ts';

interface DemoItem {
  problem: string;
  category: RectificationCategory;
  measures: string;
  owner: string;
  deadline: string;
  status: RectificationStatus;
  resultNote: string;
  evidence: string;
  reviewerOpinion: string;
  submittedOn: string;
  closedOn: string | null;
}

interface DemoFile {
  fiscalYear: number;
  finalOn: string;
  noticedOn: string;
  items: DemoItem[];
}

async function actorOf(tx: Tx, username: string, regionCode: string): Promise<Actor> {
  const [u] = await tx.select().from(s.users).where(eq(s.users.username, username));
  if (!u) {
    throw new Error(`demo: account ${username} missing`);
  }
  return {
    userId: u.id,
    username,
    displayName: u.displayName,
    role: u.role,
    departmentCode: u.departmentCode,
    regionCode,
    ip: null,
  };
}

const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function work(tx: Tx, clerk: Actor, reviewer: Actor, row: repo.ItemRow, it: DemoItem) {
  const ev = (actor: Actor, day: string) => ({
    regionCode: row.regionCode,
    fiscalYear: row.fiscalYear,
    departmentCode: row.departmentCode,
    itemId: row.id,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    at: at(day),
  });
  const start = row.noticedOn ?? row.finalOn;
  await repo.insertEvent(tx, { ...ev(clerk, start), action: 'start', fromStatus: 'pending', toStatus: 'inProgress', note: '' });
  await repo.insertEvidence(tx, { ...ev(clerk, it.submittedOn), note: it.evidence, uploadedBy: clerk.userId, uploadedByName: clerk.displayName, createdAt: at(it.submittedOn) });
  await repo.insertEvent(tx, { ...ev(clerk, it.submittedOn), action: 'evidence', fromStatus: 'inProgress', toStatus: 'inProgress', note: it.evidence });
  await repo.insertEvent(tx, { ...ev(clerk, it.submittedOn), action: 'submit', fromStatus: 'inProgress', toStatus: 'awaitingCheck', note: it.resultNote });
  if (it.status === 'closed' && it.closedOn) {
    await repo.insertEvent(tx, { ...ev(reviewer, it.closedOn), action: 'accept', fromStatus: 'awaitingCheck', toStatus: 'closed', note: it.reviewerOpinion });
  }
  await repo.updateItem(tx, row.id, {
    status: it.status,
    resultNote: it.resultNote,
    reviewerOpinion: it.reviewerOpinion,
    closedAt: it.closedOn ? at(it.closedOn) : null,
  });
}

export async function loadRectificationDemo(tx: Tx, dir: string, region: string, dept: string): Promise<void> {
  const file = path.join(dir, 'rectification.json');
  if (!fs.existsSync(file)) {
    return;
  }
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const clerk = await actorOf(tx, 'tzcj_clerk', region);
  const reviewer = await actorOf(tx, 'czj_reviewer', region);
  const rows = await raiseRectificationItems(
    tx,
    reviewer,
    demo.items.map((it, i) => ({
      regionCode: region,
      fiscalYear: demo.fiscalYear,
      departmentCode: dept,
      source: 'selfReport' as const,
      sourceRef: `report:${dept}:${String(demo.fiscalYear)}:${String(i + 1)}`,
      category: it.category,
      problem: it.problem,
      measures: it.measures,
      owner: it.owner,
      requirement: `按自评报告所列措施整改：${it.measures}`,
      finalOn: demo.finalOn,
      noticedOn: demo.noticedOn,
      deadline: it.deadline,
      illustrative: true,
    })),
    at(demo.noticedOn),
  );
  for (const [i, row] of rows.entries()) {
    await work(tx, clerk, reviewer, row, demo.items[i]!);
  }
}
