// jixiao report --department CODE --year YYYY [--format docx|pdf|md|html|xlsx|txt] [--out FILE]
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

const FORMATS = ['docx', 'pdf', 'md', 'html', 'xlsx', 'txt'] as const;
type Format = (typeof FORMATS)[number];

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      '生成整体支出绩效自评报告（及自评表）/ generate the self-evaluation report (and tables)',
    )
    .requiredOption(
      '--department <code>',
      '部门编码（npx jixiao departments 查看）/ department code',
    )
    .requiredOption('--year <year>', '预算年度 / fiscal year')
    .option('--format <format>', `格式 ${FORMATS.join('|')}（xlsx 为自评表）/ format`, 'docx')
    .option(
      '--out <file>',
      '输出文件（- 表示标准输出，仅限文本格式）/ output file (- = stdout, text formats)',
    )
    .action(async (opts: { department: string; year: string; format: string; out?: string }) => {
      const year = Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        throw new CliError(t({ zh: `年度无效：${opts.year}`, en: `Invalid year: ${opts.year}` }));
      }
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliError(
          t({
            zh: `格式无效：${opts.format}（可选 ${FORMATS.join('、')}）`,
            en: `Invalid format: ${opts.format} (one of ${FORMATS.join(', ')})`,
          }),
        );
      }
      const format = opts.format as Format;
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { renderReport } = await import('@jixiao/server/features/reports/reports.service');
      const report = await withDb((database) =>
        renderReport(database.db, CLI_ACTOR, opts.department, year, format, new Date()),
      );
      if (opts.out === '-') {
        if (format === 'docx' || format === 'pdf' || format === 'xlsx') {
          throw new CliError(
            t({
              zh: '二进制格式不能输出到标准输出，请用 --out 指定文件',
              en: 'Binary formats need --out FILE',
            }),
          );
        }
        process.stdout.write(report.body);
        return;
      }
      const out = path.resolve(opts.out ?? report.fileName);
      fs.writeFileSync(out, report.body);
      printLine(
        t({
          zh: `已生成 ${out}（${report.body.length.toLocaleString('zh-CN')} 字节）`,
          en: `Wrote ${out} (${report.body.length} bytes)`,
        }),
      );
    });
}
