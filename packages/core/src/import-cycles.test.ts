// No import cycle anywhere in our packages: a test walks every import (static, dynamic, type-only) between our own
// source files and fails naming each cycle it finds. Wiring is by plain imports, so a cycle is a design error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Our package name → its src folder (workspace packages are imported by name with a subpath). */
const PACKAGES: Record<string, string> = {
  '@jixiao/core': path.join(packagesDir, 'core/src'),
  '@jixiao/server': path.join(packagesDir, 'server/src'),
  '@jixiao/cli': path.join(packagesDir, 'cli/src'),
};

function resolveFile(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return null;
}

function resolveImport(from: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    return resolveFile(path.resolve(path.dirname(from), spec));
  }
  for (const [name, src] of Object.entries(PACKAGES)) {
    if (spec === name) {
      return resolveFile(path.join(src, 'index.ts'));
    }
    if (spec.startsWith(`${name}/`)) {
      return resolveFile(path.join(src, spec.slice(name.length + 1)));
    }
  }
  return null; // a library
}

export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => resolveImport(f, i.fileName))
      .filter((t): t is string => t !== null);
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle's files (one per strongly connected component of more than one file, or a file importing itself). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for our depth.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) {
        cycles.push(component.sort());
      }
    }
  };
  for (const v of graph.keys()) {
    if (!indexOf.has(v)) {
      visit(v);
    }
  }
  return cycles;
}

describe('import cycles', () => {
  it('finds a planted cycle (the check can fail)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c']]);
  });

  it('no package has an import cycle', () => {
    const files = ['core', 'server', 'cli', 'web'].flatMap((p) =>
      sourceFiles(path.join(packagesDir, p, 'src')),
    );
    expect(files.length).toBeGreaterThan(300);
    const cycles = findCycles(importGraph(files)).map((c) =>
      c.map((f) => path.relative(packagesDir, f)).join(' ↔ '),
    );
    expect(cycles).toEqual([]);
  });
});
