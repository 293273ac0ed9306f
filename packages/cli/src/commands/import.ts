// jixiao import ledger|budgets|progress FILE --department CODE --year YYYY [--replace-month|--replace] [--json]
// — imports a .xlsx/.csv file (UTF-8 or GBK) in one transaction; a refused file lists every bad row.
import fs from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { getLang, printError, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';
import { runOrganisationImport } from './import-organisation.ts';
import { moneyUnit, runDocumentImport } from './import-documents.ts';

interface ImportOptions {
  department?: string;
  year?: string;
  replaceMonth?: boolean;
  replace?: boolean;
  json?: boolean;
  unit?: string;
  region?: string;
  passwordsOut?: string;
  dryRun?: boolean;
}

interface RowErrorLike {
  row: number;
  column: string;
  value: string;
  message: string;
  messageEn: string;
}

function isServiceError(
  e: unknown,
): e is { code: string; messageZh: string; messageEn: string; details?: unknown } {
  return typeof e === 'object' && e !== null && 'code' in e && 'messageZh' in e;
}

const KIND_TEXT = {
  ledger: { zh: '支出台账', en: 'ledger' },
  budgets: { zh: '项目预算', en: 'budget lines' },
  progress: { zh: '指标完成进度', en: 'indicator progress' },
} as const;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      '导入支出台账 / 项目预算 / 指标完成进度（.xlsx 或 .csv，整批校验、整批写入）/ import a ledger, budget or progress file',
    )
    .argument('<kind>', 'ledger | budgets | progress | agencies | users')
    .argument('<file>', '.xlsx 或 .csv 文件（UTF-8 或 GBK）/ the file')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option(
      '--replace-month',
      '台账：替换已导入月份的数据 / ledger: replace months already imported',
    )
    .option(
      '--replace',
      '项目预算：替换本年度全部预算行 / budgets: replace the year’s budget lines',
    )
    .option('--region <code>', '单位名录：行政区划代码 / agencies: region code')
    .option('--passwords-out <file>', '账户：初始密码写入此 CSV（权限 600）/ users: passwords file')
    .option('--dry-run', '单位名录、账户：只校验和预览 / agencies, users: check and preview only')
    .option(
      '--unit <unit>',
      '项目预算：表头未注明单位的金额列的单位（元 或 万元）/ budgets: unit of money columns',
    )
    .option('--json', '输出 JSON / JSON output')
    .action(async (kind: string, file: string, opts: ImportOptions) => {
      if (kind === 'agencies' || kind === 'users') {
        await runOrganisationImport(kind, file, opts);
        return;
      }
      if (kind === 'goals' || (kind === 'budgets' && opts.region !== undefined)) {
        await runDocumentImport(kind, file, opts);
        return;
      }
      if (kind !== 'ledger' && kind !== 'budgets' && kind !== 'progress') {
        throw new CliError(
          t({
            zh: `导入类型应为 ledger、budgets 或 progress，而不是「${kind}」`,
            en: `kind must be ledger, budgets or progress, not "${kind}"`,
          }),
        );
      }
      const departmentCode = requireDepartment(opts.department);
      const year = requireYear(opts.year);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        throw new CliError(t({ zh: `找不到文件：${file}`, en: `No such file: ${file}` }));
      }
      const { CLI_ACTOR } = await import('@jixiao/server');
      const service = await import('@jixiao/server/features/imports/imports.service');
      const { fileSource } = await import('@jixiao/server/import/import-source');
      const input = {
        departmentCode,
        year,
        source: fileSource(file),
        replace: kind === 'ledger' ? (opts.replaceMonth ?? false) : (opts.replace ?? false),
        unit: await moneyUnit(opts.unit),
      };
      try {
        const r = await withDb((database) =>
          kind === 'ledger'
            ? service.importLedger(database, CLI_ACTOR, input)
            : kind === 'budgets'
              ? service.importBudgets(database, CLI_ACTOR, input)
              : service.importProgress(database, CLI_ACTOR, input),
        );
        if (opts.json) {
          printJson(r);
          return;
        }
        const what = t(KIND_TEXT[kind]);
        printLine(
          t({
            zh: `已导入${what}「${r.fileName}」：${r.rows} 行${r.months.length > 0 ? `，月份 ${r.months.join('、')}` : ''}${kind !== 'progress' ? `，合计 ${r.totalYuan} 元` : ''}${r.encoding ? `（${r.format.toUpperCase()}，${r.encoding === 'gb18030' ? 'GBK' : r.encoding.toUpperCase()} 编码）` : `（${r.format.toUpperCase()}）`}。`,
            en: `Imported ${what} "${r.fileName}": ${r.rows} rows${r.months.length > 0 ? `, months ${r.months.join(', ')}` : ''}${kind !== 'progress' ? `, total ${r.totalYuan} 元` : ''} (${r.format}${r.encoding ? `, ${r.encoding}` : ''}).`,
          }),
        );
        if (r.createdProjects.length > 0) {
          printLine(
            t({
              zh: `新建项目：${r.createdProjects.join('、')}`,
              en: `New projects: ${r.createdProjects.join(', ')}`,
            }),
          );
        }
        if (r.replaced) {
          printLine(
            t({
              zh: `已替换：${r.replaced.months.length > 0 ? `月份 ${r.replaced.months.join('、')}，` : ''}删除原有 ${r.replaced.deletedRows} 行（批次 ${r.replaced.batches.length} 个）。`,
              en: `Replaced: ${r.replaced.months.length > 0 ? `months ${r.replaced.months.join(', ')}, ` : ''}${r.replaced.deletedRows} earlier rows deleted (${r.replaced.batches.length} batch(es)).`,
            }),
          );
        }
      } catch (e) {
        if (isServiceError(e) && e.code === 'IMPORT_ROWS_INVALID') {
          const d = (e.details ?? {}) as {
            errors?: RowErrorLike[];
            errorCount?: number;
            listed?: number;
          };
          if (opts.json) {
            printJson({
              error: { code: e.code, message: e.messageZh, messageEn: e.messageEn, details: d },
            });
          } else {
            for (const x of d.errors ?? []) {
              printError(
                getLang() === 'en'
                  ? `row ${x.row}${x.column ? ` [${x.column}]` : ''}${x.value !== '' ? ` "${x.value}"` : ''}: ${x.messageEn}`
                  : `第 ${x.row} 行${x.column ? `【${x.column}】` : ''}${x.value !== '' ? `「${x.value}」` : ''}：${x.message}（${x.messageEn}）`,
              );
            }
            if (d.errorCount !== undefined && d.listed !== undefined && d.errorCount > d.listed) {
              printError(
                t({
                  zh: `……另有 ${d.errorCount - d.listed} 处错误未列出`,
                  en: `… and ${d.errorCount - d.listed} more`,
                }),
              );
            }
          }
          throw new CliError(t({ zh: e.messageZh, en: e.messageEn }));
        }
        if (isServiceError(e) && e.code === 'IMPORT_MONTHS_TAKEN' && !opts.json) {
          // The command line's confirmation is the flag (the web shows a preview first).
          printError(
            t({
              zh: '命令行：加 --replace-month 用本文件替换这些月份（被替换的数据保留，可在导入记录中撤销）',
              en: 'Command line: add --replace-month to replace those months (the replaced rows are kept and can be restored)',
            }),
          );
        }
        throw e;
      }
    });
}
