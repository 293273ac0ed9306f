// jixiao exante list --department CODE --year Y [--json] — items needing an ex-ante assessment and where each
// stands; jixiao exante report --department CODE --year Y --project CODE --out F.docx|F.pdf|F.xlsx — the
// 事前绩效评估报告 (.docx/.pdf) or the 事前绩效评估审核表 (.xlsx).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

function registerList(exante: Command): void {
  exante
    .command('list')
    .description('需要事前绩效评估的项目及其结论 / items needing an ex-ante assessment')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { department?: string; year?: string; json?: boolean }) => {
      const code = requireDepartment(opts.department);
      const year = requireYear(opts.year);
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listExAnte } = await import('@jixiao/server/features/exante/exante.service');
      const list = await withDb((database) =>
        listExAnte(database.db, CLI_ACTOR, { departmentCode: code, year }),
      );
      if (opts.json) {
        printJson(
          list.map((i) => ({
            projectCode: i.projectCode,
            projectName: i.projectName,
            amount: i.amount,
            needs: { department: i.requires.department, finance: i.requires.finance },
            state: i.state,
            conclusion: i.conclusion,
            total: i.total,
            confirmed: i.confirmed,
            versions: i.versionCount,
            budgetAllowed: i.budgetAllowed,
          })),
        );
        return;
      }
      if (list.length === 0) {
        printLine(t({ zh: `${code} ${year} 年度没有登记事前绩效评估。`, en: 'No ex-ante items.' }));
        return;
      }
      printLine(
        formatTable(
          [
            t({ zh: '项目编码', en: 'Code' }),
            t({ zh: '项目名称', en: 'Name' }),
            t({ zh: '资金', en: 'Amount' }),
            t({ zh: '需开展', en: 'Needs' }),
            t({ zh: '状态', en: 'State' }),
            t({ zh: '得分', en: 'Score' }),
            t({ zh: '结论', en: 'Conclusion' }),
          ],
          list.map((i) => [
            i.projectCode,
            i.projectName,
            i.amountText,
            [i.requires.department ? '部门评估' : '', i.requires.finance ? '财政评估' : '']
              .filter(Boolean)
              .join('、') || '—',
            i.stateText,
            i.total ?? '—',
            i.conclusionText ?? '—',
          ]),
        ),
      );
    });
}

function registerReport(exante: Command): void {
  exante
    .command('report')
    .description(
      '生成事前绩效评估报告（docx/pdf）或审核表（xlsx）/ the ex-ante report or review form',
    )
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .requiredOption('--project <code>', '项目编码 / project code')
    .requiredOption('--out <file>', '输出文件 F.docx|F.pdf|F.xlsx / output file')
    .action(async (opts: { department?: string; year?: string; project: string; out: string }) => {
      const code = requireDepartment(opts.department);
      const year = requireYear(opts.year);
      const format = path.extname(opts.out).slice(1).toLowerCase() as Format;
      if (!FORMATS.includes(format)) {
        throw new CliError(
          t({
            zh: `输出文件应以 .docx、.pdf 或 .xlsx 结尾：${opts.out}`,
            en: `The output file must end in .docx, .pdf or .xlsx: ${opts.out}`,
          }),
        );
      }
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { renderExAnteReportFor } =
        await import('@jixiao/server/features/exante/exante-report.service');
      const file = await withDb((database) =>
        renderExAnteReportFor(database.db, CLI_ACTOR, code, year, opts.project, format, new Date()),
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

export function registerExAnteCommand(program: Command): void {
  const exante = program
    .command('exante')
    .description('事前绩效评估 / ex-ante performance assessment');
  registerList(exante);
  registerReport(exante);
}

/** `jixiao users create --role thirdParty --agency CODE`: an account of a registered 第三方机构. */
export async function createThirdPartyAccount(opts: {
  username: string;
  role: string;
  name?: string | undefined;
  password?: string | undefined;
  agency?: string | undefined;
  region?: string | undefined;
}): Promise<void> {
  if (opts.role !== 'thirdParty' || !opts.agency) {
    throw new CliError(
      t({
        zh: '第三方机构评估人员账户须同时给出 --role thirdParty 和 --agency 机构编码',
        en: 'A third-party account needs both --role thirdParty and --agency CODE',
      }),
    );
  }
  const agencyCode = opts.agency;
  const { CLI_ACTOR } = await import('@jixiao/server');
  const { createAgencyAccount } =
    await import('@jixiao/server/features/exante/exante-accounts.service');
  const r = await withDb(
    (database) =>
      createAgencyAccount(
        database.db,
        CLI_ACTOR,
        {
          agencyCode,
          regionCode: opts.region,
          username: opts.username,
          displayName: opts.name ?? opts.username,
          password: opts.password,
        },
        new Date(),
      ),
    { demo: false },
  );
  printLine(
    t({
      zh: `已创建 ${r.user.username}（第三方机构评估人员，机构 ${r.agency}，地区 ${r.user.regionCode}）`,
      en: `Created ${r.user.username} (third-party evaluator of ${r.agency}, region ${r.user.regionCode})`,
    }),
  );
  if (r.generatedPassword) {
    printLine(
      t({
        zh: `初始密码（仅显示这一次）：${r.generatedPassword}`,
        en: `Initial password (shown once): ${r.generatedPassword}`,
      }),
    );
  }
}
