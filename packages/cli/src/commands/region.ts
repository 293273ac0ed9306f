// jixiao region create --code 440111 --name 广州市白云区 [--finance-code C] [--finance-name N] [--json] — a region
// and its finance bureau (default <code>-CZJ / <name>财政局); the same values again change nothing.
import type { Command } from 'commander';
import { printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

interface RegionOptions {
  code: string;
  name: string;
  financeCode?: string;
  financeName?: string;
  json?: boolean;
}

export function registerRegionCommand(program: Command): void {
  const region = program
    .command('region')
    .description('行政区划与财政局 / regions and their finance bureaus');
  region
    .command('create')
    .description(
      '新建行政区划及其财政局（相同的值再次运行不做改动）/ create a region and its finance bureau',
    )
    .requiredOption('--code <code>', '6 位行政区划代码，如 440111 / 6-digit region code')
    .requiredOption('--name <name>', '名称，如 广州市白云区 / name')
    .option('--finance-code <code>', '财政局代码（默认 <区划代码>-CZJ）/ finance bureau code')
    .option('--finance-name <name>', '财政局名称（默认 <名称>财政局）/ finance bureau name')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: RegionOptions) => {
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { createRegion } =
        await import('@jixiao/server/features/organisation/organisation.service');
      const r = await withDb(
        (database) =>
          createRegion(database.db, CLI_ACTOR, {
            code: opts.code,
            name: opts.name,
            financeCode: opts.financeCode,
            financeName: opts.financeName,
          }),
        { demo: false },
      );
      if (opts.json) {
        printJson(r);
        return;
      }
      const fb = r.financeBureau ? `${r.financeBureau.name}（${r.financeBureau.code}）` : '—';
      printLine(
        r.created
          ? t({
              zh: `已新建行政区划 ${r.code} ${r.name}，财政局：${fb}。下一步：npx jixiao year open --region ${r.code} --year 年度`,
              en: `Created region ${r.code} ${r.name}, finance bureau ${fb}. Next: npx jixiao year open --region ${r.code} --year YYYY`,
            })
          : t({
              zh: `行政区划 ${r.code} ${r.name} 已存在（财政局：${fb}），未做改动。`,
              en: `Region ${r.code} ${r.name} already exists (finance bureau ${fb}); nothing changed.`,
            }),
      );
    });
}
