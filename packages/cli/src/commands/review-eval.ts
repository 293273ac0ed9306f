// npm run review:eval — precision and recall of the report reviewer on the corpus in core/src/review/corpus
// (or on a directory given as the first argument: NAME.txt beside NAME.expected.json).
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  evaluateCorpus,
  formatEvaluation,
  type CorpusReport,
} from '@jixiao/core/review/corpus/evaluate';

const dir =
  process.argv[2] === undefined
    ? new URL('../../../core/src/review/corpus/', import.meta.url)
    : pathToFileURL(`${process.argv[2].replace(/\/?$/, '/')}`);

const reports: CorpusReport[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const expected = JSON.parse(
      readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), dir), 'utf8'),
    ) as Pick<CorpusReport, 'codes' | 'options'>;
    return {
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(new URL(f, dir), 'utf8'),
      ...expected,
    };
  });
const e = evaluateCorpus(reports);
process.stdout.write(`${formatEvaluation(e).join('\n')}\n`);
process.exitCode = e.falseHigh.length === 0 && e.precision >= 0.95 && e.recall >= 0.95 ? 0 : 1;
