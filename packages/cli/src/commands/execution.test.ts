// `jixiao projects | execution | import | monitoring | template` end to end (real processes) on a copy of the
// demo database (PGlite data directory, and PostgreSQL when the test script started one): exact JSON shapes,
// a GBK ledger import, every error of a bad file on stderr with exit 2, duplicates, month replacement, forms.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../../../server/src/db/test-global-setup.ts';
import { seedDataDir } from '../../../server/src/db/test-snapshot-dir.ts';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-ledger-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function pgliteEnv(): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-exec-'));
  seedDataDir(dir, 'demo');
  return {
    env: { JIXIAO_DATA_DIR: dir },
    close: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function pgEnv(
  url: string,
): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const name = `jixiao_cli_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(
    url,
    `create database ${name} template ${process.env['JIXIAO_TEST_PG_TEMPLATE_DEMO']!}`,
  );
  return {
    env: { DATABASE_URL: withDatabase(url, name) },
    close: () => adminQuery(url, `drop database if exists ${name} with (force)`),
  };
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
      { cwd: repoRoot, env: e, maxBuffer: 32 * 1024 * 1024 },
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

function write(name: string, content: string | Buffer): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, content);
  return f;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const targets: [
  string,
  () => Promise<{ env: Record<string, string>; close: () => Promise<void> }>,
][] = [['pglite', pgliteEnv]];
if (process.env['JIXIAO_TEST_PG_URL']) {
  const url = process.env['JIXIAO_TEST_PG_URL'];
  targets.push(['pg', () => pgEnv(url)]);
}

for (const [driver, open] of targets) {
  describe(`ledger commands [${driver}]`, () => {
    let env: Record<string, string> = {};
    let close: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ env, close } = await open());
    });
    afterAll(async () => close());
    const D = ['--department', '440105-TZCJ'];

    it('projects --json is exactly [{code, name, level}]', async () => {
      const r = await runCli(['projects', ...D, '--year', '2023', '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([
        { code: 'TZCJ-JB-2023', name: '基本支出', level: 1 },
        { code: 'TZCJ-XM-001', name: '招商引资业务工作经费', level: 1 },
        { code: 'TZCJ-XM-002', name: '产业扶持及惠企政策兑现专项资金', level: 1 },
      ]);
    });

    it('execution --json is exactly {projects: [{code, budgetYuan, executedYuan, rate}], total}; human output in 万元', async () => {
      const r = await runCli(['execution', ...D, '--year', '2023', '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        projects: [
          // 1,148.50 万元 (1,120 + 28.50), executed 1,148.50 万元 = 100.00%
          {
            code: 'TZCJ-JB-2023',
            budgetYuan: '11485000.00',
            executedYuan: '11485000.00',
            rate: '100.00',
          },
          // 76.27 / 80.00 = 95.34%
          {
            code: 'TZCJ-XM-001',
            budgetYuan: '800000.00',
            executedYuan: '762700.00',
            rate: '95.34',
          },
          // 35,400.11 / 35,400.11 = 100.00%
          {
            code: 'TZCJ-XM-002',
            budgetYuan: '354001100.00',
            executedYuan: '354001100.00',
            rate: '100.00',
          },
        ],
        // 36,628.61 万元 budget, 36,624.88 万元 executed: 99.99%
        total: { budgetYuan: '366286100.00', executedYuan: '366248800.00', rate: '99.99' },
      });
      const human = await runCli(['execution', ...D, '--year', '2023', '--month', '6'], env);
      expect(human.code).toBe(0);
      expect(human.stdout).toContain('序时进度 50.00%');
      expect(human.stdout).toContain('31.27 万元'); // 312,707.00 元 executed on 招商引资业务工作经费 by June
      expect(human.stdout).toContain('39.09%');
    });

    it('import: a bad file exits 2 and lists every bad row on stderr; nothing is imported', async () => {
      const budgets = write(
        'budget-2025.csv',
        '项目编码,项目名称,类型(年初/调整),金额(元),日期,文号,原因\nTZCJ-XM-301,招商引资业务工作经费,年初,500000.00,2025-01-10,,\n',
      );
      const b = await runCli(['import', 'budgets', budgets, ...D, '--year', '2025'], env);
      expect(b.stdout + b.stderr).toContain('新建项目：TZCJ-XM-301');
      expect(b.code).toBe(0);
      const bad = write(
        'bad.csv',
        '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号\n2025-01-05,TZCJ-XM-301,,30201 办公费,1.234,x,V1\n2024-12-01,TZCJ-XM-301,,30201 办公费,1.00,x,V2\n2025-01-06,TZCJ-XM-301,,30201 办公费,2.00,x,\n',
      );
      const r = await runCli(['import', 'ledger', bad, ...D, '--year', '2025'], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('第 2 行【金额(元)】「1.234」');
      expect(r.stderr).toContain('第 3 行【支付日期】「2024-12-01」');
      expect(r.stderr).toContain('第 4 行【凭证号】');
      expect(r.stderr).toContain('未导入任何数据');
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      const e = await runCli(['execution', ...D, '--year', '2025', '--json'], env);
      expect(JSON.parse(e.stdout).total.executedYuan).toBe('0.00');
    });

    it('import: a GBK file, then the same file again (refused), then a month replaced with --replace-month', async () => {
      const text =
        '支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号\r\n2025-01-05,TZCJ-XM-301,招商引资业务工作经费,30215 会议费,1000.00,推介会场地,GK1\r\n2025-02-05,TZCJ-XM-301,招商引资业务工作经费,30211 差旅费,234.56,赴深圳招商,GK2\r\n';
      const gbk = write('台账-gbk.csv', iconv.encode(text, 'gbk'));
      const first = await runCli(['import', 'ledger', gbk, ...D, '--year', '2025'], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('2 行');
      expect(first.stdout).toContain('GBK');
      const dup = await runCli(['import', 'ledger', gbk, ...D, '--year', '2025'], env);
      expect(dup.code).toBe(2);
      expect(dup.stderr).toContain('已导入过');
      const feb = write(
        '台账-2月.csv',
        '\uFEFF支付日期,项目编码,项目名称,经济分类科目,金额(元),摘要,凭证号\n2025-02-05,TZCJ-XM-301,,30211 差旅费,200.00,更正,GK2\n',
      );
      const refused = await runCli(['import', 'ledger', feb, ...D, '--year', '2025'], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--replace-month');
      const replaced = await runCli(
        ['import', 'ledger', feb, ...D, '--year', '2025', '--replace-month'],
        env,
      );
      expect(replaced.code).toBe(0);
      expect(replaced.stdout).toContain('已替换');
      const e = await runCli(['execution', ...D, '--year', '2025', '--json'], env);
      // 1,000.00 (January) + 200.00 (February, replaced) = 1,200.00 of 500,000.00 = 0.24%
      expect(JSON.parse(e.stdout).total).toEqual({
        budgetYuan: '500000.00',
        executedYuan: '1200.00',
        rate: '0.24',
      });
    });

    it('monitoring --json at June and --out writes the 绩效运行监控表', async () => {
      const r = await runCli(['monitoring', ...D, '--year', '2023', '--month', '6', '--json'], env);
      expect(r.code).toBe(0);
      const m = JSON.parse(r.stdout) as { warnings: { red: number; yellow: number } };
      expect(m.warnings).toMatchObject({ red: 1, yellow: 5 });
      const out = path.join(tmp, `form-${driver}.docx`);
      const f = await runCli(
        ['monitoring', ...D, '--year', '2023', '--month', '6', '--out', out],
        env,
      );
      expect(f.code).toBe(0);
      expect(f.stdout).toContain('红色 1');
      const xml = await (
        await JSZip.loadAsync(fs.readFileSync(out))
      )
        .file('word/document.xml')!
        .async('string');
      expect(xml).toContain('绩效运行监控表');
    });

    it('an unknown department exits 2 with one line', async () => {
      const bad = await runCli(['execution', '--department', 'nope', '--year', '2023'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    });

    // Neither opens the database (the blank template, a missing file): one database is enough.
    it.runIf(driver === targets[0]![0])(
      'template ledger --out writes the Excel template; a missing file exits 2',
      async () => {
        const out = path.join(tmp, `ledger-${driver}.xlsx`);
        const r = await runCli(['template', 'ledger', '--out', out], env);
        expect(r.code).toBe(0);
        expect(fs.statSync(out).size).toBeGreaterThan(1000);
        const noFile = await runCli(
          ['import', 'ledger', path.join(tmp, 'missing.csv'), ...D, '--year', '2024'],
          env,
        );
        expect(noFile.code).toBe(2);
        expect(noFile.stderr).toContain('找不到文件');
      },
    );
  });
}
