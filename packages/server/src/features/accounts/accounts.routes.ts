// Accounts (三员分立): the system administrator creates and maintains accounts and resets passwords; the security
// administrator grants roles, locks/unlocks accounts and sets the password policy. Both may list accounts.
import { ROLES } from '@jixiao/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../http/app-env.ts';
import * as users from './accounts.service.ts';
import { listPlacements, listUsersWithNames, rolePermissions } from './accounts-listing.ts';
import { IdParam } from '../goals/goals.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';

const TAG = ['账户与安全 Users & security'];
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('角色无权（已记入审计日志）'),
  404: errorResponse('不存在'),
  409: errorResponse('用户名已存在'),
};

const RoleEnum = z.enum(ROLES, { message: `角色应为 ${ROLES.join(' / ')} 之一` });
const deptCode = z
  .string()
  .regex(/^[A-Za-z0-9.-]{1,32}$/, '部门编码只能包含字母、数字、- 和 .（不超过 32 位）');

const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: RoleEnum,
    departmentCode: z.string().nullable(),
    regionCode: z.string(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable(),
    failedAttempts: z.number(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    departmentName: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: '部门名称（账户列表中给出）' }),
  })
  .openapi('UserAccount');
const PlacementSchema = z
  .object({ code: z.string(), name: z.string(), kind: z.enum(['department', 'financeBureau']) })
  .openapi('AccountPlacement');
const WithPassword = z
  .object({ user: UserSchema, generatedPassword: z.string().nullable() })
  .openapi('UserWithPassword');

const CreateBody = z
  .object({
    username: z
      .string({ message: '请填写用户名' })
      .trim()
      .min(3, '用户名至少 3 位')
      .max(32, '用户名不超过 32 位'),
    displayName: z
      .string({ message: '请填写姓名' })
      .trim()
      .min(1, '请填写姓名')
      .max(50, '姓名不超过 50 个字符'),
    role: RoleEnum,
    departmentCode: deptCode.nullable().optional(),
    password: z.string().max(200, '密码不超过 200 个字符').optional(),
  })
  .strict()
  .openapi('NewUser');

const UpdateBody = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, '姓名不能为空')
      .max(50, '姓名不超过 50 个字符')
      .optional(),
    departmentCode: deptCode.optional(),
    disabled: z.boolean({ message: 'disabled 应为 true 或 false' }).optional(),
  })
  .strict()
  .openapi('UserUpdate');

const RoleBody = z
  .object({ role: RoleEnum, departmentCode: deptCode.nullable().optional() })
  .strict()
  .openapi('UserRole');
const LockBody = z
  .object({
    minutes: z
      .number({ message: '锁定时长应为分钟数' })
      .int('锁定时长应为整数分钟')
      .min(1, '至少 1 分钟')
      .max(525_600, '至多一年'),
  })
  .strict();

const PolicySchema = z
  .object({
    minLength: z
      .number({ message: '最小长度应为数字' })
      .int()
      .min(12, '密码最小长度不得低于 12')
      .max(128),
    minClasses: z
      .number({ message: '字符类别数应为数字' })
      .int()
      .min(3, '至少要求 3 类字符')
      .max(4, '至多 4 类字符'),
    maxFailedAttempts: z
      .number({ message: '失败次数应为数字' })
      .int()
      .min(1)
      .max(10, '失败次数上限至多 10'),
    lockMinutes: z
      .number({ message: '锁定分钟数应为数字' })
      .int()
      .min(1)
      .max(1440, '锁定至多 1440 分钟'),
  })
  .strict()
  .openapi('PasswordPolicy');

const Words = z.object({ zh: z.string(), en: z.string() });
const PermissionRowSchema = z
  .object({
    area: Words.openapi({ description: '业务领域' }),
    name: Words.openapi({ description: '权限（中文 / 英文）' }),
    roles: z.array(RoleEnum).openapi({ description: '服务器授予此权限的角色' }),
  })
  .openapi('PermissionRow');

