// jixiao backup --out FILE [--user NAME] [--server URL] — a consistent backup of the whole database.
// PostgreSQL (DATABASE_URL): read directly, in one REPEATABLE READ snapshot, while the server runs.
// Embedded (JIXIAO_DATA_DIR): PGlite has one writer, so when the server holds the data directory the backup
// goes through the server — the system administrator's account signs in and downloads GET /api/admin/backup
// (password from JIXIAO_PASSWORD, or asked for); without --user the command says so and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { printLine, t } from '../output.ts';
import { backupThroughServer } from './backup-through-server.ts';

interface BackupOptions {
  out: string;
  user?: string;
  server?: string;
}

function describe(s: { tables: number; rows: number; sha256: string }, file: string): string {
  return t({
    zh: `已备份：${s.tables} 张表、${s.rows} 行 → ${file}（校验和 ${s.sha256.slice(0, 16)}…）`,
    en: `Backed up ${s.tables} tables, ${s.rows} rows → ${file} (checksum ${s.sha256.slice(0, 16)}…)`,
  });
}

async function backupDirect(file: string): Promise<boolean> {
  const { loadConfig, openConfiguredDb, CLI_ACTOR } = await import('@jixiao/server');
  const { backupToFile } = await import('@jixiao/server/features/operations/backup-file');
  const { auditBackup } = await import('@jixiao/server/features/operations/backup.service');
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
    throw new CliError(
      t({
        zh: `这里没有数据库：${config.dataDir}（请检查 JIXIAO_DATA_DIR 或 DATABASE_URL）`,
        en: `No database at ${config.dataDir} (check JIXIAO_DATA_DIR or DATABASE_URL)`,
      }),
    );
  }
  let database;
  try {
    database = await openConfiguredDb(config, `命令行 CLI jixiao backup`);
  } catch (e) {
    if ((e as { code?: string }).code === 'DATA_DIR_IN_USE') {
      return false;
    }
    throw e;
  }
  try {
    const summary = await backupToFile(database, file, new Date());
    await auditBackup(database.db, CLI_ACTOR, summary, 'cli');
    printLine(describe(summary, file));
    return true;
  } finally {
    await database.close();
  }
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      '备份整个数据库（一致性快照，服务器运行时也可；嵌入式数据库由服务器占用时经服务器下载，须系统管理员账户）/ back up the whole database',
    )
    .requiredOption('--out <file>', '备份文件，如 jixiao-20261203.backup.gz / output file')
    .option(
      '--user <username>',
      '系统管理员账户：嵌入式数据库被服务器占用时经服务器备份（密码取自 JIXIAO_PASSWORD 或提示输入）/ system administrator, to back up through the running server',
    )
    .option('--server <url>', '服务器地址（默认 http://127.0.0.1:$PORT）/ server URL')
    .action(async (opts: BackupOptions) => {
      const file = path.resolve(opts.out);
      if (!fs.existsSync(path.dirname(file))) {
        throw new CliError(
          t({
            zh: `目录不存在：${path.dirname(file)}`,
            en: `No such folder: ${path.dirname(file)}`,
          }),
        );
      }
      if (await backupDirect(file)) {
        return;
      }
      if (!opts.user) {
        throw new CliError(
          t({
            zh: '嵌入式数据库正由服务器使用，命令行不能直接读取：请加 --user <系统管理员账户> 经服务器备份（密码取自 JIXIAO_PASSWORD 或提示输入），或先停止服务器',
            en: 'The embedded database is in use by the server: add --user <system administrator> to back up through the server (password from JIXIAO_PASSWORD or prompted), or stop the server first',
          }),
        );
      }
      const { loadConfig } = await import('@jixiao/server');
      const server = opts.server ?? `http://127.0.0.1:${loadConfig().port}`;
      const summary = await backupThroughServer(server, opts.user, file);
      printLine(describe(summary, file));
    });
}
