// The HTTP edge, in front of everything (also in tests that act as a user): security headers on every response,
// `Cache-Control: no-store` on the API, a 1 MB limit on JSON bodies (upload routes set their own, larger limits
// on multipart bodies), and no NUL byte in a request's path, query or JSON body.
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Context, MiddlewareHandler } from 'hono';
import type { App, AppDeps } from '../app-env.ts';
import { errorBody } from '../error-response.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;

/** The request reached us over https: directly, or through a proxy we were told to trust (JIXIAO_TRUST_PROXY). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') {
    return true;
  }
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd writes its CSS-in-JS into <style> elements
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function headers(trustProxy: boolean): MiddlewareHandler {
  // The API docs page starts Swagger UI with one inline script (its files are served by us).
  const docs = secureHeaders({
    contentSecurityPolicy: { ...CSP, scriptSrc: ["'self'", "'unsafe-inline'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
  });
  const plain = secureHeaders({
    contentSecurityPolicy: CSP,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
  });
  const tls = secureHeaders({
    contentSecurityPolicy: CSP,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  });
  return async (c, next) => {
    if (c.req.path === '/api/docs') {
      return docs(c, next);
    }
    return isHttps(c, trustProxy) ? tls(c, next) : plain(c, next);
  };
}

const jsonLimit = bodyLimit({
  maxSize: JSON_BODY_LIMIT,
  onError: (c) => c.json(errorBody('TOO_LARGE'), 413),
});

function hasNul(text: string): boolean {
  return text.includes('\u0000') || /%00|\\u0000/i.test(text);
}

export function registerEdgeMiddleware(app: App, deps: AppDeps): void {
  app.use('*', headers(deps.config.trustProxy));
  app.use('/api/*', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      return jsonLimit(c, next);
    }
    return next();
  });
  app.use('/api/*', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    const body =
      type.includes('json') && c.req.method !== 'GET' ? await c.req.raw.clone().text() : '';
    if (hasNul(c.req.url) || hasNul(body)) {
      return c.json(errorBody('CONTROL_CHARACTER'), 400);
    }
    await next();
    if (!c.res.headers.has('cache-control')) {
      c.res.headers.set('cache-control', 'no-store');
    }
  });
}
