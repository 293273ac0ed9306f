// An audit entry as the audit administrator reads it: the action, object and fields in words, the actor's and the
// department's names instead of ids, the time in Beijing time (the same text on the screen and in the export), and
// a before/after list of the fields that changed instead of raw JSON.
import type { Queryable } from '../../db/open-db.ts';
import type { AuditEntryFields } from '../../audit/audit-log.ts';
import { actionLabel, entityLabel, fieldLabel, type Label } from './audit-labels.ts';
import { departmentNames, userNames, type AuditRow } from './audit-log.repository.ts';

/** An entry as exported: the fields its hash covers, and the hash. */
export interface AuditExportEntry extends AuditEntryFields {
  hash: string;
}

export function toExportEntry(r: AuditRow): AuditExportEntry {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorUsername: r.actorUsername,
    actorRole: r.actorRole,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    departmentCode: r.departmentCode,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

export interface AuditChange {
  field: string;
  label: Label;
  before: unknown;
  after: unknown;
}

export interface AuditView extends AuditExportEntry {
  /** "2024-01-31 08:00:00" in Beijing time (UTC+8). */
  atLocal: string;
  actionLabel: Label;
  actorName: string | null;
  departmentName: string | null;
  entityLabel: Label;
  /** The object's own name (project, account, department…) when the entry tells it. */
  objectName: string | null;
  changes: AuditChange[];
}

/** The time zone of the screen and of the export header. */
export const AUDIT_TIME_ZONE = { zh: '北京时间 UTC+8', en: 'Beijing time UTC+8' } as const;

/** "YYYY-MM-DD HH:mm:ss" in UTC+8 (China has one zone and no daylight saving). */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HIDDEN_FIELD = /(^id$|Id$|_id$|hash$|Hash$|token|Token|^createdAt$|^updatedAt$|^version$)/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(field: string, v: unknown): boolean {
  return !HIDDEN_FIELD.test(field) && !(typeof v === 'string' && UUID.test(v));
}

/** The fields that differ between the two snapshots (all fields of a creation or a deletion). */
export function changesOf(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) {
      return [];
    }
    return [{ field: '', label: { zh: '内容', en: 'Content' }, before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .filter((f) => shown(f, b[f]) && shown(f, a[f]))
    .map((f) => ({ field: f, label: fieldLabel(f), before: b[f] ?? null, after: a[f] ?? null }));
}

const NAME_FIELDS = ['name', 'title', 'displayName', 'projectName', 'enterpriseName', 'username'];

function snapshotName(r: AuditRow): string | null {
  for (const snap of [r.after, r.before]) {
    if (isRecord(snap)) {
      for (const k of NAME_FIELDS) {
        const v = snap[k];
        if (typeof v === 'string' && v.trim() !== '') {
          return v;
        }
      }
    }
  }
  return null;
}

/** The entries with names looked up (one query for the accounts, one for the departments). */
export async function describeEntries(db: Queryable, rows: AuditRow[]): Promise<AuditView[]> {
  const userIds = [
    ...rows.map((r) => r.actorUserId),
    ...rows.filter((r) => r.entity === 'users').map((r) => r.entityId),
  ].filter((id) => UUID.test(id));
  const deptCodes = [
    ...rows.map((r) => r.departmentCode).filter((c): c is string => c !== null),
    ...rows.filter((r) => r.entity === 'departments').map((r) => r.entityId),
  ];
  const people = await userNames(db, userIds);
  const depts = await departmentNames(db, deptCodes);
  return rows.map((r) => ({
    ...toExportEntry(r),
    atLocal: beijingTime(r.at),
    actionLabel: actionLabel(r.action),
    actorName: people.get(r.actorUserId) ?? null,
    departmentName: r.departmentCode ? (depts.get(r.departmentCode) ?? null) : null,
    entityLabel: entityLabel(r.entity),
    objectName:
      (r.entity === 'users' ? people.get(r.entityId) : undefined) ??
      (r.entity === 'departments' ? depts.get(r.entityId) : undefined) ??
      snapshotName(r),
    changes: changesOf(r.before, r.after),
  }));
}
