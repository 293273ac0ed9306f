// The Hono environment shared by every route: the acting user and the services' dependencies.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.ts';
import type { Database } from '../db/open-db.ts';
import type { Actor } from '../auth/actor.ts';

export interface AppDeps {
  database: Database;
  config: Config;
  /** Injected clock (tests pass a fixed one). */
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    /** Set by the session middleware for authenticated requests. */
    actor: Actor;
    deps: AppDeps;
  };
}

export type App = OpenAPIHono<AppEnv>;

/** A module of routes: registered once at start. */
export type RegisterRoutes = (app: App, deps: AppDeps) => void;
