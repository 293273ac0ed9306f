// jixiao metrics --department CODE --year YYYY [--as-of DATE] [--json] — metric-bound indicators and
// their live values, computed from the business records (pipeline, requests, surveys, grants).
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

export function parseYearOption(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) {
    throw new CliError(
      t({ zh: `年度无效：${text}（应为 2000–2100 的四位数字）`, en: `Invalid year: ${text}` }),
    );
  }
  return year;
}

export function parseDateOption(text: string, what: { zh: string; en: string }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== text) {
    throw new CliError(
      t({
        zh: `${what.zh}无效：${text}（格式 YYYY-MM-DD）`,
        en: `Invalid ${what.en}: ${text} (YYYY-MM-DD)`,
      }),
    );
  }
  return text;
}

export function registerMetricsCommand(program: Command): void {
  program
    .command('metrics')
    .description('列出绑定业务取数的指标及其实时值 / live values of metric-bound indicators')
    .requiredOption(
      '--department <code>',
      '部门编码（npx jixiao departments 查看）/ department code',
    )
    .requiredOption('--year <yyyy>', '预算年度 / fiscal year')
    .option('--as-of <date>', '统计截止日期 YYYY-MM-DD（默认年末）/ as-of date')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { department: string; year: string; asOf?: string; json?: boolean }) => {
      const year = parseYearOption(opts.year);
      const asOf =
        opts.asOf === undefined
          ? undefined
          : parseDateOption(opts.asOf, { zh: '截止日期', en: 'as-of date' });
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listDepartmentMetrics } =
        await import('@jixiao/server/features/metrics/metrics.service');
      const rows = await withDb((database) =>
        listDepartmentMetrics(database.db, CLI_ACTOR, opts.department, year, asOf),
      );
      if (opts.json) {
        printJson(
          rows.map((r) => ({
            indicator: r.indicator,
            indicatorId: r.indicatorId,
            metric: r.metric.key,
            value: r.value,
            records: r.recordCount,
            asOf: r.asOf,
          })),
        );
        return;
      }
      if (rows.length === 0) {
        printLine(
          t({
            zh: `${opts.department} ${year} 年没有绑定业务取数的指标。`,
            en: `No metric-bound indicators for ${opts.department} ${year}.`,
          }),
        );
        return;
      }
      printLine(
        formatTable(
          [
            t({ zh: '指标', en: 'Indicator' }),
            t({ zh: '取数口径', en: 'Metric' }),
            t({ zh: '实时值', en: 'Value' }),
            t({ zh: '目标', en: 'Target' }),
            t({ zh: '记录数', en: 'Records' }),
            t({ zh: '截至', en: 'As of' }),
          ],
          rows.map((r) => [
            r.indicator,
            t({ zh: r.metric.name, en: r.metric.nameEn }),
            r.display,
            `${r.target}${r.unit === '%' ? '%' : ` ${r.unit}`}`,
            String(r.recordCount),
            r.asOf,
          ]),
        ),
      );
    });
}
