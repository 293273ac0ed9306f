// Forced password change: while the account's password is one someone else set (the generated first-admin
// password, an account created or a password reset by an administrator), its session may only ask who it is,
// change the password and sign out. Every other /api request is refused 403 PASSWORD_CHANGE_REQUIRED and written
// to the audit log as 'access.denied', like the other refusals.
import type { RegisterRoutes } from '../app-env.ts';
import { errorBody } from '../error-response.ts';
import { logAccessDenied } from './access-log.ts';
import { requestSession } from './request-context.ts';

export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/** "METHOD path" pairs a session that must change its password may still call. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'GET /api/auth/password-rules',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'GET /api/health',
  'GET /api/health/ready',
]);

export function allowedBeforePasswordChange(method: string, path: string): boolean {
  const m = method === 'HEAD' ? 'GET' : method;
  return ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${m} ${path}`);
}

export const registerPasswordChangeMiddleware: RegisterRoutes = (app, deps) => {
  app.use('/api/*', async (c, next) => {
    const session = requestSession(c);
    if (!session?.mustChangePassword || allowedBeforePasswordChange(c.req.method, c.req.path)) {
      await next();
      return undefined;
    }
    await logAccessDenied(deps, c, c.var.actor, c.var.actor.departmentCode, {
      reason: 'passwordChangeRequired',
    });
    return c.json(errorBody(PASSWORD_CHANGE_REQUIRED), 403);
  });
};
