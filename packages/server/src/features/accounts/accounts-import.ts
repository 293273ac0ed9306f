// Accounts in bulk (jixiao import users, the system administrator's upload): 用户名 · 姓名 · 单位代码 · 角色, one
// role per account (三员分立); each gets a generated password, returned once, to be changed at the first sign-in.
// An existing username is a row error (an import never overwrites an account); the whole file or nothing.
import { rowError, type RowError } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { isCli, ROLE_LABELS, type Actor, type Role } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { generatePassword, hashPassword } from '../../auth/password.ts';
import { BUREAU_ROLES, DEPARTMENT_ROLES, SYSTEM_ADMIN_CREATABLE } from '../../auth/policies.ts';
import type { ImportSource } from '../../import/import-source.ts';
import {
  cellOf,
  findHeaderRow,
  headersMissingError,
  type AliasMap,
} from '../../import/header-match.ts';
import { encodingProblem, isBlank } from '../../import/row-errors.ts';
import { readAllRows } from '../organisation/read-all-rows.ts';
import { refuseRows } from '../organisation/agencies-import.service.ts';
import * as orgRepo from '../organisation/organisation.repository.ts';
import { normalizeUsername, publicUser } from './accounts.service.ts';
import * as repo from './accounts.repository.ts';

type Field = 'username' | 'displayName' | 'agencyCode' | 'role';
const ALIASES: AliasMap<Field> = {
  username: ['用户名', '登录名', '账号', '登录账号', 'username'],
  displayName: ['姓名', '用户姓名', '显示名称', 'name'],
  agencyCode: ['单位代码', '部门代码', '单位编码', '所属单位代码', '部门编码'],
  role: ['角色', '用户角色', 'role'],
};
const REQUIRED: readonly Field[] = ['username', 'displayName', 'agencyCode', 'role'];
const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;

const ROLE_WORDS: Readonly<Record<string, Role>> = {
  填报员: 'clerk',
  部门填报员: 'clerk',
  部门负责人: 'deptHead',
  '部门负责人(审核)': 'deptHead',
  财政审核员: 'financeReviewer',
  财政局审核员: 'financeReviewer',
  系统管理员: 'systemAdmin',
  安全管理员: 'securityAdmin',
  安全保密管理员: 'securityAdmin',
  审计管理员: 'auditAdmin',
  安全审计员: 'auditAdmin',
};

/** A role cell: a Chinese role name or a role key; null when unknown. */
export function roleOf(text: string): Role | null {
  const t = text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const key = (Object.keys(ROLE_LABELS) as Role[]).find((r) => r.toLowerCase() === t.toLowerCase());
  return key ?? ROLE_WORDS[t] ?? null;
}

export interface ImportUsersInput {
  source: ImportSource;
  dryRun?: boolean | undefined;
}

export interface ImportedAccount {
  row: number;
  username: string;
  displayName: string;
  role: Role;
  roleText: string;
  departmentCode: string | null;
  regionCode: string;
  /** The generated password, given out once (null in a preview). */
  password: string | null;
}

type Planned = Omit<ImportedAccount, 'password'>;

function err(row: number, column: string, value: string, zh: string, en: string): RowError {
  return rowError(row, column, value, 'BAD_VALUE', { zh, en });
}

