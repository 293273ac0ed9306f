// jixiao import agencies FILE --region R [--year Y] [--dry-run] and jixiao import users FILE [--passwords-out F.csv]
// [--dry-run]: the 单位名录 and accounts in bulk. A refused file prints every bad row and changes nothing.
import fs from 'node:fs';
import { CliError } from '../exit-codes.ts';
import { formatTable, getLang, printError, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

export interface OrganisationImportOptions {
  region?: string;
  year?: string;
  passwordsOut?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface RowErrorLike {
  row: number;
  column: string;
  value: string;
  message: string;
  messageEn: string;
}

interface ServiceErrorLike {
  code: string;
  messageZh: string;
  messageEn: string;
  details?: unknown;
}

function isServiceError(e: unknown): e is ServiceErrorLike {
  return typeof e === 'object' && e !== null && 'code' in e && 'messageZh' in e;
}

/** A refused file: one line, then every bad row (row, column, value, reason); exit 2. */
function refused(e: ServiceErrorLike, json: boolean): CliError {
  const d = (e.details ?? {}) as { errors?: RowErrorLike[] };
  if (json) {
    printJson({
      error: { code: e.code, message: e.messageZh, messageEn: e.messageEn, details: d },
    });
  } else {
    for (const x of d.errors ?? []) {
      printError(
        getLang() === 'en'
          ? `row ${x.row}${x.column ? ` [${x.column}]` : ''}${x.value !== '' ? ` "${x.value}"` : ''}: ${x.messageEn}`
          : `第 ${x.row} 行${x.column ? `【${x.column}】` : ''}${x.value !== '' ? `「${x.value}」` : ''}：${x.message}`,
      );
    }
  }
  return new CliError(t({ zh: e.messageZh, en: e.messageEn }));
}

async function importAgenciesFile(file: string, opts: OrganisationImportOptions): Promise<void> {
  const region = opts.region ?? '';
  if (!/^\d{6}$/.test(region)) {
    throw new CliError(
      t({
        zh: '请用 --region 指定 6 位行政区划代码，如 440111',
        en: 'Give --region CODE (6 digits)',
      }),
    );
  }
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    throw new CliError(t({ zh: '--year 应为四位年度', en: '--year must be YYYY' }));
  }
  const { CLI_ACTOR } = await import('@jixiao/server');
  const { importAgencies } =
    await import('@jixiao/server/features/organisation/agencies-import.service');
  const { fileSource } = await import('@jixiao/server/import/import-source');
  const r = await withDb(
    (database) =>
      importAgencies(
        database.db,
        CLI_ACTOR,
        { regionCode: region, source: fileSource(file), year, dryRun: opts.dryRun },
        new Date(),
      ),
    { demo: false },
  );
  if (opts.json) {
    printJson(r);
    return;
  }
  const c = r.counts;
  printLine(
    t({
      zh: `${r.dryRun ? '预览（未写入）' : '已导入'}单位名录「${r.fileName}」：新建部门 ${c.departmentsCreated} 个、所属单位 ${c.unitsCreated} 个，更新 ${c.updated} 个，未变 ${c.unchanged} 个；内设机构新增 ${c.officesAdded} 个；${r.staffingYear} 年人员编制 ${c.staffingWritten} 条。`,
      en: `${r.dryRun ? 'Preview (nothing written) of' : 'Imported'} "${r.fileName}": ${c.departmentsCreated} departments and ${c.unitsCreated} units created, ${c.updated} updated, ${c.unchanged} unchanged; ${c.officesAdded} offices added; ${c.staffingWritten} staffing rows for ${r.staffingYear}.`,
    }),
  );
}

async function importUsersFile(file: string, opts: OrganisationImportOptions): Promise<void> {
  const out = opts.passwordsOut;
  if (out !== undefined && fs.existsSync(out)) {
    throw new CliError(
      t({
        zh: `密码文件 ${out} 已存在：初始密码只写一次，请换一个文件名`,
        en: `${out} exists: initial passwords are written once, choose another file`,
      }),
    );
  }
  const { CLI_ACTOR } = await import('@jixiao/server');
  const { importUsers } = await import('@jixiao/server/features/accounts/accounts-import');
  const { fileSource } = await import('@jixiao/server/import/import-source');
  const r = await withDb(
    (database) =>
      importUsers(
        database.db,
        CLI_ACTOR,
        { source: fileSource(file), dryRun: opts.dryRun },
        new Date(),
      ),
    { demo: false },
  );
  if (out !== undefined && !r.dryRun) {
    const lines = [
      '用户名,姓名,角色,单位代码,初始密码',
      ...r.accounts.map((a) =>
        [a.username, a.displayName, a.roleText, a.departmentCode ?? '', a.password ?? ''].join(','),
      ),
    ];
    fs.writeFileSync(out, `\ufeff${lines.join('\r\n')}\r\n`, { mode: 0o600, flag: 'wx' });
  }
  const shown = out === undefined ? r.accounts : r.accounts.map((a) => ({ ...a, password: null }));
  if (opts.json) {
    printJson({ ...r, accounts: shown, passwordsFile: out ?? null });
    return;
  }
  printLine(
    formatTable(
      [
        t({ zh: '用户名', en: 'Username' }),
        t({ zh: '姓名', en: 'Name' }),
        t({ zh: '角色', en: 'Role' }),
        t({ zh: '单位', en: 'Agency' }),
        t({ zh: '初始密码', en: 'Initial password' }),
      ],
      shown.map((a) => [
        a.username,
        a.displayName,
        a.roleText,
        a.departmentCode ?? '—',
        a.password ?? (r.dryRun ? '—' : t({ zh: '见密码文件', en: 'in the file' })),
      ]),
    ),
  );
  printLine(
    r.dryRun
      ? t({
          zh: `预览：将新建 ${r.accounts.length} 个账户（未写入）。`,
          en: `Preview: ${r.accounts.length} accounts would be created.`,
        })
      : t({
          zh: `已新建 ${r.accounts.length} 个账户；初始密码${out ? `已写入 ${out}（仅本人可读）` : '只显示这一次'}，首次登录须修改。`,
          en: `Created ${r.accounts.length} accounts; initial passwords ${out ? `written to ${out} (mode 600)` : 'shown once'}, to be changed at the first sign-in.`,
        }),
  );
}

/** Runs `import agencies|users`; a refused file's rows are printed before the one-line error. */
export async function runOrganisationImport(
  kind: 'agencies' | 'users',
  file: string,
  opts: OrganisationImportOptions,
): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new CliError(t({ zh: `找不到文件：${file}`, en: `No such file: ${file}` }));
  }
  try {
    await (kind === 'agencies' ? importAgenciesFile(file, opts) : importUsersFile(file, opts));
  } catch (e) {
    if (isServiceError(e) && e.code === 'ORGANISATION_FILE_INVALID') {
      throw refused(e, opts.json ?? false);
    }
    throw e;
  }
}
