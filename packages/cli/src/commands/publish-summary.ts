// jixiao npc-summary --region CODE --year Y --out F.docx|F.xlsx [--json] — the bureau's yearly summary of
// performance evaluation for the 决算 and the 人大 (coverage, grades, external evaluations, 整改 closure, 公开,
// 拟报人大); --json prints the evaluations with their 拟报人大 flags instead of writing a file.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireYear } from './cli-options.ts';

interface SummaryOptions {
  region?: string;
  year?: string;
  out?: string;
  json?: boolean;
}

async function run(opts: SummaryOptions): Promise<void> {
  const region = opts.region ?? '';
  if (!/^[0-9]{6}$/.test(region)) {
    throw new CliError(
      t({ zh: '请用 --region 指定 6 位地区代码', en: 'Give --region CODE (6 digits)' }),
    );
  }
  const year = requireYear(opts.year);
  const { CLI_ACTOR } = await import('@jixiao/server');
  const npc = await import('@jixiao/server/features/publication/npc.service');
  if (opts.json) {
    const data = await withDb(({ db }) =>
      npc.npcSummaryData(db, CLI_ACTOR, region, year, new Date()),
    );
    printJson(data);
    return;
  }
  const ext = path.extname(opts.out ?? '').slice(1);
  if (ext !== 'docx' && ext !== 'xlsx') {
    throw new CliError(
      t({ zh: '请用 --out 指定 .docx 或 .xlsx 文件', en: 'Give --out FILE.docx or FILE.xlsx' }),
    );
  }
  const file = await withDb(({ db }) =>
    npc.renderNpcSummary(db, CLI_ACTOR, region, year, ext, new Date()),
  );
  const out = path.resolve(opts.out!);
  fs.writeFileSync(out, file.body);
  printLine(t({ zh: `已写出 ${out}`, en: `Wrote ${out}` }));
}

export function registerNpcSummaryCommand(program: Command): void {
  program
    .command('npc-summary')
    .description(
      '年度预算绩效评价情况报告（随同决算报人大）/ yearly summary for the people’s congress',
    )
    .option('--region <code>', '地区代码 / region code')
    .option('--year <yyyy>', '年度 / fiscal year')
    .option('--out <file>', '输出 .docx 或 .xlsx / output file')
    .option('--json', '输出汇总数据 JSON / JSON output')
    .action(run);
}
