// The HTTP edge, in front of everything (also in tests that act as a user): security headers on every response,
// `Cache-Control: no-store` on the API, body limits per route (1 MB for JSON and for any route that takes no file; a
// route whose OpenAPI request declares multipart/form-data gets its upload limit — UPLOAD_LIMITS, 20 MB unless listed
// — and may set a tighter one itself), and no NUL byte in a request's path, query or JSON body.
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Context, MiddlewareHandler } from 'hono';
import type { App, AppDeps } from '../app-env.ts';
import { errorBody } from '../error-response.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;

const MB = 1024 * 1024;
/** Room for the multipart envelope around the file. */
const ENVELOPE = 64 * 1024;

/** Upload limits at the edge, by path; the first match wins; other upload routes get the last (20 MB). */
export const UPLOAD_LIMITS: readonly {
  path: RegExp;
  bytes: number;
  label: string;
  advice: string;
  adviceEn: string;
}[] = [
  {
    // 预算执行台账 and the other monthly imports: a year of ledger lines
    path: /^\/api\/departments\/[^/]+\/imports\//,
    bytes: 200 * MB,
    label: '200 MB',
    advice: '请按月份拆分后导入',
    adviceEn: 'split it by month',
  },
  {
    path: /^\/api\//,
    bytes: 20 * MB,
    label: '20 MB',
    advice: '请压缩或拆分后再上传',
    adviceEn: 'compress or split it',
  },
];

/** "METHOD /api/x/{id}" templates whose request declares a multipart body, as path patterns (from the OpenAPI registry). */
function uploadRoutes(app: App): { method: string; path: RegExp }[] {
  const out: { method: string; path: RegExp }[] = [];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') {
      continue;
    }
    const content = (d.route.request?.body as { content?: Record<string, unknown> } | undefined)
      ?.content;
    if (content && 'multipart/form-data' in content) {
      const pattern = d.route.path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      out.push({ method: d.route.method.toUpperCase(), path: new RegExp(`^${pattern}$`) });
    }
  }
  return out;
}

const uploadLimiters = UPLOAD_LIMITS.map((l) =>
  bodyLimit({
    maxSize: l.bytes + ENVELOPE,
    onError: (c) =>
      c.json(
        errorBody('FILE_TOO_LARGE', { limit: l.label, advice: l.advice, adviceEn: l.adviceEn }),
        413,
      ),
  }),
);

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
  let uploads: { method: string; path: RegExp }[] | null = null; // routes are registered after the edge
  app.use('/api/*', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    uploads ??= uploadRoutes(app);
    const path = c.req.path;
    const upload =
      type.startsWith('multipart/form-data') &&
      uploads.some((u) => u.method === c.req.method && u.path.test(path));
    if (!upload) {
      return jsonLimit(c, next); // JSON, or a file sent where no file is taken
    }
    const i = UPLOAD_LIMITS.findIndex((l) => l.path.test(path));
    return uploadLimiters[i]!(c, next);
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
