// `jixiao score` end to end (real processes) for the golden files and every error code, plus fuzzing of scoreFromJson.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreFromJson, type ScoringErrorCode } from '@jixiao/core';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const goldenDir = join(repoRoot, 'packages', 'core', 'src', 'scoring', 'golden');
const goldenFiles = readdirSync(goldenDir).filter((f) => f.endsWith('.json'));
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-score-'));

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
      [...JIXIAO_NODE_ARGS, 'score', ...args],
      { cwd: repoRoot, env },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let fileNo = 0;
function writeInput(content: unknown, raw = false): string {
  const file = join(tmp, `input-${++fileNo}.json`);
  writeFileSync(file, raw ? String(content) : JSON.stringify(content));
  return file;
}

interface GoldenCase {
  input: Record<string, unknown>;
  expected: {
    budget: unknown;
    indicators: { id: string; score: string }[];
    total: string;
    grade: string;
    findingCodes: string[];
  };
}

function golden(name = 'worked-example.json'): GoldenCase {
  return JSON.parse(readFileSync(join(goldenDir, name), 'utf8')) as GoldenCase;
}

type Json = Record<string, unknown>;

/** The worked example with one change applied to a deep copy. */
function variant(change: (input: Json & { budget: Json; indicators: Json[] }) => void): unknown {
  const input = structuredClone(golden().input) as Json & { budget: Json; indicators: Json[] };
  change(input);
  return input;
}

function ind(input: { indicators: Json[] }, k: number): Json {
  const i = input.indicators[k];
  if (i === undefined) {
    throw new Error(`no indicator ${k}`);
  }
  return i;
}

