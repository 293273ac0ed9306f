// `jixiao metrics` and `jixiao pipeline` end to end (real processes) on a data directory made from the
// demo snapshot: live values from the records, the as-of date, and exit 2 with one Chinese line on bad input.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SLOW, useDemoDataDir } from './cli-demo-harness.ts';

const { tmp, jixiao } = useDemoDataDir('metrics');

describe('jixiao metrics', () => {
  it(
    '--json lists each metric-bound indicator with its live value, records and as-of date',
    async () => {
      const r = await jixiao([
        'metrics',
        '--department',
        '440105-TZCJ',
        '--year',
        '2023',
        '--json',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as {
        indicator: string;
        indicatorId: string;
        metric: string;
        value: string;
        records: number;
        asOf: string;
      }[];
      expect(
        rows.slice(0, 5).map((x) => [x.indicator, x.metric, x.value, x.records, x.asOf]),
      ).toEqual([
        ['新洽谈重点招商项目数', 'investment.negotiatedKeyProjects', '336', 336, '2023-12-31'],
        ['推动注册落地项目数', 'investment.registeredProjects', '170', 170, '2023-12-31'],
        ['企业诉求按期办结率', 'services.requestsClosedOnTimeRate', '93.50', 400, '2023-12-31'],
        ['企业诉求平均办结时长', 'services.meanDaysToClose', '8.60', 400, '2023-12-31'],
        ['企业满意度', 'services.satisfiedShare', '92.40', 250, '2023-12-31'],
      ]);
      expect(rows.every((x) => x.indicatorId.length > 0)).toBe(true);
    },
    SLOW,
  );

  it(
    '--as-of 2023-06-30 gives the mid-year values; the table is Chinese by default',
    async () => {
      const r = await jixiao([
        'metrics',
        '--department',
        '440105-TZCJ',
        '--year',
        '2023',
        '--as-of',
        '2023-06-30',
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /新洽谈重点招商项目数\s+新洽谈重点招商项目数\s+152 个\s+300 个\s+152\s+2023-06-30/,
      );
    },
    SLOW,
  );

  it(
    'bad input: exit 2 and one line, no stack trace',
    async () => {
      const year = await jixiao(['metrics', '--department', '440105-TZCJ', '--year', '23']);
      expect(year.code).toBe(2);
      expect(year.stderr.trim()).toBe('年度无效：23（应为 2000–2100 的四位数字）');
      const date = await jixiao([
        'metrics',
        '--department',
        '440105-TZCJ',
        '--year',
        '2023',
        '--as-of',
        '2023-02-30',
      ]);
      expect(date.code).toBe(2);
      expect(date.stderr.trim()).toBe('截止日期无效：2023-02-30（格式 YYYY-MM-DD）');
      const dept = await jixiao([
        '--lang',
        'en',
        'metrics',
        '--department',
        '440105-ZZZZ',
        '--year',
        '2023',
      ]);
      expect(dept.code).toBe(2);
      expect(dept.stderr.trim()).toBe('Department 440105-ZZZZ not found');
    },
    SLOW,
  );
});

describe('jixiao pipeline', () => {
  it(
    'progress ranks the units by completion rate',
    async () => {
      const p = await jixiao([
        'pipeline',
        'progress',
        '--department',
        '440105-TZCJ',
        '--year',
        '2023',
        '--kind',
        'registeredProjects',
        '--json',
      ]);
      expect(p.code).toBe(0);
      const progress = JSON.parse(p.stdout) as {
        district: { actual: string; target: string };
        units: { rank: number }[];
      };
      expect(progress.district).toMatchObject({ actual: '170', target: '150' });
      expect(progress.units[0]!.rank).toBe(1);
    },
    SLOW,
  );

  it(
    'import refuses a bad sheet row by row and imports nothing',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('招商项目');
      ws.addRow([
        '项目编号',
        '项目名称',
        '投资方',
        '行业代码',
        '行业名称',
        '计划投资额（万元）',
        '重点项目',
        '责任单位',
        '招商方式',
        '线索日期',
      ]);
      ws.addRow([
        'ZS-C-0001',
        '命令行导入',
        '广州命令行科技有限公司',
        '6513',
        '应用软件开发',
        100,
        '是',
        '琶洲',
        '楼长招商',
        '2023-05-06',
      ]);
      ws.addRow([
        'ZS-C-0002',
        '命令行导入二',
        '广州命令行二号有限公司',
        '6513',
        '应用软件开发',
        -5,
        '是',
        '琶洲',
        '楼长招商',
        '2023-05-06',
      ]);
      const file = path.join(tmp, 'bad.xlsx');
      fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      const bad = await jixiao(['pipeline', 'import', file, '--department', '440105-TZCJ']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('第 3 行「计划投资额（万元）」：不能为负数');
      expect(bad.stderr.trim().split('\n').at(-1)).toBe('导入失败：发现 1 处错误，未导入任何数据');
      const list = await jixiao(['pipeline', 'list', '--department', '440105-TZCJ', '--json']);
      expect(
        (JSON.parse(list.stdout) as { items: { code: string }[] }).items.some((i) =>
          i.code.startsWith('ZS-C-'),
        ),
      ).toBe(false);
    },
    SLOW,
  );
});
