// `jixiao review` end to end (real processes): the seed as JSON and as a list, a .docx round trip, unreadable files.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewResult } from '@jixiao/core';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seed = join(
  repoRoot,
  'packages',
  'core',
  'src',
  'review',
  'seed',
  'haizhu-2023-self-evaluation-report.txt',
);
const fixtures = join(repoRoot, 'packages', 'core', 'src', 'review', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-review-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['JIXIAO_LANG'];
    execFile(
      process.execPath,
      [...JIXIAO_NODE_ARGS, ...args],
      { cwd: repoRoot, env },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const codes = (r: ReviewResult): string[] => [...new Set(r.findings.map((f) => f.code))].sort();

describe('jixiao review', () => {
  it('prints the contract object for the seed with --json (exit 0)', async () => {
    const run = await runCli(['review', seed, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ReviewResult;
    expect(result.title).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告');
    expect(result.year).toBe(2023);
    expect(codes(result)).toEqual(
      [
        'RATE_PRECISION',
        'BUDGET_RECONCILE',
        'GRADE_WITHOUT_SCORE',
        'TARGETS_AFTER_FACT',
        'NO_TARGET_VALUES',
        'NO_SATISFACTION',
        'DUPLICATE_TEXT',
        'UNIT_PERCENTAGE_POINTS',
        'STALE_TEXT',
      ].sort(),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        code: 'RATE_PRECISION',
        severity: 'low',
        line: 94,
        excerpt: '实际支出 76.27万元，执行率 95%',
        message: '执行率应为 95.34%（76.27 ÷ 80），报告写作 95%。',
      }),
    );
    expect(result.figures).toContainEqual({
      label: '全年预算数',
      value: '36628.61',
      unit: '万元',
      line: 36,
    });
  });

  it('lists the findings in Chinese by default and in English with --lang en', async () => {
    const [zh, en] = await Promise.all([
      runCli(['review', seed]),
      runCli(['--lang', 'en', 'review', seed]),
    ]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(
      '审核：2023年度广州市海珠区投资促进局整体支出绩效自评报告（2023年度）',
    );
    expect(zh.stdout).toMatch(/发现 \d+ 处问题：高 3 · 中 \d+ · 低 \d+/);
    expect(zh.stdout).toMatch(/94\s+低\s+RATE_PRECISION 比率精度不足/);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('The execution rate should be 95.34% (76.27 ÷ 80)');
  });

  it('reads a .docx: a planted report round trip yields exactly its planted codes', async () => {
    const text = readFileSync(join(fixtures, 'planted-minzheng-2023.txt'), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(fixtures, 'planted-minzheng-2023.expected.json'), 'utf8'),
    ) as { codes: string[] };
    const paragraphs = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => new Paragraph({ children: [new TextRun(l)] }));
    const file = join(tmp, 'minzheng.docx');
    writeFileSync(
      file,
      await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })),
    );
    const run = await runCli(['review', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ReviewResult;
    expect(result.title).toBe('2023年度广州市海珠区民政局整体支出绩效自评报告');
    expect(codes(result)).toEqual([...expected.codes].sort());
  });

  it('exits 2 with one clear line when the file cannot be read', async () => {
    const broken = join(tmp, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    const cases = [
      [join(tmp, 'missing.txt'), '找不到文件'],
      [broken, '无法读取文件 broken.docx'],
    ] as const;
    const runs = await Promise.all(cases.map(([file]) => runCli(['review', file])));
    for (const [i, run] of runs.entries()) {
      const words = cases[i]?.[1] ?? '';
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(words);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
