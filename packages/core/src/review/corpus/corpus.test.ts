// The review corpus: ≥ 24 reports written by the team, half with planted defects; precision and recall ≥ 0.95.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReviewCode } from '../types.ts';
import { evaluateCorpus, formatEvaluation, type CorpusReport } from './evaluate.ts';

const DIR = new URL('./', import.meta.url);

export function loadCorpus(dir: URL = DIR): CorpusReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(
        readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), dir), 'utf8'),
      ) as { codes: ReviewCode[]; options?: CorpusReport['options'] };
      return {
        name: f.replace(/\.txt$/, ''),
        text: readFileSync(new URL(f, dir), 'utf8'),
        codes: expected.codes,
        ...(expected.options === undefined ? {} : { options: expected.options }),
      };
    });
}

describe('the review corpus', () => {
  const corpus = loadCorpus();
  const e = evaluateCorpus(corpus);

  it('holds at least 24 reports, half of them with planted defects, of every document type', () => {
    expect(e.reports).toBeGreaterThanOrEqual(24);
    expect(e.planted * 2).toBeGreaterThanOrEqual(e.reports);
    for (const kind of ['dept-', 'proj-', 'eval-', 'rect-']) {
      expect(corpus.filter((r) => r.name.startsWith(kind)).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('reaches precision and recall ≥ 0.95 with no false high finding', () => {
    const report = formatEvaluation(e).join('\n');
    expect(e.falseHigh, report).toEqual([]);
    expect(e.precision, report).toBeGreaterThanOrEqual(0.95);
    expect(e.recall, report).toBeGreaterThanOrEqual(0.95);
  });
});
