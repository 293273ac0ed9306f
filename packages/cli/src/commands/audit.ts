// jixiao audit verify | export [--from --to --format csv|json --out FILE] — the hash-chained audit log, on the server.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_FAILURE } from '../exit-codes.ts';
import { printError, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('审计日志：校验哈希链、导出 / audit log: verify the hash chain, export');

  audit
    .command('verify')
    .description(
      '校验审计日志哈希链（完好退出码 0，被改动退出码 1 并指出第一条异常记录）/ verify the chain (exit 1 names the first broken entry)',
    )
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { json?: boolean }) => {
      const { verifyAuditChain } = await import('@jixiao/server/audit/verify-chain');
      const result = await withDb((database) => verifyAuditChain(database.db), { demo: false });
      if (opts.json) {
        printJson(result);
      } else if (result.intact) {
        printLine(`${result.entries} entries, chain intact`);
        printLine(`审计日志共 ${result.entries} 条，哈希链完好`);
      } else {
        const b = result.firstBroken!;
        printError(`${result.entries} entries, chain broken at seq ${b.seq}: ${b.messageEn}`);
        printError(`审计日志共 ${result.entries} 条，哈希链在第 ${b.seq} 条处断裂：${b.message}`);
      }
      if (!result.intact) {
        process.exitCode = EXIT_FAILURE;
      }
    });

  audit
    .command('export')
    .description(
      '导出审计日志（CSV 单元格已防公式注入）/ export the audit log (CSV cells formula-safe)',
    )
    .option('--from <date>', '起始日期（含），如 2024-01-01（北京时间）/ from (inclusive)')
    .option('--to <date>', '截止日期（含当天）/ to (inclusive day)')
    .option('--format <format>', '格式 csv | json / format', 'csv')
    .option('--user <username>', '只导出该用户的操作 / only this user')
    .option('--action <action>', '只导出该操作（前缀，如 goal.）/ only this action (prefix)')
    .option('--department <code>', '只导出该部门 / only this department')
    .option('--out <file>', '输出文件（默认标准输出）/ output file (default stdout)')
    .action(
      async (opts: {
        from?: string;
        to?: string;
        format: string;
        user?: string;
        action?: string;
        department?: string;
        out?: string;
      }) => {
        if (opts.format !== 'csv' && opts.format !== 'json') {
          throw new CliError(
            t({
              zh: `格式无效：${opts.format}（可选 csv、json）`,
              en: `Invalid format: ${opts.format} (csv or json)`,
            }),
          );
        }
        const format = opts.format;
        for (const [name, value] of [
          ['--from', opts.from],
          ['--to', opts.to],
        ] as const) {
          if (
            value !== undefined &&
            !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
          ) {
            throw new CliError(
              t({
                zh: `${name} 日期格式应为 YYYY-MM-DD，收到「${value}」`,
                en: `${name} must be YYYY-MM-DD, got "${value}"`,
              }),
            );
          }
        }
        const { CLI_ACTOR } = await import('@jixiao/server');
        const { exportAuditLog } =
          await import('@jixiao/server/features/audit-log/audit-log.service');
        const out = await withDb(
          (database) =>
            exportAuditLog(
              database.db,
              CLI_ACTOR,
              {
                from: opts.from,
                to: opts.to,
                user: opts.user,
                action: opts.action,
                department: opts.department,
              },
              format,
            ),
          { demo: false },
        );
        if (opts.out) {
          const file = path.resolve(opts.out);
          fs.writeFileSync(file, out.body);
          printLine(
            t({
              zh: `已导出 ${out.count} 条审计记录到 ${file}`,
              en: `Exported ${out.count} audit entries to ${file}`,
            }),
          );
        } else {
          process.stdout.write(out.body);
        }
      },
    );
}
