// Audit entries → CSV (UTF-8 with BOM, formula-injection-safe cells) or JSON, for the audit administrator and the CLI.
import type { Queryable } from '../../db/open-db.ts';
import { readAuditPage, type AuditFilter, type AuditRow } from './audit-log.repository.ts';
import { sanitizeCell } from '../../render/sanitize-cell.ts';

export type AuditExportFormat = 'csv' | 'json';

export interface AuditExportEntry {
  seq: number;
  at: string;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string;
  departmentCode: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
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

export const CSV_HEADER = [
  '序号 seq',
  '时间 at (UTC)',
  '用户 user',
  '角色 role',
  'IP',
  '操作 action',
  '对象 entity',
  '对象ID entity_id',
  '部门 department',
  '变更前 before',
  '变更后 after',
  '前序哈希 prev_hash',
  '哈希 hash',
];

/** One CSV cell: formula triggers neutralised (= + - @ ＝ ＋ － ＠ …), quoted when needed (RFC 4180). */
export function csvCell(value: string): string {
  const safe = sanitizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(e: AuditExportEntry): string {
  const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));
  return [
    String(e.seq),
    e.at,
    e.actorUsername,
    e.actorRole,
    e.ip ?? '',
    e.action,
    e.entity,
    e.entityId,
    e.departmentCode ?? '',
    json(e.before),
    json(e.after),
    e.prevHash,
    e.hash,
  ]
    .map(csvCell)
    .join(',');
}

/** The whole export as one string (entries in chain order). */
export async function exportAudit(
  db: Queryable,
  filter: AuditFilter,
  format: AuditExportFormat,
): Promise<{ body: string; count: number }> {
  const entries: AuditExportEntry[] = [];
  let after = 0;
  for (;;) {
    const rows = await readAuditPage(db, filter, after, 2000);
    entries.push(...rows.map(toExportEntry));
    if (rows.length < 2000) {
      break;
    }
    after = rows[rows.length - 1]!.seq;
  }
  if (format === 'json') {
    return { body: `${JSON.stringify(entries, null, 2)}\n`, count: entries.length };
  }
  const lines = [CSV_HEADER.map(csvCell).join(','), ...entries.map(csvLine)];
  return { body: `\uFEFF${lines.join('\r\n')}\r\n`, count: entries.length };
}
