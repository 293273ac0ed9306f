// The house rules of docs/architecture.md, checked on the source: core stays pure (no IO, no clock,
// nothing of ours above it), money never goes through floats in core, web never imports the server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(p);
    }
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function violations(files: string[], rules: { re: RegExp; why: string }[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) {
        return; // comments may mention anything
      }
      for (const r of rules) {
        if (r.re.test(line)) {
          out.push(`${path.relative(packagesDir, f)}:${i + 1}: ${r.why}: ${line.trim()}`);
        }
      }
    });
  }
  return out;
}

describe('dependency rules', () => {
  it('core has no IO, no clock, no process and imports nothing of ours', () => {
    const files = sourceFiles(path.join(packagesDir, 'core/src')).filter(
      (f) => !f.includes(`${path.sep}fixtures${path.sep}`),
    );
    expect(files.length).toBeGreaterThan(5);
    expect(
      violations(files, [
        {
          re: /from ['"]node:|require\(['"]node:|from ['"](fs|path|os|child_process|crypto)['"]/,
          why: 'node module in core',
        },
        { re: /\bprocess\.(env|stdout|stderr|exit|argv)/, why: 'process in core' },
        { re: /\bconsole\./, why: 'console in core' },
        { re: /\bDate\.now\(|new Date\(\)/, why: 'clock in core (pass the time in)' },
        { re: /from ['"]@jixiao\//, why: 'core imports another package of ours' },
        { re: /\bparseFloat\(/, why: 'float parsing in core (use d() or parseYuan)' },
      ]),
    ).toEqual([]);
  });

  it('core depends on the decimal library only', () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(packagesDir, 'core/package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['big.js']);
  });

  it('web never imports the server at run time', () => {
    const files = sourceFiles(path.join(packagesDir, 'web/src'));
    expect(
      violations(files, [
        { re: /^import (?!type)[^;]*from ['"]@jixiao\/server/, why: 'web imports server code' },
      ]),
    ).toEqual([]);
  });
});
