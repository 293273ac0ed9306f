// jixiao projects --department CODE --year YYYY [--json] — the department's projects (JSON: [{code, name, level}]).
import { formatWanYuan, parseYuan } from '@jixiao/core';
import type { Command } from 'commander';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

export function registerProjectsCommand(program: Command): void {
  program
    .command('projects')
    .description('列出部门的项目 / list a department’s projects')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--json', '输出 JSON：[{code, name, level}] / JSON output')
    .action(async (opts: { department?: string; year?: string; json?: boolean }) => {
      const code = requireDepartment(opts.department);
      const year = requireYear(opts.year);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listProjects } = await import('@jixiao/server/features/execution/execution.service');
      const list = await withDb((database) => listProjects(database.db, CLI_ACTOR, code, year));
      if (opts.json) {
        printJson(list.map((p) => ({ code: p.code, name: p.name, level: p.level })));
        return;
      }
      if (list.length === 0) {
        printLine(
          t({
            zh: `${code} ${year} 年度没有项目（可用 \`npx jixiao import budgets\` 导入项目预算）。`,
            en: `${code} has no projects in ${year} (import a budget with \`npx jixiao import budgets\`).`,
          }),
        );
        return;
      }
      printLine(
        formatTable(
          [
            t({ zh: '项目编码', en: 'Code' }),
            t({ zh: '项目名称', en: 'Name' }),
            t({ zh: '级次', en: 'Level' }),
            t({ zh: '全年预算数', en: 'Budget' }),
          ],
          list.map((p) => [
            p.code,
            p.name,
            String(p.level),
            formatWanYuan(parseYuan(p.budgetYuan) ?? 0),
          ]),
        ),
      );
    });
}
