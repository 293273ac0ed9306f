// jixiao departments [--json] — list department codes (what --department accepts).
import type { Command } from 'commander';

import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

export function registerDepartmentsCommand(program: Command): void {
  program
    .command('departments')
    .description('列出部门编码 / list department codes')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { json?: boolean }) => {
      const { CLI_ACTOR, listDepartments } = await import('@jixiao/server');
      const list = await withDb((database) => listDepartments(database.db, CLI_ACTOR));
      if (opts.json) {
        printJson(list);
        return;
      }
      if (list.length === 0) {
        printLine(
          t({
            zh: '暂无部门。运行 `npx jixiao demo` 载入演示数据。',
            en: 'No departments. Run `npx jixiao demo` to load the demo.',
          }),
        );
        return;
      }
      printLine(
        formatTable(
          [
            t({ zh: '部门编码', en: 'Code' }),
            t({ zh: '部门名称', en: 'Name' }),
            t({ zh: '年度', en: 'Years' }),
          ],
          list.map((d) => [d.code, d.name, d.years.join(', ')]),
        ),
      );
    });
}
