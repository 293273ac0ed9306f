// The audit log in words (no database): every action code the server writes has a name without a code in it, the
// Chinese-name search finds codes, times are Beijing time, and the before/after view leaves internal ids out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionLabel, actionsMatching, entityLabel } from './audit-labels.ts';
import { beijingTime, changesOf } from './audit-view.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Action codes written literally in the server source (`action: 'goal.submit'`). */
function literalActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (e.name.endsWith('.ts') && !/test|harness/.test(e.name)) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/action: '([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
          found.add(m[1]!);
        }
      }
    }
  };
  walk(SRC);
  return [...found];
}

describe('audit labels', () => {
  it('every action the server writes has a Chinese and an English name without a code in it', () => {
    const codes = literalActions();
    expect(codes.length).toBeGreaterThan(60);
    const bad = codes.filter((code) => {
      const l = actionLabel(code);
      return (
        !/[\u4e00-\u9fff]/.test(l.zh) ||
        /[A-Za-z]{3,}|\.|其他/.test(l.zh) ||
        /[A-Z_]{6,}|\./.test(l.en)
      );
    });
    expect(bad).toEqual([]);
    expect(actionLabel('selfEvaluation.submit').zh).toBe('提交绩效自评');
    expect(actionLabel('exante.review.accept').zh).toBe('通过事前评估');
    expect(actionLabel('no.such').zh).toBe('其他操作');
    expect(entityLabel('users').zh).toBe('账户');
  });

  it('search by Chinese or English name, or by code prefix', () => {
    const present = ['auth.login', 'auth.login.failed', 'goal.submit', 'selfEvaluation.submit'];
    expect(actionsMatching('登录', present)).toEqual(['auth.login', 'auth.login.failed']);
    expect(actionsMatching('提交', present)).toEqual(['goal.submit', 'selfEvaluation.submit']);
    expect(actionsMatching('submitted', present)).toEqual(['goal.submit', 'selfEvaluation.submit']);
    expect(actionsMatching('goal.', present)).toEqual(['goal.submit']);
    expect(actionsMatching('审批', present)).toEqual([]);
  });

  it('Beijing time, and a before/after list without ids', () => {
    expect(beijingTime(new Date('2024-01-31T20:30:05Z'))).toBe('2024-02-01 04:30:05');
    const changes = changesOf(
      { id: '0b9e7f6a-1c1d-4a53-9f39-7a0c8f2c1a11', name: '甲', disabled: false, goalId: 'x' },
      { id: '0b9e7f6a-1c1d-4a53-9f39-7a0c8f2c1a11', name: '乙', disabled: true, goalId: 'y' },
    );
    expect(changes.map((c) => [c.label.zh, c.before, c.after])).toEqual([
      ['名称', '甲', '乙'],
      ['已停用', false, true],
    ]);
    expect(changesOf(null, null)).toEqual([]);
  });
});
