// jixiao linkage --region CODE --year Y [--department CODE] [--json] [--out F.xlsx] — the 预算安排建议 of budget
// year Y: every department (部门整体) and project of Y−1 with its self-evaluation and external grades, 执行率,
// open 整改 count, the proposed action and amount, and the bureau's decision when there is one.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { fenToWanString, parseYuan } from '@jixiao/core';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireYear } from './cli-options.ts';

function requireRegion(v: string | undefined): string {
  if (!v || !/^[0-9]{6}$/.test(v)) {
    throw new CliError(
      t({
        zh: '请用 --region 指定行政区划代码（六位数字，如 440105）',
        en: 'Give --region CODE (six digits, e.g. 440105)',
      }),
    );
  }
  return v;
}

const wan = (yuan: string | null): string => {
  const f = yuan === null ? null : parseYuan(yuan);
  return f === null ? '—' : fenToWanString(f);
};

interface Opts {
  region?: string;
  year?: string;
  department?: string;
  json?: boolean;
  out?: string;
}

export function registerLinkageCommand(program: Command): void {
  program
    .command('linkage')
    .description('预算安排建议（结果应用）/ budget proposals linked to last year’s grades')
    .option('--region <code>', '行政区划代码 / region code')
    .option('--year <yyyy>', '预算年度（等级取上一年度）/ budget year (grades of the year before)')
    .option('--department <code>', '只看一个部门 / one department only')
    .option('--json', '输出 JSON / JSON output')
    .option('--out <file.xlsx>', '导出 .xlsx / write the .xlsx')
    .action(async (opts: Opts) => {
      const region = requireRegion(opts.region);
      const year = requireYear(opts.year);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { getLinkageTable } = await import('@jixiao/server/features/linkage/linkage.service');
      const { writeLinkageWorkbook } = await import('@jixiao/server/features/linkage/linkage-xlsx');
      const table = await withDb((database) =>
        getLinkageTable(database.db, CLI_ACTOR, {
          year,
          regionCode: region,
          departmentCode: opts.department,
        }),
      );
      if (opts.out) {
        const file = path.resolve(opts.out);
        fs.writeFileSync(file, await writeLinkageWorkbook(table, new Date()));
        printLine(t({ zh: `已写入 ${file}`, en: `Wrote ${file}` }));
        return;
      }
      if (opts.json) {
        printJson(table);
        return;
      }
      printRows(table.year, table.gradesYear, table.rows);
    });
}

type Row = Awaited<
  ReturnType<typeof import('@jixiao/server/features/linkage/linkage.service').getLinkageTable>
>['rows'][number];

function printRows(year: number, gradesYear: number, rows: Row[]): void {
  if (rows.length === 0) {
    printLine(
      t({
        zh: `${gradesYear} 年度没有可挂钩的评价结果。`,
        en: `No ${gradesYear} results to link.`,
      }),
    );
    return;
  }
  printLine(
    t({
      zh: `${year} 年度预算安排建议（依据 ${gradesYear} 年度评价结果；金额：万元）`,
      en: `${year} budget proposals (from ${gradesYear} results; amounts in 10k yuan)`,
    }),
  );
  printLine(
    formatTable(
      [
        t({ zh: '对象', en: 'Object' }),
        t({ zh: '自评', en: 'Self' }),
        t({ zh: '重点评价', en: 'External' }),
        t({ zh: '执行率%', en: 'Exec %' }),
        t({ zh: '未销号整改', en: 'Open items' }),
        t({ zh: '基数', en: 'Base' }),
        t({ zh: '建议处理', en: 'Proposed' }),
        t({ zh: '建议金额', en: 'Amount' }),
        t({ zh: '财政决定', en: 'Decision' }),
      ],
      rows.map((r) => [
        r.projectCode ? `${r.projectCode} ${r.objectName}` : r.objectName,
        r.selfGrade ? `${r.selfGrade} ${r.selfScore ?? ''}`.trim() : '—',
        r.externalGrade ? `${r.externalGrade} ${r.externalScore ?? ''}`.trim() : '—',
        r.executionRate ?? '—',
        String(r.openRectifications),
        wan(r.baseYuan),
        r.proposedActionText,
        wan(r.proposedAmountYuan),
        r.decision
          ? `${r.decision.decision === 'confirmed' ? '确认' : '调整'} ${r.decision.actionText} ${wan(r.decision.amountYuan)}`
          : '待确认',
      ]),
    ),
  );
}
