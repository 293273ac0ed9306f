// jixiao audit verify [--anchor FILE] | anchor --out FILE | export [--from --to --format csv|json --out FILE] — the hash-chained audit log, on the server.
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
      '校验审计日志哈希链（完好退出码 0；被改动退出码 1 并列出每一条异常记录）/ verify the chain (exit 1 lists every broken entry)',
    )
    .option(
      '--anchor <file>',
      '与审计管理员保存的锚点文件核对 / check against an anchor file kept by the auditor',
    )
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { json?: boolean; anchor?: string }) => {
      const { verifyAuditChain, parseAnchor } = await import('@jixiao/server/audit/verify-chain');
      let anchor: ReturnType<typeof parseAnchor> = null;
      if (opts.anchor) {
        anchor = fs.existsSync(opts.anchor)
          ? parseAnchor(fs.readFileSync(opts.anchor, 'utf8'))
          : null;
        if (!anchor) {
          throw new CliError(
            t({
              zh: `锚点文件无法读取或格式不对：${opts.anchor}（应为 jixiao audit anchor 写出的文件）`,
              en: `Cannot read the anchor file ${opts.anchor} (expected a file written by jixiao audit anchor)`,
            }),
          );
        }
      }
      const result = await withDb(
        (database) => verifyAuditChain(database.db, anchor ? { anchor } : {}),
        { demo: false },
      );
      printVerification(result, opts.json === true);
      if (!result.intact) {
        process.exitCode = EXIT_FAILURE;
      }
    });

  audit
    .command('anchor')
    .description(
      '把当前审计链头（序号、哈希、时间）写入文件，由审计管理员另行保存；verify --anchor 据此发现整链改写 / write the chain head to a file the auditor keeps',
    )
    .requiredOption('--out <file>', '锚点文件 / anchor file')
    .action(async (opts: { out: string }) => {
      const { auditAnchor } = await import('@jixiao/server/audit/verify-chain');
      const anchor = await withDb((database) => auditAnchor(database.db, new Date()), {
        demo: false,
      });
      fs.writeFileSync(opts.out, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
      printLine(
        t({
          zh: `已写入审计锚点：第 ${anchor.seq} 条，${anchor.hash.slice(0, 16)}…（${opts.out}）`,
          en: `Anchor written: entry ${anchor.seq}, ${anchor.hash.slice(0, 16)}… (${opts.out})`,
        }),
      );
    });

  audit
    .command('export')
    .description(
      '导出审计日志（CSV 单元格已防公式注入）/ export the audit log (CSV cells formula-safe)',
    )
    .option('--from <date>', '起始日期（含），如 2024-01-01（北京时间）/ from (inclusive)')
    .option('--to <date>', '截止日期（含当天）/ to (inclusive day)')
    .option('--format <format>', '格式 csv | json / format', 'csv')
    .option(
      '--user <text>',
      '只导出登录名或姓名包含该文字的账户的操作 / only accounts whose login or name contains it',
    )
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

type Verification = Awaited<
  ReturnType<(typeof import('@jixiao/server/audit/verify-chain'))['verifyAuditChain']>
>;

function printVerification(result: Verification, json: boolean): void {
  if (json) {
    printJson(result);
    return;
  }
  if (result.intact) {
    printLine(`${result.entries} entries, chain intact`);
    printLine(`审计日志共 ${result.entries} 条，哈希链完好`);
    return;
  }
  if (result.brokenCount > 0) {
    const first = result.firstBroken!;
    printError(
      `${result.entries} entries, chain broken at seq ${first.seq} (${result.brokenCount} broken): ${first.messageEn}`,
    );
    printError(
      `审计日志共 ${result.entries} 条，哈希链在第 ${first.seq} 条处断裂（共 ${result.brokenCount} 处异常）：${first.message}`,
    );
    for (const b of result.broken.slice(1)) {
      printError(`  #${b.seq}: ${b.message} / ${b.messageEn}`);
    }
  }
  if (result.anchor && !result.anchor.ok) {
    printError(`${result.anchor.message} / ${result.anchor.messageEn}`);
  }
}
