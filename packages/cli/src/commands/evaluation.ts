// jixiao evaluation list --region CODE --year Y [--json] — the region's external evaluations (财政重点评价 /
// 部门评价) with status, total and grade; jixiao evaluation report ID --format docx|pdf --out F — the 绩效评价报告.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireYear } from './cli-options.ts';

const FORMATS = ['docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function requireRegion(v: string | undefined): string {
  if (!v || !/^\d{6}$/.test(v)) {
    throw new CliError(
      t({
        zh: '请用 --region 指定地区的六位区划代码，如 440105',
        en: 'Give --region CODE (six digits, e.g. 440105)',
      }),
    );
  }
  return v;
}

function registerList(evaluation: Command): void {
  evaluation
    .command('list')
    .description('本地区的财政重点评价及其得分、等级 / the region’s external evaluations')
    .option('--region <code>', '地区区划代码 / region code')
    .option('--year <yyyy>', '被评价年度 / year evaluated')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { region?: string; year?: string; json?: boolean }) => {
      const region = requireRegion(opts.region);
      const year = requireYear(opts.year);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listEvaluations } =
        await import('@jixiao/server/features/external-evaluations/external-evaluations.service');
      const list = await withDb((database) =>
        listEvaluations(database.db, CLI_ACTOR, { region, year }),
      );
      if (opts.json) {
        printJson(
          list.map((e) => ({
            id: e.id,
            departmentCode: e.departmentCode,
            object: e.objectKind,
            projectCode: e.projectCode,
            name: e.objectName,
            evaluator: { kind: e.evaluatorKind, name: e.evaluatorName },
            status: e.status,
            executionFormula: e.executionFormula,
            total: e.total,
            grade: e.grade,
            concludedAt: e.concludedAt,
            findings: e.findingCount,
          })),
        );
        return;
      }
      if (list.length === 0) {
        printLine(
          t({ zh: `${region} ${year} 年度没有财政重点评价。`, en: 'No external evaluations.' }),
        );
        return;
      }
      printLine(
        formatTable(
          [
            t({ zh: '编号', en: 'ID' }),
            t({ zh: '部门', en: 'Department' }),
            t({ zh: '评价对象', en: 'Object' }),
            t({ zh: '评价人', en: 'Evaluator' }),
            t({ zh: '状态', en: 'Status' }),
            t({ zh: '得分', en: 'Score' }),
            t({ zh: '等级', en: 'Grade' }),
          ],
          list.map((e) => [
            e.id,
            e.departmentName,
            e.objectName,
            e.evaluatorName,
            e.statusText,
            e.total ?? '—',
            e.grade ?? '—',
          ]),
        ),
      );
    });
}

function registerReport(evaluation: Command): void {
  evaluation
    .command('report')
    .description('生成绩效评价报告（docx/pdf，附评分表）/ the evaluation report')
    .argument('<id>', '评价编号（见 evaluation list）/ evaluation id')
    .option('--format <f>', 'docx 或 pdf / docx or pdf')
    .requiredOption('--out <file>', '输出文件 / output file')
    .action(async (id: string, opts: { format?: string; out: string }) => {
      const format = (opts.format ?? path.extname(opts.out).slice(1)).toLowerCase() as Format;
      if (!FORMATS.includes(format)) {
        throw new CliError(
          t({
            zh: `格式应为 docx 或 pdf：${opts.format ?? opts.out}`,
            en: `The format must be docx or pdf: ${opts.format ?? opts.out}`,
          }),
        );
      }
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { renderExtEvalReport } =
        await import('@jixiao/server/features/external-evaluations/external-evaluations-report.service');
      const file = await withDb((database) =>
        renderExtEvalReport(database.db, CLI_ACTOR, id, format, new Date()),
      );
      const out = path.resolve(opts.out);
      fs.writeFileSync(out, file.body);
      printLine(
        t({
          zh: `已生成 ${out}（${file.body.length.toLocaleString('zh-CN')} 字节）`,
          en: `Wrote ${out} (${file.body.length} bytes)`,
        }),
      );
    });
}

export function registerEvaluationCommand(program: Command): void {
  const evaluation = program
    .command('evaluation')
    .description('财政重点评价 / 部门评价 / external performance evaluation');
  registerList(evaluation);
  registerReport(evaluation);
}
