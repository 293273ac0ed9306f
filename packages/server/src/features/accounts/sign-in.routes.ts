// Sign-in: POST /api/auth/login → session (HttpOnly jixiao_session) + CSRF (jixiao_csrf) cookies, Secure over https;
// 429 with Retry-After from the sign-in throttle; GET /api/auth/me; logout; logout everywhere; password change and
// its rules. The web UI calls exactly these.
import { ROLES } from '@jixiao/core';
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { App, AppDeps, AppEnv } from '../../http/app-env.ts';
import { CSRF_COOKIE, rotateCsrf, SESSION_COOKIE, sameText, sha256 } from '../../auth/sessions.ts';
import {
  changePassword,
  getPasswordPolicy,
  login,
  logout,
  logoutEverywhere,
  type PublicUser,
} from './accounts.service.ts';
import { ServiceError } from '../../http/service-error.ts';
import { serviceErrorBody } from '../../http/error-response.ts';
import {
  clientIp,
  requestSession,
  throttleAddress,
} from '../../http/middleware/request-context.ts';
import { secureCookies, setSessionCookie } from '../../http/middleware/session.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { LoginThrottle, THROTTLE_LIMITS } from '../../auth/login-throttle.ts';
import {
  DEFAULT_PASSWORD_POLICY,
  PASSWORD_HISTORY_DEPTH,
  passwordRules,
} from '../../auth/password-policy.ts';

const TAG = ['登录 Auth'];

const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    departmentCode: z.string().nullable(),
    regionCode: z.string(),
  })
  .openapi('SessionUser');
const SessionSchema = z
  .object({
    user: UserSchema,
    csrfToken: z.string(),
    mustChangePassword: z.boolean().openapi({
      description:
        'true：密码由他人设置（首次登录或被重置），须先修改密码；在此之前除本接口、修改密码与退出登录外一律 403 PASSWORD_CHANGE_REQUIRED',
    }),
  })
  .openapi('Session');

const LoginBody = z
  .object({
    username: z
      .string({ message: '请输入用户名' })
      .trim()
      .min(1, '请输入用户名')
      .max(64, '用户名不超过 64 个字符'),
    password: z
      .string({ message: '请输入密码' })
      .min(1, '请输入密码')
      .max(200, '密码不超过 200 个字符'),
  })
  .openapi('Login');

const PasswordBody = z
  .object({
    current: z.string().max(200, '密码不超过 200 个字符').optional(),
    next: z.string().max(200, '密码不超过 200 个字符').optional(),
    currentPassword: z.string().max(200, '密码不超过 200 个字符').optional(),
    newPassword: z.string().max(200, '密码不超过 200 个字符').optional(),
  })
  .openapi('PasswordChange', {
    description: '{current, next}（也接受 currentPassword / newPassword）',
  });

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: TAG,
  summary:
    '登录（失败过多时答 429 与 Retry-After；账户本身不因登录失败而锁定，未知用户与错误密码的答复相同）',
  description: [
    '登录保护（auth/login-throttle.ts，按服务进程内存计数）：',
    `同一地址对同一账户连续失败达到密码策略的次数（默认 ${DEFAULT_PASSWORD_POLICY.maxFailedAttempts} 次）后，该地址对该账户在策略时长（默认 ${DEFAULT_PASSWORD_POLICY.lockMinutes} 分钟）内答 429；`,
    `同一地址每分钟最多 ${THROTTLE_LIMITS.requestsPerMinute} 次登录请求，窗口内失败 ${THROTTLE_LIMITS.addressFailures} 次后该地址答 429；`,
    `同一账户窗口内失败 ${THROTTLE_LIMITS.accountFailures} 次后，只有从未成功登录过该账户的地址被拒绝（本人照常登录）。`,
    '匿名调用者不能锁定任何账户；用户不存在与密码错误的答复和耗时相同；失败按地址、账户与窗口合并记入审计日志（达到限额时再记一条）。',
  ].join(''),
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: {
      description: '已登录：设置 jixiao_session（HttpOnly）与 jixiao_csrf Cookie',
      content: { 'application/json': { schema: SessionSchema } },
    },
    400: errorResponse('输入有误'),
    401: errorResponse('用户名或密码错误'),
    403: errorResponse('账户已停用'),
    423: errorResponse('账户已被安全管理员锁定（仅在密码正确时告知）'),
    429: errorResponse('登录失败过多或请求过于频繁（Retry-After 给出秒数）'),
  },
});

const RulesSchema = z
  .object({ rules: z.array(z.object({ zh: z.string(), en: z.string() })) })
  .openapi('PasswordRules');
const rulesRoute = createRoute({
  method: 'get',
  path: '/api/auth/password-rules',
  tags: TAG,
  summary: '新密码须满足的规则（按当前密码策略；修改密码页面显示这些）',
  responses: {
    200: { description: '规则', content: { 'application/json': { schema: RulesSchema } } },
    401: errorResponse('未登录'),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: TAG,
  summary: '当前用户与 CSRF 令牌',
  responses: {
    200: { description: '当前会话', content: { 'application/json': { schema: SessionSchema } } },
    401: errorResponse('未登录'),
  },
});

const OkSchema = z.object({ ok: z.literal(true) });
const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: TAG,
  summary: '退出登录',
  responses: {
    200: { description: '已退出', content: { 'application/json': { schema: OkSchema } } },
    401: errorResponse('未登录'),
    403: errorResponse('CSRF 校验失败'),
  },
});

const logoutAllRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout-all',
  tags: TAG,
  summary: '在所有设备退出登录',
  responses: {
    200: {
      description: '已退出',
      content: {
        'application/json': {
          schema: z.object({ ok: z.literal(true), sessionsRevoked: z.number() }),
        },
      },
    },
    401: errorResponse('未登录'),
    403: errorResponse('CSRF 校验失败'),
  },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: TAG,
  summary:
    '修改密码（规则见 /api/auth/password-rules：长度、字符类别、不含用户名、非常见密码、无控制字符、不与最近 5 次相同）；其他会话随之失效；清除「须修改密码」',
  description: `新密码须满足当前密码策略（默认至少 ${DEFAULT_PASSWORD_POLICY.minLength} 位、${DEFAULT_PASSWORD_POLICY.minClasses} 类字符），不在随程序提供的常见密码表中（常见密码加数字或符号仍算常见），不含控制字符，且不与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同。当前密码输错达到策略次数时账户锁定策略时长（423），并结束其所有会话。`,
  request: { body: { content: { 'application/json': { schema: PasswordBody } }, required: true } },
  responses: {
    200: { description: '已修改', content: { 'application/json': { schema: OkSchema } } },
    400: errorResponse('密码不符合要求'),
    401: errorResponse('未登录'),
    403: errorResponse('CSRF 校验失败'),
    423: errorResponse('已锁定'),
  },
});

function setCsrfCookie(c: Context<AppEnv>, deps: AppDeps, token: string): void {
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: false,
    sameSite: 'Lax',
    path: '/',
    secure: secureCookies(c, deps),
    maxAge: Math.round(deps.config.sessionHours * 3600),
  });
}

function clearCookies(c: Context<AppEnv>, deps: AppDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c, deps) });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure: secureCookies(c, deps) });
}

/** A throttled sign-in: 429 with Retry-After (seconds). */
function throttledResponse(c: Context<AppEnv>, e: ServiceError) {
  const seconds =
    (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
  return c.json(serviceErrorBody(e), 429, { 'Retry-After': String(seconds) });
}

function userOf(c: Context<AppEnv>): PublicUser {
  const a = c.var.actor;
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    departmentCode: a.departmentCode,
    regionCode: a.regionCode,
  };
}

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  // One throttle per app (one server process): see auth/login-throttle.ts.
  const throttle = new LoginThrottle();
  app.openapi(rulesRoute, async (c) =>
    c.json({ rules: passwordRules(await getPasswordPolicy(db)) }, 200),
  );
  app.openapi(loginRoute, async (c) => {
    const b = c.req.valid('json');
    let r;
    try {
      r = await login(
        db,
        {
          username: b.username,
          password: b.password,
          ip: clientIp(c),
          address: throttleAddress(c),
          userAgent: c.req.header('user-agent') ?? null,
        },
        deps.now(),
        deps.config.sessionHours,
        throttle,
      );
    } catch (e) {
      if (e instanceof ServiceError && e.code === 'LOGIN_THROTTLED') {
        return throttledResponse(c, e);
      }
      throw e;
    }
    setSessionCookie(c, deps, r.token);
    setCsrfCookie(c, deps, r.csrfToken);
    return c.json(
      { user: r.user, csrfToken: r.csrfToken, mustChangePassword: r.mustChangePassword },
      200,
    );
  });
  app.openapi(meRoute, async (c) => {
    const s = requestSession(c);
    if (!s) {
      return c.json({ user: userOf(c), csrfToken: '', mustChangePassword: false }, 200); // tests acting without a session
    }
    const mustChangePassword = s.mustChangePassword;
    const cookie = getCookie(c, CSRF_COOKIE) ?? '';
    if (cookie !== '' && sameText(sha256(cookie), s.csrfHash)) {
      return c.json({ user: userOf(c), csrfToken: cookie, mustChangePassword }, 200);
    }
    const token = await rotateCsrf(db, s.sessionId);
    setCsrfCookie(c, deps, token);
    return c.json({ user: userOf(c), csrfToken: token, mustChangePassword }, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    const s = requestSession(c);
    if (s) {
      await logout(db, c.var.actor, s.sessionId, deps.now());
    }
    clearCookies(c, deps);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(logoutAllRoute, async (c) => {
    const n = await logoutEverywhere(db, c.var.actor, deps.now());
    clearCookies(c, deps);
    return c.json({ ok: true as const, sessionsRevoked: n }, 200);
  });
  app.openapi(passwordRoute, async (c) => {
    const b = c.req.valid('json');
    const current = b.current ?? b.currentPassword;
    const next = b.next ?? b.newPassword;
    if (!current || !next) {
      throw new ServiceError('PASSWORD_FIELDS_REQUIRED');
    }
    await changePassword(
      db,
      c.var.actor,
      requestSession(c)?.sessionId ?? null,
      current,
      next,
      deps.now(),
    );
    return c.json({ ok: true as const }, 200);
  });
}
