// What the audit administrator may do with the log: search, export (CSV/JSON), verify. Exports and verifications
// are themselves audited. Nobody else may read it (三员分立).
import type { Db } from '../../db/open-db.ts';
import {
  distinctActions,
  searchAudit,
  usernamesMatching,
  type AuditFilter,
} from './audit-log.repository.ts';
import { actionsMatching } from './audit-labels.ts';
import { describeEntries, type AuditView } from './audit-view.ts';
import type { Queryable } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertPermission } from '../../auth/access.ts';
import { ServiceError } from '../../http/service-error.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { exportAudit, type AuditExportFormat } from './audit-export.ts';
import { verifyAuditChain, type ChainVerification } from '../../audit/verify-chain.ts';

export interface AuditQueryInput {
  user?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  department?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
}

/** "2024-01-31" = that day in China Standard Time; an ISO time without a zone is read as UTC+8 too. */
export function parseWhen(text: string, endOfDay: boolean): Date {
  const t = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(t);
  const iso = dateOnly
    ? `${t}T00:00:00+08:00`
    : withZone
      ? t.replace(' ', 'T')
      : `${t.replace(' ', 'T')}+08:00`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    throw new ServiceError('AUDIT_DATE_INVALID', { date: text });
  }
  return dateOnly && endOfDay ? new Date(d.getTime() + 86_400_000) : d;
}

export function toFilter(q: AuditQueryInput): AuditFilter {
  const from = q.from ? parseWhen(q.from, false) : undefined;
  const to = q.to ? parseWhen(q.to, true) : undefined;
  if (from && to && from >= to) {
    throw new ServiceError('AUDIT_RANGE_INVALID');
  }
  return {
    user: q.user?.trim() || undefined,
    action: q.action?.trim() || undefined,
    from,
    to,
    department: q.department?.trim() || undefined,
    entity: q.entity?.trim() || undefined,
    entityId: q.entityId?.trim() || undefined,
  };
}

/**
 * The filter with the action searched by name: 「提交」, "submitted" or a code prefix ("goal.", "goal*") finds every
 * action in the log whose Chinese or English name contains it (or whose code starts with it).
 */
async function filterByName(db: Queryable, q: AuditQueryInput): Promise<AuditFilter> {
  const filter = toFilter(q);
  const byUser: AuditFilter = filter.user
    ? { user: undefined, usersIn: await usernamesMatching(db, filter.user) }
    : {};
  if (!filter.action) {
    return { ...filter, ...byUser };
  }
  const text = filter.action.replace(/\*$/, '');
  return {
    ...filter,
    ...byUser,
    action: undefined,
    actionsIn: actionsMatching(text, await distinctActions(db)),
  };
}

export async function searchAuditLog(
  db: Db,
  actor: Actor,
  q: AuditQueryInput & { limit: number; offset: number },
): Promise<{ total: number; entries: AuditView[] }> {
  assertPermission(actor, 'audit.read');
  const { total, rows } = await searchAudit(db, await filterByName(db, q), q.limit, q.offset);
  return { total, entries: await describeEntries(db, rows) };
}

export async function exportAuditLog(
  db: Db,
  actor: Actor,
  q: AuditQueryInput,
  format: AuditExportFormat,
): Promise<{ body: string; fileName: string; count: number }> {
  assertPermission(actor, 'audit.read');
  const out = await exportAudit(db, await filterByName(db, q), format);
  await recordAudit(db, actor, {
    action: 'audit.export',
    entity: 'audit_log',
    entityId: format,
    departmentCode: null,
    before: null,
    after: { filter: { ...q }, count: out.count },
  });
  return { ...out, fileName: `audit-log.${format}` };
}

export async function verifyAuditLog(db: Db, actor: Actor): Promise<ChainVerification> {
  assertPermission(actor, 'audit.read');
  const result = await verifyAuditChain(db);
  await recordAudit(db, actor, {
    action: 'audit.verify',
    entity: 'audit_log',
    entityId: String(result.lastSeq),
    departmentCode: null,
    before: null,
    after: {
      entries: result.entries,
      intact: result.intact,
      firstBroken: result.firstBroken?.seq ?? null,
    },
  });
  return result;
}
