// `jixiao rectification` end to end (real processes) on a data directory made from the demo snapshot.
import { describe, expect, it } from 'vitest';
import { SLOW, useDemoDataDir } from './cli-demo-harness.ts';

const { jixiao } = useDemoDataDir('rectification');

interface Item {
  issueNo: string;
  status: string;
  statusText: string;
  overdue: boolean;
}

describe('jixiao rectification', () => {
  it(
    'list --json gives the demo 2023 items with their status; --status filters; update closes one',
    async () => {
      const all = await jixiao(['rectification', 'list', '--department', '440105-TZCJ', '--json']);
      expect(all.stderr).toBe('');
      expect(all.code).toBe(0);
      const items = JSON.parse(all.stdout) as Item[];
      expect(items.map((i) => [i.issueNo, i.status])).toEqual([
        ['2023-整改-001', 'closed'],
        ['2023-整改-002', 'closed'],
        ['2023-整改-003', 'awaitingCheck'],
      ]);
      const waiting = await jixiao([
        'rectification',
        'list',
        '--department',
        '440105-TZCJ',
        '--status',
        'awaitingCheck',
        '--year',
        '2023',
        '--json',
      ]);
      expect((JSON.parse(waiting.stdout) as Item[]).map((i) => i.issueNo)).toEqual([
        '2023-整改-003',
      ]);
      const closed = await jixiao([
        'rectification',
        'update',
        '2023-整改-003',
        '--department',
        '440105-TZCJ',
        '--status',
        'closed',
        '--note',
        '整改到位',
      ]);
      expect([closed.code, closed.stdout.trim()]).toEqual([0, '2023-整改-003 已销号']);
      const bad = await jixiao([
        'rectification',
        'list',
        '--department',
        '440105-TZCJ',
        '--status',
        'x',
      ]);
      expect(bad.code).toBe(2);
    },
    SLOW,
  );
});