const routes = {
  permissions: createRoute({
    method: 'get',
    path: '/api/roles/permissions',
    tags: TAG,
    summary: '角色与权限表（服务器实际执行的规则）— 系统管理员 / 安全管理员',
    responses: {
      200: {
        description: '每项权限及其角色',
        content: { 'application/json': { schema: z.array(PermissionRowSchema) } },
      },
      ...errors,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/users',
    tags: TAG,
    summary: '账户列表 — 系统管理员 / 安全管理员',
    responses: {
      200: {
        description: '账户',
        content: { 'application/json': { schema: z.array(UserSchema) } },
      },
      ...errors,
    },
  }),
  placements: createRoute({
    method: 'get',
    path: '/api/users/placements',
    tags: TAG,
    summary: '账户可归属的部门与财政局 — 系统管理员 / 安全管理员',
    responses: {
      200: {
        description: '部门',
        content: { 'application/json': { schema: z.array(PlacementSchema) } },
      },
      ...errors,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/users',
    tags: TAG,
    summary: '新建业务账户（不填密码则生成，仅返回一次；首次登录须修改密码）— 系统管理员',
    request: { body: jsonBody(CreateBody) },
    responses: {
      201: { description: '已创建', content: { 'application/json': { schema: WithPassword } } },
      ...errors,
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/api/users/{id}',
    tags: TAG,
    summary: '修改姓名、部门，停用/启用 — 系统管理员',
    request: { params: IdParam, body: jsonBody(UpdateBody) },
    responses: {
      200: { description: '已修改', content: { 'application/json': { schema: UserSchema } } },
      ...errors,
    },
  }),
  reset: createRoute({
    method: 'post',
    path: '/api/users/{id}/reset-password',
    tags: TAG,
    summary:
      '重置密码（生成新密码，仅返回一次；该用户所有会话失效，下次登录须修改密码）— 系统管理员',
    request: { params: IdParam },
    responses: {
      200: { description: '已重置', content: { 'application/json': { schema: WithPassword } } },
      ...errors,
    },
  }),
  role: createRoute({
    method: 'put',
    path: '/api/users/{id}/role',
    tags: TAG,
    summary: '授予角色（不能改自己的）— 安全管理员',
    request: { params: IdParam, body: jsonBody(RoleBody) },
    responses: {
      200: { description: '已授予', content: { 'application/json': { schema: UserSchema } } },
      ...errors,
    },
  }),
  unlock: createRoute({
    method: 'post',
    path: '/api/users/{id}/unlock',
    tags: TAG,
    summary: '解除锁定 — 安全管理员',
    request: { params: IdParam },
    responses: {
      200: { description: '已解锁', content: { 'application/json': { schema: UserSchema } } },
      ...errors,
    },
  }),
  lock: createRoute({
    method: 'post',
    path: '/api/users/{id}/lock',
    tags: TAG,
    summary: '锁定账户若干分钟（其会话随之失效）— 安全管理员',
    request: { params: IdParam, body: jsonBody(LockBody) },
    responses: {
      200: { description: '已锁定', content: { 'application/json': { schema: UserSchema } } },
      ...errors,
    },
  }),
  getPolicy: createRoute({
    method: 'get',
    path: '/api/security/password-policy',
    tags: TAG,
    summary: '密码与锁定策略 — 安全管理员',
    responses: {
      200: { description: '策略', content: { 'application/json': { schema: PolicySchema } } },
      ...errors,
    },
  }),
  putPolicy: createRoute({
    method: 'put',
    path: '/api/security/password-policy',
    tags: TAG,
    summary: '修改密码与锁定策略（只能在基线之上收紧）— 安全管理员',
    request: { body: jsonBody(PolicySchema) },
    responses: {
      200: { description: '已修改', content: { 'application/json': { schema: PolicySchema } } },
      ...errors,
    },
  }),
};

export function registerUserRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(routes.permissions, (c) => c.json(rolePermissions(c.var.actor), 200));
  app.openapi(routes.list, async (c) => c.json(await listUsersWithNames(db, c.var.actor), 200));
  app.openapi(routes.placements, async (c) => c.json(await listPlacements(db, c.var.actor), 200));
  app.openapi(routes.create, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await users.createUser(
        db,
        c.var.actor,
        { ...b, departmentCode: b.departmentCode ?? null },
        deps.now(),
      ),
      201,
    );
  });
  app.openapi(routes.update, async (c) =>
    c.json(
      await users.updateUser(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.now(),
      ),
      200,
    ),
  );
  app.openapi(routes.reset, async (c) =>
    c.json(await users.resetPassword(db, c.var.actor, c.req.valid('param').id, deps.now()), 200),
  );
  app.openapi(routes.role, async (c) => {
    const b = c.req.valid('json');
    return c.json(
      await users.setRole(
        db,
        c.var.actor,
        c.req.valid('param').id,
        b.role,
        b.departmentCode,
        deps.now(),
      ),
      200,
    );
  });
  app.openapi(routes.unlock, async (c) =>
    c.json(await users.unlockUser(db, c.var.actor, c.req.valid('param').id, deps.now()), 200),
  );
  app.openapi(routes.lock, async (c) =>
    c.json(
      await users.lockUserAccount(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').minutes,
        deps.now(),
      ),
      200,
    ),
  );
  app.openapi(routes.getPolicy, async (c) =>
    c.json(await users.readPasswordPolicy(db, c.var.actor), 200),
  );
  app.openapi(routes.putPolicy, async (c) =>
    c.json(await users.setPasswordPolicy(db, c.var.actor, c.req.valid('json'), deps.now()), 200),
  );
}
