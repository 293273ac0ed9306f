// jixiao monitoring --department CODE --year YYYY [--month 6] [--json] [--out form.docx|form.xlsx]
// — 双监控 warnings at a cut-off month, and the 绩效运行监控表 as a file.
import fs from 'node:fs';
import path from 'node:path';
import { WARNING_LEVEL_TEXT, formatWanYuan, parseYuan, type WarningLevel } from '@jixiao/core';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { optionalMonth, requireDepartment, requireYear } from './cli-options.ts';

const level = (l: WarningLevel | null): string => (l ? t(WARNING_LEVEL_TEXT[l]) : '—');

export function registerMonitoringCommand(program: Command): void {
  program
    .command('monitoring')
    .description('绩效运行监控（双监控）预警与监控表 / in-year monitoring warnings and form')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--month <m>', '监控截止月份（默认按年度配置，通常 6）/ cut-off month')
    .option('--json', '输出 JSON / JSON output')
    .option('--out <file>', '生成监控表 .docx 或 .xlsx / write the form as .docx or .xlsx')
    .action(
      async (opts: {
        department?: string;
        year?: string;
        month?: string;
        json?: boolean;
        out?: string;
      }) => {
        const code = requireDepartment(opts.department);
        const year = requireYear(opts.year);
        const month = optionalMonth(opts.month);
        const format = opts.out
          ? /\.docx$/i.test(opts.out)
            ? 'docx'
            : /\.xlsx$/i.test(opts.out)
              ? 'xlsx'
              : null
          : null;
        if (opts.out && format === null) {
          throw new CliError(
            t({ zh: '--out 应为 .docx 或 .xlsx 文件', en: '--out must end in .docx or .xlsx' }),
          );
        }
        const { CLI_ACTOR } = await import('@jixiao/server');
        const service = await import('@jixiao/server/features/monitoring/monitoring.service');
        const r = await withDb(async (database) => {
          if (format && opts.out) {
            const f = await service.renderMonitoringForm(
              database.db,
              CLI_ACTOR,
              code,
              year,
              month,
              format,
              new Date(),
            );
            fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
            fs.writeFileSync(opts.out, f.body);
            return f.report;
          }
          return service.getMonitoring(database.db, CLI_ACTOR, code, year, month);
        });
        if (opts.json) {
          printJson(r);
          return;
        }
        printLine(
          t({
            zh: `${r.departmentName} ${year} 年绩效运行监控（截至 ${r.month} 月，序时进度 ${r.timeProgress}%）：红色 ${r.warnings.red}，黄色 ${r.warnings.yellow}，绿色 ${r.warnings.green}，蓝色 ${r.warnings.blue}`,
            en: `${r.departmentCode} monitoring ${year} (cut-off month ${r.month}, time progress ${r.timeProgress}%): red ${r.warnings.red}, yellow ${r.warnings.yellow}, green ${r.warnings.green}, blue ${r.warnings.blue}`,
          }),
        );
        printLine();
        printLine(t({ zh: '预算执行预警', en: 'Budget execution' }));
        printLine(
          formatTable(
            [
              t({ zh: '项目', en: 'Project' }),
              t({ zh: '全年预算数', en: 'Budget' }),
              t({ zh: '执行数', en: 'Executed' }),
              t({ zh: '执行率', en: 'Rate' }),
              'v',
              t({ zh: '预警', en: 'Warning' }),
            ],
            [...r.projects, r.department].map((p) => [
              p.name,
              formatWanYuan(parseYuan(p.budgetYuan) ?? 0),
              formatWanYuan(parseYuan(p.executedYuan) ?? 0),
              p.rate ? `${p.rate}%` : '—',
              p.v ?? '—',
              level(p.level),
            ]),
          ),
        );
        printLine();
        printLine(t({ zh: '绩效目标预警', en: 'Indicators' }));
        printLine(
          formatTable(
            [
              t({ zh: '项目', en: 'Project' }),
              t({ zh: '指标', en: 'Indicator' }),
              t({ zh: '指标值', en: 'Target' }),
              t({ zh: '累计完成', en: 'To date' }),
              'v',
              t({ zh: '预警', en: 'Warning' }),
            ],
            r.indicators.map((i) => [
              i.projectName,
              i.name,
              `${i.operator}${i.target}${i.unit}`,
              i.value ?? '—',
              i.v ?? '—',
              level(i.level),
            ]),
          ),
        );
        if (opts.out) {
          printLine();
          printLine(t({ zh: `已生成监控表：${opts.out}`, en: `Form written: ${opts.out}` }));
        }
      },
    );
}
