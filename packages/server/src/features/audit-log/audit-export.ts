// Audit entries → CSV (UTF-8 with BOM, formula-injection-safe cells; times in Beijing time as on the screen, the
// zone named in the header; action, object and department in words beside their codes) or JSON, for the audit
// administrator and the CLI.
import type { Queryable } from '../../db/open-db.ts';
import { readAuditPage, type AuditFilter } from './audit-log.repository.ts';
import { sanitizeCell } from '../../render/sanitize-cell.ts';
import { AUDIT_TIME_ZONE, describeEntries, type AuditView } from './audit-view.ts';

export { toExportEntry, type AuditExportEntry } from './audit-view.ts';

export type AuditExportFormat = 'csv' | 'json';

export const CSV_HEADER = [
  '序号 seq',
  `时间 at (${AUDIT_TIME_ZONE.zh} / ${AUDIT_TIME_ZONE.en})`,
  '用户 user',
  '角色 role',
  '姓名 name',
  'IP',
  '操作 action',
  '操作代码 action_code',
  '对象 entity',
  '对象名称 object',
  '对象ID entity_id',
  '部门 department',
  '部门编码 department_code',
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

export function csvLine(e: AuditView): string {
  const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));
  return [
    String(e.seq),
    e.atLocal,
    e.actorUsername,
    e.actorRole,
    e.actorName ?? '',
    e.ip ?? '',
    e.actionLabel.zh,
    e.action,
    e.entityLabel.zh,
    e.objectName ?? '',
    e.entityId,
    e.departmentName ?? '',
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
  const entries: AuditView[] = [];
  let after = 0;
  for (;;) {
    const rows = await readAuditPage(db, filter, after, 2000);
    entries.push(...(await describeEntries(db, rows)));
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
