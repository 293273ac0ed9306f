// jixiao report --department CODE --year YYYY [--format docx|pdf|md|html|xlsx|txt] [--out FILE]
// jixiao report --region CODE --year YYYY [--out DIR|FILE.zip] [--no-pdf]   (every department, one zip)
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { runDistrictReport } from './report-district.ts';

const FORMATS = ['docx', 'pdf', 'md', 'html', 'xlsx', 'txt'] as const;
type Format = (typeof FORMATS)[number];

interface ReportOptions {
  department?: string;
  region?: string;
  year: string;
  format: string;
  out?: string;
  pdf: boolean;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      '生成整体支出绩效自评报告（及自评表）/ generate the self-evaluation report (and tables)',
    )
    .option('--department <code>', '部门编码（npx jixiao departments 查看）/ department code')
    .option(
      '--region <code>',
      '地区编码：本地区各部门的报告打包为一个 zip / region code: every department in one zip',
    )
    .requiredOption('--year <year>', '预算年度 / fiscal year')
    .option('--no-pdf', '打包时不生成 PDF / no PDF in the region zip')
    .option('--format <format>', `格式 ${FORMATS.join('|')}（xlsx 为自评表）/ format`, 'docx')
    .option(
      '--out <file>',
      '输出文件（- 表示标准输出，仅限文本格式）；--region 时为目录或 .zip 文件 / output file (- = stdout); with --region a folder or FILE.zip',
    )
    .action(async (opts: ReportOptions) => {
      const year = Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        throw new CliError(t({ zh: `年度无效：${opts.year}`, en: `Invalid year: ${opts.year}` }));
      }
      if ((opts.region === undefined) === (opts.department === undefined)) {
        throw new CliError(
          t({
            zh: '请指定 --department（一个部门）或 --region（全区打包）之一',
            en: 'Give either --department (one report) or --region (every department, one zip)',
          }),
        );
      }
      if (opts.region !== undefined) {
        await runDistrictReport({ region: opts.region, year, out: opts.out, pdf: opts.pdf });
        return;
      }
      const department = opts.department!;
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
        renderReport(database.db, CLI_ACTOR, department, year, format, new Date()),
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
