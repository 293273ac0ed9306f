// Issue 18's pure web pieces (no browser): the bureau's budget-weighted execution rate, 三员分立 on the account
// screens, findings named in words, and a non-number in one score row that leaves the other rows scored.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../packages/web/src/api/types.ts';
import { weightedRate, meanOf } from '../packages/web/src/modules/bureau/overview-stats.ts';
import { mayAct, type Account } from '../packages/web/src/modules/admin/account-duties.ts';
import { actorText, roleName } from '../packages/web/src/modules/admin/audit-values.ts';
import {
  findingLabel,
  findingPlace,
  withoutIndicatorId,
} from '../packages/web/src/modules/evaluation/finding-labels.ts';
import {
  applyEdits,
  liveScore,
  scored,
  validEdits,
} from '../packages/web/src/modules/evaluation/live-score.ts';

describe('audit log actors', () => {
  it('writers that are not accounts are named in words, never by their internal name', () => {
    expect(actorText(null, 'system', 'zh')).toBe('系统（自动）');
    expect(actorText(null, 'cli', 'zh')).toBe('命令行（服务器本机）');
    expect(actorText(null, 'anonymous', 'en')).toBe('Not signed in');
    expect(actorText('区财政局 绩效审核员', 'czj_reviewer', 'zh')).toBe('区财政局 绩效审核员');
    expect(roleName('system', 'zh')).toBe('系统');
  });
});

describe('bureau overview', () => {
  it('平均执行率 is Σ executed ÷ Σ budget (2 dp half-up), not the mean of the rates', () => {
    const rows = [
      { budgetYuan: '1000000.00', executedYuan: '990000.00', rate: '99.00' },
      { budgetYuan: '10000.00', executedYuan: '5000.00', rate: '50.00' },
    ];
    expect(meanOf(rows.map((r) => r.rate))).toBe('74.50');
    expect(weightedRate(rows)).toBe('98.51'); // 995000 / 1010000 = 98.5148…
    expect(weightedRate([{ budgetYuan: '0.00', executedYuan: '0.00' }])).toBeNull();
  });
});

describe('account screens (三员分立 as auth/policies.ts)', () => {
  const acct = (role: Account['role'], id = 'x'): Account =>
    ({ id, role, username: id, displayName: id }) as Account;
  const sys = { role: 'systemAdmin' as const, id: 'sys' };
  const sec = { role: 'securityAdmin' as const, id: 'sec' };
  it('offers each administrator only what the server allows', () => {
    expect(mayAct(sys, 'resetPassword', acct('clerk'))).toBe(true);
    expect(mayAct(sys, 'resetPassword', acct('auditAdmin'))).toBe(false);
    expect(mayAct(sys, 'resetPassword', acct('securityAdmin'))).toBe(false);
    expect(mayAct(sys, 'edit', acct('systemAdmin', 'other'))).toBe(true);
    expect(mayAct(sys, 'setRole', acct('clerk'))).toBe(false);
    expect(mayAct(sys, 'unlock', acct('clerk'))).toBe(false);
    expect(mayAct(sec, 'setRole', acct('clerk'))).toBe(true);
    expect(mayAct(sec, 'setRole', acct('systemAdmin'))).toBe(false);
    expect(mayAct(sec, 'setRole', acct('securityAdmin', 'sec'))).toBe(false);
    expect(mayAct(sec, 'unlock', acct('deptHead'))).toBe(true);
    expect(mayAct(sec, 'unlock', acct('auditAdmin'))).toBe(false);
    expect(mayAct(sec, 'resetPassword', acct('clerk'))).toBe(false);
  });
});

describe('no codes in the evaluation', () => {
  it('names findings and strips indicator ids', () => {
    expect(findingLabel('BUDGET_ADJUSTED', 'zh')).toBe('预算调整');
    // A review finding's place: page and line of a PDF, paragraph of a Word file, line of a text.
    expect(findingPlace({ line: 3, page: 2 }, 'pdf', 'zh')).toBe('第 2 页第 3 行');
    expect(findingPlace({ line: 7 }, 'docx', 'zh')).toBe('第 7 段');
    expect(findingPlace({ line: 7 }, 'txt', 'zh')).toBe('第 7 行');
    expect(findingPlace({ line: 3, page: 2 }, 'pdf', 'en')).toBe('page 2, line 3');
    expect(findingLabel('MISSING_SECTION', 'en')).toBe('Missing section');
    expect(findingLabel('SOMETHING_NEW', 'zh')).toBe('提示');
    expect(withoutIndicatorId('指标 BUDGET「预算执行率」：偏低', 'BUDGET')).toBe(
      '指标「预算执行率」：偏低',
    );
    expect(withoutIndicatorId('Indicator 3 "Roads": misses', '3')).toBe(
      'Indicator "Roads": misses',
    );
  });

  it('"abc" in one row leaves that row at its saved value and the others scored', () => {
    const input = JSON.parse(
      fs.readFileSync(
        new URL('../packages/core/src/scoring/golden/worked-example.json', import.meta.url),
        'utf8',
      ),
    ).input as ContractInput;
    const edits = { '1': { actual: 'abc' }, '2': { actual: input.indicators[1]!.actual } };
    expect(scored(liveScore(applyEdits(input, edits)))).toBeNull(); // what the sheet did: every score blank
    const valid = validEdits(input, edits);
    expect(Object.keys(valid)).toEqual(['2']);
    const out = scored(liveScore(applyEdits(input, valid)));
    expect(out).not.toBeNull();
    expect(out!.total).toBe('90.27'); // row 1 at its saved 10 场: the worked example's total
  });
});
