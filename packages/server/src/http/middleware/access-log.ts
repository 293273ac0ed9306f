// Refused access is logged: every 403 FORBIDDEN a service raised (another department's data, a role's limits)
// becomes an 'access.denied' audit entry, written in its own transaction after the refusal.
import type { RegisterRoutes } from '../app-env.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { ServiceError } from '../../services/errors.ts';

export const registerAccessLogMiddleware: RegisterRoutes = (app, deps) => {
  app.use('/api/*', async (c, next) => {
    await next();
    const e = c.error;
    if (!(e instanceof ServiceError) || e.code !== 'FORBIDDEN') {
      return;
    }
    const actor = c.var.actor as typeof c.var.actor | undefined;
    if (!actor) {
      return;
    }
    const details = (e.details ?? {}) as { reason?: string; departmentCode?: string | null; permission?: string };
    try {
      await recordAudit(deps.database.db, actor, {
        action: 'access.denied',
        entity: 'http',
        entityId: `${c.req.method} ${c.req.path}`.slice(0, 200),
        departmentCode: details.departmentCode ?? null,
        before: null,
        after: { reason: details.reason ?? 'forbidden', permission: details.permission ?? null, message: e.messageZh },
      });
    } catch (err) {
      process.stderr.write(`[jixiao] could not log refused access: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  });
};
