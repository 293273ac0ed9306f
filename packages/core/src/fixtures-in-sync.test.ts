// The seed report and the golden scoring cases are copied into the repository so that a clone tests on its own.
// Where the shared folder sits beside the checkout (the developers' machines), the copies must equal the originals.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const copies: [string, string][] = [
  [
    'seed/haizhu-2023-self-evaluation-report.txt',
    './review/seed/haizhu-2023-self-evaluation-report.txt',
  ],
  ...(existsSync(`${shared}golden/scoring`)
    ? readdirSync(`${shared}golden/scoring`).filter((f) => f.endsWith('.json'))
    : []
  ).map((f): [string, string] => [`golden/scoring/${f}`, `./scoring/golden/${f}`]),
];

describe.skipIf(!existsSync(shared))('copied fixtures equal shared/', () => {
  it.each(copies)('%s', (original, copy) => {
    expect(readFileSync(new URL(copy, import.meta.url), 'utf8')).toBe(
      readFileSync(`${shared}${original}`, 'utf8'),
    );
  });
});
