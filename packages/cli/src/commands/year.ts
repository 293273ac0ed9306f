// jixiao year open --region R --year Y [--preset mof-2020] [--finance-approval yes|no] [--head-review yes|no] [--json] — the CLI twin of
// the finance bureau's 开启预算年度 (the same service); a year already open with the same settings is a no-op.
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireYear } from './cli-options.ts';

interface YearOptions {
  region?: string;
  year?: string;
  preset?: string;
  financeApproval?: string;
  headReview?: string;
  json?: boolean;
}

function approval(v: string | undefined, flag = '--finance-approval'): boolean | undefined {
  if (v === undefined) {
    return undefined;
  }
  if (v === 'yes' || v === 'no') {
    return v === 'yes';
  }
  throw new CliError(t({ zh: `${flag} 应为 yes 或 no`, en: `${flag} must be yes or no` }));
}

export function registerYearCommand(program: Command): void {
  const year = program.command('year').description('预算年度 / fiscal years');
  year
    .command('open')
    .description('开启预算年度（计分规则默认 mof-2020）/ open a fiscal year for a region')
    .option('--region <code>', '行政区划代码 / region code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--preset <name>', '计分规则（默认 mof-2020）/ scoring preset')
    .option(
      '--finance-approval <yes|no>',
      '绩效目标是否还需财政审核（默认 yes）/ goals also need the bureau’s approval',
    )
    .option(
      '--head-review <yes|no>',
      '绩效自评报送财政局前是否须部门负责人审核（默认 yes）/ the head signs the self-evaluation off first',
    )
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: YearOptions) => {
      const region = opts.region ?? '';
      if (!/^\d{6}$/.test(region)) {
        throw new CliError(
          t({
            zh: '请用 --region 指定 6 位行政区划代码，如 440111',
            en: 'Give --region CODE (6 digits)',
          }),
        );
      }
      const y = requireYear(opts.year);
      const financeApprovalRequired = approval(opts.financeApproval);
      const evaluationHeadReviewRequired = approval(opts.headReview, '--head-review');
      const { CLI_ACTOR } = await import('@jixiao/server');
      const fy = await import('@jixiao/server/features/regions/fiscal-years.service');
      const r = await withDb(
        async (database) => {
          const now = new Date();
          const listing = await fy.listFiscalYears(database.db, CLI_ACTOR, region, now);
          const open = listing.years.find((x) => x.year === y);
          if (open) {
            const same =
              (opts.preset === undefined || opts.preset === open.scoringPreset) &&
              (financeApprovalRequired === undefined ||
                financeApprovalRequired === open.financeApprovalRequired) &&
              (evaluationHeadReviewRequired === undefined ||
                evaluationHeadReviewRequired === open.evaluationHeadReviewRequired);
            if (!same) {
              throw new CliError(
                t({
                  zh: `${y} 年度已开启（计分规则 ${open.scoringPreset}，${open.financeApprovalRequired ? '需' : '不需'}财政审核），不能改动`,
                  en: `Fiscal year ${y} is already open with other settings`,
                }),
              );
            }
            return { ...open, opened: false };
          }
          const v = await fy.openFiscalYear(
            database.db,
            CLI_ACTOR,
            region,
            {
              year: y,
              scoringPreset: opts.preset,
              financeApprovalRequired,
              evaluationHeadReviewRequired,
            },
            now,
          );
          return { ...v, opened: true };
        },
        { demo: false },
      );
      if (opts.json) {
        printJson({ regionCode: region, ...r });
        return;
      }
      const how = t({
        zh: `计分规则 ${r.scoringPresetTitle}，绩效目标${r.financeApprovalRequired ? '需' : '不需'}财政审核，自评${r.evaluationHeadReviewRequired ? '需' : '不需'}部门负责人审核`,
        en: `preset ${r.scoringPreset}, finance approval ${r.financeApprovalRequired ? 'yes' : 'no'}, head sign-off ${r.evaluationHeadReviewRequired ? 'yes' : 'no'}`,
      });
      printLine(
        r.opened
          ? t({
              zh: `已开启 ${region} 的 ${y} 预算年度（${how}）。`,
              en: `Opened ${y} for ${region} (${how}).`,
            })
          : t({
              zh: `${region} 的 ${y} 预算年度已开启（${how}），未做改动。`,
              en: `${y} is already open for ${region} (${how}); nothing changed.`,
            }),
      );
    });
}