async function checkRow(
  db: Db,
  actor: Actor,
  row: number,
  cells: { username: string; displayName: string; agencyCode: string; role: string },
  seen: Map<string, number>,
  errors: RowError[],
): Promise<Planned | null> {
  const before = errors.length;
  const username = normalizeUsername(cells.username);
  if (!USERNAME_RE.test(username)) {
    errors.push(
      err(
        row,
        '用户名',
        cells.username,
        '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头',
        'username: 3–32 of a-z 0-9 _ . -, starting with a letter',
      ),
    );
  } else if (seen.has(username)) {
    errors.push(
      rowError(row, '用户名', username, 'DUPLICATE_CODE', {
        zh: `用户名与第 ${seen.get(username)} 行重复`,
        en: `same username as row ${seen.get(username)}`,
      }),
    );
  } else if (await repo.findUserByUsername(db, username)) {
    errors.push(
      rowError(row, '用户名', username, 'DUPLICATE_CODE', {
        zh: '用户名已存在（导入不会覆盖已有账户）',
        en: 'the username exists (an import never overwrites an account)',
      }),
    );
  }
  seen.set(username, seen.get(username) ?? row);
  if (cells.displayName === '' || cells.displayName.length > 50) {
    errors.push(
      err(
        row,
        '姓名',
        cells.displayName,
        '姓名不能为空，且不超过 50 字',
        'a name of at most 50 characters is required',
      ),
    );
  }
  const role = roleOf(cells.role);
  if (/[、,，;；/]/.test(cells.role)) {
    errors.push(
      err(
        row,
        '角色',
        cells.role,
        '一个账户只能担任一种角色（三员分立）：请为每种职责分别建账户',
        'one role per account (separation of duties)',
      ),
    );
  } else if (!role) {
    errors.push(
      err(
        row,
        '角色',
        cells.role,
        '角色应为 填报员、部门负责人、财政审核员、系统管理员、安全管理员 或 审计管理员',
        'unknown role',
      ),
    );
  } else if (!isCli(actor) && !SYSTEM_ADMIN_CREATABLE.includes(role)) {
    errors.push(
      err(
        row,
        '角色',
        cells.role,
        '系统管理员只能导入业务账户（填报员、部门负责人、财政审核员）；三员角色由安全管理员授予',
        'administrator roles are granted by the security administrator',
      ),
    );
  }
  const agency = await orgRepo.findAgency(db, cells.agencyCode);
  let departmentCode: string | null = null;
  if (!agency) {
    errors.push(
      rowError(row, '单位代码', cells.agencyCode, 'UNKNOWN_UNIT', {
        zh: '单位代码不存在：请先导入单位名录',
        en: 'no such agency: import the agency list first',
      }),
    );
  } else if (!isCli(actor) && actor.regionCode !== '*' && actor.regionCode !== agency.regionCode) {
    errors.push(
      rowError(row, '单位代码', cells.agencyCode, 'UNKNOWN_UNIT', {
        zh: '只能导入本地区的账户',
        en: 'accounts of your own region only',
      }),
    );
  } else if (role && DEPARTMENT_ROLES.includes(role)) {
    departmentCode = agency.kind === 'unit' ? agency.parentCode : agency.code;
    if (agency.kind === 'financeBureau') {
      errors.push(
        rowError(row, '单位代码', cells.agencyCode, 'UNKNOWN_UNIT', {
          zh: '填报员和部门负责人应归属预算部门，而不是财政局',
          en: 'clerks and heads belong to a department',
        }),
      );
    }
  } else if (role && BUREAU_ROLES.includes(role)) {
    departmentCode = agency.code;
    if (agency.kind !== 'financeBureau') {
      errors.push(
        rowError(row, '单位代码', cells.agencyCode, 'UNKNOWN_UNIT', {
          zh: '财政审核员和管理员账户应归属财政局',
          en: 'reviewers and administrators belong to the finance bureau',
        }),
      );
    }
  }
  if (errors.length > before || !role || !agency) {
    return null;
  }
  return {
    row,
    username,
    displayName: cells.displayName,
    role,
    roleText: ROLE_LABELS[role].zh,
    departmentCode,
    regionCode: agency.regionCode,
  };
}

export async function importUsers(
  db: Db,
  actor: Actor,
  input: ImportUsersInput,
  now: Date,
): Promise<{ fileName: string; dryRun: boolean; accounts: ImportedAccount[] }> {
  assertPermission(actor, 'user.manage');
  const fileName = input.source.fileName;
  const table = await readAllRows(input.source);
  const search = findHeaderRow(table.rows, ALIASES, REQUIRED);
  if (!search.header) {
    throw headersMissingError(fileName, search, ALIASES, REQUIRED);
  }
  const { columns } = search.header;
  const errors: RowError[] = [];
  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  for (const r of search.body) {
    if (isBlank(r.cells)) {
      continue;
    }
    const bad = encodingProblem(r);
    if (bad) {
      errors.push(bad);
      continue;
    }
    const cell = (f: Field) => cellOf(r.cells, columns, f);
    const p = await checkRow(
      db,
      actor,
      r.row,
      {
        username: cell('username'),
        displayName: cell('displayName'),
        agencyCode: cell('agencyCode'),
        role: cell('role'),
      },
      seen,
      errors,
    );
    if (p) {
      planned.push(p);
    }
  }
  if (errors.length > 0) {
    throw refuseRows(fileName, errors);
  }
  if (input.dryRun) {
    return { fileName, dryRun: true, accounts: planned.map((p) => ({ ...p, password: null })) };
  }
  const withPasswords = await Promise.all(
    planned.map(async (p) => {
      const password = generatePassword();
      return { ...p, password, hash: await hashPassword(password) };
    }),
  );
  await db.transaction(async (tx) => {
    for (const p of withPasswords) {
      const u = await repo.insertUser(tx, {
        username: p.username,
        displayName: p.displayName,
        role: p.role,
        departmentCode: p.departmentCode,
        regionCode: p.regionCode,
        passwordHash: p.hash,
        passwordChangedAt: now,
        mustChangePassword: true,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await auditInTx(tx, actor, {
        action: 'user.create',
        entity: 'users',
        entityId: u.id,
        departmentCode: u.departmentCode,
        before: null,
        after: { ...publicUser(u), mustChangePassword: true, importedFrom: fileName },
      });
    }
  });
  return { fileName, dryRun: false, accounts: withPasswords.map(({ hash: _hash, ...a }) => a) };
}
