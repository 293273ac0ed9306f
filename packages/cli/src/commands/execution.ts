// jixiao execution --department CODE --year YYYY [--month M] [--json] — 预算执行 per project and in total.
// JSON: {projects: [{code, budgetYuan, executedYuan, rate}], total: {budgetYuan, executedYuan, rate}}.
import { formatWanYuan, parseYuan } from '@jixiao/core';
import type { Command } from 'commander';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { optionalMonth, requireDepartment, requireYear } from './cli-options.ts';

const wan = (yuan: string): string => formatWanYuan(parseYuan(yuan) ?? 0);

export function registerExecutionCommand(program: Command): void {
  program
    .command('execution')
    .description('预算执行：执行数、执行率、序时进度 / budget execution')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--month <m>', '截至月份（默认：已导入的最后一个月）/ through month')
    .option('--json', '输出 JSON / JSON output')
    .action(
      async (opts: { department?: string; year?: string; month?: string; json?: boolean }) => {
        const code = requireDepartment(opts.department);
        const year = requireYear(opts.year);
        const month = optionalMonth(opts.month);
        const { CLI_ACTOR } = await import('@jixiao/server');
        const { getExecution } =
          await import('@jixiao/server/features/execution/execution.service');
        const e = await withDb((database) =>
          getExecution(database.db, CLI_ACTOR, code, year, month),
        );
        if (opts.json) {
          printJson({
            projects: e.projects.map((p) => ({
              code: p.code,
              budgetYuan: p.budgetYuan,
              executedYuan: p.executedYuan,
              rate: p.rate,
            })),
            total: {
              budgetYuan: e.total.budgetYuan,
              executedYuan: e.total.executedYuan,
              rate: e.total.rate,
            },
          });
          return;
        }
        printLine(
          t({
            zh: `${e.departmentName} ${year} 年预算执行（截至 ${e.month} 月，序时进度 ${e.timeProgress}%）`,
            en: `${e.departmentCode} budget execution ${year} (through month ${e.month}, time progress ${e.timeProgress}%)`,
          }),
        );
        const pct = (r: string | null) => (r === null ? '—' : `${r}%`);
        printLine(
          formatTable(
            [
              t({ zh: '项目编码', en: 'Code' }),
              t({ zh: '项目名称', en: 'Name' }),
              t({ zh: '全年预算数', en: 'Budget' }),
              t({ zh: '执行数', en: 'Executed' }),
              t({ zh: '执行率', en: 'Rate' }),
              t({ zh: '结转结余', en: 'Carry-over' }),
            ],
            [
              ...e.projects.map((p) => [
                p.code,
                p.name,
                wan(p.budgetYuan),
                wan(p.executedYuan),
                pct(p.rate),
                wan(p.carryoverYuan),
              ]),
              [
                t({ zh: '合计', en: 'Total' }),
                '',
                wan(e.total.budgetYuan),
                wan(e.total.executedYuan),
                pct(e.total.rate),
                wan(e.total.carryoverYuan),
              ],
            ],
          ),
        );
      },
    );
}
