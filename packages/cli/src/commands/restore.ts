// jixiao restore FILE [--yes] [--check] — replace the whole database with a backup, all or nothing, with the
// server stopped (the embedded data directory is refused while the server holds it; on PostgreSQL other
// connections to the database are refused). A newer backup, a damaged file or a non-backup changes nothing.
// The restore is written to the audit log, chained onto the restored log.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printLine, t } from '../output.ts';

interface RestoreOptions {
  yes?: boolean;
  check?: boolean;
}

async function checkOnly(file: string): Promise<void> {
  const { checkBackupFile } = await import('@jixiao/server/features/operations/backup-file');
  const c = await checkBackupFile(file);
  printLine(
    t({
      zh: `备份文件完好：${c.header.createdAt} 备份，${c.tables} 张表、${c.rows} 行，审计日志至第 ${c.header.auditHead.seq} 条`,
      en: `Backup intact: taken ${c.header.createdAt}, ${c.tables} tables, ${c.rows} rows, audit log up to entry ${c.header.auditHead.seq}`,
    }),
  );
}

type Database = import('@jixiao/server').Database;

/** PostgreSQL: refuse while other sessions (a running server) use the database. */
async function refuseOtherSessions(database: Database): Promise<void> {
  if (database.driver !== 'pg') {
    return;
  }
  const { otherConnections } = await import('@jixiao/server/features/operations/restore.service');
  const n = await otherConnections(database.db);
  if (n > 0) {
    throw new CliError(
      t({
        zh: `数据库还有 ${n} 个其他连接（服务器在运行？）：请先停止服务器再恢复`,
        en: `The database has ${n} other connections (is the server running?): stop the server before a restore`,
      }),
    );
  }
}

async function restore(file: string, opts: RestoreOptions): Promise<void> {
  const { loadConfig, openConfiguredDb, CLI_ACTOR, ServiceError } = await import('@jixiao/server');
  const { backupFileLines } = await import('@jixiao/server/features/operations/backup-file');
  const { readHeader, restoreBackup, targetContents } =
    await import('@jixiao/server/features/operations/restore.service');
  const lines = backupFileLines(file);
  try {
    const read = await readHeader(lines);
    const database = await openConfiguredDb(loadConfig(), '命令行 CLI jixiao restore');
    try {
      await refuseOtherSessions(database);
      const target = await targetContents(database.db);
      if ((target.users > 0 || target.entries > 0) && !opts.yes) {
        throw new ServiceError('RESTORE_CONFIRM_REQUIRED', target);
      }
      const r = await restoreBackup(database, read, CLI_ACTOR);
      printLine(
        t({
          zh: `已恢复 ${r.backupCreatedAt} 的备份：${r.tables} 张表、${r.rows} 行${r.migrationsUpgraded > 0 ? `，数据库结构升级 ${r.migrationsUpgraded} 步` : ''}；恢复已记入审计日志第 ${r.restoreEntrySeq} 条`,
          en: `Restored the backup of ${r.backupCreatedAt}: ${r.tables} tables, ${r.rows} rows${r.migrationsUpgraded > 0 ? `, structure upgraded by ${r.migrationsUpgraded} migrations` : ''}; audit entry ${r.restoreEntrySeq}`,
        }),
      );
    } finally {
      await database.close();
    }
  } finally {
    await lines.return(undefined);
  }
}

export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      '从备份整体恢复数据库（全部成功或全部不变；须先停止服务器；较新版本的备份会被拒绝）/ restore the whole database from a backup',
    )
    .argument('<file>', 'jixiao backup 写出的备份文件 / a file written by jixiao backup')
    .option('--yes', '确认替换已有数据 / confirm replacing existing data')
    .option('--check', '只检查备份文件是否完好，不改动数据库 / only check the file')
    .action(async (fileArg: string, opts: RestoreOptions) => {
      const file = path.resolve(fileArg);
      if (!fs.existsSync(file)) {
        throw new CliError(t({ zh: `文件不存在：${file}`, en: `No such file: ${file}` }));
      }
      if (opts.check) {
        await checkOnly(file);
        return;
      }
      await restore(file, opts);
    });
}
