// jixiao users list | create | reset-password | unlock | set-role | disable | enable — accounts on the server itself (acts as the CLI; the only way to grant or withdraw an administrator role).
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

const ROLES = [
  'clerk',
  'deptHead',
  'financeReviewer',
  'systemAdmin',
  'securityAdmin',
  'auditAdmin',
  'thirdParty',
] as const;
type Role = (typeof ROLES)[number];

async function idOf(db: import('@jixiao/server').Db, username: string): Promise<string> {
  const { findUserIdByUsername } =
    await import('@jixiao/server/features/accounts/accounts.service');
  const id = await findUserIdByUsername(db, username);
  if (!id) {
    throw new CliError(t({ zh: `用户「${username}」不存在`, en: `No user ${username}` }));
  }
  return id;
}

export function registerUsersCommand(program: Command): void {
  const users = program
    .command('users')
    .description('账户管理（本机命令行）/ accounts (local command line)');

  users
    .command('list')
    .description('列出账户 / list accounts')
    .option('--json', '输出 JSON / JSON output')
    .action(async (opts: { json?: boolean }) => {
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { listUsers } = await import('@jixiao/server/features/accounts/accounts.service');
      const list = await withDb((database) => listUsers(database.db, CLI_ACTOR), { demo: false });
      if (opts.json) {
        printJson(list);
        return;
      }
      printLine(
        formatTable(
          [
            t({ zh: '用户名', en: 'Username' }),
            t({ zh: '姓名', en: 'Name' }),
            t({ zh: '角色', en: 'Role' }),
            t({ zh: '部门', en: 'Department' }),
            t({ zh: '状态', en: 'Status' }),
          ],
          list.map((u) => [
            u.username,
            u.displayName,
            u.role,
            u.departmentCode ?? '—',
            u.disabled
              ? t({ zh: '停用', en: 'disabled' })
              : u.lockedUntil
                ? t({ zh: '锁定', en: 'locked' })
                : u.mustChangePassword
                  ? t({ zh: '待改密码', en: 'must change password' })
                  : t({ zh: '正常', en: 'active' }),
          ]),
        ),
      );
    });

  users
    .command('create')
    .description(
      '新建账户（任何角色；不给密码则生成并显示一次）/ create an account (any role; a generated password is shown once)',
    )
    .requiredOption('--username <name>', '用户名 / username')
    .requiredOption('--role <role>', `角色 ${ROLES.join('|')} / role`)
    .option('--name <displayName>', '姓名 / display name')
    .option('--department <code>', '部门或财政局编码 / department or finance bureau code')
    .option('--password <password>', '密码（≥12 位，至少 3 类字符）/ password')
    .option('--agency <code>', '第三方机构编码（thirdParty 必填）/ registered agency (thirdParty)')
    .option('--region <code>', '机构所在行政区划（编码重名时）/ the agency’s region')
    .action(
      async (opts: {
        username: string;
        role: string;
        name?: string;
        department?: string;
        password?: string;
        agency?: string;
        region?: string;
      }) => {
        if (!(ROLES as readonly string[]).includes(opts.role)) {
          throw new CliError(
            t({
              zh: `角色无效：${opts.role}（可选 ${ROLES.join('、')}）`,
              en: `Invalid role: ${opts.role}`,
            }),
          );
        }
        const { CLI_ACTOR } = await import('@jixiao/server');
        if (opts.role === 'thirdParty' || opts.agency) {
          const { createThirdPartyAccount } = await import('./exante.ts');
          await createThirdPartyAccount({ ...opts, role: opts.role });
          return;
        }
        const { createUser } = await import('@jixiao/server/features/accounts/accounts.service');
        const r = await withDb(
          (database) =>
            createUser(
              database.db,
              CLI_ACTOR,
              {
                username: opts.username,
                displayName: opts.name ?? opts.username,
                role: opts.role as Role,
                departmentCode: opts.department ?? null,
                ...(opts.password ? { password: opts.password } : {}),
              },
              new Date(),
            ),
          { demo: false },
        );
        printLine(
          t({
            zh: `已创建 ${r.user.username}（${r.user.role}）`,
            en: `Created ${r.user.username} (${r.user.role})`,
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
        if (r.user.mustChangePassword) {
          printLine(
            t({
              zh: `${r.user.username} 首次登录时须修改密码。`,
              en: `${r.user.username} must change the password at the first sign-in.`,
            }),
          );
        }
      },
    );

  users
    .command('reset-password <username>')
    .description(
      '重置密码（生成新密码并显示一次；其会话全部失效；下次登录须修改密码）/ reset a password (must be changed at the next sign-in)',
    )
    .action(async (username: string) => {
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { resetPassword } = await import('@jixiao/server/features/accounts/accounts.service');
      const r = await withDb(
        async (database) =>
          resetPassword(database.db, CLI_ACTOR, await idOf(database.db, username), new Date()),
        { demo: false },
      );
      printLine(
        t({
          zh: `${username} 的新密码（仅显示这一次）：${r.generatedPassword}`,
          en: `New password of ${username} (shown once): ${r.generatedPassword}`,
        }),
      );
      printLine(
        t({
          zh: `${username} 下次登录时须修改密码；其所有会话已失效。`,
          en: `${username} must change the password at the next sign-in; all of its sessions were signed out.`,
        }),
      );
    });

  users
    .command('unlock <username>')
    .description('解除登录锁定 / unlock an account')
    .action(async (username: string) => {
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { unlockUser } = await import('@jixiao/server/features/accounts/accounts.service');
      await withDb(
        async (database) =>
          unlockUser(database.db, CLI_ACTOR, await idOf(database.db, username), new Date()),
        { demo: false },
      );
      printLine(t({ zh: `已解锁 ${username}`, en: `Unlocked ${username}` }));
    });

  registerDutyCommands(users);
}

/**
 * 三员分立: the administrator roles are granted, changed and withdrawn only here, on the server (the API refuses it,
 * ADMIN_ROLE_CLI_ONLY); an administrator account of another duty is disabled or enabled here too.
 */
function registerDutyCommands(users: Command): void {
  users
    .command('set-role <username>')
    .description('修改角色（含三员角色）/ change a role (administrator roles included)')
    .requiredOption('--role <role>', `角色 ${ROLES.join('|')} / role`)
    .option('--department <code>', '部门或财政局编码 / department or finance bureau code')
    .action(async (username: string, opts: { role: string; department?: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        throw new CliError(
          t({
            zh: `角色无效：${opts.role}（可选 ${ROLES.join('、')}）`,
            en: `Invalid role: ${opts.role}`,
          }),
        );
      }
      const { CLI_ACTOR } = await import('@jixiao/server');
      const { setRole } = await import('@jixiao/server/features/accounts/accounts.service');
      const u = await withDb(
        async (database) =>
          setRole(
            database.db,
            CLI_ACTOR,
            await idOf(database.db, username),
            opts.role as Role,
            opts.department,
            new Date(),
          ),
        { demo: false },
      );
      printLine(t({ zh: `${username} 的角色现为 ${u.role}`, en: `${username} is now ${u.role}` }));
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(
        disabled
          ? '停用账户（其会话全部失效）/ disable an account'
          : '启用账户 / enable an account',
      )
      .action(async (username: string) => {
        const { CLI_ACTOR } = await import('@jixiao/server');
        const { updateUser } = await import('@jixiao/server/features/accounts/accounts.service');
        await withDb(
          async (database) =>
            updateUser(
              database.db,
              CLI_ACTOR,
              await idOf(database.db, username),
              { disabled },
              new Date(),
            ),
          { demo: false },
        );
        printLine(
          disabled
            ? t({ zh: `已停用 ${username}`, en: `Disabled ${username}` })
            : t({ zh: `已启用 ${username}`, en: `Enabled ${username}` }),
        );
      });
  }
}
