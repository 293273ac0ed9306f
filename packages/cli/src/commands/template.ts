// jixiao template ledger|budgets|progress --out FILE.xlsx [--department CODE --year YYYY] — import templates.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

export function registerTemplateCommand(program: Command): void {
  program
    .command('template')
    .description('生成导入模板（Excel，中文表头）/ write an import template')
    .argument('<kind>', 'ledger | budgets | progress')
    .option('--out <file>', '输出文件 .xlsx / output file')
    .option(
      '--department <code>',
      '指标完成进度模板：预填该部门的指标 / progress: pre-fill this department’s indicators',
    )
    .option('--year <yyyy>', '预算年度（与 --department 一起）/ fiscal year')
    .action(async (kind: string, opts: { out?: string; department?: string; year?: string }) => {
      if (kind !== 'ledger' && kind !== 'budgets' && kind !== 'progress') {
        throw new CliError(
          t({
            zh: `模板类型应为 ledger、budgets 或 progress，而不是「${kind}」`,
            en: `kind must be ledger, budgets or progress, not "${kind}"`,
          }),
        );
      }
      if (!opts.out || !/\.xlsx$/i.test(opts.out)) {
        throw new CliError(
          t({ zh: '请用 --out 指定输出的 .xlsx 文件', en: 'Give --out FILE.xlsx' }),
        );
      }
      const out = opts.out;
      const service = await import('@jixiao/server/features/templates/templates.service');
      let body: Buffer;
      if (opts.department !== undefined) {
        const code = requireDepartment(opts.department);
        const year = requireYear(opts.year);
        const { CLI_ACTOR } = await import('@jixiao/server');
        body = (
          await withDb((database) =>
            service.templateFile(database.db, CLI_ACTOR, kind, new Date(), {
              departmentCode: code,
              year,
            }),
          )
        ).body;
      } else {
        body = await service.buildTemplate(kind, { created: new Date() });
      }
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, body);
      printLine(t({ zh: `已生成模板：${out}`, en: `Template written: ${out}` }));
    });
}
