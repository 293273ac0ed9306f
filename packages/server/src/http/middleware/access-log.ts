// Refused access is logged: every 403 FORBIDDEN a service raised (another department's data, a role's limits), and
// every refusal answered as 404 to hide another department's item (auth/access.ts hiddenRefusal), becomes an
// 'access.denied' audit entry, written in its own transaction after the refusal.
import { ERRORS } from '@jixiao/core';
import type { Context } from 'hono';
import type { AppDeps, AppEnv, RegisterRoutes } from '../app-env.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Actor } from '../../auth/actor.ts';
import { hiddenRefusalOf } from '../../auth/access.ts';
import { ServiceError } from '../service-error.ts';

/**
 * Writes one 'access.denied' entry for this request (the one place the three refusals — a service's FORBIDDEN,
 * a failed CSRF check, a pending password change — are logged). Best effort: a failed write is reported on
 * stderr and the refusal stands.
 */
export async function logAccessDenied(
  deps: AppDeps,
  c: Context<AppEnv>,
  actor: Actor,
  departmentCode: string | null,
  after: Record<string, unknown>,
): Promise<void> {
  try {
    await recordAudit(deps.database.db, actor, {
      action: 'access.denied',
      entity: 'http',
      entityId: `${c.req.method} ${c.req.path}`.slice(0, 200),
      departmentCode,
      before: null,
      after,
    });
  } catch (err) {
    process.stderr.write(
      `[jixiao] could not log refused access: ${err instanceof Error ? err.message : String(err)}\n`,
    );
  }
}

export const registerAccessLogMiddleware: RegisterRoutes = (app, deps) => {
  app.use('/api/*', async (c, next) => {
    await next();
    const e = c.error;
    if (!(e instanceof ServiceError)) {
      return;
    }
    const hidden = hiddenRefusalOf(e);
    if (ERRORS[e.code].kind !== 'forbidden' && !hidden) {
      return;
    }
    const actor = c.var.actor as typeof c.var.actor | undefined;
    if (!actor) {
      return;
    }
    const details = (hidden ?? e.details ?? {}) as {
      reason?: string;
      departmentCode?: string | null;
      permission?: string;
    };
    await logAccessDenied(deps, c, actor, details.departmentCode ?? null, {
      reason: details.reason ?? 'forbidden',
      permission: details.permission ?? null,
      message: e.messageZh,
    });
  });
};
