// jixiao demo [--reset] — load the haizhu-2023 demo, or wipe the database and load it again.
import type { Command } from 'commander';

import { sql } from 'drizzle-orm';
import { printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { CliError } from '../exit-codes.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('载入或重置演示数据 haizhu-2023 / load or reset the demo data')
    .option('--reset', '清空全部数据后重新载入（不可恢复）/ wipe ALL data and reload')
    .action(async (opts: { reset?: boolean }) => {
      const { isDemoLoaded, loadDemo } = await import('@jixiao/server');
      await withDb(
        async (database) => {
          const loaded = await isDemoLoaded(database.db);
          if (loaded && !opts.reset) {
            printLine(
              t({
                zh: '演示数据已存在（使用 --reset 清空后重新载入）。',
                en: 'Demo already loaded (use --reset to wipe and reload).',
              }),
            );
            return;
          }
          if (opts.reset) {
            // Truncate every table of the public schema (the audit log too: a reset is a new database).
            const tables = (await database.db.execute(
              sql`select tablename from pg_tables where schemaname = 'public'`,
            )) as unknown as { rows: { tablename: string }[] };
            const names = tables.rows.map((r) => `"${r.tablename}"`);
            if (names.length > 0) {
              try {
                await database.db.execute(
                  sql.raw(`truncate ${names.join(', ')} restart identity cascade`),
                );
              } catch (e) {
                throw new CliError(
                  `重置失败 reset failed: ${e instanceof Error ? e.message : String(e)}`,
                  1,
                );
              }
            }
          }
          await loadDemo(database.db);
          printLine(
            t({
              zh: '已载入演示数据 haizhu-2023（广州市海珠区投资促进局 440105-TZCJ，2023、2024年度）。',
              en: 'Loaded demo haizhu-2023 (440105-TZCJ, 2023 and 2024).',
            }),
          );
        },
        { demo: false },
      );
    });
}
