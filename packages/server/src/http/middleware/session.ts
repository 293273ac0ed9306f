// Session middleware: /api/* needs a live session cookie (except login, the API docs and health) → c.var.actor.
// Sliding renewal re-sends the cookie. Unauthenticated requests get 401 with a Chinese message.
import { getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppDeps, RegisterRoutes } from '../app-env.ts';
import { authenticate, SESSION_COOKIE } from '../../auth/sessions.ts';
import { actorOf } from '../../features/accounts/accounts.service.ts';
import { errorBody } from '../error-response.ts';
import { clientIp, setRequestSession } from './request-context.ts';
import { isHttps } from './edge.ts';

export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
  '/api/auth/login',
  '/api/openapi.json',
  '/api/docs',
  '/api/health',
  '/api/health/ready',
]);

export function isPublicApiPath(path: string): boolean {
  return PUBLIC_API_PATHS.has(path) || path.startsWith('/api/docs/');
}

/** Cookies are Secure when the request came over https (directly or through a trusted proxy), or when configured. */
export function secureCookies(c: Context, deps: AppDeps): boolean {
  return deps.config.secureCookies || isHttps(c, deps.config.trustProxy);
}

export function setSessionCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secureCookies(c, deps),
    maxAge: Math.round(deps.config.sessionHours * 3600),
  });
}

export const registerSessionMiddleware: RegisterRoutes = (app, deps) => {
  app.use('/api/*', async (c, next) => {
    if (isPublicApiPath(c.req.path)) {
      await next();
      return;
    }
    const token = getCookie(c, SESSION_COOKIE);
    const found = token
      ? await authenticate(deps.database.db, token, deps.now(), deps.config.sessionHours)
      : null;
    if (!found || !token) {
      return c.json(errorBody('UNAUTHENTICATED'), 401);
    }
    if (found.renewed) {
      setSessionCookie(c, deps, token);
    }
    setRequestSession(c, {
      sessionId: found.session.id,
      csrfHash: found.session.csrfHash,
      mustChangePassword: found.user.mustChangePassword,
    });
    c.set('actor', actorOf(found.user, clientIp(c)));
    await next();
    return undefined;
  });
};
