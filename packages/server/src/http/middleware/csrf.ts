// CSRF (double submit): state-changing /api requests must echo the jixiao_csrf cookie in X-CSRF-Token, and the
// token must be the one issued to this session (its sha256 is stored). Login is exempt (no session yet).
import { getCookie } from 'hono/cookie';
import type { RegisterRoutes } from '../app-env.ts';
import { CSRF_COOKIE, CSRF_HEADER, sameText, sha256 } from '../../auth/sessions.ts';
import { logAccessDenied } from './access-log.ts';
import { errorBody } from '../error-response.ts';
import { requestSession } from './request-context.ts';
import { isPublicApiPath } from './session.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const registerCsrfMiddleware: RegisterRoutes = (app, deps) => {
  app.use('/api/*', async (c, next) => {
    if (!UNSAFE.has(c.req.method) || isPublicApiPath(c.req.path)) {
      await next();
      return undefined;
    }
    const header = c.req.header(CSRF_HEADER) ?? '';
    const cookie = getCookie(c, CSRF_COOKIE) ?? '';
    const session = requestSession(c);
    const ok =
      header !== '' &&
      sameText(header, cookie) &&
      session !== null &&
      sameText(sha256(header), session.csrfHash);
    if (!ok) {
      await logAccessDenied(deps, c, c.var.actor, c.var.actor.departmentCode, {
        reason: 'csrf',
        headerPresent: header !== '',
        cookiePresent: cookie !== '',
      });
      return c.json(errorBody('CSRF'), 403);
    }
    await next();
    return undefined;
  });
};
