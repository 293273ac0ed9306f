// jixiao pipeline list|import|export|progress — the investment pipeline (招商项目库) and the target
// decomposition (任务分解) from the command line, through the same services as the web.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_FAILURE } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { parseYearOption } from './metrics.ts';

const STAGES = ['LEAD', 'NEGOTIATING', 'SIGNED', 'REGISTERED', 'OPERATING'] as const;
const KINDS = ['negotiatedKeyProjects', 'registeredProjects', 'signedInvestment'] as const;

interface FilterOpts {
  department: string;
  year?: string;
  stage?: string;
  key?: boolean;
}

function filters(opts: FilterOpts): {
  year?: number;
  stages?: (typeof STAGES)[number][];
  isKeyProject?: boolean;
} {
  const out: { year?: number; stages?: (typeof STAGES)[number][]; isKeyProject?: boolean } = {};
  if (opts.year !== undefined) {
    out.year = parseYearOption(opts.year);
  }
  if (opts.stage !== undefined) {
    const parts = opts.stage.split(',').map((s) => s.trim().toUpperCase());
    const bad = parts.find((s) => !(STAGES as readonly string[]).includes(s));
    if (bad !== undefined) {
      throw new CliError(
        t({
          zh: `阶段无效：${bad}（可选 ${STAGES.join('、')}）`,
          en: `Invalid stage: ${bad} (one of ${STAGES.join(', ')})`,
        }),
      );
    }
    out.stages = parts as (typeof STAGES)[number][];
  }
  if (opts.key) {
    out.isKeyProject = true;
  }
  return out;
}

