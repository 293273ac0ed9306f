// Issue 13, "Done when" 1: from an empty data directory, the commands of the README's "Start with your own
// district" take the example district (examples/baiyun-2025, 示例数据) from its files to goal sets, execution,
// scores and a generated report — each command a real `npx jixiao` process on real files, one after the other
// (the embedded database admits one process at a time), on PGlite and, when JIXIAO_TEST_PG_URL is set, on a fresh
// PostgreSQL database. No CLI command submits or approves a goal set or records actuals, so those two steps call
// the goals and indicator services in-process with the imported accounts (the clerk, the department head and the
// finance bureau's reviewer), as the web UI would.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../../server/src/db/test-global-setup.ts';
import { withInProcessDb } from './onboarding-e2e-steps.ts';
import { JIXIAO_NODE_ARGS } from './test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = path.join(repoRoot, 'examples/baiyun-2025');
const DEPT = '440111-SWJ';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', JIXIAO_DEMO: '0', ...env };
    delete e['JIXIAO_LANG'];
    if (!env['DATABASE_URL']) {
      delete e['DATABASE_URL'];
    }
    execFile(
      process.execPath,
      [...JIXIAO_NODE_ARGS, ...args],
      { cwd: repoRoot, env: e, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** An empty database another process can open: a new PGlite data directory, or a new PostgreSQL database. */
interface Target {
  env: Record<string, string>;
  close(): Promise<void>;
}

function pgliteTarget(work: string): Target {
  return { env: { JIXIAO_DATA_DIR: path.join(work, 'data') }, close: async () => {} };
}

async function pgTarget(url: string): Promise<Target> {
  const name = `jixiao_onboard_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(url, `create database ${name}`);
  return {
    env: { DATABASE_URL: withDatabase(url, name) },
    close: () => adminQuery(url, `drop database if exists ${name} with (force)`),
  };
}

const drivers = process.env['JIXIAO_TEST_PG_URL']
  ? (['pglite', 'pg'] as const)
  : (['pglite'] as const);

for (const driver of drivers) {
  describe(`from an empty install to a report: the example district [${driver}]`, () => {
    let work: string;
    let target: Target;
    const cli = async (...args: string[]): Promise<Run> => {
      const r = await runCli(args, target.env);
      if (r.code !== 0) {
        throw new Error(`jixiao ${args.join(' ')} → exit ${r.code}\n${r.stdout}\n${r.stderr}`);
      }
      return r;
    };
    const file = (name: string) => path.join(EXAMPLE, name);

    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-onboarding-'));
      target =
        driver === 'pg' ? await pgTarget(process.env['JIXIAO_TEST_PG_URL']!) : pgliteTarget(work);
    });
    afterAll(async () => {
      await target?.close();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it('an empty install points to region create', async () => {
      const r = await cli('departments');
      expect(r.stdout + r.stderr).toContain('region create');
    });

    it('region create → import agencies → year open → import users', async () => {
      const region = await cli('region', 'create', '--code', '440111', '--name', '广州市白云区');
      expect(region.stdout).toContain('广州市白云区财政局（440111-CZJ）');

      const agencies = await cli(
        'import',
        'agencies',
        file('agencies.xlsx'),
        '--region',
        '440111',
        '--year',
        '2025',
      );
      expect(agencies.stdout).toContain('新建部门 3 个、所属单位 3 个');

      const year = await cli('year', 'open', '--region', '440111', '--year', '2025');
      expect(year.stdout).toContain('已开启 440111 的 2025 预算年度');

      const pw = path.join(work, 'passwords.csv');
      const users = await cli('import', 'users', file('users.csv'), '--passwords-out', pw);
      expect(users.stdout).toContain('已新建 7 个账户');
      expect(fs.readFileSync(pw, 'utf8')).toContain('by_swj_clerk');
      if (process.platform !== 'win32') {
        expect(fs.statSync(pw).mode & 0o777).toBe(0o600);
      }

      const departments = JSON.parse((await cli('departments', '--json')).stdout) as {
        code: string;
      }[];
      expect(departments.map((d) => d.code)).toEqual(['440111-JYJ', '440111-SWJ', '440111-WJJ']);
    });

    it('import budgets --region: the 一体化 export (万元, title row) goes to each department', async () => {
      const r = await cli(
        'import',
        'budgets',
        file('budgets-region.xlsx'),
        '--region',
        '440111',
        '--year',
        '2025',
      );
      expect(r.stdout).toContain('2 个部门，合计 18405000.00 元');
      expect(r.stdout).toContain(`${DEPT}：`);
      expect(r.stdout).toContain('9705000.00 元');
    });

    it('import goals: the 项目支出 form, the flat grid and the 部门整体 form arrive as drafts', async () => {
      const form = await cli(
        'import',
        'goals',
        file('goals-project-form.xlsx'),
        '--department',
        DEPT,
        '--year',
        '2025',
      );
      expect(form.stdout).toContain(
        '已导入绩效目标（草稿）「440111250001 商贸流通发展专项」：8 个指标',
      );
      expect(form.stdout).toContain('权重按一级指标默认分值分配');

      const grid = await cli(
        'import',
        'goals',
        file('goals-grid.csv'),
        '--department',
        DEPT,
        '--year',
        '2025',
      );
      expect(grid.stdout).toContain('「440111250003 招商引资活动经费」：5 个指标');
      expect(grid.stdout).toContain('「440111250002 电商直播基地扶持」：5 个指标');

      const whole = await cli(
        'import',
        'goals',
        file('goals-department-form.xlsx'),
        '--department',
        DEPT,
        '--year',
        '2025',
      );
      expect(whole.stdout).toContain('已导入绩效目标（草稿）「部门整体」：4 个指标');

      const sets = JSON.parse(
        (await cli('goals', '--department', DEPT, '--year', '2025', '--json')).stdout,
      ) as {
        projectCode: string | null;
        status: string;
        indicators: { level1: string; operator: string; target: string; weight: string }[];
      }[];
      expect(sets.map((s) => [s.projectCode, s.status, s.indicators.length])).toEqual([
        [null, 'draft', 4],
        ['440111250001', 'draft', 8],
        ['440111250002', 'draft', 5],
        ['440111250003', 'draft', 5],
      ]);
      // `≥600场` in one cell of the form: operator, number and unit apart.
      const form01 = sets.find((s) => s.projectCode === '440111250001')!;
      expect(form01.indicators.some((i) => i.operator === 'GE' && i.target === '600')).toBe(true);
    });

    it('the goal sets are submitted, approved by the head and the bureau, and locked (in-process services)', async () => {
      const statuses = await withInProcessDb(target.env, (steps) =>
        steps.submitAndApproveAll(DEPT, 2025, {
          clerk: 'by_swj_clerk',
          head: 'by_swj_head',
          reviewer: 'by_czj_reviewer',
        }),
      );
      expect(statuses).toEqual(['locked', 'locked', 'locked', 'locked']);
      const sets = JSON.parse(
        (await cli('goals', '--department', DEPT, '--year', '2025', '--json')).stdout,
      ) as { status: string }[];
      expect(sets.every((s) => s.status === 'locked')).toBe(true);
    });

    it('import ledger: the 支付明细 export in GBK', async () => {
      const r = await cli(
        'import',
        'ledger',
        file('ledger-payments-gbk.csv'),
        '--department',
        DEPT,
        '--year',
        '2025',
      );
      expect(r.stdout).toContain('5 行，月份 3、6、7、9、11，合计 6870000.00 元（CSV，GBK 编码）');
    });

    it('the clerk records the year-end actuals (in-process service), then jixiao score', async () => {
      const recorded = await withInProcessDb(target.env, (steps) =>
        steps.recordActualsAtTarget(DEPT, 2025, 'by_swj_clerk'),
      );
      expect(recorded).toBe(22);
      const r = await cli('score', '--department', DEPT, '--year', '2025', '--json');
      const scored = JSON.parse(r.stdout) as {
        subjectName: string;
        output: { total?: string; grade?: string; budget?: { rate: string } };
      }[];
      expect(scored).toHaveLength(4);
      const whole = scored[0]!;
      expect(whole.subjectName).toContain('广州市白云区商务局');
      expect(whole.output.budget?.rate).toBe('70.79');
      expect(whole.output.total).toBe('97.08');
      expect(whole.output.grade).toBe('优');
    });

    it('report --format docx names the department and its figures', async () => {
      const out = path.join(work, 'report.docx');
      await cli('report', '--department', DEPT, '--year', '2025', '--format', 'docx', '--out', out);
      const { value: text } = await mammoth.extractRawText({ path: out });
      expect(text).toContain('2025年度广州市白云区商务局整体支出绩效自评报告');
      expect(text).toContain('部门全年预算数970.50万元，全年执行数687.00万元，预算执行率70.79%');
      expect(text).toContain('核定编制32名');
      expect(text).toContain('部门整体支出绩效自评得分97.08分，等级为“优”');
      expect(text).toContain('招商引资活动经费');
      expect(text).toContain('该项目由广州市白云区投资促进服务中心实施');
      expect(text).not.toContain('海珠');
    });
  });
}