const STACK = /\n\s+at .+[:(]/;

describe.concurrent('jixiao score FILE.json (real process)', () => {
  for (const name of goldenFiles) {
    it(`golden ${name} --json`, async () => {
      const g = golden(name);
      const r = await runCli([writeInput(g.input), '--json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        budget: unknown;
        indicators: { id: string; score: string }[];
        total: string;
        grade: string;
        findings: { code: string }[];
        errors: unknown[];
      };
      expect(out.budget).toEqual(g.expected.budget);
      expect(out.indicators.map(({ id, score }) => ({ id, score }))).toEqual(g.expected.indicators);
      expect(out.total).toBe(g.expected.total);
      expect(out.grade).toBe(g.expected.grade);
      expect([...new Set(out.findings.map((f) => f.code))].sort()).toEqual(
        [...g.expected.findingCodes].sort(),
      );
      expect(out.errors).toEqual([]);
    });
  }

  it('prints a zh-CN table by default', async () => {
    const r = await runCli([writeInput(golden().input)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('举办招商推介活动场次');
    expect(r.stdout).toContain('总分 90.27');
    expect(r.stdout).toContain('等级 优');
    expect(r.stdout).toContain('[BUDGET_ADJUSTED] 年初预算数 100.00 万元');
    expect(r.stderr).toBe('');
  });

  it('prints English with --lang en', async () => {
    const r = await runCli([writeInput(golden().input), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Total 90.27');
    expect(r.stdout).toContain('Excellent');
    expect(r.stdout).toContain('misses the target');
  });

  it('--preset hubei-variant scores the reverse indicator by ratio (8.77) and flags the 50/30/10 split', async () => {
    const r = await runCli([writeInput(golden().input), '--json', '--preset', 'hubei-variant']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      total: string;
      indicators: { score: string }[];
      findings: { code: string }[];
    };
    expect(out.indicators[3]?.score).toBe('8.77');
    expect(out.total).toBe('90.44');
    expect(out.findings.map((f) => f.code)).toContain('LEVEL1_SPLIT');
  });

  const invalid: [ScoringErrorCode, unknown][] = [
    ['WEIGHT_SUM', variant((x) => (ind(x, 0)['weight'] = '25'))],
    ['BUDGET_ZERO', variant((x) => (x.budget['adjusted'] = '0'))],
    ['NOT_A_NUMBER', variant((x) => (ind(x, 0)['actual'] = '十场'))],
    ['QUAL_LEVEL', variant((x) => (ind(x, 5)['actual'] = '基本达成'))],
    ['QUAL_SCORE_MISSING', variant((x) => delete ind(x, 5)['score'])],
    ['QUAL_SCORE_OUT_OF_BAND', variant((x) => (ind(x, 5)['score'] = '14'))],
    ['DUPLICATE_ID', variant((x) => (ind(x, 1)['id'] = '1'))],
    ['SCHEMA', variant((x) => (ind(x, 2)['operator'] = '≈'))],
  ];
  for (const [code, input] of invalid) {
    it(`${code}: exit 2 with errors and no total`, async () => {
      const r = await runCli([writeInput(input), '--json']);
      expect(r.code).toBe(2);
      const out = JSON.parse(r.stdout) as {
        errors: { code: string; message: string; messageEn: string }[];
        total?: string;
      };
      expect(out.total).toBeUndefined();
      expect(out.errors.map((e) => e.code)).toEqual([code]);
      expect(out.errors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  it('lists errors in Chinese in human mode, exit 2', async () => {
    const r = await runCli([writeInput(invalid[2]?.[1])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('输入有误');
    expect(r.stderr).toContain('实际完成值 actual"十场"不是数字');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('malformed JSON: exit 2, a SCHEMA error, no stack trace', async () => {
    const file = writeInput('{"version": 1, "budget": ', true);
    const r = await runCli([file, '--json']);
    expect(r.code).toBe(2);
    expect(
      (JSON.parse(r.stdout) as { errors: { code: string }[] }).errors.map((e) => e.code),
    ).toEqual(['SCHEMA']);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('missing file: exit 1 with one line', async () => {
    const r = await runCli([join(tmp, 'does-not-exist.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('ENOENT');
    expect(r.stdout).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing: arbitrary JSON and mutated golden inputs never make scoring throw.
// ---------------------------------------------------------------------------------------------
const KNOWN_ERRORS = new Set([
  'WEIGHT_SUM',
  'BUDGET_ZERO',
  'NOT_A_NUMBER',
  'QUAL_LEVEL',
  'QUAL_SCORE_MISSING',
  'QUAL_SCORE_OUT_OF_BAND',
  'DUPLICATE_ID',
  'SCHEMA',
]);

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    '',
    ' ',
    'abc',
    '-1',
    '+5',
    '1e5',
    '0',
    '0.000000000000000000000001',
    '99999999999999999999999',
    'constructor',
    '__proto__',
    'toString',
    '≥',
    '>=',
    '定性',
    '达成年度指标',
    'NaN',
    0,
    -0,
    1e308,
    -1,
    0.1,
    null,
    true,
    [],
    {},
  ),
);

const FIELDS = [
  'id',
  'level1',
  'level2',
  'name',
  'operator',
  'target',
  'actual',
  'unit',
  'weight',
  'score',
  'deduction',
  'deductionReason',
  'deviationNote',
  'applicable',
  'extra',
];
const BUDGET_FIELDS = ['initial', 'adjusted', 'executed', 'weight', 'note'];
const TOP_FIELDS = ['version', 'rules', 'subject', 'budget', 'indicators'];

type Mutation =
  | { where: 'indicator'; index: number; field: string; value: unknown; remove: boolean }
  | { where: 'budget'; field: string; value: unknown; remove: boolean }
  | { where: 'top'; field: string; value: unknown; remove: boolean }
  | { where: 'rules'; field: string; value: unknown; remove: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    where: fc.constant('indicator' as const),
    index: fc.nat(8),
    field: fc.constantFrom(...FIELDS),
    value: nasty,
    remove: fc.boolean(),
  }),
  fc.record({
    where: fc.constant('budget' as const),
    field: fc.constantFrom(...BUDGET_FIELDS),
    value: nasty,
    remove: fc.boolean(),
  }),
  fc.record({
    where: fc.constant('top' as const),
    field: fc.constantFrom(...TOP_FIELDS),
    value: nasty,
    remove: fc.boolean(),
  }),
  fc.record({
    where: fc.constant('rules' as const),
    field: fc.constantFrom(
      'preset',
      'reverseFormula',
      'qualitativeBands',
      'overTargetRatio',
      'budgetWeight',
      'level1Weights',
      'gradeBands',
      'typo',
    ),
    value: nasty,
    remove: fc.boolean(),
  }),
);

function applyMutations(ms: readonly Mutation[]): unknown {
  const input = structuredClone(golden().input) as Json & {
    budget: Json;
    indicators: Json[];
    rules?: Json;
  };
  for (const m of ms) {
    const list: unknown = input.indicators;
    const target: unknown =
      m.where === 'top'
        ? input
        : m.where === 'budget'
          ? input.budget
          : m.where === 'rules'
            ? input.rules === undefined || (typeof input.rules === 'object' && input.rules !== null)
              ? (input.rules ??= {})
              : undefined
            : Array.isArray(list)
              ? (list[m.index % Math.max(1, list.length)] as unknown)
              : undefined;
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      const obj = target as Json;
      if (m.remove) {
        delete obj[m.field];
      } else {
        obj[m.field] = m.value;
      }
    }
  }
  return input;
}

function checkOutcome(raw: unknown): void {
  const r = scoreFromJson(raw);
  if ('output' in r) {
    expect(r.output.total).toMatch(/^\d{1,3}\.\d{2}$/);
    expect(Number(r.output.total)).toBeLessThanOrEqual(100);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(KNOWN_ERRORS.has(e.code)).toBe(true);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.messageEn.length).toBeGreaterThan(0);
    }
  }
}

describe('fuzzing scoreFromJson (in-process)', () => {
  it('arbitrary JSON never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => checkOutcome(v)),
      { numRuns: 3000 },
    );
  });

  it('mutated golden inputs never throw', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) =>
        checkOutcome(applyMutations(ms)),
      ),
      { numRuns: 4000 },
    );
  });
});

describe.concurrent('fuzzing the real process', () => {
  const samples = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), {
    numRuns: 6,
    seed: 20240601,
  });
  samples.forEach((ms, k) => {
    it(`mutated input #${k + 1}: exit 0 or 2, JSON on stdout, never a stack trace`, async () => {
      const r = await runCli([writeInput(applyMutations(ms)), '--json']);
      expect([0, 2]).toContain(r.code);
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
      expect(r.stderr).not.toMatch(STACK);
    });
  });
});
