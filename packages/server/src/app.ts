// createApp(deps) → the Hono app (API + OpenAPI + the built web UI). No listen, so tests use app.request().
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Context } from 'hono';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppDeps, AppEnv } from './http/app-env.ts';
import type { Actor } from './auth/actor.ts';
import { errorBody, handleError, validationBody } from './http/error-response.ts';
import { routeModules } from './features/routes.ts';
import { middlewareModules } from './http/middleware/index.ts';
import { registerEdgeMiddleware } from './http/middleware/edge.ts';
import { OPENAPI_CONFIG } from './http/openapi-config.ts';

export const webDistDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

export interface CreateAppOptions {
  /** Tests only: act as this user without a session (main.ts never sets it). */
  testActor?: Actor;
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(validationBody(result.error.issues), 400);
      }
      return undefined;
    },
  });
  app.onError(handleError);
  registerEdgeMiddleware(app, deps);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  if (options.testActor) {
    const actor = options.testActor;
    app.use('/api/*', async (c, next) => {
      c.set('actor', actor);
      await next();
    });
  } else {
    for (const m of middlewareModules) {
      m(app, deps);
    }
  }
  for (const register of routeModules) {
    register(app, deps);
  }
  app.doc31('/api/openapi.json', OPENAPI_CONFIG);
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', baseUrl: '/vendor' }));
  app.get('/vendor/swagger-ui-dist/:file', (c) => serveSwaggerAsset(c.req.param('file'), c));
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json(errorBody('ENDPOINT_NOT_FOUND'), 404);
    }
    return serveIndex(c.html.bind(c));
  });
  if (fs.existsSync(webDistDir)) {
    app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), webDistDir) }));
    app.get('/favicon.svg', serveStatic({ root: path.relative(process.cwd(), webDistDir) }));
  }
  return app;
}

function serveIndex(
  html: (s: string) => Response | Promise<Response>,
): Response | Promise<Response> {
  const index = path.join(webDistDir, 'index.html');
  if (fs.existsSync(index)) {
    return html(fs.readFileSync(index, 'utf8'));
  }
  return html(
    '<!doctype html><meta charset="utf-8"><title>绩效</title><p>前端尚未构建：请运行 <code>npm run build:web</code>。</p>',
  );
}

/** The API docs page's two files, served from the swagger-ui-dist package (no CDN: intranets have none). */
const SWAGGER_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
const swaggerDir = path.dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

function serveSwaggerAsset(file: string, c: Context): Response {
  const type = SWAGGER_ASSETS[file];
  if (!type) {
    return c.json(errorBody('ENDPOINT_NOT_FOUND'), 404);
  }
  return c.body(fs.readFileSync(path.join(swaggerDir, file)), 200, {
    'content-type': type,
    'cache-control': 'public, max-age=86400',
  });
}
