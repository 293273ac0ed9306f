// A real crash in the middle of an import: a child process COPYs 60,000 ledger rows into an embedded (file)
// database inside the import's transaction and is killed with SIGKILL before it commits. Reopened, the
// database holds exactly what it held before — nothing of the killed import — and takes the same file again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, queryRows, type Queryable } from '../../db/open-db.ts';
import { SNAPSHOT_DIR_ENV } from '../../db/test-global-setup.ts';
import { bufferSource, fileSource } from '../../import/import-source.ts';
import { CLI_ACTOR } from '../../auth/actor.ts';
import { importBudgets, importLedger } from './imports.service.ts';

const DEPT = '440105-TZCJ';
const YEAR = 2025;
const ROWS = 60_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-crash-'));
const dataDir = path.join(tmp, 'db');
const ledgerFile = path.join(tmp, 'ledger-2025.csv');

async function ledgerState(
  db: Queryable,
): Promise<{ rows: number; total: string; batches: number }> {
  const [r] = await queryRows<{ rows: string; total: string; batches: string }>(
    db,
    sql`select (select count(*) from ledger_entries where department_code = ${DEPT} and fiscal_year = ${YEAR})::text as rows,
               (select coalesce(sum(amount), 0) from ledger_entries where department_code = ${DEPT} and fiscal_year = ${YEAR})::numeric(18,2)::text as total,
               (select count(*) from import_batches where department_code = ${DEPT} and fiscal_year = ${YEAR} and kind = 'ledger')::text as batches`,
  );
  return { rows: Number(r!.rows), total: r!.total, batches: Number(r!.batches) };
}

/** Runs the child until it reports every row COPYed, then kills it with SIGKILL; resolves with what it printed. */
function importAndKill(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'import-crash.child.ts'),
        dataDir,
        ledgerFile,
        DEPT,
        String(YEAR),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('COPIED')) {
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') {
        resolve(out);
      } else {
        reject(new Error(`child exited ${code} without being killed:\n${out}\n${err}`));
      }
    });
  });
}

describe('a crash in the middle of a ledger import (PGlite, SIGKILL)', () => {
  let before: Awaited<ReturnType<typeof ledgerState>>;

  beforeAll(async () => {
    const tar = fs.readFileSync(path.join(process.env[SNAPSHOT_DIR_ENV]!, 'demo.tar'));
    const database = await openDb({ kind: 'pglite', dataDir, loadDataDir: new Blob([tar]) });
    try {
      const budget = [
        '项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因',
        'TZCJ-XM-101,招商引资业务工作经费,年初,800000.00,2025-01-10,海财预〔2025〕1号,',
      ].join('\n');
      await importBudgets(database, CLI_ACTOR, {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('budget-2025.csv', Buffer.from(budget)),
      });
      // A first, committed import: January.
      const jan = [
        '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号',
        '2025-01-15,TZCJ-XM-101,招商引资业务工作经费,30215 会议费,10000.00,场地费,GK2025-1',
      ].join('\n');
      await importLedger(database, CLI_ACTOR, {
        departmentCode: DEPT,
        year: YEAR,
        source: bufferSource('jan.csv', Buffer.from(jan)),
      });
      before = await ledgerState(database.db);
    } finally {
      await database.close();
    }
    const lines = ['支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(
        `2025-${String(2 + (i % 11)).padStart(2, '0')}-10,TZCJ-XM-101,招商引资业务工作经费,30201 办公费,1.${String(i % 100).padStart(2, '0')},办公用品,GK2025-${i + 2}`,
      );
    }
    fs.writeFileSync(ledgerFile, `${lines.join('\n')}\n`);
  }, 120_000);

  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'leaves the previous state intact, and the same file imports afterwards',
    { timeout: 240_000 },
    async () => {
      expect(before).toEqual({ rows: 1, total: '10000.00', batches: 1 });
      const printed = await importAndKill();
      expect(printed).toContain('COPIED');
      expect(printed).not.toContain('COMMITTED');

      const reopened = await openDb({ kind: 'pglite', dataDir });
      try {
        expect(await ledgerState(reopened.db)).toEqual(before);
        // Not recorded as imported: the same file is accepted (no false "duplicate"), in full.
        const r = await importLedger(reopened, CLI_ACTOR, {
          departmentCode: DEPT,
          year: YEAR,
          source: fileSource(ledgerFile),
        });
        expect(r.rows).toBe(ROWS);
        const after = await ledgerState(reopened.db);
        expect(after.rows).toBe(1 + ROWS);
        expect(after.batches).toBe(2);
      } finally {
        await reopened.close();
      }
    },
  );
});