export function registerPipelineCommand(program: Command): void {
  const pipeline = program
    .command('pipeline')
    .description('招商项目库与任务分解 / investment pipeline and target decomposition');

  pipeline
    .command('list')
    .description('列出招商项目 / list projects')
    .requiredOption('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '该年度内有阶段推进的项目 / projects active in the year')
    .option('--stage <stages>', `当前阶段，逗号分隔（${STAGES.join(',')}）/ current stage(s)`)
    .option('--key', '只列重点项目 / key projects only')
    .option('--limit <n>', '最多列出条数（默认 50，最多 200）/ at most n rows', '50')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: FilterOpts & { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
        throw new CliError(
          t({
            zh: `--limit 应为 1–200 的整数：${opts.limit}`,
            en: `--limit must be 1–200: ${opts.limit}`,
          }),
        );
      }
      const f = filters(opts);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listInvestmentProjects } =
        await import('@jixiao/server/features/investment/investment.service');
      const page = await withDb((database) =>
        listInvestmentProjects(database.db, CLI_ACTOR, opts.department, {
          ...f,
          page: 1,
          pageSize: limit,
        }),
      );
      if (opts.json) {
        printJson(page);
        return;
      }
      const { formatWan, parseWanYuan } = await import('@jixiao/core');
      printLine(
        formatTable(
          [
            t({ zh: '编号', en: 'Code' }),
            t({ zh: '项目', en: 'Project' }),
            t({ zh: '阶段', en: 'Stage' }),
            t({ zh: '重点', en: 'Key' }),
            t({ zh: '计划投资（万元）', en: 'Planned (10k yuan)' }),
            t({ zh: '责任单位', en: 'Unit' }),
          ],
          page.items.map((p) => [
            p.code,
            p.name,
            p.stageLabel,
            p.isKeyProject ? '是' : '',
            formatWan(parseWanYuan(p.plannedInvestmentWan) ?? 0),
            p.responsibleUnit.name,
          ]),
        ),
      );
      printLine(
        t({
          zh: `共 ${page.total} 个，列出 ${page.items.length} 个`,
          en: `${page.total} in all, ${page.items.length} shown`,
        }),
      );
    });

  pipeline
    .command('import')
    .description(
      '从 Excel 导入项目（整表校验，有错则全部不导入）/ import projects from .xlsx (all-or-nothing)',
    )
    .argument('<file>', '.xlsx 文件（导入模板的列）/ workbook')
    .requiredOption('--department <code>', '部门编码 / department code')
    .option('--json', '输出 JSON / JSON output')
    .action(async (file: string, opts: { department: string; json?: boolean }) => {
      let body: Buffer;
      try {
        body = fs.readFileSync(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        throw new CliError(
          t({ zh: `无法读取文件 ${file}（${code}）`, en: `Cannot read ${file} (${code})` }),
          EXIT_FAILURE,
        );
      }
      const { CLI_ACTOR, ServiceError } = await import('@jixiao/server');
      const { importInvestmentProjects } =
        await import('@jixiao/server/features/investment/investment.service');
      try {
        const r = await withDb((database) =>
          importInvestmentProjects(
            database.db,
            CLI_ACTOR,
            opts.department,
            path.basename(file),
            new Uint8Array(body),
            new Date(),
          ),
        );
        if (opts.json) {
          printJson(r);
          return;
        }
        printLine(
          t({
            zh: `已导入 ${r.rows} 行：新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}`,
            en: `Imported ${r.rows} rows: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged`,
          }),
        );
      } catch (e) {
        if (e instanceof ServiceError && e.code === 'PIPELINE_IMPORT_ROWS_INVALID') {
          const details = e.details as {
            errors: { message: string; messageEn: string }[];
            total: number;
          };
          if (opts.json) {
            printJson({
              error: { code: e.code, message: e.messageZh, messageEn: e.messageEn, details },
            });
          } else {
            for (const err of details.errors) {
              process.stderr.write(`${t({ zh: err.message, en: err.messageEn })}\n`);
            }
          }
          throw new CliError(
            t({
              zh: `导入失败：发现 ${details.total} 处错误，未导入任何数据`,
              en: `Import refused: ${details.total} error(s), nothing imported`,
            }),
          );
        }
        throw e;
      }
    });

  pipeline
    .command('export')
    .description('导出项目库为 Excel（可改后再导入）/ export projects to .xlsx')
    .requiredOption('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '该年度内有阶段推进的项目 / projects active in the year')
    .option('--stage <stages>', '当前阶段 / current stage(s)')
    .option('--key', '只导出重点项目 / key projects only')
    .option('--out <file>', '输出文件 / output file')
    .action(async (opts: FilterOpts & { out?: string }) => {
      const f = filters(opts);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { exportInvestmentProjects } =
        await import('@jixiao/server/features/investment/investment.service');
      const r = await withDb((database) =>
        exportInvestmentProjects(database.db, CLI_ACTOR, opts.department, f, new Date()),
      );
      const out = path.resolve(opts.out ?? r.fileName);
      fs.writeFileSync(out, r.body);
      printLine(t({ zh: `已导出：${out}`, en: `Written: ${out}` }));
    });

  pipeline
    .command('progress')
    .description('任务分解：各责任单位完成进度与排名 / target decomposition progress and ranking')
    .requiredOption('--department <code>', '部门编码 / department code')
    .requiredOption('--year <yyyy>', '预算年度 / fiscal year')
    .option(
      '--kind <kind>',
      `任务类型（${KINDS.join('、')}）/ target kind`,
      'negotiatedKeyProjects',
    )
    .option('--month <m>', '统计到该月末（1–12）/ through month')
    .option('--json', '输出 JSON / JSON output')
    .action(
      async (opts: {
        department: string;
        year: string;
        kind: string;
        month?: string;
        json?: boolean;
      }) => {
        const year = parseYearOption(opts.year);
        if (!(KINDS as readonly string[]).includes(opts.kind)) {
          throw new CliError(
            t({
              zh: `任务类型无效：${opts.kind}（可选 ${KINDS.join('、')}）`,
              en: `Invalid kind: ${opts.kind} (one of ${KINDS.join(', ')})`,
            }),
          );
        }
        const month = opts.month === undefined ? undefined : Number(opts.month);
        if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) {
          throw new CliError(
            t({ zh: `月份无效：${opts.month}（1–12）`, en: `Invalid month: ${opts.month} (1–12)` }),
          );
        }
        const { CLI_ACTOR } = await import('@jixiao/server');
        const { getDecomposition } =
          await import('@jixiao/server/features/allocations/allocations.service');
        const p = await withDb((database) =>
          getDecomposition(
            database.db,
            CLI_ACTOR,
            opts.department,
            year,
            opts.kind as (typeof KINDS)[number],
            month,
            new Date(),
          ),
        );
        if (opts.json) {
          printJson(p);
          return;
        }
        const STATUS: Record<string, { zh: string; en: string }> = {
          DONE: { zh: '已完成', en: 'done' },
          ON_TRACK: { zh: '达序时', en: 'on track' },
          BEHIND: { zh: '落后', en: 'behind' },
          NO_TARGET: { zh: '未分解', en: 'no target' },
        };
        printLine(
          t({
            zh: `${year}年${p.label}（截至${p.month}月末，序时进度 ${p.timeProgress}%）：全区 ${p.district.actual} / ${p.district.target ?? '—'} ${p.unit}，完成率 ${p.district.rate ?? '—'}%`,
            en: `${year} ${p.kind} through month ${p.month}: district ${p.district.actual} / ${p.district.target ?? '—'} (${p.district.rate ?? '—'}%)`,
          }),
        );
        printLine(
          formatTable(
            [
              t({ zh: '排名', en: 'Rank' }),
              t({ zh: '责任单位', en: 'Unit' }),
              t({ zh: '任务', en: 'Target' }),
              t({ zh: '完成', en: 'Actual' }),
              t({ zh: '完成率', en: 'Rate' }),
              t({ zh: '状态', en: 'Status' }),
            ],
            p.units.map((u) => [
              String(u.rank),
              u.unitName,
              u.target,
              u.actual,
              u.rate === null ? '—' : `${u.rate}%`,
              t(STATUS[u.status] ?? { zh: u.status, en: u.status }),
            ]),
          ),
        );
      },
    );
}
