// The district zip as a background job of the server process: started by a finance reviewer, polled for its
// progress, downloaded when done. Its files live in the data directory's temp area (`<data dir>.tmp`, beside
// the `<data dir>.lock` of the embedded database, outside the database's own folder) and are removed once the zip
// has been downloaded, an hour after the job ends otherwise, at once when it fails, and — for jobs a stopped server
// left behind — when the next job starts.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '@jixiao/core';
import { errorMessage } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireRole } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  assertMayExportDistrict,
  buildDistrictZip,
  planDistrictZip,
  type DistrictPhase,
  type DistrictZip,
} from './district-reports.service.ts';

/** How long a finished job's zip stays for download. */
export const DISTRICT_JOB_TTL_MS = 60 * 60 * 1000;

export interface DistrictJobView {
  id: string;
  year: number;
  state: 'running' | 'done' | 'failed';
  phase: DistrictPhase;
  done: number;
  total: number;
  departments: number | null;
  pdfs: number | null;
  fileName: string | null;
  error: { code: ErrorCode; zh: string; en: string } | null;
}

interface Job {
  view: DistrictJobView;
  userId: string;
  region: string;
  dir: string;
  zip: DistrictZip | null;
}

const jobs = new Map<string, Job>();

/** The temp area of a data directory: `<data dir>.tmp` (the embedded database's folder stays its own). */
export function tempAreaOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.tmp`;
}

function districtDir(dataDir: string): string {
  return path.join(tempAreaOf(dataDir), 'district-reports');
}

/** Removes job folders no job of this process owns that are older than the TTL (a stopped server's leftovers). */
async function removeLeftovers(dataDir: string): Promise<void> {
  const root = districtDir(dataDir);
  const owned = new Set([...jobs.values()].map((j) => path.basename(j.dir)));
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const dir = path.join(root, name);
    const old = Date.now() - (await stat(dir)).mtimeMs > DISTRICT_JOB_TTL_MS;
    if (!owned.has(name) && old) {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function failure(e: unknown): DistrictJobView['error'] {
  const code: ErrorCode = e instanceof ServiceError ? e.code : 'INTERNAL';
  const params = e instanceof ServiceError ? e.params : {};
  if (!(e instanceof ServiceError)) {
    process.stderr.write(
      `district reports failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
  }
  return { code, zh: errorMessage(code, params, 'zh'), en: errorMessage(code, params, 'en') };
}

/** Forgets the job and removes its folder, and the temp area's folders when they are left empty. */
async function removeJob(job: Job): Promise<void> {
  jobs.delete(job.view.id);
  await rm(job.dir, { recursive: true, force: true });
  const area = path.dirname(job.dir);
  for (const dir of [area, path.dirname(area)]) {
    await rmdir(dir).catch(() => undefined); // only when empty
  }
}

function expire(job: Job): void {
  setTimeout(() => void removeJob(job), DISTRICT_JOB_TTL_MS).unref();
}

/** After a complete download the job's files go at once (a new download starts a new job). */
export async function districtJobDownloaded(actor: Actor, id: string): Promise<void> {
  const job = jobs.get(id);
  if (job && job.userId === actor.userId) {
    await removeJob(job);
  }
}

/** Starts the zip of the actor's region for `year` (or answers the job of the same user already running). */
export async function startDistrictJob(
  db: Db,
  actor: Actor,
  opts: { year: number; dataDir: string; now: Date; pdf?: boolean },
): Promise<DistrictJobView> {
  assertMayExportDistrict(actor, actor.regionCode);
  const running = [...jobs.values()].find(
    (j) => j.userId === actor.userId && j.view.year === opts.year && j.view.state === 'running',
  );
  if (running) {
    return { ...running.view };
  }
  const plan = await planDistrictZip(db, actor, {
    region: actor.regionCode,
    year: opts.year,
    pdf: opts.pdf,
  });
  await removeLeftovers(opts.dataDir);
  const id = randomUUID();
  const dir = path.join(districtDir(opts.dataDir), id);
  await mkdir(dir, { recursive: true });
  const view: DistrictJobView = {
    ...{ id, year: opts.year, state: 'running', phase: 'word', done: 0 },
    total: plan.departments.length * (plan.pdf ? 2 : 1) + 1,
    ...{ departments: plan.departments.length, pdfs: null, fileName: null, error: null },
  };
  const job: Job = { view, userId: actor.userId, region: actor.regionCode, dir, zip: null };
  jobs.set(id, job);
  const run = buildDistrictZip(db, actor, plan, {
    workDir: dir,
    now: opts.now,
    onProgress: (p) => Object.assign(view, p),
  });
  void run.then(
    (zip) => {
      job.zip = zip;
      Object.assign(view, { state: 'done', departments: zip.departments, pdfs: zip.pdfs });
      view.fileName = zip.fileName;
      expire(job);
    },
    async (e: unknown) => {
      Object.assign(view, { state: 'failed', error: failure(e) });
      await rm(dir, { recursive: true, force: true });
      expire(job);
    },
  );
  return { ...view };
}

/** The job as its starter sees it; anyone else is told it does not exist. */
export function districtJob(actor: Actor, id: string): DistrictJobView {
  return { ...ownJob(actor, id).view };
}

function ownJob(actor: Actor, id: string): Job {
  requireRole(actor, 'financeReviewer');
  const job = jobs.get(id);
  if (!job || job.userId !== actor.userId || job.region !== actor.regionCode) {
    throw new ServiceError('DISTRICT_JOB_NOT_FOUND');
  }
  return job;
}

/** The finished zip's path and download name. */
export function districtJobFile(actor: Actor, id: string): { path: string; fileName: string } {
  const job = ownJob(actor, id);
  if (job.view.state === 'failed') {
    throw new ServiceError('DISTRICT_JOB_FAILED', {
      problem: job.view.error?.zh ?? '',
      problemEn: job.view.error?.en ?? '',
    });
  }
  if (job.zip === null) {
    throw new ServiceError('DISTRICT_JOB_NOT_READY', {
      done: job.view.done,
      total: job.view.total,
    });
  }
  return { path: job.zip.zipPath, fileName: job.zip.fileName };
}
