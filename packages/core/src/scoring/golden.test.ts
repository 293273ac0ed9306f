// Every golden case in golden/*.json (copied from shared/golden/scoring, kept identical by fixtures-in-sync.test.ts)
// must score exactly as expected.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreFromJson } from './score-evaluation.ts';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

interface Golden {
  input: unknown;
  expected: {
    budget: { rate: string; score: string };
    indicators: { id: string; score: string }[];
    total: string;
    grade: string;
    findingCodes: string[];
  };
}

const files = readdirSync(goldenDir).filter((f) => f.endsWith('.json'));

describe('golden scoring cases', () => {
  it('finds the golden files', () => {
    expect(files).toContain('worked-example.json');
  });

  for (const file of files) {
    it(file, () => {
      const golden = JSON.parse(readFileSync(goldenDir + file, 'utf8')) as Golden;
      const result = scoreFromJson(golden.input);
      if (!('output' in result)) {
        throw new Error(`invalid: ${JSON.stringify(result.errors)}`);
      }
      const out = result.output;
      expect(out.budget).toEqual(golden.expected.budget);
      expect(out.indicators.map(({ id, score }) => ({ id, score }))).toEqual(
        golden.expected.indicators,
      );
      expect(out.total).toBe(golden.expected.total);
      expect(out.grade).toBe(golden.expected.grade);
      expect([...new Set(out.findings.map((f) => f.code))].sort()).toEqual(
        [...golden.expected.findingCodes].sort(),
      );
    });
  }
});
